"""Display columns and shortened names: CJK counts two, marks stay with their base."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wcwidth import wcswidth

from linkaudit.report.columns import NAME_COLUMNS, columns, shorten

LONG_EN = ("Shenzhen Acme Home and Garden Supplies Trading Co Ltd Official Store " * 3)[:200]
LONG_ZH = ("深圳市极客家居用品有限公司官方旗舰店" * 6)[:100]


def test_the_long_names_are_as_long_as_they_say() -> None:
    assert (len(LONG_EN), len(LONG_ZH)) == (200, 100)
    assert (columns(LONG_EN), columns(LONG_ZH)) == (200, 200)


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("Acme Home US", 12),
        ("鑫达家居美国站", 14),
        ("Acme 德国店", 11),
        ("ＡＢＣ", 6),  # fullwidth Latin
        ("ｱｲｳ", 3),  # halfwidth katakana
        ("e\u0301", 1),  # a combining mark takes no column
        ("…", 1),
    ],
)
def test_columns_count_wide_characters_twice(text: str, width: int) -> None:
    assert columns(text) == width == wcswidth(text)


def test_a_name_that_fits_is_untouched() -> None:
    fits = "深圳市极客家居用品有限公司官方旗舰店" + "x" * 4  # 36 + 4 columns
    assert shorten(fits) == fits
    assert shorten("Cafe\u0301") == "Cafe\u0301"  # not even normalised


def test_a_long_english_name_is_cut_to_the_limit_with_an_ellipsis() -> None:
    short = shorten(LONG_EN)
    assert short == LONG_EN[:39].rstrip() + "…"
    assert columns(short) <= NAME_COLUMNS


def test_a_long_chinese_name_is_cut_by_display_columns() -> None:
    short = shorten(LONG_ZH)
    assert short == LONG_ZH[:19] + "…"  # 19 characters = 38 columns, then the ellipsis
    assert columns(short) == 39


def test_a_wide_character_straddling_the_limit_is_dropped_whole() -> None:
    assert shorten("a" + "中" * 10, 8) == "a中中中…"  # 1 + 6 + 1: a fourth 中 would need 9


def test_the_cut_is_made_on_nfc_and_keeps_marks_with_their_base() -> None:
    decomposed = "Cafe\u0301 " * 20  # NFD "é": one column, two code points
    assert shorten(decomposed, 10) == "Café Café…"
    # no precomposed form: the marks after the last kept base stay with it
    stacked = "a" * 8 + "x\u0301\u0302" + "tail"
    assert shorten(stacked, 10) == "a" * 8 + "x\u0301\u0302…"


@settings(max_examples=300, deadline=None)
@given(text=st.text(), limit=st.integers(min_value=1, max_value=60))
def test_shorten_always_fits_and_never_splits_a_cluster(text: str, limit: int) -> None:
    short = shorten(text, limit)
    assert columns(short) <= limit
    if short != text:
        kept = short.removesuffix("…")
        nfc = unicodedata.normalize("NFC", text)
        assert nfc.startswith(kept)
        rest = nfc[len(kept) :]  # starts with a base character (or trimmed whitespace)
        assert not rest or not unicodedata.category(rest[0]).startswith("M")
