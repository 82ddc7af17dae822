"""Delimited text files (.csv, .tsv, .txt) -> Sheet, with physical line numbers (spec 1)."""

import codecs
import csv
import io
import sys
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from linkaudit.errors import InputError
from linkaudit.inventory.decode import detect, utf16_without_bom
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import Problem
from linkaudit.inventory.sheet import Sheet, text_frame
from linkaudit.mask import FREE_TEXT
from linkaudit.vocab import Kind

_CANDIDATES = ("\t", ",", ";", "|")
_UTF8 = frozenset({"utf-8", "utf-8-sig"})


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


def read_delimited(
    data: bytes, name: str, kind: Kind, suffix: str, encoding: str | None, issues: Issues
) -> Sheet | None:
    """A Sheet from a delimited file's bytes; None (with a note) when the file is empty."""
    if not data[:4096].strip() and not data.strip(b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"):
        issues.note(f"{name}: empty file, nothing read")
        return None
    head = _utf8_head(data) if encoding is None else None
    if head is not None:
        # UTF-8 (the common case): pyarrow validates the rest of the bytes itself
        utf8 = data.removeprefix(codecs.BOM_UTF8)
        sheet = _fast(utf8, head, name, kind, sniff_delimiter(head, suffix))
        if sheet is not None:
            return sheet
    text, codec = detect(data, name, encoding)
    text = text.removeprefix("\ufeff")
    delimiter = sniff_delimiter(text[:65536], suffix)
    sheet = None
    if codecs.lookup(codec).name not in _UTF8:
        sheet = _fast(text.encode("utf-8"), text[:65536], name, kind, delimiter)
    elif head is None:
        sheet = _fast(data.removeprefix(codecs.BOM_UTF8), text[:65536], name, kind, delimiter)
    return sheet if sheet is not None else _slow(text, name, kind, delimiter, issues)


def _utf8_head(data: bytes, size: int = 65536) -> str | None:
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


def _fast(utf8: bytes, head: str, name: str, kind: Kind, delimiter: str) -> Sheet | None:
    """pyarrow's CSV reader, every column as text; None when it fails or when line numbers
    cannot be derived cheaply (then the csv module re-reads the file).

    pyarrow.csv directly rather than pd.read_csv(engine="pyarrow"): the same parser without
    the pandas wrapper's post-processing (about half the time on a 2M-row file).
    Line numbers are row index + 2 only when the file has exactly one physical line per
    record: an embedded newline in a quoted field or a blank line makes the record count
    fall short of the line count. A lone CR (old Mac line end, a stray one in a mixed file)
    ends a line for Arrow but not for that count, so such a file goes to the csv module.
    """
    from pyarrow import csv as arrow_csv

    headers = next(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter), [])
    names = [f"c{i}" for i in range(len(headers))]
    counts = byte_counts(utf8)
    if not names or counts.quotes % 2:  # an unclosed quote: the csv module says where
        return None
    try:
        table = arrow_csv.read_csv(
            pa.BufferReader(utf8),  # zero-copy: no Python file calls
            read_options=arrow_csv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=arrow_csv.ParseOptions(delimiter=delimiter),
            convert_options=arrow_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.large_string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowException, ValueError):  # ragged rows, bad quotes: the csv module reports
        return None
    end = len(utf8)
    while end and utf8[end - 1] in b"\r\n":
        end -= 1
    if counts.lfs - utf8[end:].count(b"\n") + 1 != table.num_rows + 1:
        return None
    if counts.crs != counts.crlfs:  # a lone CR
        return None
    frame = pd.DataFrame(
        {i: pd.array(table.column(i), dtype="str") for i in range(len(names))}, copy=False
    )
    lines = np.arange(2, table.num_rows + 2, dtype=np.int32)
    return Sheet(kind, name, headers, frame, lines)


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
    `bytes.count(b"\r\n")`, cost 0.2-0.3 s on a 200 MB file)."""
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


def _slow(text: str, name: str, kind: Kind, delimiter: str, issues: Issues) -> Sheet:
    """The csv module: real line numbers, ragged rows padded or trimmed with a problem."""
    csv.field_size_limit(max(csv.field_size_limit(), sys.maxsize // 2**32))
    # strict: an unclosed quote is an error, not a cell that swallows the rest of the file
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    headers: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    start = 1
    try:
        for record in reader:
            if headers is None:
                headers = record
            elif any(cell.strip() for cell in record):
                rows.append(_fit(record, len(headers), name, start, issues))
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(
            f"{name}: line {start}: cannot parse the file ({exc})",
            "check the quotes on that line",
        ) from exc
    headers = headers or []
    columns = [[row[i] for row in rows] for i in range(len(headers))]
    return Sheet(kind, name, headers, text_frame(columns), np.asarray(lines, dtype=np.int32))


def _fit(record: list[str], width: int, name: str, line: int, issues: Issues) -> list[str]:
    if len(record) > width and any(c.strip() for c in record[width:]):
        issues.add(
            Problem(
                where=f"{name}:{line}",
                column="",
                raw=record[width][:80],
                why=f"{len(record)} fields but the header has {width}: extra cells ignored",
                attribute=FREE_TEXT,
                level="warning",
            ),
            file=name,
        )
    if len(record) >= width:
        return record[:width]
    return record + [""] * (width - len(record))
