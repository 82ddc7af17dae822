"""Multi-valued cells split into several values stay on their own account and line."""

from pathlib import Path

import pytest

from linkaudit.config import Config
from linkaudit.inventory import load


@pytest.mark.parametrize(
    "body",
    [
        # the split rows outnumber the empty cell, so row counts match by coincidence
        "p1,a@x.com; B@Y.com\np2,b@y.com\np3,\np4,c@z.com\n",
        "p1,a@x.com|b@y.com|c@z.com\np2,\np3,\np4,d@w.com\n",
        "p1,a@x.com\np2,b@y.com;c@z.com\n",
    ],
)
def test_split_values_keep_their_account_and_line(tmp_path: Path, body: str) -> None:
    (tmp_path / "companies.csv").write_text("account_id,email\n" + body, encoding="utf-8")
    table = load(tmp_path, Config()).attributes
    expected = set()
    for line, row in enumerate(body.splitlines(), start=2):
        account, cell = row.split(",", 1)
        for part in cell.replace("|", ";").split(";"):
            if part.strip():
                expected.add((account, part.strip().lower(), line))
    got = set(zip(table["account_id"], table["value"], table["line"].astype(int), strict=True))
    assert got == expected
