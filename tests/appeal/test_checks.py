"""The evidence check: shared documents, facts of unnamed accounts, old bills."""

from pathlib import Path

import pandas as pd
import pytest

from linkaudit.appeal.checks import age_warnings, document_warnings
from linkaudit.attributes import empty_table
from linkaudit.inventory.model import AccountRecord, Inventory
from linkaudit.result import ScanResult

from .conftest import DOCUMENTS
from .helpers import draft

Seed = tuple[ScanResult, Inventory]


@pytest.mark.parametrize(("account", "other", "file"), [
    ("xinda-uk", "xinda-de", "documents/xinda-de_address_proof.pdf"),
    ("xinda-de", "xinda-uk", "documents/xinda-uk_utility_bill_2026-04.pdf"),
])  # fmt: skip
def test_a_shared_bill_warns_in_both_appeals(
    seed: Seed, account: str, other: str, file: str
) -> None:
    _, text, warnings = draft(seed, account)
    shared = [w for w in warnings if "byte-identical" in w]
    assert len(shared) == 1
    assert other in shared[0] and file in shared[0]
    assert "byte-identical" in text


def test_shared_files_are_found_without_table_rows(tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    for name in ("a_bill.pdf", "b_bill.pdf"):
        (tmp_path / "documents" / name).write_bytes(b"%PDF same bill")
    docs = [
        {"account_id": a, "doc_type": "utility_bill", "path": f"documents/{a}_bill.pdf"}
        for a in "ab"
    ]
    inv = Inventory(tmp_path, {a: AccountRecord(a) for a in "ab"}, empty_table(), documents=docs)
    assert document_warnings(inv, "a", show=False) == [
        "document documents/a_bill.pdf of a is byte-identical to documents/b_bill.pdf of b: "
        "attach a document of a's own"
    ]


def test_files_outside_the_inventory_are_never_read(tmp_path: Path) -> None:
    """A documents path leaving the inventory (`../`, absolute) is refused, as the loader
    refuses it; a Windows path inside it is read."""
    root = tmp_path / "inventory"
    (root / "documents").mkdir(parents=True)
    (tmp_path / "secret.pdf").write_bytes(b"%PDF outside")
    (root / "documents" / "c.pdf").write_bytes(b"%PDF inside")
    (root / "documents" / "d.pdf").write_bytes(b"%PDF inside")
    outside = [str(tmp_path / "secret.pdf"), "../secret.pdf"]
    docs = [{"account_id": a, "path": p} for a, p in zip("ab", outside, strict=True)]
    docs += [
        {"account_id": "c", "path": "documents\\c.pdf"},
        {"account_id": "d", "path": "documents/d.pdf"},
    ]
    inv = Inventory(root, {a: AccountRecord(a) for a in "abcd"}, empty_table(), documents=docs)
    assert document_warnings(inv, "a", show=False) == []
    assert document_warnings(inv, "c", show=False) == [
        "document documents\\c.pdf of c is byte-identical to documents/d.pdf of d: "
        "attach a document of c's own"
    ]


def test_a_shared_document_number_warns_masked(seed: Seed) -> None:
    _, inv = seed
    inv2 = Inventory(inv.root, inv.accounts, inv.attributes, documents=[
        *inv.documents,
        {"account_id": "mingyue-us", "doc_type": "business_licence", "number": "91330110MA2BMY046N",
         "path": "documents/mingyue-us_business_licence.pdf", "source": "documents.csv:10"},
    ])  # fmt: skip
    table = inv2.attributes
    extra = table[(table["type"] == "document") & (table["account_id"] == "mingyue-de")].tail(1)
    copy = extra.assign(account_id="mingyue-us", line=10)
    inv2.attributes = pd.concat([table, copy], ignore_index=True)
    warnings = document_warnings(inv2, "mingyue-de", show=False)
    assert warnings == [
        "document number 91**************6N of mingyue-de "
        "(documents/mingyue-de_business_licence.pdf) is also on mingyue-us's document "
        "(documents/mingyue-us_business_licence.pdf): identical documents "
        "across accounts are themselves a link"
    ]


def test_facts_of_accounts_not_named_warn(seed: Seed) -> None:
    _, _, warnings = draft(seed, "mingyue-de", hint="Hon")
    unnamed = [w for w in warnings if "not named in the deactivation notice" in w]
    assert unnamed and all("mingyue-us" in w for w in unnamed)
    _, _, warnings = draft(seed, "mingyue-de", related="mingyue-us", scenario="own")
    assert not [w for w in warnings if "not named" in w]


def test_old_bills_warn_with_the_date_and_where_it_came_from() -> None:
    from datetime import date

    today = date(2026, 11, 27)
    assert age_warnings(DOCUMENTS, "xinda-uk", today) == [
        "utility_bill documents/xinda-uk_utility_bill_2026-04.pdf of xinda-uk is dated "
        "2026-04-30 (file name), 211 days before 2026-11-27: the marketplace wants one from "
        "the last 90 days"
    ]
    assert age_warnings(DOCUMENTS, "xinda-de", today) == []  # issued 2026-10-01
    assert age_warnings(DOCUMENTS, "mingyue-de", today) == []  # not a bill or statement
