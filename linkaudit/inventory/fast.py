"""Vectorised equivalents of the hot catalogue normalisers, on Arrow string arrays.

A listings file holds millions of distinct ASINs, GTINs and titles; calling the registry
normaliser once per distinct value costs seconds per column. Each kernel reproduces its
registry normaliser EXACTLY on the rows it claims (`handled`: ASCII text of the usual
shape) and leaves every other row (non-ASCII text, unusual shapes, placeholders) to the
registry. Input is text already passed through clean(), so ASCII means printable ASCII.
The loader re-checks a sample of claimed rows against the registry on every run and drops
the kernel on any disagreement; tests/inventory/test_fast.py checks edge cases.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from linkaudit.inventory.arrow import string_chunks, string_windows, take
from linkaudit.normalize import network
from linkaudit.normalize.base import PLACEHOLDERS
from linkaudit.vocab import AttrType

Bools = npt.NDArray[np.bool_]
Codes = npt.NDArray[np.int64]
_PLACEHOLDERS = pa.array(sorted(PLACEHOLDERS), pa.large_string())
_LONGEST = max(len(p.encode()) for p in PLACEHOLDERS)


@dataclass
class Fast:
    """A kernel's answer: rows handled, canonical values, and rows with `problem`."""

    handled: Bools
    value: pa.ChunkedArray
    problem_rows: Bools | None = None
    problem: str = ""


def _np(mask: pa.ChunkedArray) -> Bools:
    return np.asarray(mask.to_numpy(zero_copy_only=False), dtype=bool)


def _usable(raw: pa.ChunkedArray, value: pa.ChunkedArray) -> Bools:
    """ASCII raw text, neither it nor its value empty or a placeholder."""
    ok = _np(pc.and_(pc.string_is_ascii(raw), pc.greater(pc.binary_length(value), 0))).copy()
    for text in (raw, value):
        short = np.flatnonzero(_np(pc.less_equal(pc.binary_length(text), _LONGEST)))
        if len(short):
            lowered = pc.ascii_lower(text.take(pa.array(short)))
            ok[short[_np(pc.is_in(lowered, _PLACEHOLDERS))]] = False
    return ok


def asin(raw: pa.ChunkedArray) -> Fast:
    """catalogue.normalize_asin on `B0` + 8 ASCII letters/digits: upper-case."""
    value = pc.ascii_upper(raw)
    if value.equals(raw):  # the usual case: share the raw column's buffers, not a copy
        value = raw
    shaped = pc.and_(pc.equal(pc.binary_length(raw), 10), pc.ascii_is_alnum(raw))
    shaped = pc.and_(shaped, pc.starts_with(value, "B0"))
    return Fast(_np(shaped), value)


_GTIN_LENGTHS = pa.array([8, 12, 13, 14], pa.int64())


def gtin(raw: pa.ChunkedArray) -> Fast:
    """catalogue.normalize_gtin on 8, 12, 13 or 14 plain digits, not all zero."""
    shaped = pc.and_(pc.ascii_is_decimal(raw), pc.is_in(pc.binary_length(raw), _GTIN_LENGTHS))
    value = pc.utf8_lpad(raw, 14, "0")
    handled = _np(shaped).copy()
    bad = np.zeros(len(raw), dtype=bool)
    if handled.any():
        rows = np.flatnonzero(handled)
        picked = value if len(rows) == len(raw) else value.filter(shaped)
        nonzero, agrees = _gtin_checks(picked, len(rows))
        handled[rows[~nonzero]] = False  # all zeros: a filler, left to the registry
        bad[rows[~agrees & nonzero]] = True
    return Fast(handled, value, bad, "GTIN check digit does not match")


# GS1 weights of the 14 digits (3, 1, 3, ... for the first 13; the check digit last), then
# two bytes of padding: each row is read as two 8-byte words.
_GTIN_WEIGHTS = np.array([3, 1] * 6 + [3, 0, 0, 0], dtype=np.uint8)
_ZEROS = np.uint64(0x3030303030303030)  # eight "0" characters
_BYTE_SUM = np.uint64(0x0101010101010101)  # (word * this) >> 56: the sum of its 8 bytes
_GTIN_WINDOW = 1 << 16  # rows checked at a time (a 1 MiB buffer, reused)


