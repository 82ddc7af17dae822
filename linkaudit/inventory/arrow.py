"""Bridges between pandas `str` columns and Arrow arrays, and vectorised clean().

Most inventory text is plain ASCII; byte-level scans of the Arrow buffers let the common
case skip per-row work entirely (a 2M-row column costs milliseconds, not seconds).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from linkaudit.normalize.base import clean

Bools = npt.NDArray[np.bool_]
_CONTROL = "[\x00-\x1f\x7f]"


def arrow(values: pd.Series) -> pa.ChunkedArray:
    """The Arrow data of a str Series as large_string (no copy for Arrow-backed columns; a
    categorical column is decoded, a copy: hot paths read its codes with labelled())."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes, labels = labelled(values)
        decoded = pa.array(labels, pa.large_string()).take(pa.array(codes, pa.int32()))
        return pa.chunked_array([decoded], type=pa.large_string())
    array = values.array
    if hasattr(array, "__arrow_array__"):
        data = array.__arrow_array__()
    else:
        data = pa.array(values.to_numpy(dtype=object), pa.large_string(), from_pandas=True)
    chunked = data if isinstance(data, pa.ChunkedArray) else pa.chunked_array([data])
    if chunked.null_count:
        chunked = pc.fill_null(chunked, "")
    return chunked.cast(pa.large_string())


