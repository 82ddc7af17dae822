"""Data in the draft's Markdown stays data: inline code cannot be closed from inside."""

import re

import pytest

from linkaudit.appeal.text import code


@pytest.mark.parametrize("value", [
    "plain",
    "one`tick",
    "Evil``<img src=x onerror=alert(1)>``Co",
    "```fence``` and `one`",
    "`edge`",
])  # fmt: skip
def test_a_value_cannot_close_its_code_span(value: str) -> None:
    text = code(value)
    fence = re.match(r"`+", text)
    assert fence is not None and text.endswith(fence[0])
    inner = text[len(fence[0]) : -len(fence[0])]
    # CommonMark: a span closes at the first backtick run as long as its opening fence
    assert fence[0] not in re.findall(r"`+", inner)
    assert inner.strip(" ") == value or inner[1:-1] == value
