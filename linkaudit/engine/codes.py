"""Integer codes for the strings matching compares: hash each string column once, then work
on int64 arrays (sorting beats hash tables on large arrays of random keys)."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from linkaudit.engine.hashing import exact_codes, factorize
from linkaudit.inventory.arrow import Window, arrow, labelled, string_windows, take, take_frame
from linkaudit.memory import index_dtype
from linkaudit.parallel import ordered_map

Codes = npt.NDArray[np.int64]
_Int = TypeVar("_Int", bound=np.integer)
Mask = npt.NDArray[np.bool_]


def code(values: pd.Series) -> tuple[Codes, pa.ChunkedArray]:
    """Codes 0..n-1 in order of first appearance, and the n distinct strings by code.

    Arrow's dictionary encoding (one C++ hash pass) is ~1.6x faster than pd.factorize on
    string columns; the codes are the same (first-appearance order). A categorical column
    is coded from its integer codes, its strings never read.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        own, labels = labelled(values)
        codes, firsts = pd.factorize(own)
        picked = pa.array([labels[k] for k in firsts], pa.large_string())
        return np.asarray(codes, dtype=np.int64), pa.chunked_array([picked])
    return code_strings(arrow(values))


def code_strings(strings: pa.ChunkedArray) -> tuple[Codes, pa.ChunkedArray]:
    """code() of Arrow string data.

    Chunks are encoded as they are (one hash table across them, every output chunk sharing
    the final dictionary), not joined first: joining copies the whole column.
    """
    if not len(strings):
        return np.zeros(0, np.int64), pa.chunked_array([], type=pa.large_string())
    chunks = [c for c in strings.chunks if len(c)]
    encoded = pc.dictionary_encode(pa.chunked_array(chunks, type=strings.type)).chunks
    dictionary = encoded[-1].dictionary
    if any(len(c.dictionary) != len(dictionary) for c in encoded):  # not shared: join first
        joined = pc.dictionary_encode(strings.combine_chunks())
        encoded, dictionary = [joined], joined.dictionary
    codes = np.concatenate(
        [np.asarray(c.indices.to_numpy(zero_copy_only=False), dtype=np.int64) for c in encoded]
    )
    return codes, pa.chunked_array([dictionary])


KEY = "vkey"  # the engine's column of value keys (value_keys)
_HASH_FROM = 10_000  # values of a type from which numpy hashing beats dictionary encoding


def value_keys(
    table: pd.DataFrame, rows: Mapping[str, npt.NDArray[np.intp] | range]
) -> npt.NDArray[np.signedinteger[Any]]:
    """One integer per row of the attribute table, equal exactly when type and value are.

    `rows` holds each type's row positions (rows.type_rows). Each type's values are coded
    once here, so matching and cross-selling never hash a value string again: short values
    of a small alphabet (ASINs, GTINs, IPs) are packed into integers exactly, many others
    (titles) hashed in numpy and checked, the rest dictionary-encoded.
    """
    # held beside every row of the table for the whole scan: 4 bytes a row (a key is at
    # most the number of rows)
    keys: npt.NDArray[np.signedinteger[Any]] = np.zeros(len(table), index_dtype(len(table)))
    values = arrow(table["value"])
    types = [positions for positions in rows.values() if len(positions)]

    def coded(positions: npt.NDArray[np.intp] | range) -> npt.NDArray[np.signedinteger[Any]]:
        if isinstance(positions, range):
            part = values.slice(positions.start, len(positions))
        else:
            part = take(values, positions)
        packed = _packed(part)
        if packed is not None:
            codes = factorize(packed)
        else:
            hashed = exact_codes(part) if len(part) >= _HASH_FROM else None
            codes = hashed if hashed is not None else code_strings(part)[0]
        # held until every type is coded: in the keys' width (4 bytes, not 8, a row), and
        # offset in place below
        narrow = codes.astype(keys.dtype, copy=False)
        return narrow if narrow.flags.writeable else narrow.copy()

    # types coded on worker threads (hashing and factorising release the GIL), the largest
    # first; their codes then offset one after the other in type order (in place: a code
    # plus its offset is below the number of rows, so it fits the keys' width)
    every = ordered_map(coded, types, rows=len(table), cost=len)
    offset = 0
    for positions, codes in zip(types, every, strict=True):
        distinct = int(codes.max(initial=-1)) + 1
        codes += offset
        if isinstance(positions, range):
            keys[positions.start : positions.stop] = codes
        else:
            keys[positions] = codes
        offset += distinct
    return keys


