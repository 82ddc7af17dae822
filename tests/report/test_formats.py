"""Every format is registered, renders every fixture in every language, and returns its type."""

import pytest

from linkaudit.errors import UsageError
from linkaudit.report import BINARY_FORMATS, FORMATS, RenderOptions, render
from linkaudit.report.i18n import LANGS

from .scans import SCANS

EXPECTED = {"table", "json", "csv", "xlsx", "markdown", "html"}


def test_every_documented_format_has_a_renderer() -> None:
    assert set(FORMATS) == EXPECTED
    assert sorted(BINARY_FORMATS) == ["xlsx"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scan", sorted(SCANS))
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_renders_every_fixture(fmt: str, scan: str, lang: str) -> None:
    out = render(SCANS[scan](), fmt, RenderOptions(lang=lang))
    assert out
    assert isinstance(out, bytes) == (fmt in BINARY_FORMATS)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_an_empty_scan_renders(fmt: str) -> None:
    empty = SCANS["sample"]().model_copy(
        update={"links": [], "accounts": [], "groups": [], "hubs": [], "notes": [], "problems": []}
    )
    assert render(empty, fmt, RenderOptions(lang="zh"))


def test_unknown_format_is_a_usage_error_listing_the_formats() -> None:
    with pytest.raises(UsageError) as caught:
        render(SCANS["sample"](), "pdf", RenderOptions())
    assert "pdf" in str(caught.value)
    assert all(fmt in str(caught.value) for fmt in EXPECTED)


def test_json_is_the_scan_result_unchanged() -> None:
    scan = SCANS["sample"]()
    assert render(scan, "json", RenderOptions(lang="zh")) == scan.to_json()


def test_title_option_replaces_the_heading() -> None:
    for fmt in ("table", "markdown", "html"):
        out = render(SCANS["sample"](), fmt, RenderOptions(title="Q4 compliance review"))
        assert isinstance(out, str)
        assert "Q4 compliance review" in out


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_limit_caps_link_rows_and_says_how_many_were_left_out(fmt: str) -> None:
    out = render(SCANS["sample"](), fmt, RenderOptions(limit=2))
    assert isinstance(out, str)
    assert "3 more links not shown" in out
    assert "newstore-uk" in out  # still in groups / graph: the limit caps link rows only
