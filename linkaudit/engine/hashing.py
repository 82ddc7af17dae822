"""64-bit hashes of byte spans of Arrow string buffers, eight bytes at a time.

Dictionary-encoding two million distinct titles (or eight million title words) spends most
of its time growing a hash table of strings. Hashing each span in numpy, one unaligned
8-byte word per step, and then factorising the integers is several times faster. A hash
can collide: callers that need exact codes check the rows a hash merged (`exact_codes`);
blocking keys only need equal words to get equal codes (a collision merges two blocks,
which adds comparisons, never a link).
"""

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from linkaudit.inventory.arrow import Window, string_windows, take
from linkaudit.parallel import ordered_map

Hashes = npt.NDArray[np.uint64]
Words = npt.NDArray[np.uint64]  # words(data): the 8-byte word at each byte offset
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

_SEED = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)
_SHIFT = np.uint64(31)
_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)  # n low bytes


def words(data: npt.NDArray[np.uint8]) -> Words:
    """W[i] = the little-endian 8-byte word starting at data[i], for i <= len(data) + 8
    (zero past the end)."""
    padded = np.zeros(len(data) + 16, dtype=np.uint8)
    padded[: len(data)] = data
    return np.ndarray(shape=(len(data) + 9,), dtype="<u8", buffer=padded, strides=(1,))


def low_bytes(word: npt.NDArray[np.uint64], count: Ints) -> npt.NDArray[np.uint64]:
    """The first count bytes of each word (none for count <= 0, all for count >= 8)."""
    return word & _MASKS[np.clip(count, 0, 8)]


def span_hashes(w: Words, starts: Ints, lengths: Ints, head: Hashes | None = None) -> Hashes:
    """A hash of each span data[starts[i] : starts[i] + lengths[i]] (w = words(data));
    `head`, when given, is low_bytes(w[starts], lengths), already computed.

    Equal byte spans get equal hashes wherever they sit in whichever buffer.
    """
    if head is None:
        head = low_bytes(w[starts], lengths)
    mixed = ((lengths.astype(np.uint64) * _SEED) ^ head) * _MIX
    h = mixed ^ (mixed >> _SHIFT)
    steps = int((int(lengths.max()) + 7) // 8) if len(lengths) else 0
    for k in range(1, steps):
        rows = np.flatnonzero(lengths > 8 * k)
        word = low_bytes(w[starts[rows] + 8 * k], lengths[rows] - 8 * k)
        mixed = (h[rows] ^ word) * _MIX
        h[rows] = mixed ^ (mixed >> _SHIFT)
    return h


def string_hashes(values: pa.ChunkedArray) -> Hashes:
    """span_hashes() of every string of values (each window's written in place: no list of
    parts held beside the result)."""
    out = np.empty(len(values), dtype=np.uint64)

    def window(piece: Window) -> None:
        offsets, data = piece.read()
        hashed = span_hashes(words(data), offsets[:-1], np.diff(offsets))
        out[piece.start : piece.start + len(piece)] = hashed

    ordered_map(window, string_windows(values), rows=len(values))
    return out


_SPREAD = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: a key's bucket is its top bits
_SPREAD_AGAIN = np.uint64(0xD6E8FEB86659FD93)  # another odd multiplier, for the second count
_SKETCH_FROM = 65_536  # keys from which the bucket count pass pays for itself
_MAX_BUCKET_BITS = 24  # 2^24 int64 counts: 128 MiB at most, from 8 * 10^6 keys


def factorize(
    keys: npt.NDArray[np.int64] | npt.NDArray[np.uint64], small: int = _SKETCH_FROM
) -> Ints:
    """pd.factorize(keys)[0]: codes 0..n-1 in order of first appearance, equal exactly when
    the keys are.

    Most keys of a large column occur once (ASINs, GTINs, titles), and a hash table of
    10^6+ keys misses the cache on nearly every one of them: 0.25 s for 2 * 10^6 keys,
    1.8 s for 10^7. So the keys are counted first by bucket (a bincount, a tenth of that):
    a key alone in its bucket occurs once and is a new code where it stands. The keys of
    crowded buckets (repeats, and keys sharing a bucket by chance: 45% of 10^7 distinct
    keys in 2^24 buckets) are counted once more by other bits, and only those crowded
    there too go through the hash table. The codes are then numbered in order of first
    appearance by a running count of the rows where a new key appears.
    """
    n = len(keys)
    if n < max(small, 2):
        return np.asarray(pd.factorize(keys)[0], dtype=np.int64)
    crowded = _crowded(keys, _SPREAD)
    rows = np.flatnonzero(crowded)
    if len(rows) >= max(small, 2):
        # a key alone in the second count occurs once: a repeat shares every bucket with
        # its first occurrence (10^7 keys: 1.2-1.7 -> 0.8-0.9 s, the hash table being
        # the costliest step)
        still = _crowded(keys[rows], _SPREAD_AGAIN)
        crowded[rows[~still]] = False
        rows = rows[still]
    if not len(rows):  # every key alone: each is new
        return np.arange(n, dtype=np.int64)
    sub = np.asarray(pd.factorize(keys[rows])[0], dtype=np.int64)
    first = np.empty(int(sub.max()) + 1, dtype=np.int64)  # each crowded key's first row
    first[sub[::-1]] = rows[::-1]
    new = ~crowded
    new[first] = True
    codes = np.cumsum(new, dtype=np.int64)
    codes -= 1
    codes[rows] = codes[first[sub]]
    return codes


def _crowded(keys: npt.NDArray[np.int64] | npt.NDArray[np.uint64], spread: np.uint64) -> Bools:
    """Whether each key's bucket (the top bits of key * spread) holds another key too."""
    bits = min(max(int(2 * len(keys) - 1).bit_length(), 10), _MAX_BUCKET_BITS)
    # one temporary, in place (on 10^7 keys 80 MB, and two columns are coded at once),
    # read as the intp that bincount and indexing want: a narrower copy would be widened
    # by each of them again (0.36-0.65 -> 0.20-0.24 s on 10^7 keys)
    bucket = keys.view(np.uint64) * spread
    bucket >>= np.uint64(64 - bits)
    index = bucket.view(np.intp)  # below 2^24: the same numbers
    crowded: Bools = (np.bincount(index, minlength=1 << bits) >= 2)[index]
    return crowded


def exact_codes(values: pa.ChunkedArray) -> Ints | None:
    """Codes 0..n-1 in order of first appearance, equal exactly when the strings are (as
    dictionary encoding gives), or None when two different strings share a hash."""
    codes = factorize(string_hashes(values))
    distinct = int(codes.max(initial=-1)) + 1
    if distinct == len(codes):  # every hash new: nothing merged
        return codes
    first = np.empty(distinct, dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    merged = np.flatnonzero(first[codes] != np.arange(len(codes)))
    if len(merged):  # rows sharing a hash with an earlier row: the strings must agree
        same = pc.equal(take(values, merged), take(values, first[codes[merged]]))
        if not pc.all(same).as_py():
            return None
    return codes
