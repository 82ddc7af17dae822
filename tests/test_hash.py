"""`linkaudit hash` (spec 2.10): the pseudonymised copy links exactly like the original,
invents nothing, and holds no raw sensitive value and no key."""

import csv
import io
import json
import re
import secrets
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hostile.helpers import assert_clean_error, sample_copy, snapshot
from typer.testing import CliRunner

from linkaudit.cli import app
from linkaudit.engine.rules import load_pack
from linkaudit.inventory.decode import detect
from linkaudit.inventory.kinds import COLUMNS
from linkaudit.pipeline import ScanOptions, load
from linkaudit.pseudonymise import keyed_hash, write_hashed
from linkaudit.pseudonymise.table import CLEAR

runner = CliRunner()
FUZZY = {r.id for r in load_pack(None).rules if r.fuzzy}
KEY = "5f0c" * 16  # 32 bytes as hex


def cli(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sample inventory, its hashed copy, and both scans (run once for the module)."""
    tmp = tmp_path_factory.mktemp("hash")
    root = sample_copy(tmp)
    key = tmp / "key.txt"
    key.write_text(KEY + "\n")
    before = snapshot(root)
    result = cli("hash", root, tmp / "out", "--key-file", key)
    assert result.exit_code == 0, result.stderr
    assert snapshot(root) == before
    scans = {}
    for name, where in (("original", root), ("hashed", tmp / "out")):
        scanned = cli("scan", where, "-f", "json", "-q")
        assert scanned.exit_code == 0, scanned.stderr
        scans[name] = json.loads(scanned.stdout)
    return {"root": root, "out": tmp / "out", "key": key, "summary": result.stderr, **scans}


def evidence(scan: dict[str, Any], fuzzy: bool) -> set[tuple[tuple[str, ...], str]]:
    """(accounts, rule) of every link evidence and hub, fuzzy rules or exact-match ones."""
    found = {
        (tuple(link["accounts"]), e["rule"]) for link in scan["links"] for e in link["evidence"]
    }
    found |= {(tuple(h["accounts"]), h["rule"]) for h in scan["hubs"]}
    return {f for f in found if (f[1] in FUZZY) == fuzzy}


def test_exact_match_links_are_identical(copies: dict[str, Any]) -> None:
    original, hashed = evidence(copies["original"], False), evidence(copies["hashed"], False)
    assert original, "the sample must have exact-match links for this test to mean anything"
    assert hashed - original == set(), "links invented by the copy"
    assert original - hashed == set(), "links lost by the copy"


def test_scores_and_account_flags_are_kept(copies: dict[str, Any]) -> None:
    def scores(scan: dict[str, Any]) -> dict[tuple[str, ...], float]:
        return {tuple(x["accounts"]): float(x["score"]) for x in scan["links"]}

    def flags(scan: dict[str, Any]) -> set[tuple[str, str]]:
        return {(a["account_id"], f["rule"]) for a in scan["accounts"] for f in a["flags"]}

    assert flags(copies["hashed"]) == flags(copies["original"])
    original, hashed = scores(copies["original"]), scores(copies["hashed"])
    both = set(original) & set(hashed)
    assert both and all(hashed[k] <= original[k] + 1e-9 for k in both)  # fuzzy evidence only lost


def test_fuzzy_rules_on_hashed_types_are_unavailable(copies: dict[str, Any]) -> None:
    assert copies["original"]["unavailable_rules"] == []
    assert copies["hashed"]["unavailable_rules"] == ["same-address", "similar-company-name"]
    assert {r for _, r in evidence(copies["hashed"], True)} <= {"similar-title"}  # titles clear


def _sensitive_texts(root: Path) -> set[str]:
    """Every raw and canonical value of a hashed type, plus every cell of the original files."""
    _, inv = load(root, ScanOptions())
    table = inv.attributes[~inv.attributes["type"].isin([t.value for t in CLEAR])]
    texts = set(table["raw"]) | set(table["value"])
    for path in root.glob("*.csv"):
        text = detect(path.read_bytes(), path.name)[0].removeprefix("\ufeff")
        for row in list(csv.reader(io.StringIO(text)))[1:]:  # cells, not headers
            texts.update(row)
    with zipfile.ZipFile(root / "payments.xlsx") as book:
        shared = (
            book.read("xl/sharedStrings.xml").decode()
            if "xl/sharedStrings.xml" in book.namelist()
            else ""
        )
    headers = {c for columns in COLUMNS.values() for n, a in columns.items() for c in (n, *a)}
    texts.update(set(re.findall(r"<t[^>]*>([^<]+)</t>", shared)) - headers - {"account_id"})
    for record in (root / "logins.jsonl").read_text().splitlines():
        texts.update(str(v) for v in json.loads(record).values())
    return texts


def test_no_raw_sensitive_value_in_any_output_file(copies: dict[str, Any]) -> None:
    out: Path = copies["out"]
    written = "\n".join(p.read_text(encoding="utf-8") for p in sorted(out.iterdir()))
    kept = _kept_in_clear(out)
    leaks = sorted(
        t for t in _sensitive_texts(copies["root"])
        if len(t) >= 6 and t not in kept and not t.isdigit() and t in written
    )  # fmt: skip
    assert leaks == [], "|".join(leaks)
    phone = "+8613800138000"  # the sample's flagship phone, as a direct check
    assert phone in _sensitive_texts(copies["root"]) and phone not in written


def _kept_in_clear(out: Path) -> set[str]:
    """Account ids, marketplaces, statuses, dates, flags and catalogue values (public)."""
    kept: set[str] = set()
    for name in ("accounts.csv", "attributes.csv"):
        for row in csv.DictReader(io.StringIO((out / name).read_text(encoding="utf-8"))):
            kept.update(v for k, v in row.items() if k != "value" or not v.startswith("h:"))
    parts = {p for text in kept for flag in text.split(",") for p in flag.split(":")}
    return kept | parts | {text[:10] for text in kept}  # flags' parts, times' dates


def test_short_and_numeric_values_never_appear_either(copies: dict[str, Any]) -> None:
    """Card numbers, phones and IPs are digits: checked separately against the hashed rows."""
    out: Path = copies["out"]
    rows = list(csv.DictReader(io.StringIO((out / "attributes.csv").read_text(encoding="utf-8"))))
    hashed = [r for r in rows if r["hashed"] == "true"]
    assert hashed and all(re.fullmatch(r"h:[0-9a-f]{32}", r["value"]) for r in hashed)
    assert {r["type"] for r in rows if r["hashed"] == "false"} <= {t.value for t in CLEAR}
    accounts = (out / "accounts.csv").read_text(encoding="utf-8")
    assert accounts.splitlines()[0] == "account_id,marketplaces,status,opened"


def test_the_key_never_appears(copies: dict[str, Any]) -> None:
    out: Path = copies["out"]
    written = "\n".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    raw = bytes.fromhex(KEY)
    assert KEY not in written and KEY.upper() not in written
    assert raw.hex() not in written and KEY not in copies["summary"]


def test_hashes_depend_on_the_key_and_cannot_be_enumerated() -> None:
    phone = "+8613800138000"
    one, two = secrets.token_bytes(32), secrets.token_bytes(32)
    assert keyed_hash(one, "phone", phone) != keyed_hash(two, "phone", phone)
    assert keyed_hash(one, "phone", phone) == keyed_hash(one, "phone", phone)
    assert keyed_hash(one, "phone", phone) != keyed_hash(one, "person", phone)
    import hashlib

    unkeyed = {hashlib.sha256(f"phone\x00{phone}".encode()).hexdigest()[:32]}
    assert keyed_hash(one, "phone", phone)[2:] not in unkeyed  # a dictionary of phones fails


def test_different_keys_give_different_copies(copies: dict[str, Any], tmp_path: Path) -> None:
    other = tmp_path / "other.key"
    other.write_text(secrets.token_hex(32))
    assert cli("hash", copies["root"], tmp_path / "out2", "--key-file", other).exit_code == 0
    first = (copies["out"] / "attributes.csv").read_text()
    second = (tmp_path / "out2" / "attributes.csv").read_text()
    hashes = set(re.findall(r"h:[0-9a-f]{32}", first))
    assert hashes and hashes.isdisjoint(re.findall(r"h:[0-9a-f]{32}", second))


def test_the_copy_validates_without_problems(copies: dict[str, Any]) -> None:
    result = cli("validate", copies["out"], "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["problems"] == []


@pytest.mark.parametrize(
    ("key_text", "message"),
    [(None, "key file not found"), ("short", "at least 16"), ("", "0 bytes")],
    ids=["missing", "short", "empty"],
)
def test_bad_key_files_are_refused(tmp_path: Path, key_text: str | None, message: str) -> None:
    root = sample_copy(tmp_path)
    key = tmp_path / "key.txt"
    if key_text is not None:
        key.write_text(key_text)
    line = assert_clean_error(cli("hash", root, tmp_path / "out", "--key-file", key), "key")
    assert message in line and "secrets.token_hex" in line
    assert not (tmp_path / "out").exists()


def test_output_inside_the_inventory_or_not_empty_is_refused(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    key = tmp_path / "key.txt"
    key.write_text(KEY)
    before = snapshot(root)
    assert_clean_error(cli("hash", root, root / "copy", "--key-file", key), "inventory")
    full = tmp_path / "full"
    full.mkdir()
    (full / "x").write_text("x")
    assert_clean_error(cli("hash", root, full, "--key-file", key), "not empty")
    assert snapshot(root) == before and not (root / "copy").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli("hash", root, empty, "--key-file", key).exit_code == 0
    assert sorted(p.name for p in empty.iterdir()) == [
        "README.txt", "accounts.csv", "attributes.csv", "linkaudit.toml"
    ]  # fmt: skip


def test_new_key_is_created_outside_the_inventory_only(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    inside = root / "key.txt"
    options = ScanOptions()
    with pytest.raises(Exception, match="inside the inventory"):
        write_hashed(root, tmp_path / "out", inside, options, new_key=True)
    assert not inside.exists()
    key = tmp_path / "new.key"
    summary = write_hashed(root, tmp_path / "out", key, options, new_key=True)
    assert key.stat().st_mode & 0o077 == 0 and len(key.read_text().strip()) == 64
    assert "never" in summary and key.read_text().strip() not in summary
