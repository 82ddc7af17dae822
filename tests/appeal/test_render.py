"""Templates: the built-in one, the seller's own, and hostile data and templates."""

import dataclasses
from pathlib import Path

import pytest

from linkaudit.appeal import AppealRequest, build_draft
from linkaudit.appeal.render import render, template_source
from linkaudit.errors import InputError
from linkaudit.inventory.model import Inventory
from linkaudit.result import ScanResult

from .helpers import draft

Seed = tuple[ScanResult, Inventory]


def test_a_user_template_gets_the_draft(seed: Seed, tmp_path: Path) -> None:
    own = tmp_path / "mine.md.j2"
    source = (
        "{{ draft.account.account_id }}: {{ draft.root_causes | length }} causes\n"
        "{% for f in draft.root_causes %}{{ f.text }}\n{% endfor %}"
    )
    own.write_text(source, encoding="utf-8")
    built, _, _ = draft(seed, "mingyue-de")
    text = render(built, own)
    assert text.startswith(f"mingyue-de: {len(built.root_causes)} causes\n")
    assert built.root_causes[0].text in text


@pytest.mark.parametrize(("source", "message"), [
    ("{% for x in %}", "line 1"),
    ("{{ draft.nothing_here }}", "has no attribute 'nothing_here'"),
    ("{{ draft.__class__.__mro__ }}", "template"),
    ("{{ ''.__class__.__subclasses__() }}", "template"),
])  # fmt: skip
def test_bad_or_hostile_templates_are_input_errors(seed: Seed, tmp_path: Path, source: str,
                                                   message: str) -> None:  # fmt: skip
    own = tmp_path / "bad.j2"
    own.write_text(source, encoding="utf-8")
    built, _, _ = draft(seed, "mingyue-de")
    with pytest.raises(InputError, match=message):
        render(built, own)


def test_an_unreadable_template_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read template"):
        template_source(tmp_path / "missing.j2")
    (tmp_path / "latin1.j2").write_bytes(b"caf\xe9")
    with pytest.raises(InputError, match="cannot read template"):
        template_source(tmp_path / "latin1.j2")


def test_data_is_never_template_code(seed: Seed) -> None:
    result, inv = seed
    record = dataclasses.replace(inv.accounts["mingyue-de"], store_name="{{ 7*7 }} [[x]] <b>|")
    hostile = dataclasses.replace(inv, accounts={**inv.accounts, "mingyue-de": record})
    built, _ = build_draft(result, hostile, AppealRequest("mingyue-de"))
    text = render(built)
    assert "49" not in text
    assert "# Plan of action: {{ 7\\*7 }} \\[\\[x\\]\\] \\<b\\>\\| (mingyue-de)" in text


def test_output_is_deterministic(seed: Seed) -> None:
    assert draft(seed, "mingyue-de", hint="Hon")[1] == draft(seed, "mingyue-de", hint="Hon")[1]
