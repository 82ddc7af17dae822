"""Pieces of the attribute table as column arrays, assembled once at the end.

Building a DataFrame per piece would copy and consolidate every numeric column once per
piece; Arrow string columns concatenate without copying, numpy columns are joined once.
"""

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from linkaudit.attributes import ATTRIBUTE_COLUMNS, empty_table
from linkaudit.inventory.arrow import arrow, constant_array, keep_rows, series

Chunk = dict[str, pa.ChunkedArray | npt.NDArray[np.generic]]
_TEXT = ("account_id", "type", "value", "raw", "src", "marketplace", "flags")


def build(
    cells: pd.DataFrame,
    rows: npt.NDArray[np.intp] | None,
    attr: str,
    src: str,
    value: pa.ChunkedArray,
    weak: npt.NDArray[np.bool_],
    flags: pa.ChunkedArray | None = None,
    hashed: npt.NDArray[np.bool_] | None = None,
) -> Chunk:
    """A chunk from `rows` (ascending; None = all) of cells (account_id, raw, line,
    marketplace, first_seen, last_seen, flags) and the values computed for those rows."""
    keep: npt.NDArray[np.bool_] | slice = slice(None)
    kept = None
    if rows is not None and len(rows) != len(cells):
        keep = np.zeros(len(cells), dtype=bool)
        keep[rows] = True
        kept = np.flatnonzero(keep)

    def text(name: str) -> pa.ChunkedArray:
        data = arrow(cells[name])
        return data if kept is None else keep_rows(data, kept)

    n = len(value)
    return {
        "account_id": text("account_id"),
        "type": pa.chunked_array([constant_array(attr, n)]),
        "value": value,
        "raw": text("raw"),
        "src": pa.chunked_array([constant_array(src, n)]),
        "line": cells["line"].to_numpy(dtype=np.int32)[keep],
        "marketplace": text("marketplace"),
        "first_seen": cells["first_seen"].to_numpy(dtype="datetime64[ns]")[keep],
        "last_seen": cells["last_seen"].to_numpy(dtype="datetime64[ns]")[keep],
        "weak": weak,
        "flags": flags if flags is not None else text("flags"),
        "hashed": hashed if hashed is not None else np.zeros(n, dtype=bool),
    }


def size(chunk: Chunk) -> int:
    return len(chunk["line"])


def concat(chunks: list[Chunk]) -> pd.DataFrame:
    """One attribute table with the schema's dtypes (linkaudit.attributes)."""
    chunks = [c for c in chunks if size(c)]
    if not chunks:
        return empty_table()
    columns: dict[str, object] = {}
    for name in ATTRIBUTE_COLUMNS:
        parts = [c[name] for c in chunks]
        if name in _TEXT:
            pieces = [p for part in parts for p in part.chunks]  # type: ignore[union-attr]
            columns[name] = series(pa.chunked_array(pieces, type=pa.large_string()))
        else:
            columns[name] = np.concatenate(parts)
        for chunk in chunks:
            del chunk[name]  # release as we go: peak memory stays near one table
    table = pd.DataFrame(columns, copy=False)  # no block consolidation: no extra copy
    schema = empty_table().dtypes
    for name in ATTRIBUTE_COLUMNS:
        if table[name].dtype != schema[name]:
            table[name] = table[name].astype(schema[name])
    return table
