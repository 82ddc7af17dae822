"""Evidence sources are listed in natural order: file, then cell column, then line number."""

from pathlib import Path

from linkaudit.engine.detail import source_order


def test_lines_sort_as_numbers_and_cells_by_column() -> None:
    given = ["logins.csv:10", "logins.csv:9", "pay.xlsx:p!B10", "pay.xlsx:p!B9", "pay.xlsx:p!A12"]
    assert sorted(given, key=source_order) == [
        "logins.csv:9",
        "logins.csv:10",
        "pay.xlsx:p!A12",
        "pay.xlsx:p!B9",
        "pay.xlsx:p!B10",
    ]


def test_a_file_level_source_without_line_sorts_safely() -> None:
    assert sorted(["b.csv", "a.csv:2"], key=source_order) == ["a.csv:2", "b.csv"]


def test_workbook_listing_asin_and_gtin_are_one_product(tmp_path: Path) -> None:
    import openpyxl

    from linkaudit.pipeline import ScanOptions, scan

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "listings"
    sheet.append(["account_id", "marketplace", "asin", "gtin"])
    for account in ("s1", "s2"):
        sheet.append([account, "US", "B0TEST0001", "4006381333931"])
    book.save(tmp_path / "listings.xlsx")
    (tmp_path / "devices.csv").write_text("account_id,device_id\ns1,PC-1\ns2,PC-1\n")
    result = scan(tmp_path, ScanOptions(generated_at="2026-11-27T00:00:00Z"))
    (cross,) = result.links[0].cross_selling
    assert (cross.overlap, cross.asins, cross.gtins) == (1, 1, 1)
