"""The attributes kind (spec 2.10): values already normalised, possibly keyed hashes.

Columns: account_id, type, value (required), marketplace, seen_at or first_seen/last_seen,
hashed, weak (true/false: weak evidence only, e.g. a CGNAT address or a last-4 card key)
and flags (comma-separated loader facts such as `cloud`, `cgnat`, `vm:qemu`), so that a
pseudonymised copy written by `linkaudit hash` keeps what the account rules read.
"""

from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pandas as pd

from linkaudit.config import Config
from linkaudit.inventory.arrow import arrow, clean_cells
from linkaudit.inventory.chunk import Chunk, build
from linkaudit.inventory.context import row_context
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import Problem
from linkaudit.inventory.sheet import Sheet
from linkaudit.normalize import DERIVED, NORMALIZERS, NOTHING
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
    base["flags"] = _flags(sheet, base["flags"])
    types = clean_cells(sheet.cells(type_at)).str.lower()
    hashed, weak = _truth(sheet, "hashed"), _truth(sheet, "weak")
    known = {t.value for t in AttrType}
    _report_unknown(sheet, type_at, types, known, issues)
    chunks = []
    for name in sorted(set(types.unique()) & known):
        attr = AttrType(name)
        rows = np.flatnonzero(((types == name) & (base["raw"] != "")).to_numpy())
        rows = rows[_somebody(base["raw"].iloc[rows], hashed.iloc[rows], attr)]
        if not len(rows):
            continue
        cells = base.iloc[rows].reset_index(drop=True)
        hashes = hashed.iloc[rows].reset_index(drop=True)
        weaks = weak.iloc[rows].to_numpy(dtype=bool)
        src = sheet.src(value_at)
        value = arrow(cells["raw"])
        chunks.append(build(cells, None, attr.value, src, value, weaks, None, hashes.to_numpy()))
        chunks.extend(_derived(cells, attr, src, hashes))
    return chunks


def _somebody(values: pd.Series, hashed: pd.Series, attr: AttrType) -> npt.NDArray[np.bool_]:
    """False for plain values that identify nobody: taken as normalised (spec 2.10), a
    placeholder, a non-public IP or a broadcast MAC is still never evidence (spec 3).
    A hash is opaque and kept; a value the normaliser cannot read is kept as written."""
    keep = np.ones(len(values), dtype=bool)
    normalizer = NORMALIZERS.get(attr)
    plain = np.flatnonzero(~hashed.to_numpy(dtype=bool))
    if normalizer is None or not len(plain):
        return keep
    texts = values.iloc[plain]
    nobody = {t: normalizer(t, None) == NOTHING for t in texts.unique()}
    keep[plain] = ~texts.map(nobody).to_numpy(dtype=bool)
    return keep


def _truth(sheet: Sheet, column: str) -> pd.Series:
    """A true/false column as bools (absent column: all false)."""
    position = sheet.first(column)
    if position is None:
        return pd.Series(np.zeros(len(sheet.frame), dtype=bool))
    values = clean_cells(sheet.cells(position)).str.lower().isin(_TRUE)
    return values.reset_index(drop=True)


def _flags(sheet: Sheet, loader: pd.Series) -> pd.Series:
    """The flags column (comma-separated, spaces trimmed), else the loader's own flags."""
    position = sheet.first("flags")
    if position is None:
        return loader
    text = clean_cells(sheet.cells(position)).reset_index(drop=True)
    tidy = {t: ",".join(f.strip() for f in t.split(",") if f.strip()) for t in text.unique()}
    return text.map(tidy).astype("str")


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
        pick = [(i, d) for i, v in enumerate(sub["raw"]) for d in derived[v] if d[0] == dtype]
        part = sub.iloc[[i for i, _ in pick]].reset_index(drop=True)
        values = arrow(pd.Series([d[1] for _, d in pick], dtype="str"))
        weak = np.array([d[2] for _, d in pick], dtype=bool)  # a last-4 key stays weak
        chunks.append(build(part, None, dtype.value, src, values, weak))
    return chunks


def _safe(
    derive: Callable[[str], list[tuple[AttrType, str, bool]]], value: str
) -> list[tuple[AttrType, str, bool]]:
    """Derived values, or none when the value is not in canonical form after all."""
    try:
        return derive(value)
    except (ValueError, IndexError):
        return []
