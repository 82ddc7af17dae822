"""Display width in terminal columns, and long names shortened to fit a table cell."""

import unicodedata
from collections.abc import Iterator

# A store name in a human-readable table (table, markdown, html) takes at most this many
# display columns, the ellipsis included; json, csv and xlsx are data and keep it whole.
NAME_COLUMNS = 40
ELLIPSIS = "…"  # one column: East Asian Ambiguous, narrow outside CJK legacy locales
_ZWJ = "\u200d"


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def char_columns(char: str) -> int:
    """Columns of one code point: 2 if East Asian Wide or Fullwidth (UAX #11), 0 for a mark
    or a format character (a ZWJ), 1 otherwise (the way wcwidth, and so tabulate, counts)."""
    if _is_mark(char) or unicodedata.category(char) == "Cf":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def columns(text: str) -> int:
    """Display columns of `text` on a terminal: a Chinese character counts two."""
    return sum(char_columns(c) for c in text)


def _clusters(text: str) -> Iterator[str]:
    # a base character with the marks that follow it, and anything joined by a ZWJ: the
    # units a cut must keep or drop whole (a mark after the cut point goes with its base)
    cluster = ""
    for char in text:
        if cluster and not (_is_mark(char) or char == _ZWJ or cluster.endswith(_ZWJ)):
            yield cluster
            cluster = ""
        cluster += char
    if cluster:
        yield cluster


def shorten(text: str, limit: int = NAME_COLUMNS) -> str:
    """`text` in at most `limit` display columns: untouched when it fits, else cut with "…".

    The cut is made on the NFC form (a decomposed "é" is one character) between clusters,
    so a combining mark is never separated from its base, and a wide character that would
    straddle the limit is dropped whole.
    """
    if columns(text) <= limit:
        return text
    kept: list[str] = []
    room = limit - columns(ELLIPSIS)
    for cluster in _clusters(unicodedata.normalize("NFC", text)):
        room -= columns(cluster)
        if room < 0:
            break
        kept.append(cluster)
    return "".join(kept).rstrip() + ELLIPSIS