def _gtin_checks(values: pa.ChunkedArray, n: int) -> tuple[Bools, Bools]:
    """(not all zeros, check digit agrees) of n strings of 14 ASCII digits.

    Each row's digits are two 8-byte words: one subtraction makes them digit values (no
    borrow: every byte is at least "0"), and after weighting, the sum of a word's bytes
    (at most 144, so no byte overflows) is one multiplication: a few passes over 16 bytes
    a row instead of numpy's slow reductions along a 14-wide axis. Rows are checked
    _GTIN_WINDOW at a time in one reused buffer: on 10^7 GTINs, whole-column temporaries
    (160 MB of padded digits, 80 MB per word array) cost 1.1 s, mostly memory traffic."""
    nonzero = np.empty(n, dtype=bool)
    agrees = np.empty(n, dtype=bool)
    padded = np.empty((min(n, _GTIN_WINDOW), 16), np.uint8)
    padded[:, 14:] = 48  # the two padding bytes of each row, "0": no digit value
    for piece in string_windows(values, _GTIN_WINDOW):
        _, data = piece.read()
        rows = len(piece)
        window = padded[:rows]
        window[:, :14] = data.reshape(rows, 14)
        words = window.view(np.uint64)
        words -= _ZEROS
        done = slice(piece.start, piece.start + rows)
        np.not_equal(words[:, 0] | words[:, 1], 0, out=nonzero[done])
        last = window[:, 13].copy()
        window *= _GTIN_WEIGHTS
        total = ((words[:, 0] * _BYTE_SUM) >> np.uint64(56)) + (
            (words[:, 1] * _BYTE_SUM) >> np.uint64(56)
        )
        check = (10 - total % np.uint64(10)) % np.uint64(10)
        np.equal(check, last, out=agrees[done])
        window[:, 14:] = 48  # weighted by zero above: "0" again for the next window
    return nonzero, agrees


_SPACE, _DELETE = 32, 0


