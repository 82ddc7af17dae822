"""Very long store names: shortened in the tables people read, whole in the data formats."""

import io
import json
import re

import openpyxl
import pytest

from linkaudit.report import RenderOptions, render
from linkaudit.report.columns import NAME_COLUMNS, shorten
from linkaudit.result import ScanResult

from .scans import sample
from .test_columns import LONG_EN, LONG_ZH

SHORT_EN = LONG_EN[:39].rstrip() + "…"
SHORT_ZH = LONG_ZH[:19] + "…"


def _long_names() -> ScanResult:
    """The sample with acme-us (rank 1) and acme-us-2 (rank 1, a hygiene flag) renamed."""
    scan = sample()
    renamed = {"acme-us": LONG_EN, "acme-us-2": LONG_ZH}
    accounts = [
        a.model_copy(update={"store_name": renamed.get(a.account_id, a.store_name)})
        for a in scan.accounts
    ]
    return scan.model_copy(update={"accounts": accounts})


def _text(fmt: str, lang: str) -> str:
    out = render(_long_names(), fmt, RenderOptions(lang=lang))
    assert isinstance(out, str)
    return out


def test_the_expected_short_forms() -> None:
    assert (shorten(LONG_EN), shorten(LONG_ZH)) == (SHORT_EN, SHORT_ZH)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_terminal_table_shortens_store_names_to_the_column_limit(lang: str) -> None:
    out = _text("table", lang)
    assert LONG_EN[:60] not in out and LONG_ZH[:30] not in out
    dashes = next(line for line in out.splitlines() if line.startswith("---"))  # ranked links
    account_a, account_b = [len(d) for d in dashes.split()][1:3]
    assert max(account_a, account_b) == NAME_COLUMNS - 1  # the long names, no wider
    assert SHORT_EN in out and SHORT_ZH in out
    assert f"acme-us-2 ({SHORT_ZH})" in out  # the hygiene flags table


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_tables_shorten_store_names_and_headings_keep_them(lang: str) -> None:
    out = _text("markdown", lang)
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    table = "\n".join(rows)
    assert LONG_EN[:60] not in table and LONG_ZH[:30] not in table
    assert f"acme-us ({SHORT_EN})" in table and f"acme-us-2 ({SHORT_ZH})" in table
    headings = [line for line in out.splitlines() if line.startswith("### 1\\.")]
    assert LONG_EN in headings[0] and LONG_ZH in headings[0]  # the evidence keeps them whole


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_tables_shorten_store_names_and_headings_keep_them(lang: str) -> None:
    page = _text("html", lang)
    ranked = page.split('<table class="sortable ranked">')[1].split("</table>")[0]
    assert f'<span class="store">{SHORT_EN}</span>' in ranked
    assert f'<span class="store">{SHORT_ZH}</span>' in ranked
    for key in ("flags", "accounts"):
        section = page.split(f'<section id="{key}">')[1].split("</section>")[0]
        assert LONG_EN[:60] not in section and LONG_ZH[:30] not in section
        assert SHORT_ZH in section
    heading = re.search(r'<article [^>]*id="link-1">\s*<h3>(.*?)</h3>', page, flags=re.S)
    assert heading and LONG_EN in heading.group(1) and LONG_ZH in heading.group(1)


def test_json_keeps_the_full_names() -> None:
    names = {a["account_id"]: a["store_name"] for a in json.loads(_text("json", "en"))["accounts"]}
    assert (names["acme-us"], names["acme-us-2"]) == (LONG_EN, LONG_ZH)


def test_csv_never_shortens() -> None:
    # the csv has one row per evidence and no store-name column: nothing to shorten
    out = _text("csv", "en")
    assert "…" not in out and SHORT_EN not in out


@pytest.mark.parametrize("sheet", [1, 4], ids=["links", "accounts"])
def test_xlsx_keeps_the_full_names(sheet: int) -> None:
    data = render(_long_names(), "xlsx", RenderOptions())
    assert isinstance(data, bytes)
    book = openpyxl.load_workbook(io.BytesIO(data))
    values = {c for row in book.worksheets[sheet].iter_rows(values_only=True) for c in row}
    assert {LONG_EN, LONG_ZH} <= values
    assert not any(isinstance(v, str) and v.endswith("…") for v in values)
