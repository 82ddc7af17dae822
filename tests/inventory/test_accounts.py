"""Account records (spec 2.1): duplicates, dates, statuses, accounts seen only elsewhere."""

from pathlib import Path

import pandas as pd
import pytest

from linkaudit.config import Config, Defaults
from linkaudit.inventory import coverage
from linkaudit.inventory.sheet import Sheet
from linkaudit.vocab import AttrType, Status

from .helpers import read, write


def test_conflicting_duplicates_first_wins(tmp_path: Path) -> None:
    write(
        tmp_path,
        "accounts.csv",
        "account_id,store_name,marketplaces,status,opened\n"
        "acc-1,One,US,active,2024/3/1\n"
        "acc-1,Uno,DE|FR,active,2024年3月1日\n"
        "acc-2,Two,ZZ,sleeping,45352\n",
    )
    inv = read(tmp_path)
    one = inv.accounts["acc-1"]
    assert (one.store_name, one.marketplaces, one.opened) == (
        "One",
        ("US", "DE", "FR"),
        "2024-03-01",
    )
    assert one.source == "accounts.csv:2"
    two = inv.accounts["acc-2"]
    assert two.status is Status.UNKNOWN and two.opened == "2024-03-01"
    whys = {(p.where, p.column): p.why for p in inv.problems}
    assert "first kept" in whys[("accounts.csv:3", "store_name")]
    assert "marketplace" in whys[("accounts.csv:4", "marketplaces")]
    assert "status" in whys[("accounts.csv:4", "status")]
    assert len(inv.problems) == 3


def test_accounts_only_in_other_kinds(tmp_path: Path) -> None:
    write(tmp_path, "accounts.csv", "account_id\nacc-1\n")
    write(tmp_path, "logins.csv", "account_id,ip\nacc-1,203.0.113.7\nacc-9,203.0.113.7\n")
    inv = read(tmp_path)
    assert inv.accounts["acc-9"].status is Status.UNKNOWN
    assert inv.accounts["acc-9"].source == ""
    (note,) = [n for n in inv.notes if "only in other kinds" in n]
    assert "acc-9" in note and "acc-1" not in note


def test_country_order(tmp_path: Path) -> None:
    write(tmp_path, "accounts.csv", "account_id,marketplaces\na,US\nb,JP\nc,UK\n")
    write(tmp_path, "companies.csv", "account_id,country,legal_name\na,China,A Co\n")
    inv = read(tmp_path)
    assert [inv.accounts[x].country for x in "abc"] == ["CN", "JP", "GB"]
    assert inv.accounts["a"].legal_names == ("A Co",)
    inv = read(tmp_path, Config(defaults=Defaults(country="DE")))
    assert [inv.accounts[x].country for x in "abc"] == ["CN", "DE", "DE"]


def test_coverage_lists_every_type(tmp_path: Path) -> None:
    write(tmp_path, "logins.csv", "account_id,ip\na,203.0.113.7\na,203.0.113.8\nb,203.0.113.7\n")
    cov = coverage(read(tmp_path))
    assert [c[0] for c in cov] == sorted(t.value for t in AttrType)
    assert dict((t, (a, v)) for t, a, v in cov)["ip"] == (2, 3)
    assert dict((t, (a, v)) for t, a, v in cov)["card"] == (0, 0)


def test_coverage_counts_a_type_spread_over_several_files(tmp_path: Path) -> None:
    """Phones from companies and people, emails in between: the type's rows are not one
    run of the table; the counts are those of a plain groupby."""
    write(
        tmp_path, "companies.csv", "account_id,phone,email\na,+8613800138000,x@a.com\nb,,y@b.com\n"
    )
    write(tmp_path, "people.csv", "account_id,phone,email\nb,+8613900139000,\nc,+8613800138000,\n")
    inv = read(tmp_path)
    table = inv.attributes
    expected = table.groupby("type")["account_id"].agg(["nunique", "size"])
    got = {t: (a, v) for t, a, v in coverage(inv)}
    assert got["phone"] == (3, 3)
    for attr, row in expected.iterrows():
        assert got[str(attr)] == (row["nunique"], row["size"])


def test_account_and_company_columns_are_read_once_not_cell_by_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading stores looks each column up once (a pandas lookup per cell cost 0.2 s for
    a thousand stores); the records are the same."""
    rows = "".join(f"acc-{k},Store {k},US;CA,active,2024-01-0{k % 9 + 1}\n" for k in range(60))
    write(tmp_path, "accounts.csv", "account_id,store_name,marketplaces,status,opened\n" + rows)
    companies = "".join(f"acc-{k},Company {k},CN\n" for k in range(60))
    write(tmp_path, "companies.csv", "account_id,legal_name,country\n" + companies)
    looked_up: list[int] = []
    original = Sheet.cells

    def counted(self: Sheet, column: int) -> pd.Series:
        looked_up.append(column)
        return original(self, column)

    monkeypatch.setattr(Sheet, "cells", counted)
    inv = read(tmp_path)
    assert len(inv.accounts) == 60
    record = inv.accounts["acc-7"]
    assert record.marketplaces == ("US", "CA") and record.status is Status.ACTIVE
    assert record.country == "CN"
    assert len(looked_up) < 60  # once per column and use, not once per row
