"""Confinement (issue item 3): documents are read inside the inventory only, nothing is
written into it, and size limits refuse what no genuine inventory holds."""

import hashlib
import json
import time
import zipfile
from pathlib import Path

from linkaudit.pipeline import ScanOptions, load

from .helpers import LOGINS, assert_clean_error, run, sample_copy, snapshot, write

PASSWD = Path("/etc/passwd")
ESCAPES = ["../../../../etc/passwd", "/etc/passwd", "documents/passwd-link", "escape/passwd",
           "C:\\Windows\\win.ini", "documents/../../outside.txt"]  # fmt: skip


def _escaping_inventory(tmp_path: Path) -> Path:
    (tmp_path / "outside.txt").write_text("a file next to the inventory")
    rows = "".join(f"acct-{i},licence,{p}\n" for i, p in enumerate(ESCAPES))
    root = write(tmp_path / "inv", {
        "documents.csv": "account_id,doc_type,path\n" + rows + "ok,licence,documents/own.txt\n",
        "documents/own.txt": "our own licence",
        "logins.csv": LOGINS,
    })  # fmt: skip
    (root / "documents" / "passwd-link").symlink_to(PASSWD)
    (root / "escape").symlink_to(PASSWD.parent, target_is_directory=True)
    return root


def test_document_paths_outside_the_inventory_are_refused_and_named(tmp_path: Path) -> None:
    root = _escaping_inventory(tmp_path)
    before = snapshot(root)
    result = run("validate", root, "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)["problems"]
    refused = {p["value"]: p for p in found if "outside the inventory" in p["why"]}
    assert set(refused) == set(ESCAPES)  # every path named as written, nothing masked
    assert [refused[p]["where"] for p in ESCAPES] == [f"documents.csv:{n}" for n in range(2, 8)]
    assert snapshot(root) == before


def test_nothing_outside_the_inventory_is_read(tmp_path: Path) -> None:
    root = _escaping_inventory(tmp_path)
    _, inv = load(root, ScanOptions())
    documents = inv.attributes[inv.attributes["type"] == "document"]
    outside = [PASSWD.read_bytes(), (tmp_path / "outside.txt").read_bytes()]
    for data in outside:
        assert f"sha256:{hashlib.sha256(data).hexdigest()}" not in set(documents["value"])
    own = hashlib.sha256(b"our own licence").hexdigest()
    assert documents["value"].tolist() == [f"sha256:{own}"]  # the control: inside is read


def test_xlsx_that_inflates_to_a_gigabyte_is_refused_within_seconds(tmp_path: Path) -> None:
    root = write(tmp_path / "inv", {"logins.csv": LOGINS})
    bomb = root / "payments.xlsx"
    row = b'<row><c t="inlineStr"><is><t>4111111111111111</t></is></c></row>' * 16384
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            written = 0
            while written <= 1 << 30:  # streamed: the inflated gigabyte never touches disk
                sheet.write(row)
                written += len(row)
    assert bomb.stat().st_size < 20 * 1024 * 1024
    before = snapshot(root)
    start = time.monotonic()
    line = assert_clean_error(run("scan", root), "payments.xlsx", "max_xlsx_inflated_mb")
    assert time.monotonic() - start < 5
    assert "MB" in line and snapshot(root) == before


def test_commands_write_nothing_into_the_inventory(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    before = snapshot(root)
    for args in (["scan", root], ["scan", root, "-f", "html"], ["validate", root],
                 ["check", root], ["explain", root, "mingyue-de"],
                 ["appeal", root, "mingyue-de", "--hint", "Hon"]):  # fmt: skip
        result = run(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)
    assert snapshot(root) == before


def test_output_is_written_atomically_and_only_where_asked(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    before = snapshot(root)
    out = tmp_path / "report.json"
    assert run("scan", root, "-f", "json", "-o", out).exit_code == 0
    assert json.loads(out.read_text())["schema"] == "linkaudit.scan/1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inventory", "report.json"]  # no temp
    assert snapshot(root) == before
