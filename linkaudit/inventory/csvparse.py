"""The UTF-8 fast path's pieces that need neither pandas nor the rest of the loader.

textfile.py reads a delimited file with them; readahead.py runs them on a thread while the
rest of linkaudit is still being imported. Both must get the same table from the same
bytes, so both call these functions and nothing else.
"""

import codecs
import csv
import io
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from pyarrow import csv as arrow_csv

from linkaudit.inventory.decode import utf16_without_bom

_CANDIDATES = ("\t", ",", ";", "|")
HEAD_BYTES = 65536  # the bytes read to sniff the delimiter and the header
BLOCK_BYTES = 16 << 20  # pyarrow parses this much at a time: one chunk of each column


def sniff_delimiter(head: str, suffix: str) -> str:
    """The delimiter of a file from its header line: tab for .tsv, else the commonest one.

    A .csv file keeps the comma unless its header has none (European Excel writes `;`).
    """
    if suffix == ".tsv":
        return "\t"
    first = head.split("\n", 1)[0]
    counts = {d: first.count(d) for d in _CANDIDATES}
    if suffix == ".csv" and counts[","]:
        return ","
    best = max(_CANDIDATES, key=lambda d: counts[d])
    return best if counts[best] else ","


def utf8_head(data: bytes, size: int = HEAD_BYTES) -> str | None:
    """The first ~64 KB as text when the file starts as UTF-8 (no UTF-16 BOM), else None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(data):
        return None
    chunk = data[:size].removeprefix(codecs.BOM_UTF8)
    try:
        return chunk.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(chunk) - 3 and len(data) > size:  # a character cut at the edge
            return chunk[: exc.start].decode("utf-8")
        return None


def header_cells(head: str, delimiter: str) -> list[str]:
    """The header row's cells, as the csv module reads them (quotes and all)."""
    return next(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter), [])


def arrow_table(utf8: bytes, columns: int, delimiter: str) -> pa.Table | None:
    """Every record after the header as `columns` large_string columns c0, c1, ..., read
    by pyarrow's CSV reader; None when it refuses the file (ragged rows, bad quotes: the
    csv module then reports where)."""
    names = [f"c{i}" for i in range(columns)]
    try:
        return arrow_csv.read_csv(
            pa.BufferReader(utf8),  # zero-copy: no Python file calls
            read_options=arrow_csv.ReadOptions(
                column_names=names, skip_rows=1, block_size=BLOCK_BYTES
            ),
            parse_options=arrow_csv.ParseOptions(delimiter=delimiter),
            convert_options=arrow_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.large_string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowException, ValueError):
        return None


@dataclass(frozen=True)
class ByteCounts:
    """How many double quotes, LFs, CRs and CR LF pairs a text holds."""

    quotes: int
    lfs: int
    crs: int
    crlfs: int


def byte_counts(data: bytes, block: int = 1 << 20) -> ByteCounts:
    """ByteCounts of data in one pass of numpy comparisons, a block at a time into two
    reused buffers (they stay in the cache: comparing into fresh 16 MB arrays, and
    `bytes.count(b"\\r\\n")`, cost 0.2-0.3 s on a 200 MB file)."""
    view = np.frombuffer(data, dtype=np.uint8)
    same = np.empty(min(block, len(view)), dtype=bool)
    pair = np.empty(min(block, len(view)), dtype=bool)
    quotes = lfs = crs = crlfs = 0
    for start in range(0, len(view), block):
        part = view[start : start + block]
        found = same[: len(part)]
        quotes += int(np.count_nonzero(np.equal(part, 34, out=found)))
        lfs += int(np.count_nonzero(np.equal(part, 10, out=found)))
        here = int(np.count_nonzero(np.equal(part, 13, out=found)))
        crs += here
        if here:  # a CR followed by a LF, the next byte possibly in the next block
            after = view[start + 1 : start + 1 + len(part)]
            lf_after = np.equal(after, 10, out=pair[: len(after)])
            crlfs += int(np.count_nonzero(lf_after & found[: len(after)]))
    return ByteCounts(quotes, lfs, crs, crlfs)


@dataclass(frozen=True)
class Parsed:
    """A file's bytes as pyarrow parsed them ahead of the loader (readahead.py): the
    delimiter and header cells it used, and the table (None when pyarrow refused it)."""

    delimiter: str
    headers: list[str]
    table: pa.Table | None


def parse_utf8(utf8: bytes, head: str, delimiter: str) -> Parsed | None:
    """Parsed of UTF-8 bytes (no BOM) whose first ~64 KB decode to `head`; None when the
    header is empty."""
    headers = header_cells(head, delimiter)
    if not headers:
        return None
    return Parsed(delimiter, headers, arrow_table(utf8, len(headers), delimiter))