def labelled(values: pd.Series) -> tuple[npt.NDArray[np.integer], list[str]]:
    """Integer codes of a str or categorical Series (a categorical's own codes, no copy of
    its text) and the label of each code."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return np.asarray(values.cat.codes.to_numpy()), [str(c) for c in values.cat.categories]
    codes, uniques = pd.factorize(values)
    return np.asarray(codes), [str(u) for u in uniques]


def categorical(pieces: list[pa.Array]) -> pd.Series:
    """A categorical Series of Arrow string or dictionary-encoded string arrays, one after
    the other, its categories sorted (so that sorting the Series orders it as the strings
    would): 1-4 bytes a row instead of the text.

    The pieces' dictionaries are small (accounts, types, sources, marketplaces, flags): they
    are merged in Python and each piece's codes written once into the final array.
    """
    parts = [p if pa.types.is_dictionary(p.type) else p.dictionary_encode() for p in pieces]
    parts = [p for p in parts if len(p)]
    texts = [[str(t) for t in p.dictionary.to_pylist()] for p in parts]
    labels = sorted({t for text in texts for t in text})
    position = {label: k for k, label in enumerate(labels)}
    width = code_width(len(labels))
    codes: npt.NDArray[np.integer] = np.empty(sum(len(p) for p in parts), dtype=width)
    start = 0
    for part, text in zip(parts, texts, strict=True):
        remap = np.array([position[t] for t in text], dtype=width)
        end = start + len(part)
        if len(remap) == 1:  # one value (a file column's type or source): no gather
            codes[start:end] = remap[0]
        else:
            codes[start:end] = remap[np.asarray(part.indices.to_numpy(zero_copy_only=False))]
        start = end
    categories = pd.Index(labels, dtype="str")
    return pd.Series(pd.Categorical.from_codes(codes, categories=categories, validate=False))


def code_width(labels: int) -> type[np.int8] | type[np.int16] | type[np.int32]:
    """The narrowest signed integer type for codes of this many labels."""
    return np.int8 if labels < 2**7 else np.int16 if labels < 2**15 else np.int32


def encoded_constant(text: str, n: int) -> pa.DictionaryArray:
    """n copies of text, dictionary-encoded: 1 byte a row, the text once."""
    indices = pa.array(np.zeros(n, dtype=np.int8))
    return pa.DictionaryArray.from_arrays(indices, pa.array([text], pa.large_string()))


def series(values: pa.Array | pa.ChunkedArray) -> pd.Series:
    """A pandas `str` Series over Arrow string data."""
    return pd.Series(pd.array(values, dtype="str"))


@lru_cache(maxsize=64)
def constant_array(text: str, n: int) -> pa.Array:
    """An Arrow array of n copies of text, built straight from buffers (and shared: the
    columns of one file ask for the same source n times over; Arrow arrays are immutable;
    load() clears the cache when its table is built)."""
    data = text.encode("utf-8")
    width = len(data)
    offsets = np.arange(n + 1, dtype=np.int64) * width
    buffers = [None, pa.py_buffer(offsets), pa.py_buffer(data * n)]
    return pa.Array.from_buffers(pa.large_string(), n, buffers)


def constant(text: str, n: int) -> pd.Series:
    """A str Series of n copies of text."""
    return series(constant_array(text, n))


def _take_ascending(values: pa.ChunkedArray, rows: npt.NDArray[np.intp]) -> pa.ChunkedArray:
    """values[rows] for ascending rows: each chunk takes its own rows, in order."""
    ends = np.cumsum([len(c) for c in values.chunks])
    bounds = np.searchsorted(rows, np.concatenate([[0], ends]))
    parts = []
    for k, chunk in enumerate(values.chunks):
        mine = rows[bounds[k] : bounds[k + 1]]
        if len(mine):
            parts.append(chunk.take(pa.array(mine - (ends[k] - len(chunk)), pa.int64())))
    return pa.chunked_array(parts, type=values.type)


def keep_rows(
    values: pa.ChunkedArray, rows: npt.NDArray[np.intp], most_runs: int = 64
) -> pa.ChunkedArray:
    """values[rows] for ascending, distinct rows. When they form a few runs (a column with
    a handful of rows left out), the runs are zero-copy slices instead of a copy."""
    if not len(rows):
        return values.slice(0, 0)
    breaks = np.flatnonzero(np.diff(rows) != 1) + 1
    if len(breaks) >= most_runs:
        return take(values, rows)
    firsts = np.concatenate([[0], breaks])
    lasts = np.concatenate([breaks, [len(rows)]])
    parts = [values.slice(int(rows[a]), int(b - a)) for a, b in zip(firsts, lasts, strict=True)]
    return pa.chunked_array([c for part in parts for c in part.chunks], type=values.type)


def take(values: pa.ChunkedArray, rows: npt.NDArray[np.intp] | None) -> pa.ChunkedArray:
    """values[rows], or values itself when rows is None (all rows).

    Arrow's take on a string column of many chunks joins every chunk first, on each call;
    rows in order are taken chunk by chunk instead, and a few rows out of order are taken
    in order, then put back in theirs.
    """
    if rows is None:
        return values
    if not len(rows):  # Arrow's take would join every chunk even for no rows
        return values.slice(0, 0)
    if values.num_chunks <= 1:
        return values.take(pa.array(rows, pa.int64()))
    if len(rows) == 1 or bool((rows[1:] >= rows[:-1]).all()):
        return _take_ascending(values, rows)
    if len(rows) * 16 > len(values):  # many rows: joining once is the cheaper copy
        return values.take(pa.array(rows, pa.int64()))
    order = np.argsort(rows, kind="stable")
    back = np.empty(len(rows), dtype=np.int64)
    back[order] = np.arange(len(rows))
    ordered = _take_ascending(values, rows[order]).combine_chunks()
    return pa.chunked_array([ordered.take(pa.array(back))], type=values.type)


_SMALL_FRAME = 65_536  # rows: below this, one pandas take beats a take per column


def take_frame(frame: pd.DataFrame, rows: npt.NDArray[np.intp]) -> pd.DataFrame:
    """frame.iloc[rows], its str columns taken with take(): pandas' own take joins every
    chunk of an Arrow string column first (a copy of the whole column, even for no rows);
    a small frame, where that copy costs less than a take per column, goes to pandas."""
    if len(frame) < _SMALL_FRAME:
        return frame.iloc[rows]
    columns: dict[str, object] = {}
    for name in frame.columns:
        column = frame[name]
        if column.dtype == "str":
            columns[name] = series(take(arrow(column), rows))
        else:
            columns[name] = column.iloc[rows].reset_index(drop=True)
    taken = pd.DataFrame(columns, columns=frame.columns, copy=False)
    taken.index = frame.index[rows]
    return taken


def string_chunks(
    values: pa.ChunkedArray,
) -> list[tuple[pa.Array, npt.NDArray[np.int64], npt.NDArray[np.uint8]]]:
    """(chunk, offsets relative to its data, data bytes) of each large_string chunk."""
    out = []
    for chunk in values.chunks:
        if chunk.type != pa.large_string():
            chunk = chunk.cast(pa.large_string())
        raw_offsets = np.frombuffer(chunk.buffers()[1], np.int64)
        offsets = raw_offsets[chunk.offset : chunk.offset + len(chunk) + 1]
        data = np.frombuffer(chunk.buffers()[2] or b"", np.uint8)[offsets[0] : offsets[-1]]
        out.append((chunk, offsets - offsets[0], data))
    return out


@dataclass(frozen=True)
class Window:
    """At most a window's worth of strings of one chunk, and the position of its first
    string in the values. Its offsets are computed when it is read (on the thread that
    reads it), so a list of the windows of 10^7 strings holds no copy of their offsets."""

    chunk: pa.Array
    start: int

    def __len__(self) -> int:
        return len(self.chunk)

    def read(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint8]]:
        """(offsets relative to the window's bytes, the bytes)."""
        ((_, offsets, data),) = string_chunks(pa.chunked_array([self.chunk]))
        return offsets, data


def string_windows(values: pa.ChunkedArray, rows: int = 1 << 16) -> list[Window]:
    """The strings of values in Windows of at most `rows`: byte-level work on one keeps its
    temporaries small enough to reuse memory, not fault in more."""
    windows: list[Window] = []
    start = 0
    for chunk in values.chunks:
        for at in range(0, len(chunk), rows):
            piece = chunk.slice(at, rows)
            windows.append(Window(piece, start))
            start += len(piece)
    return windows


def _per_row(
    values: pa.ChunkedArray,
    suspicious: Callable[[npt.NDArray[np.uint8]], bool],
    check: Callable[[pa.Array], pa.Array],
) -> Bools:
    """`check` per row, run only on chunks whose bytes look `suspicious` (else all False)."""
    parts = []
    for chunk, _, data in string_chunks(values):
        if len(data) and suspicious(data):
            parts.append(np.asarray(check(chunk).to_numpy(zero_copy_only=False), dtype=bool))
        else:
            parts.append(np.zeros(len(chunk), dtype=bool))
    return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)


