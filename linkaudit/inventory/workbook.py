"""XLSX workbooks -> Sheets (spec 1), after a zip-bomb check; cells read as text (spec 3)."""

import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from linkaudit.config import Limits
from linkaudit.errors import InputError
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.kinds import kind_of, known_kinds
from linkaudit.inventory.model import Problem
from linkaudit.inventory.sheet import Sheet, cell_text, text_frame
from linkaudit.vocab import Kind

MB = 1024 * 1024
# A genuine workbook compresses 5-20x; beyond this ratio and size it is treated as a bomb
# unless the user raised max_xlsx_inflated_mb above its default (an explicit opt-in).
BOMB_RATIO = 200
BOMB_MIN_MB = 50


def check_archive(path: Path, name: str, limits: Limits) -> None:
    """InputError for a non-zip `.xlsx` or one that would inflate past the limits."""
    hint = "raise [limits] max_xlsx_inflated_mb in linkaudit.toml if the workbook is genuine"
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(
            f"{name}: not an XLSX workbook (not a zip archive; an old .xls or a protected file?)",
            "save it from Excel as .xlsx, or export it as CSV",
        ) from exc
    if not any(m.filename == "xl/workbook.xml" for m in members):
        raise InputError(f"{name}: not an XLSX workbook (no xl/workbook.xml)", "export it as CSV")
    inflated = sum(m.file_size for m in members)
    compressed = max(path.stat().st_size, 1)
    if inflated > limits.max_xlsx_inflated_mb * MB:
        raise InputError(
            f"{name}: the workbook inflates to {inflated / MB:.0f} MB, over the "
            f"{limits.max_xlsx_inflated_mb:g} MB limit",
            hint,
        )
    opted_in = limits.max_xlsx_inflated_mb > Limits().max_xlsx_inflated_mb
    if inflated > BOMB_MIN_MB * MB and inflated > BOMB_RATIO * compressed and not opted_in:
        raise InputError(
            f"{name}: the workbook inflates {inflated // compressed}x to "
            f"{inflated / MB:.0f} MB: refused as a possible zip bomb",
            hint,
        )


def read_workbook(
    path: Path, name: str, kind: Kind | None, limits: Limits, issues: Issues
) -> list[Sheet]:
    """Sheets of a workbook: kind-named sheets, or the single/first sheet of a kind-named file."""
    from python_calamine import CalamineWorkbook

    check_archive(path, name, limits)
    try:
        book = CalamineWorkbook.from_path(str(path))
        chosen = _select(list(book.sheet_names), name, kind, issues)
        sheets = []
        for sheet_name, sheet_kind in chosen:
            rows = book.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
            sheet = _sheet(rows, name, sheet_name, sheet_kind)
            if sheet is not None:
                sheets.append(sheet)
    except InputError:
        raise
    except Exception as exc:  # calamine raises several unrelated error types
        raise InputError(
            f"{name}: cannot read the workbook ({exc})", "re-save it in Excel"
        ) from exc
    return sheets


def _select(
    names: list[str], file: str, kind: Kind | None, issues: Issues
) -> list[tuple[str, Kind]]:
    named = [(n, k) for n in names if (k := kind_of(n)) is not None]
    others = [n for n in names if kind_of(n) is None]
    if not named and kind is not None and names:
        named, others = [(names[0], kind)], names[1:]
    for other in others:
        if kind is not None:
            issues.note(f"{file}: sheet '{other}' ignored (its name is not a kind)")
        else:
            why = f"sheet of unknown kind; known kinds: {known_kinds()}"
            issues.add(Problem(f"{file}:{other}", "", "", why))
    return named


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet(rows: Sequence[Sequence[object]], file: str, sheet: str, kind: Kind) -> Sheet | None:
    """Rows from A1 -> Sheet; the header is the first non-empty row; empty rows are skipped."""
    filled = [i for i, row in enumerate(rows) if any(c is not None and c != "" for c in row)]
    if not filled:
        return None
    top = filled[0]
    headers = [cell_text(c).strip() for c in rows[top]]
    body = [rows[i] for i in filled[1:]]
    width = len(headers)
    columns = [[_text(row[c]) if c < len(row) else "" for row in body] for c in range(width)]
    lines = np.asarray([i + 1 for i in filled[1:]], dtype=np.int32)
    letters = [column_letter(c) for c in range(width)]
    return Sheet(kind, file, headers, text_frame(columns), lines, sheet=sheet, letters=letters)


def _text(value: object) -> str:
    return value if type(value) is str else cell_text(value)
