"""Evidence sources are listed in natural order: file, then cell column, then line number."""

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
