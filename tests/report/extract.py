"""Reading rendered reports back: xlsx cells and the visible text of an html page."""

import io
from html.parser import HTMLParser

import openpyxl


def xlsx_cells(data: bytes) -> list[tuple[str, str, object, str]]:
    """Every non-empty cell as (sheet, coordinate, value, openpyxl data type)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            cells += [
                (sheet.title, c.coordinate, c.value, c.data_type)
                for c in row
                if c.value is not None
            ]
    return cells


def xlsx_dump(data: bytes) -> str:
    """A stable text form of a workbook for golden files: sheet names, then cell=value lines."""
    lines = []
    for sheet, coordinate, value, kind in xlsx_cells(data):
        lines.append(f"{sheet}!{coordinate} [{kind}] {value!r}")
    return "\n".join(lines) + "\n"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        self.parts += [v for k, v in attrs if k in ("title", "aria-label") and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(page: str) -> str:
    """The text a reader sees (and tooltips), without styles and scripts."""
    parser = _Text()
    parser.feed(page)
    return "\n".join(parser.parts)