@dataclass(frozen=True)
class _ByteMap:
    """A byte map for _fold_words: per byte (`single`) and per two bytes read as one
    uint16 (`pairs`: a gather from a 128 KiB table is about twice as fast as one per byte
    from a 256-byte one), and whether it deletes any byte but NUL (clean() has removed
    NUL bytes, so a map that deletes nothing else needs no delete pass)."""

    single: npt.NDArray[np.uint8]
    pairs: npt.NDArray[np.uint16]
    deletes: bool

    @classmethod
    def of(cls, punctuation: int) -> "_ByteMap":
        """A-Z lower-cased, letters/digits/space kept, other ASCII -> `punctuation`."""
        table = np.arange(256, dtype=np.uint8)
        for b in range(128):
            if not chr(b).isalnum() and b != _SPACE:
                table[b] = punctuation
        table[65:91] += 32
        both = np.arange(1 << 16)
        low, high = table[both & 255].astype(np.uint16), table[both >> 8].astype(np.uint16)
        pairs: npt.NDArray[np.uint16] = low | (high << np.uint16(8))
        return cls(table, pairs, bool((table[1:] == _DELETE).any()))

    def apply(self, data: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
        """The map of every byte, two at a time (the last byte of an odd length alone)."""
        even = len(data) // 2 * 2
        out = np.empty(len(data), np.uint8)
        out[:even] = self.pairs[data[:even].view(np.uint16)].view(np.uint8)
        out[even:] = self.single[data[even:]]
        return out


_TITLE_MAP, _BRAND_MAP = _ByteMap.of(_SPACE), _ByteMap.of(_DELETE)


def _fold_words(values: pa.ChunkedArray, byte_map: _ByteMap) -> pa.ChunkedArray:
    """Map bytes, drop deleted bytes, collapse space runs, trim (ASCII rows only)."""
    return pa.chunked_array(
        [_fold_chunk(data, offsets, byte_map) for _, offsets, data in string_chunks(values)],
        type=pa.large_string(),
    )


def _fold_chunk(
    data: npt.NDArray[np.uint8], offsets: npt.NDArray[np.int64], byte_map: _ByteMap
) -> pa.Array:
    mapped = byte_map.apply(data)
    if byte_map.deletes or not mapped.all():
        mapped, offsets = _compact(mapped, mapped != _DELETE, offsets)
    # one pass drops every space that follows a space or starts a value (runs collapse to
    # their first space, leading ones go) and the first space of each trailing run
    space = mapped == _SPACE
    drop = np.empty_like(space)
    drop[1:] = space[:-1]
    drop[:1] = True
    filled = offsets[:-1] < offsets[1:]
    drop[offsets[:-1][filled]] = True
    drop &= space
    drop[_trailing_runs(space, offsets[:-1][filled], offsets[1:][filled])] = True
    mapped, offsets = _compact(mapped, ~drop, offsets)
    return pa.Array.from_buffers(
        pa.large_string(), len(offsets) - 1, [None, pa.py_buffer(offsets), pa.py_buffer(mapped)]
    )


def _trailing_runs(
    space: Bools, starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Where the trailing run of spaces begins, for each non-empty value [start, end) that
    ends in one (at its start for a value of spaces only: dropped as leading anyway)."""
    ending = np.flatnonzero(space[ends - 1])
    first, at = starts[ending], ends[ending] - 1
    moving = np.arange(len(at))
    while len(moving):  # one step back for the values whose run goes on, until none does
        here = at[moving]
        moving = moving[(here > first[moving]) & space[here - 1]]
        at[moving] -= 1
    return at


def _compact(
    data: npt.NDArray[np.uint8], keep: Bools, offsets: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.int64]]:
    """Drop bytes where not `keep`; each offset moves back by the drops before it."""
    dropped = np.flatnonzero(~keep)
    if not len(dropped):
        return data, offsets
    return data[keep], offsets - np.searchsorted(dropped, offsets)


def title(raw: pa.ChunkedArray) -> Fast:
    """catalogue.normalize_title on ASCII: lower, punctuation -> space, spaces collapsed."""
    value = _fold_words(raw, _TITLE_MAP)
    return Fast(_usable(raw, value), value)


def brand(raw: pa.ChunkedArray) -> Fast:
    """catalogue.normalize_brand on ASCII: lower, punctuation deleted, spaces collapsed."""
    value = _fold_words(raw, _BRAND_MAP)
    return Fast(_usable(raw, value), value)


_DOTTED_QUAD = (
    r"^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$"
)


def ip(raw: pa.ChunkedArray) -> Fast:
    """network.normalize_ip on canonical dotted quads of a public address that is neither
    CGNAT nor in the hosting table (those carry flags: left to the registry)."""
    handled = _np(pc.match_substring_regex(raw, _DOTTED_QUAD))
    rows = np.flatnonzero(handled)
    if len(rows):
        picked = raw if len(rows) == len(raw) else take(raw, rows)
        octets = pc.list_flatten(pc.split_pattern(picked, "."))
        quads = np.asarray(pc.cast(octets, pa.int64()).to_numpy(), dtype=np.int64)
        quads = quads.reshape(-1, 4)
        number = (quads[:, 0] << 24) | (quads[:, 1] << 16) | (quads[:, 2] << 8) | quads[:, 3]
        plain = (quads <= 255).all(axis=1) & ~_in_ranges(number, _V4_NOT_PLAIN)
        handled[rows[~plain]] = False
    return Fast(handled, raw)


_CGNAT = r"^100\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\."


def fast_subnets(values: pa.ChunkedArray) -> tuple[pa.ChunkedArray, Bools] | None:
    """network.derive_subnet of canonical IPv4 addresses: the /24 and whether it is CGNAT
    (weak); None unless every value is a canonical dotted quad."""
    if not len(values) or not _np(pc.match_substring_regex(values, _DOTTED_QUAD)).all():
        return None
    subnet = pc.replace_substring_regex(values, r"\.[0-9]+$", ".0/24")
    return subnet, _np(pc.match_substring_regex(values, _CGNAT)).copy()


_V4_SPANS = np.array(network.v4_not_plain(), dtype=np.int64).reshape(-1, 2)
_V4_NOT_PLAIN = (_V4_SPANS[:, 0].copy(), _V4_SPANS[:, 1].copy())


def _in_ranges(number: npt.NDArray[np.int64], ranges: tuple[Codes, Codes]) -> Bools:
    """Whether each number lies in one of the sorted, disjoint [start, end] ranges."""
    starts, ends = ranges
    index = np.searchsorted(starts, number, side="right") - 1
    inside = index >= 0
    inside[inside] = number[inside] <= ends[index[inside]]
    return inside


KERNELS: dict[AttrType, Callable[[pa.ChunkedArray], Fast]] = {
    AttrType.ASIN: asin,
    AttrType.GTIN: gtin,
    AttrType.TITLE: title,
    AttrType.BRAND: brand,
    AttrType.IP: ip,
}
