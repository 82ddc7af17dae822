"""The attributes kind (spec 2.10): values already normalised, possibly keyed hashes."""

from collections.abc import Callable

import numpy as np
import pandas as pd

from linkaudit.config import Config
from linkaudit.inventory.arrow import clean_cells
from linkaudit.inventory.chunk import Chunk
from linkaudit.inventory.context import row_context
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import Problem
from linkaudit.inventory.sheet import Sheet
from linkaudit.inventory.values import direct_rows
from linkaudit.normalize import DERIVED
from linkaudit.vocab import AttrType

_TRUE = frozenset({"true", "1", "yes", "y", "t", "是"})


def attribute_kind_rows(sheet: Sheet, config: Config, issues: Issues) -> list[Chunk]:
    """Rows per type as written; unknown types are problems; hashed rows are flagged."""
    type_at, value_at = sheet.first("type"), sheet.first("value")
    if type_at is None or value_at is None:
        why = "the attributes kind needs type and value columns: file skipped"
        issues.add(
            Problem(sheet.file, "type" if type_at is None else "value", "", why, level="error")
        )
        return []
    base = row_context(sheet, issues)
    base["raw"] = clean_cells(sheet.cells(value_at))
    types = clean_cells(sheet.cells(type_at)).str.lower()
    hashed_at = sheet.first("hashed")
    hashed = (
        clean_cells(sheet.cells(hashed_at)).str.lower().isin(_TRUE)
        if hashed_at is not None
        else pd.Series(np.zeros(len(base), dtype=bool))
    )
    known = {t.value for t in AttrType}
    _report_unknown(sheet, type_at, types, known, issues)
    chunks = []
    for name in sorted(set(types.unique()) & known):
        rows = np.flatnonzero(((types == name) & (base["raw"] != "")).to_numpy())
        if not len(rows):
            continue
        cells = base.iloc[rows].reset_index(drop=True)
        flags = hashed.iloc[rows].reset_index(drop=True)
        attr = AttrType(name)
        chunks.append(direct_rows(cells, attr, sheet.src(value_at), cells["raw"], flags))
        chunks.extend(_derived(cells, attr, sheet.src(value_at), flags))
    return chunks


def _report_unknown(
    sheet: Sheet, position: int, types: pd.Series, known: set[str], issues: Issues
) -> None:
    bad = np.flatnonzero((~types.isin(known) & (types != "")).to_numpy())
    why = f"unknown attribute type: expected one of {', '.join(sorted(known))}"

    def make(i: int) -> Problem:
        row = int(bad[i])
        return Problem(sheet.where(position, row), sheet.headers[position], types.iloc[row], why)

    issues.add_bulk(sheet.file, sheet.headers[position], len(bad), make)


def _derived(cells: pd.DataFrame, attr: AttrType, src: str, hashed: pd.Series) -> list[Chunk]:
    """Derived types (ip -> ip_subnet) of plain rows; a hash cannot be derived from."""
    derive = DERIVED.get(attr)
    plain = np.flatnonzero(~hashed.to_numpy(dtype=bool))
    if derive is None or not len(plain):
        return []
    sub = cells.iloc[plain].reset_index(drop=True)
    derived = {v: _safe(derive, v) for v in sub["raw"].unique()}
    chunks = []
    for dtype in sorted({d[0] for ds in derived.values() for d in ds}):
        pick = [(i, d[1]) for i, v in enumerate(sub["raw"]) for d in derived[v] if d[0] == dtype]
        rows = [i for i, _ in pick]
        values = pd.Series([v for _, v in pick], dtype="str")
        part = sub.iloc[rows].reset_index(drop=True)
        chunks.append(direct_rows(part, dtype, src, values, pd.Series([False] * len(rows))))
    return chunks


def _safe(
    derive: Callable[[str], list[tuple[AttrType, str, bool]]], value: str
) -> list[tuple[AttrType, str, bool]]:
    """Derived values, or none when the value is not in canonical form after all."""
    try:
        return derive(value)
    except (ValueError, IndexError):
        return []
