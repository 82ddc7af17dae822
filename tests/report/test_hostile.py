"""Hostile store names and values stay inert in every format (HTML, markdown, formulas)."""

import csv
import io
import re

import pytest

from linkaudit.report import RenderOptions, render
from linkaudit.report.i18n import LANGS
from linkaudit.report.markdown import escape
from linkaudit.report.text import FORMULA_STARTS, defuse

from .extract import xlsx_cells
from .scans import EVIL, SCRIPT, hostile


@pytest.mark.parametrize("lang", LANGS)
def test_html_escapes_every_injected_tag(lang: str) -> None:
    page = render(hostile(), "html", RenderOptions(lang=lang))
    assert isinstance(page, str)
    assert SCRIPT not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<i>IP</i>" not in page  # a rule title is data too
    assert "<b>.csv" not in page
    assert page.count("<script>") == 1  # only the page's own sorting script


def test_html_svg_text_is_escaped() -> None:
    page = render(hostile(), "html", RenderOptions())
    assert isinstance(page, str)
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "<script" not in svg
    assert 'data-account="=HYPERLINK(&#34;http://x&#34;,&#34;y&#34;)"' in svg


@pytest.mark.parametrize("lang", LANGS)
def test_csv_cells_never_start_a_formula(lang: str) -> None:
    out = render(hostile(), "csv", RenderOptions(lang=lang))
    assert isinstance(out, str)
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    cells = [cell for row in rows for cell in row]
    assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []
    assert "'" + EVIL in cells
    assert "'\tcmd" in cells and "'\rcmd" in cells and "'@SUM(A1:A9)" in cells


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_cells_never_start_or_hold_a_formula(lang: str) -> None:
    out = render(hostile(), "xlsx", RenderOptions(lang=lang))
    assert isinstance(out, bytes)
    cells = xlsx_cells(out)
    assert [c for c in cells if c[3] == "f"] == []
    texts = [value for _, _, value, _ in cells if isinstance(value, str)]
    assert [t for t in texts if t.startswith(FORMULA_STARTS)] == []
    assert "'" + EVIL in texts
    assert "'+1-800-EVIL" in texts


def test_numeric_cells_are_numbers_not_defused_text() -> None:
    out = render(hostile(), "xlsx", RenderOptions())
    assert isinstance(out, bytes)
    scores = [value for _, _, value, kind in xlsx_cells(out) if kind == "n"]
    assert 0.9 in scores


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_escapes_html_and_markdown(lang: str) -> None:
    out = render(hostile(), "markdown", RenderOptions(lang=lang))
    assert isinstance(out, str)
    assert "<script" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;script&gt;" in out
    assert r"\*bold\* \_it\_ \| pipe \[x\](http://y) # \`code\`" in out
    # every row of a table has its header's number of unescaped pipes: no cell broke out
    for table in re.findall(r"(?:^\|.*\n)+", out, flags=re.M):
        counts = {len(re.findall(r"(?<!\\)\|", line)) for line in table.splitlines()}
        assert len(counts) == 1, table


def test_table_flattens_control_characters() -> None:
    out = render(hostile(), "table", RenderOptions())
    assert isinstance(out, str)
    assert "\r" not in out and "\t" not in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a|b", r"a\|b"),
        ("<b>", "&lt;b&gt;"),
        ("*x* _y_ `z` [l](u) ~s~", r"\*x\* \_y\_ \`z\` \[l\](u) \~s\~"),
        ("# heading", r"\# heading"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("1. item", r"1\. item"),
        ("12) item", r"12\) item"),
        ("line\nbreak", "line break"),
        ("a & b", "a &amp; b"),
        ("203.0.113.7", "203.0.113.7"),
    ],
)
def test_markdown_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


@pytest.mark.parametrize("char", FORMULA_STARTS)
def test_defuse_prefixes_each_dangerous_start(char: str) -> None:
    assert defuse(char + "1") == "'" + char + "1"
    assert defuse("a" + char) == "a" + char