def _packed(values: pa.ChunkedArray, limit: int = 2**62) -> Codes | None:
    """Each string as one int64 (injective), or None when they do not fit: every byte
    becomes its rank in the alphabet the values use (0 pads a shorter value), then the
    digits of a base-(alphabet + 1) number of max-length digits.

    The bytes are read in windows of 2^16 strings: a rank per byte of a whole column would
    be an int64 array of 8 bytes per byte of text (800 MB for 10^7 ASINs)."""
    windows = string_windows(values)
    if not windows or not len(values):
        return None
    # one read of each window for the width and the alphabet; the width so far already
    # rules out long values (titles) after a window or two, before their bytes are counted
    width = 0
    used = np.zeros(256, dtype=bool)
    for window in windows:
        offsets, data = window.read()
        width = max(width, int(np.diff(offsets).max(initial=0)))
        if 2**width >= limit:  # too long for any alphabet
            return None
        # the first bytes alone may use too large an alphabet already: stop there
        if (int((np.bincount(data[:4096], minlength=256) > 0).sum()) + 1) ** width >= limit:
            return None
        used |= np.bincount(data, minlength=256) > 0
    base = int(used.sum()) + 1
    if width == 0 or base**width >= limit:
        return None
    rank = np.zeros(256, dtype=np.int64)
    rank[used] = np.arange(1, base)
    powers = base ** np.arange(width - 1, -1, -1, dtype=np.int64)

    out = np.empty(len(values), dtype=np.int64)  # each window's keys written in place

    def pack(piece: Window) -> None:
        offsets, data = piece.read()
        starts, lengths = offsets[:-1], np.diff(offsets)
        if len(data) == width * len(starts):  # every value full width: one matrix product
            key: Codes = rank[data.reshape(-1, width)] @ powers
        else:
            key = np.zeros(len(starts), dtype=np.int64)
            for j in range(width):
                present = lengths > j
                digit = rank[data[np.minimum(starts + j, len(data) - 1)]] if len(data) else key
                key = key * base + np.where(present, digit, 0)
        out[piece.start : piece.start + len(piece)] = key

    ordered_map(pack, windows, rows=len(values))
    return out


def code_values(frame: pd.DataFrame, column: str) -> tuple[Codes, pa.ChunkedArray]:
    """code() of a column; for "value" in a frame holding value keys, from the keys (an
    integer hash pass instead of hashing the strings again)."""
    if column != "value" or KEY not in frame.columns:
        return code(frame[column])
    codes, firsts = _key_codes(frame)
    values = arrow(frame["value"])
    if len(firsts) == len(values):  # every row a new value, in order: no copy needed
        return codes, values
    strings = take(values, firsts)
    return codes, pa.chunked_array([strings.combine_chunks()], type=pa.large_string())


def _key_codes(frame: pd.DataFrame) -> tuple[Codes, npt.NDArray[np.intp]]:
    """Codes of the frame's value keys in order of first appearance, and each code's
    first row."""
    codes = frame[KEY].to_numpy().astype(np.int64)  # a copy: shifted in place below
    if not len(codes):
        return codes, np.zeros(0, dtype=np.intp)
    codes -= codes.min()
    top = np.maximum.accumulate(codes)
    new = np.ones(len(codes), dtype=bool)
    np.greater(top[1:], top[:-1], out=new[1:])
    # a type's own rows (the usual frame) are numbered 0.. in order of first appearance
    # already: the running maximum starts at 0 and rises by exactly 1 at each new key
    # (it rises by at least 1 at each of them and ends at the largest code, so that holds
    # when it rises as many times as that code); else number them so
    if codes[0] != 0 or int(np.count_nonzero(new)) != int(top[-1]) + 1:
        codes = factorize(codes)
        np.maximum.accumulate(codes, out=top)
        np.greater(top[1:], top[:-1], out=new[1:])
    # first-appearance numbering: a code is new where it tops the running maximum
    return codes, np.flatnonzero(new)


