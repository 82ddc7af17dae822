"""The terminal table: aligned Chinese, colour only on request, sections in order."""

import re

from wcwidth import wcswidth, wcwidth

from linkaudit.report import RenderOptions, render

from .scans import sample

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _table_blocks(text: str) -> list[list[str]]:
    """Each tabulate block: header, dashes, and the rows up to the next blank line."""
    lines = [ANSI.sub("", line) for line in text.splitlines()]
    blocks = []
    for i, line in enumerate(lines):
        if line.startswith("--") and set(line) <= {"-", " "}:
            end = next((j for j in range(i + 1, len(lines)) if not lines[j].strip()), len(lines))
            blocks.append(lines[i - 1 : end])
    return blocks


def _by_column(line: str) -> dict[int, str]:
    """Each character of a line keyed by the display column where it starts."""
    out, col = {}, 0
    for char in line:
        out[col] = char
        col += wcwidth(char)
    return out


def _assert_aligned(block: list[str]) -> None:
    starts = [m.start() for m in re.finditer(r"-+", block[1])]
    for line in block:
        chars = _by_column(line)
        for start, end in zip(starts, [*starts[1:], 10_000], strict=True):
            cell = [chars[c] for c in sorted(chars) if start <= c < end - 1]
            if any(ch != " " for ch in cell):
                # a left-aligned cell starts exactly under its dashes
                assert chars.get(start, " ") != " ", (line, start)
                assert start == 0 or chars.get(start - 1) == " ", (line, start)


def test_chinese_columns_line_up_by_display_width() -> None:
    out = render(sample(), "table", RenderOptions(lang="zh", color=True))
    assert isinstance(out, str)
    blocks = _table_blocks(out)
    assert len(blocks) == 4  # links, groups, hubs, flags
    for block in blocks:
        _assert_aligned(block)
        assert any(wcswidth(line) != len(line) for line in block)  # CJK is really there


def test_summary_line_comes_first_with_counts() -> None:
    out = render(sample(), "table", RenderOptions())
    assert isinstance(out, str)
    line = out.splitlines()[1]
    assert line == (
        "7 accounts, 5 links (Critical 1, High 2, Medium 1, Low 1), 2 groups, "
        "1 planned store at risk."
    )


def test_sections_follow_the_documented_order() -> None:
    out = render(sample(), "table", RenderOptions())
    assert isinstance(out, str)
    heads = ["Ranked links", "Groups", "Hubs", "Account hygiene", "Data notes"]
    positions = [out.index(h) for h in heads]
    assert positions == sorted(positions)


def test_colour_only_when_asked() -> None:
    plain = render(sample(), "table", RenderOptions())
    coloured = render(sample(), "table", RenderOptions(color=True))
    assert isinstance(plain, str) and isinstance(coloured, str)
    assert "\x1b[" not in plain
    assert "\x1b[1;31mCritical\x1b[0m" in coloured
    assert ANSI.sub("", coloured).replace(" ", "") == plain.replace(" ", "")


def test_approved_links_are_shown_and_marked() -> None:
    out = render(sample(), "table", RenderOptions())
    assert isinstance(out, str)
    assert "Low (approved)" in out