def not_plain(values: pa.ChunkedArray) -> Bools:
    """Rows with a non-ASCII or control character (clean() must look at them)."""
    return _per_row(
        values,
        lambda d: bool(d.min() < 32 or d.max() > 126),  # two reductions: no mask built
        lambda c: pc.or_(pc.invert(pc.string_is_ascii(c)), pc.match_substring_regex(c, _CONTROL)),
    )


def containing(values: pa.ChunkedArray, characters: str) -> Bools:
    """Rows containing any of the ASCII `characters`."""
    codes = np.frombuffer(characters.encode("ascii"), np.uint8)
    pattern = "[" + "".join("\\" + c for c in characters) + "]"
    return _per_row(
        values,
        # one comparison per character: a gather of a lookup per byte is 4x slower
        lambda d: any(bool((d == c).any()) for c in codes),
        lambda c: pc.match_substring_regex(c, pattern),
    )


def _trim(values: pa.ChunkedArray) -> pa.ChunkedArray:
    """Spaces trimmed, touching only chunks where some value starts or ends with one."""
    out = []
    for chunk, offsets, data in string_chunks(values):
        filled = offsets[:-1] < offsets[1:]
        edges = np.concatenate([data[offsets[:-1][filled]], data[offsets[1:][filled] - 1]])
        out.append(pc.ascii_trim(chunk, " ") if (edges == 32).any() else chunk)
    return pa.chunked_array(out, type=pa.large_string())


def clean_cells(cells: pd.Series) -> pd.Series:
    """clean() of every cell (spec 3): a trim for printable ASCII, clean() per distinct rest."""
    values = arrow(cells)
    trimmed = series(_trim(values))
    odd = not_plain(values)
    if odd.any():
        rows = np.flatnonzero(odd)
        rest = cells.iloc[rows]
        cleaned = {text: clean(text) for text in rest.unique()}
        trimmed.iloc[rows] = rest.map(cleaned).to_numpy()
    trimmed.index = cells.index
    return trimmed


def map_distinct(values: pd.Series, convert: Callable[[str], str]) -> pd.Series:
    """convert() of each distinct text once, mapped back (for low-cardinality columns)."""
    done: dict[str, str] = {}
    out = []
    for chunk in pc.dictionary_encode(arrow(values)).chunks:
        texts = chunk.dictionary.to_pylist()
        for text in texts:
            if text not in done:
                done[text] = convert(text)
        mapped = pa.array([done[t] for t in texts], pa.large_string())
        out.append(mapped.take(chunk.indices))
    result = series(pa.chunked_array(out, type=pa.large_string()))
    result.index = values.index
    return result
