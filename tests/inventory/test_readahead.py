"""The read-ahead thread (inventory/readahead.py): files parsed while linkaudit imports.

It is an optimisation only, so every test compares against the loader reading the files
itself: same inventory (values, lines, problems, notes) with and without it, whatever the
files hold, and nothing taken from it that is not what is on disk now.
"""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pyarrow as pa
import pytest

from linkaudit.config import Config
from linkaudit.errors import InputError
from linkaudit.inventory import load, readahead
from linkaudit.inventory.discover import inventory_files
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import Inventory
from linkaudit.pipeline import ScanOptions, scan

ROOT = Path(__file__).resolve().parents[2]
WHEN = "2026-11-28T00:00:00Z"

ACCOUNTS = "account_id,store_name,marketplace\nA1,One,US\nA2,Two,US\nA3,Three,DE\n"
# files that leave the fast path, or the read-ahead, in each of its ways
HOSTILE: dict[str, bytes] = {
    "bom": b"\xef\xbb\xbfaccount_id,email\nA1,ops@example.com\nA2,OPS@example.com\n",
    "gbk": "account_id,company_name\nA1,深圳市鑫达科技有限公司\nA2,深圳鑫达科技\n".encode("gbk"),
    "utf16": "account_id,phone\nA1,+86 138 0013 8000\nA2,13800138000\n".encode("utf-16"),
    "odd_quote": b'account_id,email\nA1,"ops@example.com\nA2,ops@example.com\n',
    "ragged": b"account_id,ip\nA1,203.0.113.9,extra\nA2,203.0.113.9\n",
    "lone_cr": b"account_id,ip\rA1,203.0.113.9\nA2,203.0.113.9\n",
    "multiline": b'account_id,address\nA1,"Room 1203\nKeyuan Road"\nA2,Room 1203 Keyuan Road\n',
    "semicolon": b"account_id;ip\nA1;203.0.113.9\nA2;203.0.113.9\n",
    "empty": b"",
    "header_only": b"account_id,ip\n",
}
KIND_OF = {  # which kind each hostile file is written as
    "bom": "people.csv",
    "gbk": "companies.csv",
    "utf16": "people.tsv",
    "odd_quote": "people.csv",
    "ragged": "logins.csv",
    "lone_cr": "logins.csv",
    "multiline": "addresses.csv",
    "semicolon": "logins.txt",
    "empty": "devices.csv",
    "header_only": "logins.csv",
}


def _same(a: Inventory, b: Inventory) -> None:
    assert a.attributes.equals(b.attributes)
    assert a.accounts == b.accounts
    assert a.problems == b.problems
    assert a.notes == b.notes
    assert a.files == b.files


def _ahead_then_load(root: Path) -> Inventory:
    readahead.start(root)
    return load(root, Config())


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_file_loads_alike_with_and_without_read_ahead(tmp_path: Path, case: str) -> None:
    (tmp_path / "accounts.csv").write_text(ACCOUNTS, encoding="utf-8")
    (tmp_path / KIND_OF[case]).write_bytes(HOSTILE[case])
    (tmp_path / "listings.csv").write_text(
        "account_id,marketplace,asin\nA1,US,B0ABC12345\nA2,US,B0ABC12345\n", encoding="utf-8"
    )
    try:
        alone = load(tmp_path, Config())
    except InputError as exc:  # an unclosed quote: the same error, read ahead or not
        with pytest.raises(InputError) as ahead:
            _ahead_then_load(tmp_path)
        assert str(ahead.value) == str(exc)
        assert readahead._current is None
        return
    _same(_ahead_then_load(tmp_path), alone)


def test_the_read_ahead_parses_what_the_loader_would(tmp_path: Path) -> None:
    (tmp_path / "accounts.csv").write_text(ACCOUNTS, encoding="utf-8")
    (tmp_path / "logins.csv").write_bytes(HOSTILE["bom"].replace(b"email", b"ip"))
    (tmp_path / "notes.csv").write_text("not,an,inventory\n", encoding="utf-8")  # no kind
    (tmp_path / ".hidden.csv").write_text("account_id\nA1\n", encoding="utf-8")
    (tmp_path / "people.json").write_text("[]", encoding="utf-8")  # not a text table
    ahead = readahead.ReadAhead(tmp_path)
    assert [p.name for p in ahead.paths] == ["accounts.csv", "logins.csv"]
    # the allocator is tuned by the size of every file the loader reads, as the loader does
    listed = inventory_files(tmp_path, Issues())
    assert [p.name for p in listed] == ["accounts.csv", "logins.csv", "notes.csv", "people.json"]
    assert ahead.total == sum(p.stat().st_size for p in listed)
    ahead.start()
    early = ahead.take(tmp_path / "logins.csv")
    assert early is not None and early.parsed is not None
    assert early.data == (tmp_path / "logins.csv").read_bytes()
    assert early.parsed.headers == ["account_id", "ip"]  # the BOM is not part of the header
    assert isinstance(early.parsed.table, pa.Table)
    assert early.parsed.table.column(1).to_pylist() == ["ops@example.com", "OPS@example.com"]
    assert ahead.take(tmp_path / "logins.csv") is None  # taken once: not held twice
    assert ahead.take(tmp_path / "notes.csv") is None  # never read


