"""The `csv` format: one row per evidence, for spreadsheets and scripts.

Encoding: UTF-8 with a byte-order mark. Excel only detects UTF-8 in a CSV by its BOM;
without it, Chinese store names and headers open as mojibake. Python readers should use
`encoding="utf-8-sig"`. Rows end with CRLF (RFC 4180).

Safety (OWASP "CSV injection"): a text cell starting with `=`, `+`, `-`, `@`, tab or CR
gets a leading `'` so that no spreadsheet evaluates it; numeric columns are left alone.

Long digit strings (bank accounts, 16-digit account ids, GTINs with leading zeros, in full
with --show-values) are written exactly as they are, for scripts. Excel opening a CSV reads
them as numbers (scientific notation, 15 significant digits, no leading zeros), and no
quoting in the file prevents that without changing the value a script reads (`="…"`, a
leading `'` or tab). So the CSV stays exact and the docs send Excel users to the xlsx
report, whose text cells keep every value as written.
"""

import csv
import io

from linkaudit.report import sections
from linkaudit.report.options import RenderOptions
from linkaudit.report.sections import Cell, SeverityCell
from linkaudit.report.text import defuse
from linkaudit.result import ScanResult

BOM = "\ufeff"


def cell_text(cell: Cell) -> str:
    """A cell as CSV text: numbers as they are, text defused against formulas."""
    if isinstance(cell, SeverityCell):
        return cell.label
    if isinstance(cell, int | float):
        return str(cell)
    return defuse(cell)


def render(result: ScanResult, options: RenderOptions) -> str:
    """Every evidence of every link, headers in the report's language."""
    section = sections.evidence(result, options.lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([defuse(h) for h in section.headers])
    writer.writerows([cell_text(c) for c in row] for row in section.rows)
    return BOM + buffer.getvalue()
