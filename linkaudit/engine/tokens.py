"""Blocking tokens of many distinct values at once: a vectorised title kernel, else TOKENS.

A listings file holds millions of distinct titles; calling `catalogue.title_tokens` once
per title costs tens of seconds. On printable-ASCII titles (no CJK, and the only white
space is the space character) `title_tokens` is exactly: split on spaces, keep words of
3+ characters that are not stop words, deduplicate. The kernel does that on the bytes of
the Arrow buffers and hashes each word (engine/hashing.py) instead of building strings;
every other value goes through the registry's TOKENS function, its tokens hashed the same
way. tests/engine/test_fast_paths.py checks the two agree.
"""

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from linkaudit.engine.codes import sorted_distinct
from linkaudit.engine.hashing import Hashes, Words, low_bytes, span_hashes, string_hashes, words
from linkaudit.inventory.arrow import Window, not_plain, string_windows
from linkaudit.memory import index_dtype, join_parts
from linkaudit.normalize import TOKENS
from linkaudit.normalize.catalogue import TITLE_STOPWORDS
from linkaudit.parallel import ordered_map
from linkaudit.vocab import AttrType

Index = npt.NDArray[np.int64]
Ints = npt.NDArray[np.signedinteger[Any]]  # int32 where the count allows, else int64
Bools = npt.NDArray[np.bool_]
_LOOK_BACK = 32  # tokens of one value compared pairwise; longer values are sorted
WINDOW = 1 << 16  # values per piece of the title kernel's work


def value_tokens(values: pa.ChunkedArray, attribute: AttrType) -> tuple[Ints, Ints]:
    """(position in values, token code) for each distinct token of each value.

    Equal tokens get equal codes (only identity matters for blocking), different ones
    different codes but for a 64-bit hash collision, which merges two blocks.
    """
    fast = np.zeros(len(values), dtype=bool)
    if attribute is AttrType.TITLE and len(values):
        fast = ~not_plain(values)
    parts: list[tuple[Ints, Hashes]] = []
    if fast.any():
        parts.append(_title_kernel(values, fast))
    rest = np.flatnonzero(~fast)
    if len(rest):
        parts.append(_registry(values, rest, attribute))
    if not parts:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    if len(parts) == 1:
        position, hashes = parts.pop()
    else:  # kernel rows, then the rest: back into value order
        position = np.concatenate([p for p, _ in parts])
        order = np.argsort(position, kind="stable")
        position, hashes = position[order], np.concatenate([h for _, h in parts])[order]
        del parts, order
    # the hashes are dropped once coded: a large marketplace's words are not held twice;
    # positions and codes of 4 bytes (both are below the number of words)
    codes = pd.factorize(hashes)[0]
    del hashes
    narrow = index_dtype(len(codes))
    return _distinct(position.astype(narrow, copy=False), codes.astype(narrow))


def _title_kernel(values: pa.ChunkedArray, rows: Bools) -> tuple[Ints, Hashes]:
    """(position, token hash) of the words of the `rows` values, on the bytes themselves:
    a word is a run of non-space bytes inside one value; words shorter than 3 bytes and
    stop words are left out. Windows of values are read on worker threads."""
    only = None if rows.all() else rows

    def window(piece: Window) -> tuple[Index, Hashes]:
        offsets, data = piece.read()
        return _window_words(offsets, data, piece.start, only)

    parts = ordered_map(window, string_windows(values, WINDOW), rows=len(values))
    positions, hashes = [p for p, _ in parts], [h for _, h in parts]
    del parts
    return join_parts(positions, index_dtype(len(values))), join_parts(hashes, np.uint64)


def _window_words(
    offsets: Index, data: npt.NDArray[np.uint8], base: int, rows: Bools | None
) -> tuple[Index, Hashes]:
    """_title_kernel on one window of values, the first being value `base`.

    Every space and every value's start is a cut, found in one pass: a word runs from just
    after a cut (at a value's start, from the cut itself) to the next cut; runs of spaces
    give empty words, dropped with the short ones. A value's words follow its start's cut,
    so when no value is empty, the cuts at value starts counted so far give each word's
    value."""
    space = data == 32
    start_of = np.zeros(len(data) + 1, dtype=bool)  # value starts, and the data's end
    start_of[offsets] = True
    cut = start_of.copy()
    cut[:-1] |= space
    cuts = np.flatnonzero(cut)
    after, before = cuts[:-1], cuts[1:]
    starts = after + space[after]
    lengths = before - starts
    keep = lengths >= 3
    if bool((offsets[1:] > offsets[:-1]).all()):
        parent = np.cumsum(start_of[after]) + (base - 1)
        parent = parent[keep]
    else:  # an empty value shares its cut with the next: look each word's value up
        parent = np.searchsorted(offsets, after[keep], side="right") + (base - 1)
    starts, lengths = starts[keep], lengths[keep]
    if rows is not None:
        chosen = rows[parent]
        starts, lengths, parent = starts[chosen], lengths[chosen], parent[chosen]
    w = words(data)
    head = low_bytes(w[starts], lengths)
    kept = ~_stop_words(w, starts, lengths, head)
    return parent[kept], span_hashes(w, starts[kept], lengths[kept], head[kept])


