"""The documents kind (spec 2.9): files hashed inside the inventory only."""

import os
from pathlib import Path

import pytest

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