def test_a_file_changed_after_it_was_read_ahead_is_read_again(tmp_path: Path) -> None:
    (tmp_path / "accounts.csv").write_text(ACCOUNTS, encoding="utf-8")
    logins = tmp_path / "logins.csv"
    logins.write_text("account_id,ip\nA1,203.0.113.9\nA2,198.51.100.7\n", encoding="utf-8")
    ahead = readahead.ReadAhead(tmp_path).start()
    ahead._thread.join()
    logins.write_text("account_id,ip\nA1,203.0.113.9\nA2,203.0.113.9\nA3,192.0.2.1\n", "utf-8")
    stat = logins.stat()
    os.utime(logins, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert ahead.take(logins) is None
    readahead._current = ahead  # what start() sets: the loader asks this one
    try:
        inv = load(tmp_path, Config())
    finally:
        readahead.stop()
    ips = inv.attributes.loc[inv.attributes["type"] == "ip", "value"].tolist()
    assert ips == ["203.0.113.9", "203.0.113.9", "192.0.2.1"]  # what is on disk now


def test_a_file_the_thread_cannot_read_is_left_to_the_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "accounts.csv").write_text(ACCOUNTS, encoding="utf-8")

    def broken(path: Path) -> readahead.Early:
        raise MemoryError(path.name)

    monkeypatch.setattr(readahead, "_read", broken)
    ahead = readahead.ReadAhead(tmp_path).start()
    assert ahead.take(tmp_path / "accounts.csv") is None
    monkeypatch.undo()
    _same(_ahead_then_load(tmp_path), load(tmp_path, Config()))


def test_stop_drops_what_was_not_taken(tmp_path: Path) -> None:
    (tmp_path / "accounts.csv").write_text(ACCOUNTS, encoding="utf-8")
    readahead.start(tmp_path)
    current = readahead._current
    assert current is not None
    current._thread.join()
    readahead.stop()
    assert readahead._current is None and not current._found
    assert readahead.take(tmp_path / "accounts.csv") is None


def test_the_loader_stops_the_read_ahead_even_when_a_file_fails(tmp_path: Path) -> None:
    (tmp_path / "accounts.csv").write_text(ACCOUNTS, encoding="utf-8")
    (tmp_path / "logins.csv").write_bytes(b"\xff\xfe\x00")  # undecodable: an input error
    readahead.start(tmp_path)
    with pytest.raises(InputError):
        load(tmp_path, Config())
    assert readahead._current is None


def test_sample_data_scans_alike_with_the_read_ahead() -> None:
    alone = scan(ROOT / "sample_data", ScanOptions(generated_at=WHEN))
    readahead.start(ROOT / "sample_data")
    ahead = scan(ROOT / "sample_data", ScanOptions(generated_at=WHEN))
    assert readahead._current is None  # stopped by the loader
    assert alone.links
    assert ahead.model_dump() == alone.model_dump()


def test_importing_the_read_ahead_does_not_import_pandas() -> None:
    """The thread starts before pandas is imported, or it overlaps nothing."""
    code = "import sys, linkaudit.inventory.readahead; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_allocator_is_tuned_before_the_thread_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On this thread, before the read-ahead thread exists: a thread that allocates before
    the tuning keeps a malloc arena of its own, outside the one shared heap."""
    (tmp_path / "accounts.csv").write_text(ACCOUNTS, encoding="utf-8")
    seen: list[tuple[int, str, bool]] = []

    def spy(total: int) -> None:
        seen.append((total, threading.current_thread().name, ahead._thread.is_alive()))

    monkeypatch.setattr(readahead, "tune_allocator", spy)
    ahead = readahead.ReadAhead(tmp_path)
    ahead.start()
    assert ahead.take(tmp_path / "accounts.csv") is not None
    assert seen == [(ahead.total, threading.current_thread().name, False)]