def _stop_words(w: Words, starts: Index, lengths: Index, head: Hashes) -> Bools:
    """Which words are stop words, compared exactly: length and first 16 bytes. A word's
    first 8 bytes pick one slot of a small table holding each stop word alone; a word of
    at most 8 bytes is then known by those bytes and its length, so only longer ones (few)
    have their next 8 bytes read."""
    slot = head * _STOP_MULTIPLIER
    slot >>= _STOP_SHIFT
    stop: Bools = _STOP_HEAD[slot] == head
    rows = np.flatnonzero(stop)
    at, length = slot[rows], lengths[rows]
    same = _STOP_LENGTH[at] == length
    long = np.flatnonzero(length > 8)
    if len(long):
        tail = low_bytes(w[starts[rows[long]] + 8], length[long] - 8)
        same[long] &= _STOP_TAIL[at[long]] == tail
    stop[rows] = same
    return stop


def _stop_table() -> tuple[np.uint64, Hashes, Hashes, Index]:
    """A multiplier sending each stop word's first 8 bytes to its own slot of 1024, and
    per slot the stop word's first and second 8 bytes and length (0: no stop word; a word
    of 3+ printable bytes never has 0 as its first 8)."""
    keys = []
    for word in TITLE_STOPWORDS:
        data = word.encode("utf-8")
        if 3 <= len(data) <= 16:  # shorter words are dropped anyway
            padded = data.ljust(16, b"\0")
            keys.append([int.from_bytes(padded[i : i + 8], "little") for i in (0, 8)] + [len(data)])
        elif len(data) > 16:
            raise ValueError(f"title stop word longer than 16 bytes: {word!r}")
    heads = np.array([k[0] for k in keys], dtype=np.uint64)
    for seed in range(1, 10_000):
        multiplier = np.uint64((0x9E3779B97F4A7C15 * seed) % 2**64 | 1)
        slot = (heads * multiplier) >> _STOP_SHIFT
        if len(np.unique(slot)) == len(slot):
            break
    else:
        raise ValueError("no stop word table found")
    head, tail = np.zeros(1024, np.uint64), np.zeros(1024, np.uint64)
    length = np.zeros(1024, np.int64)
    head[slot] = heads
    tail[slot] = [k[1] for k in keys]
    length[slot] = [k[2] for k in keys]
    return multiplier, head, tail, length


_STOP_SHIFT = np.uint64(54)  # 64 - 10 bits: 1024 slots
_STOP_MULTIPLIER, _STOP_HEAD, _STOP_TAIL, _STOP_LENGTH = _stop_table()


def _registry(values: pa.ChunkedArray, rows: Index, attribute: AttrType) -> tuple[Index, Hashes]:
    tokenize = TOKENS[attribute]
    lists = [tokenize(str(v)) for v in values.take(pa.array(rows)).to_pylist()]
    lengths = np.fromiter((len(t) for t in lists), dtype=np.int64, count=len(lists))
    flat = pa.array([t for tokens in lists for t in tokens], pa.large_string())
    return np.repeat(rows, lengths), string_hashes(pa.chunked_array([flat]))


def _distinct(position: Ints, codes: Ints) -> tuple[Ints, Ints]:
    """(position, token code) with repeated pairs dropped: a word used twice blocks once.

    `position` is ascending, so a value's tokens are adjacent: a repeat is found by looking
    back a few places (a value has a handful of tokens), not by sorting 10^7 keys.
    """
    if not len(position):
        return position, np.zeros(0, np.int64)
    starts = np.flatnonzero(np.diff(position, prepend=position[0] - 1))
    longest = int(np.diff(starts, append=len(position)).max())
    if longest > _LOOK_BACK:  # a very long value: sort by (position, code) instead
        width = int(codes.max()) + 1
        keys = sorted_distinct(position.astype(np.int64) * width + codes)
        return keys // width, keys % width
    repeat = np.zeros(len(codes), dtype=bool)
    for back in range(1, longest):
        repeat[back:] |= (position[back:] == position[:-back]) & (codes[back:] == codes[:-back])
    keep = ~repeat
    return position[keep], codes[keep]
