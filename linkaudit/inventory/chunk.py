"""Pieces of the attribute table as column arrays, assembled once at the end.

Building a DataFrame per piece would copy and consolidate every numeric column once per
piece; Arrow string columns concatenate without copying, numpy columns are joined once.
"""

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from linkaudit.attributes import ATTRIBUTE_COLUMNS, CATEGORICAL, empty_table
from linkaudit.inventory.arrow import (
    arrow,
    categorical,
    code_width,
    encoded_constant,
    keep_rows,
    series,
)
from linkaudit.memory import join_parts
from linkaudit.parallel import ordered_map

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

    def labels(name: str) -> pa.ChunkedArray:
        codes, dictionary = _encoded(name, arrow(cells[name]))
        picked = codes if kept is None else codes[kept]
        return pa.chunked_array([pa.DictionaryArray.from_arrays(picked, dictionary)])

    n = len(value)
    return {
        "account_id": labels("account_id"),
        "type": pa.chunked_array([encoded_constant(attr, n)]),
        "value": value,
        "raw": text("raw"),
        "src": pa.chunked_array([encoded_constant(src, n)]),
        "line": cells["line"].to_numpy(dtype=np.int32)[keep],
        "marketplace": labels("marketplace"),
        "first_seen": cells["first_seen"].to_numpy(dtype="datetime64[ns]")[keep],
        "last_seen": cells["last_seen"].to_numpy(dtype="datetime64[ns]")[keep],
        "weak": weak,
        "flags": flags if flags is not None else labels("flags"),
        "hashed": hashed if hashed is not None else np.zeros(n, dtype=bool),
    }


# The last column dictionary-encoded, by column name: the chunks of one sheet (one per
# file column) share its account, marketplace and flag cells, encoded once. The entry holds
# the column's data, so its buffers (the key) cannot be freed and reused while cached.
_LAST: dict[str, tuple[tuple[tuple[int, int, int], ...], pa.ChunkedArray, pa.Array, pa.Array]] = {}


def _encoded(name: str, data: pa.ChunkedArray) -> tuple[pa.Array, pa.Array]:
    """(codes, dictionary) of a column of cells, from the cache when it is the last
    column seen under this name."""
    key = tuple((c.buffers()[1].address, c.offset, len(c)) for c in data.chunks if len(c))
    cached = _LAST.get(name)
    if cached is not None and cached[0] == key:
        return cached[2], cached[3]
    encoded = pc.dictionary_encode(data).unify_dictionaries() if len(data) else None
    if encoded is None or not encoded.num_chunks:
        codes, dictionary = np.zeros(0, np.int8), pa.array([], pa.large_string())
    else:
        dictionary = encoded.chunks[0].dictionary
        # as narrow as the dictionary allows: a sheet's chunks hold these codes until the
        # table is built (10^7-row listings: 1-2 bytes a row, not 4)
        codes = join_parts(
            [np.asarray(c.indices.to_numpy(zero_copy_only=False)) for c in encoded.chunks],
            code_width(len(dictionary)),
        )
    _LAST[name] = (key, data, codes, dictionary)
    return codes, dictionary


def forget() -> None:
    """Drop the cached encodings (load() calls it when its table is built)."""
    _LAST.clear()


def size(chunk: Chunk) -> int:
    return len(chunk["line"])


def concat(chunks: list[Chunk]) -> pd.DataFrame:
    """One attribute table with the schema's dtypes (linkaudit.attributes).

    Each column is assembled on a worker thread (joining numpy parts and remapping
    categorical codes release the GIL for most of their time): on the M bench this step
    ran alone on one core."""
    chunks = [c for c in chunks if size(c)]
    if not chunks:
        return empty_table()
    # rows seen once (a login's seen_at) or never (listings, company details) have equal
    # first and last times: then one array serves both columns (read-only under pandas'
    # copy-on-write), 8 bytes a row less (250 MB on a 3 * 10^7-row table)
    same_times = all(_same_times(c) for c in chunks)
    if same_times:
        for chunk in chunks:
            del chunk["last_seen"]
    names = [n for n in ATTRIBUTE_COLUMNS if not (n == "last_seen" and same_times)]

    def column(name: str) -> object:
        # each column's parts are taken out of the chunks as it is built (a part often
        # views an array nothing else needs any more); each worker pops its own key only
        if name in _TEXT:
            pieces = [p for c in chunks for p in c.pop(name).chunks]  # type: ignore[union-attr]
            if name in CATEGORICAL:
                return categorical(pieces)
            return series(pa.chunked_array(pieces, type=pa.large_string()))
        return join_parts([c.pop(name) for c in chunks])

    def cost(name: str) -> float:  # the widest columns start first
        first = chunks[0][name]
        return float(sum(len(c[name]) for c in chunks)) * (
            first.dtype.itemsize if isinstance(first, np.ndarray) else 1.0
        )

    built = dict(
        zip(names, ordered_map(column, names, rows=sum(map(size, chunks)), cost=cost), strict=True)
    )
    if same_times:
        built["last_seen"] = built["first_seen"]
    columns = {name: built[name] for name in ATTRIBUTE_COLUMNS}
    table = pd.DataFrame(columns, copy=False)  # no block consolidation: no extra copy
    schema = empty_table().dtypes
    for name in ATTRIBUTE_COLUMNS:
        if name not in CATEGORICAL and table[name].dtype != schema[name]:
            table[name] = table[name].astype(schema[name])
    return table


def _same_times(chunk: Chunk) -> bool:
    first, last = chunk["first_seen"], chunk["last_seen"]
    assert isinstance(first, np.ndarray) and isinstance(last, np.ndarray)
    return first is last or np.array_equal(first.view(np.int64), last.view(np.int64))
