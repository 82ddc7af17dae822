"""Every input format (spec 1): csv, tsv, txt, json, jsonl, ndjson, xlsx."""

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from linkaudit.config import Config, Defaults
from linkaudit.vocab import Status

from .helpers import provenance, read, values, write

LOGINS = "account_id,ip\nacc-1,203.0.113.7\nacc-2,198.51.100.9\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("logins.csv", LOGINS),
        ("logins.tsv", LOGINS.replace(",", "\t")),
        ("logins.txt", LOGINS.replace(",", ";")),
        ("logins.txt", LOGINS.replace(",", "|")),
        ("ips.csv", LOGINS.replace("\n", "\r\n")),
        ("Logins.CSV", LOGINS),
    ],
)
def test_delimited_files(tmp_path: Path, name: str, text: str) -> None:
    write(tmp_path, name, text)
    inv = read(tmp_path)
    assert values(inv, "ip") == ["198.51.100.9", "203.0.113.7"]
    assert provenance(inv, "ip")["198.51.100.9"] == f"{name}:3"
    assert not inv.problems


def test_json_list_and_jsonl(tmp_path: Path) -> None:
    records = [{"account_id": "acc-1", "ip": "203.0.113.7"}, {"account_id": "acc-2", "ip": None}]
    write(tmp_path, "logins.json", json.dumps(records, indent=2))
    write(tmp_path, "devices.jsonl", '{"account_id": "acc-1", "device_id": "D1"}\n\n'
          '{"account_id": "acc-2", "device_id": "D2"}\n')  # fmt: skip
    write(tmp_path, "people.ndjson", '{"account_id": "acc-1", "email": "a@example.com"}\n')
    inv = read(tmp_path)
    assert values(inv, "ip") == ["203.0.113.7"]
    assert provenance(inv, "ip")["203.0.113.7"] == "logins.json:2"  # the record's line
    assert provenance(inv, "device_id")["d2"] == "devices.jsonl:3"
    assert values(inv, "email") == ["a@example.com"]
    assert sorted(inv.files) == ["devices.jsonl", "logins.json", "people.ndjson"]


def test_json_object_of_kinds(tmp_path: Path) -> None:
    data = {
        "accounts": [{"account_id": "new-fr", "marketplaces": ["FR", "DE"], "status": "planned"}],
        "logins": [{"account_id": "new-fr", "ip": "203.0.113.7"}],
        "gadgets": [{"account_id": "new-fr"}],
    }
    write(tmp_path, "candidate.json", json.dumps(data))
    inv = read(tmp_path)
    assert inv.accounts["new-fr"].marketplaces == ("FR", "DE")
    assert inv.accounts["new-fr"].status is Status.PLANNED
    assert values(inv, "ip") == ["203.0.113.7"]
    unknown = [p for p in inv.problems if "gadgets" in p.where]
    assert unknown and "known kinds" in unknown[0].why and "logins" in unknown[0].why


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


def test_xlsx_single_sheet_numbers_as_text(tmp_path: Path) -> None:
    _workbook(
        tmp_path / "payments.xlsx",
        {"Sheet1": [["account_id", "bank_account", "card_holder"],
                    ["acc-1", 6222020200112233, "Li Wei"]]},
    )  # fmt: skip
    _workbook(
        tmp_path / "people.xlsx",
        {"people": [["账号ID", "姓名", "phone"], ["acc-1", "Li Wei", 13800138000]]},
    )
    inv = read(tmp_path, Config(defaults=Defaults(country="CN")))
    assert values(inv, "bank_account") == ["6222020200112233"]
    raw = inv.attributes.loc[inv.attributes["type"] == "phone", "raw"].tolist()
    assert raw == ["13800138000"]
    assert values(inv, "phone") == ["+8613800138000"]
    assert provenance(inv, "bank_account")["6222020200112233"] == "payments.xlsx:Sheet1!B2"


