"""Blocking tokens of many distinct values at once: a vectorised title kernel, else TOKENS.

A listings file holds millions of distinct titles; calling `catalogue.title_tokens` once
per title costs tens of seconds. On printable-ASCII titles (no CJK, and the only white
space is the space character) `title_tokens` is exactly: split on spaces, keep words of
3+ characters that are not stop words, deduplicate. The kernel does that on the Arrow
buffers; every other value goes through the registry's TOKENS function.
tests/engine/test_tokens.py checks the two agree.
"""

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from linkaudit.engine.codes import code_strings
from linkaudit.inventory.arrow import not_plain
from linkaudit.normalize import TOKENS
from linkaudit.normalize.catalogue import TITLE_STOPWORDS
from linkaudit.vocab import AttrType

Index = npt.NDArray[np.int64]
_STOPWORDS = pa.array(sorted(TITLE_STOPWORDS), pa.large_string())
_LOOK_BACK = 32  # tokens of one value compared pairwise; longer values are sorted


def value_tokens(values: pa.ChunkedArray, attribute: AttrType) -> tuple[Index, Index]:
    """(position in values, token code) for each distinct token of each value.

    Equal tokens get equal codes (only identity matters for blocking), different ones
    different codes.
    """
    fast = np.zeros(len(values), dtype=bool)
    if attribute is AttrType.TITLE and len(values):
        fast = ~not_plain(values)
    parts: list[tuple[Index, pa.ChunkedArray]] = []
    if fast.any():
        parts.append(_title_kernel(values, np.flatnonzero(fast)))
    rest = np.flatnonzero(~fast)
    if len(rest):
        parts.append(_registry(values, rest, attribute))
    if not parts:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    position = np.concatenate([p for p, _ in parts])
    tokens = pa.chunked_array([c for _, t in parts for c in t.chunks], pa.large_string())
    if len(parts) > 1:  # kernel rows, then the rest: back into value order
        order = np.argsort(position, kind="stable")
        position, tokens = position[order], tokens.take(pa.array(order))
    return _distinct(position, tokens)


def _title_kernel(values: pa.ChunkedArray, rows: Index) -> tuple[Index, pa.ChunkedArray]:
    picked = values if len(rows) == len(values) else values.take(pa.array(rows))
    split = pc.split_pattern(picked, " ")
    flat = pc.list_flatten(split)
    parent = np.asarray(pc.list_parent_indices(split).to_numpy(zero_copy_only=False), np.int64)
    keep = pc.and_(
        pc.greater_equal(pc.binary_length(flat), 3), pc.invert(pc.is_in(flat, _STOPWORDS))
    )
    mask = np.asarray(keep.to_numpy(zero_copy_only=False), dtype=bool)
    return rows[parent[mask]], flat.filter(keep).cast(pa.large_string())


def _registry(
    values: pa.ChunkedArray, rows: Index, attribute: AttrType
) -> tuple[Index, pa.ChunkedArray]:
    tokenize = TOKENS[attribute]
    lists = [tokenize(str(v)) for v in values.take(pa.array(rows)).to_pylist()]
    lengths = np.fromiter((len(t) for t in lists), dtype=np.int64, count=len(lists))
    flat = pa.array([t for tokens in lists for t in tokens], pa.large_string())
    return np.repeat(rows, lengths), pa.chunked_array([flat])


def _distinct(position: Index, tokens: pa.ChunkedArray) -> tuple[Index, Index]:
    """Token codes, repeated (position, token) pairs dropped: a word used twice blocks once.

    `position` is ascending, so a value's tokens are adjacent: a repeat is found by looking
    back a few places (a value has a handful of tokens), not by sorting 10^7 keys.
    """
    if not len(position):
        return position, np.zeros(0, np.int64)
    codes, _ = code_strings(tokens)
    starts = np.flatnonzero(np.diff(position, prepend=position[0] - 1))
    longest = int(np.diff(starts, append=len(position)).max())
    if longest > _LOOK_BACK:  # a very long value: sort by (position, code) instead
        width = int(codes.max()) + 1
        keys = np.unique(position * width + codes)
        return keys // width, keys % width
    repeat = np.zeros(len(codes), dtype=bool)
    for back in range(1, longest):
        repeat[back:] |= (position[back:] == position[:-back]) & (codes[back:] == codes[:-back])
    keep = ~repeat
    return position[keep], codes[keep]
