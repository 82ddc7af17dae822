"""csv and xlsx: layout, encodings, sheets, number cells, colours."""

import csv
import io

import openpyxl

from linkaudit.report import RenderOptions, render
from linkaudit.result import Evidence, ScanResult

from .extract import xlsx_cells
from .scans import sample

CSV_HEADERS_EN = [
    "Rank", "Account A", "Account B", "Severity", "Score", "Approved", "Same marketplace", "Rule",
    "Rule title", "Attribute", "Value", "Weight", "Contribution", "Shared by", "Sources",
]  # fmt: skip


def _csv_rows(lang: str) -> list[list[str]]:
    out = render(sample(), "csv", RenderOptions(lang=lang))
    assert isinstance(out, str)
    assert out.startswith("\ufeff")  # BOM: Excel then reads UTF-8 (Chinese) correctly
    return list(csv.reader(io.StringIO(out[1:])))


def test_csv_has_one_row_per_evidence() -> None:
    rows = _csv_rows("en")
    assert rows[0] == CSV_HEADERS_EN
    assert len(rows) - 1 == sum(len(link.evidence) for link in sample().links)
    assert rows[1] == [
        "1", "acme-us", "acme-us-2", "Critical", "0.98", "no", "yes", "shared-login-ip",
        "Same login IP", "ip", "203.0.113.7", "0.9", "0.6", "2", "logins.csv:3 logins.csv:9",
    ]  # fmt: skip


def test_csv_headers_and_words_follow_the_language() -> None:
    rows = _csv_rows("zh")
    assert rows[0][:4] == ["排名", "账号 A", "账号 B", "严重程度"]
    assert rows[1][3] == "严重" and rows[1][8] == "同一登录 IP"
    assert rows[2][10] == "'+86*******8000"  # a masked phone would start a formula


def test_csv_utf8_bytes_open_with_utf8_sig() -> None:
    out = render(sample(), "csv", RenderOptions(lang="zh"))
    assert isinstance(out, str)
    raw = out.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "深圳市极客科技有限公司" in raw.decode("utf-8-sig")


def _book(lang: str = "en") -> openpyxl.Workbook:
    out = render(sample(), "xlsx", RenderOptions(lang=lang))
    assert isinstance(out, bytes)
    return openpyxl.load_workbook(io.BytesIO(out))


def test_xlsx_sheets_in_order_with_frozen_header_and_filter() -> None:
    book = _book()
    assert book.sheetnames == [
        "Summary", "Links", "Evidence", "Groups", "Accounts", "Cross-selling", "Hubs", "Flags",
        "Data notes",
    ]  # fmt: skip
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref
        assert sheet.column_dimensions["A"].width >= 6


def test_xlsx_sheet_names_are_chinese_in_zh() -> None:
    assert _book("zh").sheetnames[:3] == ["概览", "关联", "证据"]


def test_xlsx_numbers_are_numbers_and_severities_are_coloured() -> None:
    links = _book()["Links"]
    assert links["G2"].value == 0.98 and links["G2"].data_type == "n"
    assert links["F2"].value == "Critical"
    assert links["F2"].fill.fgColor.rgb.endswith("8B1A1A")
    assert links["F6"].value == "Low (approved)"


def test_xlsx_evidence_matches_csv() -> None:
    evidence = _book()["Evidence"]
    rows = [[c.value for c in row] for row in evidence.iter_rows()]
    assert rows[0] == CSV_HEADERS_EN
    assert len(rows) == len(_csv_rows("en"))


# Values a --show-values report holds that Excel mangles when it reads them as numbers:
# 6.22202E+15, digits past the 15th turned to 0, leading zeros dropped (a GTIN).
LONG_DIGITS = ["6222020200112233", "6222020200112233445", "00012345678905", "8613900000000"]
NUMERIC_ID = "1234567890123456"  # a store named by a 16-digit marketplace id


def _long_digits() -> ScanResult:
    scan = sample()
    evidence = [
        Evidence(rule="shared-card", attribute="bank_account", value=v, weight=0.95,
                 sources=["payments.csv:2"])
        for v in LONG_DIGITS
    ]  # fmt: skip
    first = scan.links[0].model_copy(
        update={"accounts": [NUMERIC_ID, "acme-us-2"], "evidence": evidence}
    )
    accounts = [
        a.model_copy(update={"account_id": NUMERIC_ID}) if a.account_id == "acme-us" else a
        for a in scan.accounts
    ]
    return scan.model_copy(update={"links": [first, *scan.links[1:]], "accounts": accounts})


def test_csv_keeps_long_digit_strings_exactly_for_scripts() -> None:
    out = render(_long_digits(), "csv", RenderOptions())
    assert isinstance(out, str)
    rows = [row for row in csv.reader(io.StringIO(out.removeprefix("\ufeff"))) if row[0] == "1"]
    assert [row[10] for row in rows] == LONG_DIGITS  # no apostrophe, no ="...", no rounding
    assert {row[1] for row in rows} == {NUMERIC_ID}


def test_xlsx_writes_long_digit_strings_as_exact_text_cells() -> None:
    data = render(_long_digits(), "xlsx", RenderOptions())
    assert isinstance(data, bytes)
    cells = xlsx_cells(data)
    values = [(sheet, value, kind) for sheet, coord, value, kind in cells
              if sheet == "Evidence" and coord.startswith("K") and coord != "K1"]  # fmt: skip
    assert values[: len(LONG_DIGITS)] == [("Evidence", v, "s") for v in LONG_DIGITS]
    ids = {(sheet, kind) for sheet, _, value, kind in cells if value == NUMERIC_ID}
    assert {kind for _, kind in ids} == {"s"}
    assert {"Links", "Evidence", "Accounts"} <= {sheet for sheet, _ in ids}
    # numbers are only ranks, counts and scores: nothing long enough to be an identifier
    numbers = [value for _, _, value, kind in cells if kind == "n"]
    assert numbers and all(isinstance(v, int | float) and abs(v) < 1e9 for v in numbers)
