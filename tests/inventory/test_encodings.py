"""Text encodings (spec 1): detected, or given with encoding=."""

from pathlib import Path

import pytest

from linkaudit.errors import InputError
from linkaudit.vocab import Status

from .helpers import read, write

CHINESE = "账号ID,店铺名称,站点,状态\n深圳一号,一号店,美国;DE,正常\n深圳二号,二号店,UK,暂停\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030"])
def test_chinese_headers_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    write(tmp_path, "店铺.csv", CHINESE, encoding)
    inv = read(tmp_path)
    one = inv.accounts["深圳一号"]
    assert one.store_name == "一号店"
    assert one.marketplaces == ("US", "DE")
    assert one.status is Status.ACTIVE
    assert inv.accounts["深圳二号"].status is Status.SUSPENDED
    assert inv.accounts["深圳二号"].source == "店铺.csv:3"
    assert not inv.problems


def test_gbk_phone_with_chinese_header(tmp_path: Path) -> None:
    write(tmp_path, "公司.csv", "账号,电话,国家\n深圳一号,138 0013 8000,中国\n", "gbk")
    inv = read(tmp_path)
    assert inv.accounts["深圳一号"].country == "CN"
    phones = inv.attributes.loc[inv.attributes["type"] == "phone", "value"].tolist()
    assert phones == ["+8613800138000"]


def test_encoding_override(tmp_path: Path) -> None:
    write(tmp_path, "accounts.csv", "account_id,store_name\nacc-1,Café\n", "latin-1")
    inv = read(tmp_path, encoding="latin-1")
    assert inv.accounts["acc-1"].store_name == "Café"
    with pytest.raises(InputError, match=r"accounts\.csv: line 2: cannot decode"):
        read(tmp_path, encoding="ascii")
