"""The `xlsx` format: one workbook, one sheet per section, built in memory with xlsxwriter.

Every text cell goes through `write_string` with xlsxwriter's string conversions off, and
is still defused (leading `'`) so that a copy-paste to CSV stays inert (OWASP). A value
made of digits (a bank account, a 16-digit id) is therefore a text cell, exact in Excel;
only ranks, counts and scores are number cells.
"""

import io
from datetime import UTC, datetime

import xlsxwriter

from linkaudit.report import i18n, sections
from linkaudit.report.options import RenderOptions
from linkaudit.report.sections import Cell, Section, SeverityCell
from linkaudit.report.text import defuse
from linkaudit.result import ScanResult

# Severity fills shared with the html report: critical dark red … low grey-blue.
FILLS = {
    "critical": ("#8B1A1A", "#FFFFFF"),
    "high": ("#D9480F", "#FFFFFF"),
    "medium": ("#F0A202", "#1F1F1F"),
    "low": ("#7A8FA6", "#FFFFFF"),
}
# Excel forbids these in sheet names.
_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
MIN_WIDTH, MAX_WIDTH = 6, 60

_WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def _display_width(text: str) -> int:
    # CJK characters take two columns in Excel as on a terminal
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _created(result: ScanResult) -> datetime:
    # the scan's time, not "now": the same scan gives the same workbook properties
    try:
        return datetime.fromisoformat(result.generated_at.replace("Z", "+00:00"))
    except ValueError:
        return datetime(2000, 1, 1, tzinfo=UTC)


class _Book:
    """A workbook with the shared formats (header, numbers, severity fills)."""

    def __init__(self, buffer: io.BytesIO, result: ScanResult, title: str) -> None:
        self.book = xlsxwriter.Workbook(buffer, _WORKBOOK_OPTIONS)
        self.book.set_properties({"title": defuse(title), "created": _created(result)})
        self.header = self.book.add_format({"bold": True, "bg_color": "#E8ECF1", "border": 1})
        self.number = self.book.add_format({"num_format": "0.00"})
        self.wrap = self.book.add_format({"valign": "top"})
        self.severity = {
            code: self.book.add_format({"bg_color": bg, "font_color": fg, "bold": True})
            for code, (bg, fg) in FILLS.items()
        }

    def sheet(self, section: Section, name: str) -> None:
        """Add `section` as sheet `name`: frozen header row, autofilter, fitted column widths."""
        name = name.translate(_SHEET_FORBIDDEN)[:31]
        sheet = self.book.add_worksheet(name)
        for col, head in enumerate(section.headers):
            sheet.write_string(0, col, defuse(head), self.header)
        for row, cells in enumerate(section.rows, start=1):
            for col, cell in enumerate(cells):
                self._write(sheet, row, col, cell)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(section.rows), 1), max(len(section.headers) - 1, 0))
        for col, width in enumerate(_widths(section)):
            sheet.set_column(col, col, width)

    def _write(
        self, sheet: "xlsxwriter.worksheet.Worksheet", row: int, col: int, cell: Cell
    ) -> None:
        if isinstance(cell, SeverityCell):
            sheet.write_string(row, col, defuse(cell.label), self.severity.get(cell.code))
        elif isinstance(cell, float):
            sheet.write_number(row, col, cell, self.number)
        elif isinstance(cell, int):
            sheet.write_number(row, col, cell)
        elif cell:  # an empty string stays an empty cell
            sheet.write_string(row, col, defuse(cell))

    def close(self) -> None:
        self.book.close()


def _widths(section: Section) -> list[int]:
    widths = [_display_width(h) + 4 for h in section.headers]  # room for the filter button
    for row in section.rows:
        for col, cell in enumerate(row):
            widths[col] = max(widths[col], _display_width(str(cell)) + 1)
    return [min(max(w, MIN_WIDTH), MAX_WIDTH) for w in widths]


# (section builder, i18n key of the short sheet name), in sheet order
SHEETS = (
    (sections.summary, "summary"),
    (sections.links, "links_total"),
    (sections.evidence, "evidence"),
    (sections.groups, "groups"),
    (sections.accounts, "accounts"),
    (sections.cross_selling, "cross_selling"),
    (sections.hubs, "hubs_short"),
    (sections.flags, "flag_count"),
    (sections.notes, "notes"),
)


def render(result: ScanResult, options: RenderOptions) -> bytes:
    """The workbook as bytes: summary, links, evidence, groups, accounts, cross-selling, …"""
    buffer = io.BytesIO()
    book = _Book(buffer, result, options.title or i18n.tr("title", options.lang))
    for build, name in SHEETS:
        book.sheet(build(result, options.lang), i18n.tr(name, options.lang))
    book.close()
    return buffer.getvalue()
