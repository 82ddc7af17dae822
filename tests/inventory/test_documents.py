"""The documents kind (spec 2.9): files hashed inside the inventory only."""

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from linkaudit.inventory import loader
from linkaudit.inventory.sheet import Sheet
from linkaudit.vocab import Kind

from .helpers import read, values, write


def test_identical_files_share_a_hash(tmp_path: Path) -> None:
    write(tmp_path, "documents/a.pdf", "same bytes")
    write(tmp_path, "documents/b.pdf", "same bytes")
    write(tmp_path, "documents/c.pdf", "other bytes")
    write(
        tmp_path,
        "documents.csv",
        "account_id,doc_type,path,number\n"
        "acc-1,licence,documents/a.pdf,LIC-1\nacc-2,licence,documents/b.pdf,lic 1\n"
        "acc-3,bill,documents/c.pdf,\nacc-3,bill,documents/missing.pdf,\n",
    )
    inv = read(tmp_path)
    hashes = [v for v in values(inv, "document") if v.startswith("sha256:")]
    assert len(hashes) == 3 and len(set(hashes)) == 2
    (missing,) = inv.problems
    assert missing.where == "documents.csv:5" and "documents/missing.pdf" in missing.why
    assert inv.documents[0]["path"] == "documents/a.pdf"
    assert inv.documents[0]["source"] == "documents.csv:2"
    flags = inv.attributes.loc[inv.attributes["value"].isin(hashes), "flags"].tolist()
    assert "file:documents/a.pdf" in flags


def test_windows_paths_are_read(tmp_path: Path) -> None:
    # an inventory made on Windows: `documents\\b.pdf` names documents/b.pdf (spec 2.9)
    write(tmp_path, "documents/a.pdf", "same bytes")
    write(tmp_path, "documents/sub/b.pdf", "same bytes")
    write(
        tmp_path,
        "documents.csv",
        "account_id,path\nacc-1,documents\\a.pdf\nacc-2,.\\documents\\sub\\b.pdf\n",
    )
    inv = read(tmp_path)
    assert not inv.problems
    hashes = values(inv, "document")
    assert len(hashes) == 2 and len(set(hashes)) == 1
    flags = sorted(inv.attributes.loc[inv.attributes["type"] == "document", "flags"])
    assert flags == ["file:documents/a.pdf", "file:documents/sub/b.pdf"]


@pytest.mark.parametrize(
    "path",
    ["../../etc/passwd", "/etc/passwd", "documents/../../x", "link", "..\\secret.txt",
     "documents\\..\\..\\secret.txt", "\\etc\\passwd"],
)  # fmt: skip
def test_paths_outside_are_refused(tmp_path: Path, path: str) -> None:
    inventory = tmp_path / "inv"
    write(tmp_path, "secret.txt", "secret")
    write(inventory, "documents.csv", f"account_id,path\nacc-1,{path}\n")
    os.symlink(tmp_path / "secret.txt", inventory / "link")
    inv = read(inventory)
    (problem,) = inv.problems
    assert "refused: outside the inventory" in problem.why
    assert values(inv, "document") == []


def test_columns_nothing_reads_are_dropped_and_the_rest_keep_their_place(tmp_path: Path) -> None:
    """Unbound columns and a listing's SKU are let go before normalising; the columns after
    them are still read by their position (documents' records and paths included)."""
    write(tmp_path, "documents/a.pdf", "bytes")
    write(
        tmp_path,
        "documents.csv",
        "note,account_id,extra,doc_type,path,number\nx,acc-1,y,licence,documents/a.pdf,LIC-1\n",
    )
    write(
        tmp_path,
        "listings.csv",
        "account_id,sku,note,marketplace,asin,title\n"
        "acc-1,SKU-1,n,US,B000000001,Blue lamp\nacc-2,SKU-2,n,US,B000000002,Red lamp\n",
    )
    inv = read(tmp_path)
    (record,) = inv.documents
    assert record["path"] == "documents/a.pdf" and record["number"] == "LIC-1"
    assert record["doc_type"] == "licence" and record["source"] == "documents.csv:2"
    assert any(v.startswith("sha256:") for v in values(inv, "document"))
    assert values(inv, "asin") == ["B000000001", "B000000002"]
    assert values(inv, "title") == ["blue lamp", "red lamp"]
    table = inv.attributes
    assert set(table.loc[table["type"] == "asin", "marketplace"]) == {"US"}
    assert not table["value"].isin(["SKU-1", "SKU-2", "x", "y", "n"]).any()


def test_drop_unread_keeps_positions() -> None:
    frame = pd.DataFrame({i: pd.Series([f"c{i}"], dtype="str") for i in range(5)})
    sheet = Sheet(Kind.LISTINGS, "listings.csv", ["account_id", "sku", "x", "asin", "title"],
                  frame, np.array([2], dtype=np.int32))  # fmt: skip
    sheet.columns = {"account_id": [0], "sku": [1], "asin": [3], "title": [4]}
    loader._drop_unread(sheet)
    assert list(sheet.frame.columns) == [0, 3, 4]
    assert sheet.cells(3).tolist() == ["c3"] and sheet.cells(4).tolist() == ["c4"]
