"""A scan gives the same result on one thread or several (linkaudit.parallel).

PARALLEL_ROWS is set to 0 so that even these small inventories take the threaded paths:
columns normalised side by side, value keys coded per type, fuzzy scopes matched apart.
"""

import sys
import threading
from pathlib import Path

import pytest

from linkaudit import parallel
from linkaudit.pipeline import ScanOptions, scan
from linkaudit.result import ScanResult

ROOT = Path(__file__).resolve().parent.parent
WHEN = "2026-11-28T00:00:00Z"


def _scan(root: Path, threads: str, monkeypatch: pytest.MonkeyPatch) -> ScanResult:
    monkeypatch.setenv("LINKAUDIT_THREADS", threads)
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 0)
    return scan(root, ScanOptions(generated_at=WHEN))


def test_sample_data_scans_alike_on_one_thread_and_four(monkeypatch: pytest.MonkeyPatch) -> None:
    one = _scan(ROOT / "sample_data", "1", monkeypatch)
    four = _scan(ROOT / "sample_data", "4", monkeypatch)
    assert one.links  # the sample is linked: the comparison is not of two empty results
    assert four.model_dump() == one.model_dump()


def test_problems_keep_column_order_and_caps_on_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linkaudit.inventory import issues

    monkeypatch.setattr(issues, "MAX_PER_COLUMN", 3)  # caps reached in every column
    (tmp_path / "accounts.csv").write_text(
        "account_id,store_name,marketplace\nA1,One,US\nA2,Two,US\n", encoding="utf-8"
    )
    rows = ["account_id,ip,router_mac,email"]
    for k in range(12):
        rows.append(f"A{k % 2 + 1},not-an-ip-{k},zz:{k},broken-{k}@")
    rows.append("A1,203.0.113.9,00:1a:2b:3c:4d:5e,ops@example.com")
    (tmp_path / "logins.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    one = _scan(tmp_path, "1", monkeypatch)
    four = _scan(tmp_path, "4", monkeypatch)
    assert len(one.problems) >= 6  # listed problems plus one summary per capped column
    assert [p.model_dump() for p in four.problems] == [p.model_dump() for p in one.problems]


def test_row_context_problems_come_first_on_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The row context (marketplace, times) is built in the background while the columns
    are normalised: its problems still come before the columns' ones, as on one thread."""
    (tmp_path / "accounts.csv").write_text(
        "account_id,store_name\nA1,One\nA2,Two\n", encoding="utf-8"
    )
    listings = ["account_id,marketplace,asin,gtin,title"]
    logins = ["account_id,ip,seen_at"]
    for k in range(6):
        listings.append(f"A{k % 2 + 1},XX{k},B0BAD{k},12345,Title {k}")
        logins.append(f"A{k % 2 + 1},not-an-ip-{k},not-a-time-{k}")
    for account in ("A1", "A2"):
        listings.append(f"{account},US,B0ABC12345,4006381333931,Shared title")
    (tmp_path / "listings.csv").write_text("\n".join(listings) + "\n", encoding="utf-8")
    (tmp_path / "logins.csv").write_text("\n".join(logins) + "\n", encoding="utf-8")
    one = _scan(tmp_path, "1", monkeypatch)
    four = _scan(tmp_path, "4", monkeypatch)
    assert [p.model_dump() for p in four.problems] == [p.model_dump() for p in one.problems]
    columns = [p.column for p in four.problems]
    for context, value in (("marketplace", "gtin"), ("seen_at", "ip")):
        assert context in columns and value in columns
        assert columns.index(context) < columns.index(value)
    assert four.links  # the shared ASIN still links the two stores


def test_small_sheets_normalised_in_the_background_report_in_sheet_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sheets under PARALLEL_ROWS rows are normalised on a worker while the large ones are
    normalised here (inventory/loader.py): the table, problems and notes are those of one
    thread, sheet by sheet."""
    from linkaudit.config import Config
    from linkaudit.inventory import load, loader

    (tmp_path / "accounts.csv").write_text(
        "account_id,store_name,marketplace\nA1,One,US\nA2,Two,US\nA3,Three,DE\n", encoding="utf-8"
    )
    (tmp_path / "companies.csv").write_text(
        "account_id,legal_name,phone,email\nA1,Acme Ltd,not a phone,broken@\n"
        "A2,ACME LTD.,+1 415 555 0100,ops@example.com\n",
        encoding="utf-8",
    )
    (tmp_path / "devices.csv").write_text(
        "account_id,device_id,router_mac\nA1,dev-1,zz:zz\nA3,dev-1,00:1a:2b:3c:4d:5e\n",
        encoding="utf-8",
    )
    logins = ["account_id,ip,seen_at"]
    for k in range(40):
        logins.append(
            f"A{k % 3 + 1},{'not-an-ip' if k % 7 == 0 else f'203.0.113.{k}'},2026-01-0{k % 9 + 1}"
        )
    (tmp_path / "logins.csv").write_text("\n".join(logins) + "\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 20)  # logins large, the rest small
    ran: list[str] = []
    real = loader.sheet_rows

    def spy(sheet, *args):  # type: ignore[no-untyped-def]
        ran.append(threading.current_thread().name)
        return real(sheet, *args)

    monkeypatch.setattr(loader, "sheet_rows", spy)
    monkeypatch.setenv("LINKAUDIT_THREADS", "4")
    four = load(tmp_path, Config())
    assert len(set(ran)) == 2  # the small sheets ran beside the large one
    monkeypatch.setenv("LINKAUDIT_THREADS", "1")
    one = load(tmp_path, Config())
    assert one.problems and one.problems == four.problems
    assert one.notes == four.notes
    assert one.attributes.equals(four.attributes)
    files = four.attributes["src"].astype(str).str.split(":").str[0]
    assert list(dict.fromkeys(files)) == ["companies.csv", "devices.csv", "logins.csv"]


def test_a_large_sheet_under_a_quarter_of_the_largest_is_normalised_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large sheet of at most a quarter of the largest one's rows (and at most
    BESIDE_ROWS) is normalised on the background thread while the largest is normalised
    here; one over BESIDE_ROWS waits its turn here. The result is that of one thread."""
    from linkaudit.config import Config
    from linkaudit.inventory import load, loader

    (tmp_path / "accounts.csv").write_text(
        "account_id,store_name,marketplace\nA1,One,US\nA2,Two,US\n", encoding="utf-8"
    )
    listings = ["account_id,marketplace,asin,title"]
    for k in range(120):
        listings.append(f"A{k % 2 + 1},US,B0{k:08d},Garden hose {k}")
    (tmp_path / "listings.csv").write_text("\n".join(listings) + "\n", encoding="utf-8")
    logins = ["account_id,ip"]
    for k in range(30):
        logins.append(f"A{k % 2 + 1},{'not-an-ip' if k % 7 == 0 else f'203.0.113.{k}'}")
    (tmp_path / "logins.csv").write_text("\n".join(logins) + "\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 20)  # both sheets large
    ran: dict[str, str] = {}
    real = loader.sheet_rows

    def spy(sheet, *args):  # type: ignore[no-untyped-def]
        ran[sheet.file] = threading.current_thread().name
        return real(sheet, *args)

    monkeypatch.setattr(loader, "sheet_rows", spy)
    monkeypatch.setenv("LINKAUDIT_THREADS", "4")
    beside = load(tmp_path, Config())
    main = threading.current_thread().name
    assert ran["listings.csv"] == main and ran["logins.csv"] != main
    monkeypatch.setattr(loader, "BESIDE_ROWS", 29)  # 30 logins: too many to go beside
    after = load(tmp_path, Config())
    assert ran["logins.csv"] == main
    monkeypatch.setenv("LINKAUDIT_THREADS", "1")
    one = load(tmp_path, Config())
    assert one.problems and one.problems == beside.problems == after.problems
    assert one.attributes.equals(beside.attributes) and one.attributes.equals(after.attributes)


def test_coverage_is_counted_beside_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The coverage table is counted on a worker while the rules run (pipeline.py), and
    comes out as on one thread."""
    from linkaudit import inventory

    ran: list[str] = []
    real = inventory.coverage

    def spy(inv):  # type: ignore[no-untyped-def]
        ran.append(threading.current_thread().name)
        return real(inv)

    monkeypatch.setattr(inventory, "coverage", spy)
    four = _scan(ROOT / "sample_data", "4", monkeypatch)
    assert ran and ran[-1] != threading.current_thread().name
    one = _scan(ROOT / "sample_data", "1", monkeypatch)
    assert ran[-1] == threading.current_thread().name
    assert one.coverage and four.coverage == one.coverage


def test_a_large_rules_marketplaces_are_matched_apart_above_a_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Above SCOPES_APART_ROWS a fuzzy rule matches its marketplaces one after another on
    one thread (each one's kernels spread over the cores: engine/fuzzy.py), below it side
    by side; the scan is the same either way."""
    fuzzy = sys.modules["linkaudit.engine.fuzzy"]
    ran: dict[int, set[str]] = {}
    real = fuzzy._similar_in

    def spy(block, coded, accounts):  # type: ignore[no-untyped-def]
        ran.setdefault(id(block), set()).add(threading.current_thread().name)
        return real(block, coded, accounts)

    monkeypatch.setattr(fuzzy, "_similar_in", spy)
    side_by_side = _scan(ROOT / "sample_data", "4", monkeypatch)
    monkeypatch.setattr(fuzzy, "SCOPES_APART_ROWS", 0)
    ran.clear()
    apart = _scan(ROOT / "sample_data", "4", monkeypatch)
    assert ran and all(len(threads) == 1 for threads in ran.values())
    assert side_by_side.links and apart.model_dump() == side_by_side.model_dump()


def test_the_table_is_assembled_on_workers_as_on_one_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """concat() builds each column of the attribute table on a worker thread; the table is
    the one a single thread builds, dtypes and the shared time array included."""
    from linkaudit.config import load_config
    from linkaudit.inventory import chunk, load

    ran: set[str] = set()
    real = chunk.categorical

    def spy(pieces):  # type: ignore[no-untyped-def]
        ran.add(threading.current_thread().name)
        return real(pieces)

    monkeypatch.setattr(chunk, "categorical", spy)
    root = ROOT / "sample_data"
    monkeypatch.setattr(parallel, "PARALLEL_ROWS", 0)
    monkeypatch.setenv("LINKAUDIT_THREADS", "4")
    four = load(root, load_config(root)).attributes
    assert ran and threading.current_thread().name not in ran
    monkeypatch.setenv("LINKAUDIT_THREADS", "1")
    one = load(root, load_config(root)).attributes
    assert len(one) > 100 and four.equals(one)
    assert list(four.columns) == list(one.columns)
    assert (four.dtypes == one.dtypes).all()


def test_the_accounts_marketplaces_are_found_beside_the_value_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """evaluate() finds each account's marketplaces on a worker while the value keys are
    coded on this thread; the scan is the one a single thread gives."""
    import linkaudit.engine.evaluate  # noqa: F401  (the package exports a function by that name)

    evaluate = sys.modules["linkaudit.engine.evaluate"]
    ran: list[str] = []
    real = evaluate._markets

    def spy(table, accounts):  # type: ignore[no-untyped-def]
        ran.append(threading.current_thread().name)
        return real(table, accounts)

    monkeypatch.setattr(evaluate, "_markets", spy)
    four = _scan(ROOT / "sample_data", "4", monkeypatch)
    assert ran and ran[-1] != threading.current_thread().name
    one = _scan(ROOT / "sample_data", "1", monkeypatch)
    assert ran[-1] == threading.current_thread().name
    assert one.links and four.model_dump() == one.model_dump()
