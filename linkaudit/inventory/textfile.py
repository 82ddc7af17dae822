"""Delimited text files (.csv, .tsv, .txt) -> Sheet, with physical line numbers (spec 1)."""

import codecs
import csv
import io
import sys

import numpy as np
import pandas as pd

from linkaudit.errors import InputError
from linkaudit.inventory.csvparse import (
    HEAD_BYTES,
    Parsed,
    arrow_table,
    byte_counts,
    header_cells,
    sniff_delimiter,
    utf8_head,
)
from linkaudit.inventory.decode import detect
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import Problem
from linkaudit.inventory.sheet import Sheet, text_frame
from linkaudit.mask import FREE_TEXT
from linkaudit.vocab import Kind

_UTF8 = frozenset({"utf-8", "utf-8-sig"})


def read_delimited(
    data: bytes,
    name: str,
    kind: Kind,
    suffix: str,
    encoding: str | None,
    issues: Issues,
    parsed: Parsed | None = None,
) -> Sheet | None:
    """A Sheet from a delimited file's bytes; None (with a note) when the file is empty.
    `parsed`: the UTF-8 fast path's work on these bytes, done already (readahead.py)."""
    if not data[:4096].strip() and not data.strip(b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"):
        issues.note(f"{name}: empty file, nothing read")
        return None
    head = utf8_head(data) if encoding is None else None
    if head is not None:
        # UTF-8 (the common case): pyarrow validates the rest of the bytes itself
        utf8 = data.removeprefix(codecs.BOM_UTF8)
        sheet = _fast(utf8, head, name, kind, sniff_delimiter(head, suffix), parsed)
        if sheet is not None:
            return sheet
    text, codec = detect(data, name, encoding)
    text = text.removeprefix("\ufeff")
    delimiter = sniff_delimiter(text[:HEAD_BYTES], suffix)
    sheet = None
    if codecs.lookup(codec).name not in _UTF8:
        sheet = _fast(text.encode("utf-8"), text[:HEAD_BYTES], name, kind, delimiter)
    elif head is None:
        sheet = _fast(data.removeprefix(codecs.BOM_UTF8), text[:HEAD_BYTES], name, kind, delimiter)
    return sheet if sheet is not None else _slow(text, name, kind, delimiter, issues)


def _fast(
    utf8: bytes, head: str, name: str, kind: Kind, delimiter: str, parsed: Parsed | None = None
) -> Sheet | None:
    """pyarrow's CSV reader, every column as text; None when it fails or when line numbers
    cannot be derived cheaply (then the csv module re-reads the file). `parsed`: the same
    bytes parsed already (by the read-ahead thread), used when its header agrees.

    pyarrow.csv directly rather than pd.read_csv(engine="pyarrow"): the same parser without
    the pandas wrapper's post-processing (about half the time on a 2M-row file).
    Line numbers are row index + 2 only when the file has exactly one physical line per
    record: an embedded newline in a quoted field or a blank line makes the record count
    fall short of the line count. A lone CR (old Mac line end, a stray one in a mixed file)
    ends a line for Arrow but not for that count, so such a file goes to the csv module.
    """
    headers = header_cells(head, delimiter)
    counts = byte_counts(utf8)
    if not headers or counts.quotes % 2:  # an unclosed quote: the csv module says where
        return None
    if parsed is not None and parsed.delimiter == delimiter and parsed.headers == headers:
        table = parsed.table
    else:
        table = arrow_table(utf8, len(headers), delimiter)
    if table is None:  # ragged rows, bad quotes: the csv module reports
        return None
    end = len(utf8)
    while end and utf8[end - 1] in b"\r\n":
        end -= 1
    if counts.lfs - utf8[end:].count(b"\n") + 1 != table.num_rows + 1:
        return None
    if counts.crs != counts.crlfs:  # a lone CR
        return None
    frame = pd.DataFrame(
        {i: pd.array(table.column(i), dtype="str") for i in range(len(headers))}, copy=False
    )
    lines = np.arange(2, table.num_rows + 2, dtype=np.int32)
    return Sheet(kind, name, headers, frame, lines)


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