def test_csv_from_a_float_column_has_no_float_artefacts(tmp_path: Path) -> None:
    # pandas writes a float column as `13800138000.0` (spec 3: never read that way)
    write(tmp_path, "people.csv", "account_id,phone\nacc-1,13800138000.0\n")
    write(
        tmp_path,
        "payments.csv",
        "account_id,card_number,bank_account\nacc-1,4111111111111111.0,6222020200112233.0\n",
    )
    write(tmp_path, "logins.csv", "account_id,ip\nacc-1,203.0.113.7\n")
    write(tmp_path, "listings.csv", "account_id,gtin\nacc-1,12345678905.0\n")
    inv = read(tmp_path, Config(defaults=Defaults(country="CN")))
    assert values(inv, "phone") == ["+8613800138000"]
    assert values(inv, "card") == ["411111******1111", "last4:1111"]
    assert values(inv, "bank_account") == ["6222020200112233"]
    assert values(inv, "gtin") == ["00012345678905"]
    assert not [p for p in inv.problems if p.attribute in ("phone", "card", "bank_account")]


def test_xlsx_several_kinds(tmp_path: Path) -> None:
    _workbook(
        tmp_path / "inventory.xlsx",
        {
            "accounts": [["account_id", "status"], ["acc-1", "active"]],
            "logins": [["account_id", "ip"], [None, None], ["acc-1", "203.0.113.7"]],
            "notes": [["anything"]],
        },
    )
    inv = read(tmp_path)
    assert inv.accounts["acc-1"].status is Status.ACTIVE
    assert provenance(inv, "ip")["203.0.113.7"] == "inventory.xlsx:logins!B3"
    assert any("notes" in p.where and "known kinds" in p.why for p in inv.problems)


def test_unknown_kind_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "logins.csv", LOGINS)
    write(tmp_path, "gadgets.csv", "account_id,x\nacc-1,1\n")
    write(tmp_path, "README.md", "# notes\n")
    write(tmp_path, "linkaudit.toml", "")
    write(tmp_path, ".hidden.csv", "junk")
    inv = read(tmp_path)
    (problem,) = inv.problems
    assert problem.where == "gadgets.csv" and problem.level == "warning"
    assert "accounts" in problem.why and "listings" in problem.why
    assert inv.files == ["logins.csv"]


def test_multiline_quoted_field_keeps_real_line_numbers(tmp_path: Path) -> None:
    text = (
        "account_id,legal_name,email\n"
        'acc-1,"Example\nTrading\nCo",a@example.com\n'
        "\n"
        "acc-2,Other Co,b@example.com\n"
    )
    write(tmp_path, "companies.csv", text)
    inv = read(tmp_path)
    assert provenance(inv, "email") == {
        "a@example.com": "companies.csv:2",
        "b@example.com": "companies.csv:6",
    }


@pytest.mark.parametrize(
    "text",
    [
        # a lone CR ends a line, and a blank line makes up for the count of LFs
        "account_id,ip\na1,1.1.1.1\ra2,2.2.2.2\n\na3,3.3.3.3\n",
        "account_id,ip\r\na1,1.1.1.1\ra2,2.2.2.2\r\n\r\na3,3.3.3.3\r\n",
        "account_id,ip\ra1,1.1.1.1\ra2,2.2.2.2\r\ra3,3.3.3.3\r",
    ],
)
def test_mixed_line_endings_keep_real_line_numbers(tmp_path: Path, text: str) -> None:
    write(tmp_path, "logins.csv", text)
    inv = read(tmp_path)
    assert provenance(inv, "ip") == {
        "1.1.1.1": "logins.csv:2",
        "2.2.2.2": "logins.csv:3",
        "3.3.3.3": "logins.csv:5",
    }


def test_ragged_rows_are_padded_or_reported(tmp_path: Path) -> None:
    write(tmp_path, "logins.csv", "account_id,ip\nacc-1\nacc-2,203.0.113.7,extra\n")
    inv = read(tmp_path)
    assert values(inv, "ip") == ["203.0.113.7"]
    assert [p.where for p in inv.problems] == ["logins.csv:3"]
