"""A scan gives the same result on one thread or several (linkaudit.parallel).

PARALLEL_ROWS is set to 0 so that even these small inventories take the threaded paths:
columns normalised side by side, value keys coded per type, fuzzy scopes matched apart.
"""

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
