"""Safe Markdown for data: values as inline code, names escaped, dates shortened."""

import re

# Intraword `_` and a `#` inside a line are not Markdown syntax (CommonMark), so they stay.
_SPECIAL = re.compile(r"([\\`*\[\]<>|])")


def code(value: str) -> str:
    """A value as inline code on one line; a value holding backticks gets a wider fence.

    The fence is one backtick longer than the longest run in the value: CommonMark closes
    a code span at the first run as long as its fence, and anything after it is Markdown
    (or raw HTML) again.
    """
    text = " ".join(value.split())
    if "`" not in text:
        return f"`{text}`"
    fence = "`" * (max(len(run) for run in re.findall(r"`+", text)) + 1)
    return f"{fence} {text} {fence}"


def plain(text: str) -> str:
    """Data text (store names, ids, paths) on one line with Markdown specials escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def day(timestamp: str | None) -> str | None:
    """The date part of an ISO timestamp."""
    return timestamp[:10] if timestamp else None


def period(first: str | None, last: str | None) -> str:
    """`from A to B`, `on A`, or "" when the dates are unknown."""
    start, end = day(first), day(last)
    if start is None and end is None:
        return ""
    if start == end or end is None:
        return f"on {start}"
    if start is None:
        return f"until {end}"
    return f"from {start} to {end}"


def join_sources(sources: tuple[str, ...] | list[str]) -> str:
    """`Sources: a, b.` from provenance entries (already sorted by the engine)."""
    return "Sources: " + ", ".join(plain(s) for s in sources) + "." if sources else ""
