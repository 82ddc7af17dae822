"""Input errors (spec 1, 6): one line naming the path and what to do."""

import zipfile
from pathlib import Path

import pytest

from linkaudit.config import Config, Limits
from linkaudit.errors import InputError

from .helpers import read, write


def test_missing_and_empty_directories(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read(tmp_path / "nope")
    write(tmp_path, "README.md", "x")
    with pytest.raises(InputError, match="no inventory file"):
        read(tmp_path)
    with pytest.raises(InputError, match="not a directory"):
        read(tmp_path / "README.md")


def test_broken_json_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "logins.json", '[\n {"account_id": "a"},\n {"account_id": }\n]')
    with pytest.raises(InputError, match=r"logins\.json: line 3: invalid JSON"):
        read(tmp_path)


def test_unclosed_quote_is_an_error_with_line(tmp_path: Path) -> None:
    write(tmp_path, "logins.csv", 'account_id,ip\na,1.2.3.4\nb,"5.6.7.8\n')
    with pytest.raises(InputError, match=r"logins\.csv: line \d+"):
        read(tmp_path)


def test_file_size_limit(tmp_path: Path) -> None:
    write(tmp_path, "logins.csv", "account_id,ip\n" + "a,203.0.113.7\n" * 2000)
    with pytest.raises(InputError, match="max_file_mb"):
        read(tmp_path, Config(limits=Limits(max_file_mb=0.01)))


def test_fake_xlsx(tmp_path: Path) -> None:
    write(tmp_path, "payments.xlsx", "account_id,card\na,4111\n")
    with pytest.raises(InputError, match=r"payments\.xlsx: not an XLSX workbook"):
        read(tmp_path)


def test_xlsx_zip_bomb_refused_fast(tmp_path: Path) -> None:
    bomb = tmp_path / "payments.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            block = b"\0" * (1 << 20)
            for _ in range(120):  # 120 MB of zeros, ~120 KB compressed
                member.write(block)
    assert bomb.stat().st_size < 2 << 20
    with pytest.raises(InputError, match=r"payments\.xlsx.*zip bomb.*max_xlsx_inflated_mb"):
        read(tmp_path)
    with pytest.raises(InputError, match="over the 100 MB limit"):
        read(tmp_path, Config(limits=Limits(max_xlsx_inflated_mb=100)))
