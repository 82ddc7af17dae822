"""Hostile inputs the scan survives: a problem naming file and line, the rest still audited.

Each case checks `linkaudit validate --format json` and the scan JSON's `problems`, exit 0,
no traceback, and the inventory byte-identical afterwards (docs/safety.md).
"""

import json
from pathlib import Path
from typing import Any

import pytest

from .helpers import LOGINS, assert_no_traceback, run, snapshot, write

BIG = 3_000_000  # characters: a multi-megabyte cell


def problems(root: Path, *extra: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(validate's problems, the scan JSON) of root, both commands exiting 0."""
    before = snapshot(root)
    checked = run("validate", root, "--format", "json", *extra)
    assert checked.exit_code == 0, checked.stderr
    scanned = run("scan", root, "--format", "json", "--quiet", *extra)
    assert scanned.exit_code == 0, scanned.stderr
    for result in (checked, scanned):
        assert_no_traceback(result)
    assert snapshot(root) == before
    scan = json.loads(scanned.stdout)
    assert scan["problems"] == [
        {k: p[k] for k in ("where", "column", "value", "why", "level")}
        for p in json.loads(checked.stdout)["problems"]
    ]
    return scan["problems"], scan


def linked(scan: dict[str, Any]) -> set[tuple[str, ...]]:
    return {tuple(link["accounts"]) for link in scan["links"]}


def test_missing_account_id_column_skips_that_file(tmp_path: Path) -> None:
    root = write(
        tmp_path / "inv", {"devices.csv": "mac\n00:1A:2B:3C:4D:5E\n", "logins.csv": LOGINS}
    )
    found, scan = problems(root)
    assert [(p["where"], p["level"]) for p in found] == [("devices.csv", "error")]
    assert "no account_id column" in found[0]["why"]
    assert linked(scan) == {("acme-uk", "acme-us")}  # the other file is still audited


def test_conflicting_duplicate_account_rows_name_both_rows(tmp_path: Path) -> None:
    accounts = "account_id,status\nacme-us,active\nacme-us,closed\n"
    root = write(tmp_path / "inv", {"accounts.csv": accounts, "logins.csv": LOGINS})
    found, scan = problems(root)
    assert len(found) == 1
    assert found[0]["where"] == "accounts.csv:3" and "accounts.csv:2" in found[0]["why"]
    status = {a["account_id"]: a["status"] for a in scan["accounts"]}
    assert status["acme-us"] == "active"  # the first row wins


def test_multi_megabyte_cell_is_skipped_and_the_limit_can_be_raised(tmp_path: Path) -> None:
    huge = "f" * BIG
    devices = f"account_id,fingerprint\nacme-us,{huge}\nacme-uk,{huge}\n"
    root = write(tmp_path / "inv", {"devices.csv": devices})
    found, scan = problems(root)
    assert [p["where"] for p in found] == ["devices.csv:2", "devices.csv:3"]
    assert "max_cell_chars" in found[0]["why"] and len(found[0]["value"]) < 100
    assert linked(scan) == set()
    write(root, {"linkaudit.toml": f"[limits]\nmax_cell_chars = {BIG + 1}\n"})
    found, scan = problems(root)
    assert found == [] and linked(scan) == {("acme-uk", "acme-us")}


def test_unknown_kind_lists_the_known_kinds(tmp_path: Path) -> None:
    root = write(tmp_path / "inv", {"shoes.csv": LOGINS, "logins.csv": LOGINS})
    found, _ = problems(root)
    assert [p["where"] for p in found] == ["shoes.csv"]
    assert "unknown kind 'shoes'" in found[0]["why"]
    assert all(k in found[0]["why"] for k in ("accounts", "logins", "payments", "documents"))


def test_truncated_json_lines_keep_the_good_lines(tmp_path: Path) -> None:
    lines = '{"account_id": "acme-us", "ip": "203.0.113.7"}\n'
    lines += '{"account_id": "acme-uk", "ip": "203.0.113.7"}\n{"account_id": "acme-'
    root = write(tmp_path / "inv", {"logins.jsonl": lines})
    found, scan = problems(root)
    assert [p["where"] for p in found] == ["logins.jsonl:3"]
    assert linked(scan) == {("acme-uk", "acme-us")}


def test_binary_that_decodes_as_legacy_text_is_a_file_without_account_id(tmp_path: Path) -> None:
    root = write(tmp_path / "inv", {"devices.csv": b"\xff\xfe\xfd\x81" * 999, "logins.csv": LOGINS})
    found, scan = problems(root)
    assert [(p["where"], p["level"]) for p in found] == [("devices.csv", "error")]
    assert not any("devices.csv" in note for note in scan["notes"])  # garbage never echoed


def test_utf16_without_bom_is_read(tmp_path: Path) -> None:
    root = write(tmp_path / "inv", {"logins.csv": LOGINS.encode("utf-16-le")})
    found, scan = problems(root)
    assert found == [] and linked(scan) == {("acme-uk", "acme-us")}


@pytest.mark.parametrize(
    ("files", "where"),
    [
        ({"logins.csv": LOGINS + "acme-de,999.1.1.1\n"}, "logins.csv:4"),
        ({"logins.csv": LOGINS + "acme-de,203.0.113.9,extra,cells\n"}, "logins.csv:4"),
        ({"logins.json": '[{"account_id": "a", "ip": "203.0.113.7"},\n 42]'}, "logins.json:2"),
    ],
    ids=["unparseable-value", "ragged-row", "json-non-record"],
)
def test_bad_rows_are_problems_with_file_and_line(
    tmp_path: Path, files: dict[str, str], where: str
) -> None:
    found, _ = problems(write(tmp_path / "inv", files))
    assert [p["where"] for p in found] == [where]