def repeated(frame: pd.DataFrame, column: str = "value", per: str | None = None) -> pd.DataFrame:
    """The rows whose `column` value occurs at least twice (in two rows, or with `per`, for
    two distinct values of that column such as two accounts): the only ones that can be
    shared. A hash pass and a bincount, so exact matching never sorts 10^6 unique ASINs."""
    if len(frame) < 2:
        return frame.iloc[0:0]
    keyed = column == "value" and KEY in frame.columns
    codes = _key_codes(frame)[0] if keyed else code(frame[column])[0]
    counted = codes
    if per is not None:
        holders, _ = code(frame[per])
        counted = codes[first_of_each(codes * (int(holders.max()) + 1) + holders)]
    counts = np.bincount(counted, minlength=int(codes.max()) + 1)
    keep = counts[codes] >= 2
    return frame if bool(keep.all()) else take_frame(frame, np.flatnonzero(keep))


def sorted_distinct(values: npt.NDArray[_Int]) -> npt.NDArray[_Int]:
    """np.unique(values) by a sort: numpy 2.4's np.unique without return_inverse hashes,
    about fifteen times slower on 10^6 int64 keys (4 s against 0.27 s)."""
    ordered = np.sort(values)
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def runs(key: Codes) -> tuple[Codes, Mask]:
    """A stable sort order of key and, in that order, where each run of equal keys starts."""
    if len(key) and int(key.min()) >= 0 and int(key.max()) < 2**15:
        order = np.argsort(key.astype(np.int16), kind="stable")  # a radix sort: O(n)
    else:
        order = np.argsort(key, kind="stable")
    ordered = key[order]
    start = np.ones(len(key), dtype=bool)
    start[1:] = ordered[1:] != ordered[:-1]
    return order, start


def first_of_each(key: Codes) -> Mask:
    """True at the first occurrence of each distinct key (drop_duplicates keep="first")."""
    order, start = runs(key)
    first = np.zeros(len(key), dtype=bool)
    first[order[start]] = True
    return first


@dataclass(frozen=True)
class Coded:
    """Occurrence rows as codes: value and scope per row, and the strings they stand for."""

    value: Codes
    scope: Codes
    values: pa.ChunkedArray
    scopes: pa.ChunkedArray

    def strings(self, codes: Codes) -> npt.NDArray[np.object_]:
        """The values these codes stand for, as Python strings (for a few rows only)."""
        picked = take(self.values, codes)
        return np.asarray(picked.to_numpy(zero_copy_only=False), dtype=object)

    def scope_strings(self, codes: Codes) -> npt.NDArray[np.object_]:
        picked = self.scopes.take(pa.array(codes, pa.int64()))
        return np.asarray(picked.to_numpy(zero_copy_only=False), dtype=object)

    def subset(self, rows: npt.NDArray[np.intp]) -> "Coded":
        return Coded(self.value[rows], self.scope[rows], self.values, self.scopes)

    def compact(self, rows: npt.NDArray[np.intp]) -> "Coded":
        """subset() with the value codes renumbered 0..k-1 over only the values these rows
        hold, so per-value work (tokenising) touches nothing else."""
        picked = self.value[rows]
        if len(picked) < 2 or bool((picked[1:] > picked[:-1]).all()):
            # each row its own value, in value order (titles): the values are the rows'
            return Coded(
                np.arange(len(picked), dtype=np.int64),
                self.scope[rows],
                take(self.values, picked),
                self.scopes,
            )
        codes, firsts = pd.factorize(picked)  # a hash pass, not np.unique's sort
        order = np.argsort(firsts, kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        used = np.asarray(firsts, dtype=np.int64)[order]  # ascending, as np.unique gives
        values = take(self.values, used)
        return Coded(rank[codes], self.scope[rows], values, self.scopes)
