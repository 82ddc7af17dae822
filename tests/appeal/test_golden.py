"""Golden drafts of sample_data/ (regenerate with `pytest --update-golden`)."""

from pathlib import Path

import pytest

from linkaudit.appeal import AppealRequest, build_draft, draft_appeal
from linkaudit.appeal.render import render
from linkaudit.inventory.model import Inventory
from linkaudit.pipeline import ScanOptions, scan_with_inventory
from linkaudit.result import ScanResult

GOLDEN = Path(__file__).parent / "golden"
OPTIONS = ScanOptions(generated_at="2026-11-27T10:00:00Z")
CASES = {
    "mingyue-de.unknown.en": AppealRequest("mingyue-de", hint="Hon"),
    "mingyue-de.unknown.zh": AppealRequest("mingyue-de", hint="Hon", lang="zh"),
    "mingyue-de.known.en": AppealRequest("mingyue-de", hint="Hon", scenario="known"),
    "mingyue-de.own.en": AppealRequest("mingyue-de", related="mingyue-us", scenario="own"),
    "xinda-de.unknown.en": AppealRequest("xinda-de"),
}

Sample = tuple[ScanResult, Inventory]


@pytest.fixture(scope="module")
def sample() -> Sample:
    return scan_with_inventory(Path(__file__).parents[2] / "sample_data", OPTIONS)


def _compare(name: str, text: str, update: bool) -> None:
    path = GOLDEN / f"{name}.md"
    if update:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{path} differs (pytest --update-golden)"


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_draft(sample: Sample, update_golden: bool, name: str) -> None:
    built, _ = build_draft(*sample, CASES[name])
    _compare(name, render(built), update_golden)


def test_seed_story_in_sample_data(sample_dir: Path) -> None:
    """The planted cloud-IP story end to end, through draft_appeal as the CLI calls it."""
    text, warnings = draft_appeal(sample_dir, OPTIONS, CASES["mingyue-de.unknown.en"])
    first = next(line for line in text.splitlines() if line.startswith("1. "))
    facts = [
        "`192.0.2.45`",
        "oldseller-closed (Hongtu Outdoor DE, closed)",
        "mingyue-de from 2026-07-02 to 2026-09-10",
        "oldseller-closed from 2026-01-05 to 2026-02-26",
        "Labelled as a cloud or hosting address",
    ]
    assert all(fact in first for fact in facts)
    assert "Log in from a fixed residential or business line" in text
    assert not any("--hint" in w for w in warnings)  # 'Hon' names one account only


@pytest.mark.parametrize(("account", "other", "file"), [
    ("xinda-de", "xinda-uk", "documents/xinda-uk_utility_bill_2026-04.pdf"),
    ("xinda-uk", "xinda-de", "documents/xinda-de_address_proof.pdf"),
])  # fmt: skip
def test_sample_shared_bill_warns(sample: Sample, account: str, other: str, file: str) -> None:
    _, warnings = build_draft(*sample, AppealRequest(account))
    assert any("byte-identical" in w and other in w and file in w for w in warnings)


def test_sample_old_bill_warns(sample: Sample) -> None:
    _, warnings = build_draft(*sample, AppealRequest("xinda-uk"))
    assert any("xinda-uk_utility_bill_2026-04.pdf" in w and "90 days" in w for w in warnings)
