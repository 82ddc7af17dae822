"""Masking everywhere (spec 5): no output shows a sensitive value unless --show-values.

Every format of `scan`, plus `explain`, `validate`, `check`, `appeal` and problem messages,
is searched for every sensitive value of sample_data; with --show-values the same search
must find them, which proves the search can fail.
"""

import io
import json
import zipfile
from pathlib import Path

import pytest

from linkaudit.pipeline import ScanOptions, load
from linkaudit.vocab import SENSITIVE

from .helpers import run, sample_copy, snapshot, write

FORMATS = ["table", "json", "csv", "xlsx", "markdown", "html"]


@pytest.fixture(scope="module")
def inventory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_copy(tmp_path_factory.mktemp("mask"))


@pytest.fixture(scope="module")
def secrets(inventory: Path) -> set[str]:
    """Raw and canonical values of the sensitive types, long enough to mean something."""
    _, inv = load(inventory, ScanOptions())
    table = inv.attributes[inv.attributes["type"].isin([t.value for t in SENSITIVE])]
    paths = table["value"].str.startswith("sha256:")  # raw = the file's path: not a secret
    texts = set(table.loc[~paths, "raw"]) | set(table["value"])
    texts = {t for t in texts if "*" not in t}  # masked in the inventory already
    return {t for t in texts if len(t) >= 6 or (len(t) >= 2 and not t.isascii())}


def _text(data: bytes) -> str:
    """Text of an output; an XLSX is unzipped and every part concatenated."""
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return "\n".join(book.read(n).decode("utf-8") for n in book.namelist())
    return data.decode("utf-8")


def _outputs(inventory: Path, tmp: Path, show: list[str]) -> dict[str, str]:
    """Every output a user can see, by label, with or without --show-values."""
    found: dict[str, str] = {}
    saved = tmp / "scan.json"
    assert run("scan", inventory, "-f", "json", "-o", saved, *show).exit_code == 0
    for fmt in FORMATS:  # the saved scan in every format: one scan, the same renderers
        out = tmp / f"scan.{fmt}"
        result = run("report", saved, "-f", fmt, "-o", out)
        assert result.exit_code == 0, result.stderr
        text = _text(out.read_bytes())
        if fmt == "json":  # the rule pack's own texts cite "Li Wei" as a common name
            text = json.dumps({**json.loads(text), "rules": []}, ensure_ascii=False)
        found[f"report {fmt}"] = text + result.stderr
    for label, args in {
        "scan table": ["scan", inventory],
        "explain pair": ["explain", inventory, "xinda-us", "xinda-uk"],
        "explain account": ["explain", inventory, "mingyue-de"],
        "validate": ["validate", inventory],
        "validate json": ["validate", inventory, "--format", "json"],
        "check": ["check", inventory],
        "appeal": ["appeal", inventory, "mingyue-de", "--hint", "Hon"],
    }.items():
        result = run(*args, *show)
        assert result.exit_code in (0, 1), (label, result.stderr)
        found[label] = result.stdout + result.stderr
    return found


def _leaks(outputs: dict[str, str], secrets: set[str]) -> dict[str, list[str]]:
    leaks = {label: sorted(s for s in secrets if s in text) for label, text in outputs.items()}
    return {label: found for label, found in leaks.items() if found}


def test_nothing_sensitive_is_shown_by_default(
    inventory: Path, secrets: set[str], tmp_path: Path
) -> None:
    before = snapshot(inventory)
    leaks = _leaks(_outputs(inventory, tmp_path, []), secrets)
    assert leaks == {}, json.dumps(leaks, ensure_ascii=False)
    assert snapshot(inventory) == before


def test_show_values_shows_them(inventory: Path, secrets: set[str], tmp_path: Path) -> None:
    leaks = _leaks(_outputs(inventory, tmp_path, ["--show-values"]), secrets)
    assert {"report json", "report html", "report xlsx", "explain pair"} <= set(leaks)


def test_problem_messages_are_masked(tmp_path: Path) -> None:
    """A broken line echoed in a problem keeps its shape, not its phone, mail or name."""
    line = '{"account_id": "acme-us", "phone": "+8613800138000", "name": "Zhang Xiaoming"'
    bad = {
        "people.jsonl": line + "\n",
        "payments.csv": "account_id,card_number\nacme-us,4111 1111 1111 1112,+8613800138000\n",
        "people.csv": "account_id,email,phone\nacme-uk,li.wei@@example.cn,+86 138 0013 80\n",
    }
    root = write(tmp_path / "inv", bad)
    secrets = {"8613800138000", "Zhang", "Xiaoming", "li.wei", "4111 1111 1111 1112"}
    for args in (["validate", root], ["validate", root, "--format", "json"],
                 ["scan", root, "-f", "json"]):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        shown = result.stdout + result.stderr
        assert [s for s in secrets if s in shown] == [], args
        assert "people.jsonl:1" in shown and "payments.csv:2" in shown
    shown = run("validate", root, "--show-values").stdout
    assert "Zhang Xiaoming" in shown and "4111 1111 1111 1112" in shown
