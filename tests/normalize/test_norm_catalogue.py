"""Catalogue normalisers: asin, gtin, brand, title, image (spec 3)."""

import pytest

from linkaudit.normalize import NORMALIZERS, SIMILARITY, TOKENS
from linkaudit.vocab import AttrType

asin = NORMALIZERS[AttrType.ASIN]
gtin = NORMALIZERS[AttrType.GTIN]
brand = NORMALIZERS[AttrType.BRAND]
title = NORMALIZERS[AttrType.TITLE]
image = NORMALIZERS[AttrType.IMAGE]
title_similarity = SIMILARITY[AttrType.TITLE]
title_tokens = TOKENS[AttrType.TITLE]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("B0ABC12345", " b0abc12345 "),
        ("B0ABC12345", "Ｂ０ＡＢＣ１２３４５"),
        ("0123456789", "0123456789"),
    ],
)
def test_asin_equivalent(a: str, b: str) -> None:
    assert asin(a, None).value == asin(b, None).value
    assert asin(a, None).problem is None


def test_asin_different() -> None:
    assert asin("B0ABC12345", None).value != asin("B0ABC12346", None).value


@pytest.mark.parametrize("raw", ["XYZ", "B0ABC1234", "B1ABC12345", "012345678Y"])
def test_asin_unusual_is_kept_with_problem(raw: str) -> None:
    result = asin(raw, None)
    assert result.value == raw.upper()
    assert result.problem


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("012345678905", "0012345678905"),
        ("012345678905", "00012345678905"),
        ("0 12345 67890 5", "012345-678905"),
        ("4006381333931", "04006381333931"),
        ("96385074", "00000096385074"),
        ("012345678905.0", "012345678905"),
    ],
)
def test_gtin_equivalent(a: str, b: str) -> None:
    assert gtin(a, None).value is not None
    assert gtin(a, None).value == gtin(b, None).value
    assert gtin(a, None).problem is None


def test_gtin_canonical() -> None:
    assert gtin("012345678905", None).value == "00012345678905"


def test_gtin_spreadsheet_lost_leading_zeros() -> None:
    result = gtin("12345678905.0", None)
    assert result.value == "00012345678905"
    assert result.problem and "leading zeros" in result.problem


def test_gtin_bad_check_digit_keeps_value() -> None:
    result = gtin("012345678906", None)
    assert result.value == "00012345678906"
    assert result.problem == "GTIN check digit does not match"


@pytest.mark.parametrize(
    "raw", ["123", "1234567", "12345678901", "123456789012345", "ABC123", "12a45678"]
)
def test_gtin_invalid(raw: str) -> None:
    assert gtin(raw, None).value is None
    assert gtin(raw, None).problem


@pytest.mark.parametrize("raw", ["00000000", "0", "0.0", "N/A", ""])
def test_gtin_not_evidence(raw: str) -> None:
    assert gtin(raw, None).value is None
    assert gtin(raw, None).problem is None


def test_gtin_different() -> None:
    assert gtin("012345678905", None).value != gtin("4006381333931", None).value


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Anker®", "ANKER"),
        ("A.B.C", "abc"),
        ("Tom & Jerry", "tom  jerry"),
        ("Be-Cool", "becool"),
        ("ＵＧＲＥＥＮ", "ugreen"),
    ],
)
def test_brand_equivalent(a: str, b: str) -> None:
    assert brand(a, None).value == brand(b, None).value


def test_brand_different_and_placeholders() -> None:
    assert brand("Anker", None).value != brand("Ankor", None).value
    assert brand("Be Cool", None).value != brand("BeCool", None).value
    assert brand("N/A", None).value is None
    assert brand("®", None).value is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Wireless Earbuds, Bluetooth 5.3 - Black", "wireless earbuds bluetooth 5 3 black"),
        ("USB-C  Cable (2 Pack)", "usb c cable 2 pack"),
    ],
)
def test_title_equivalent(a: str, b: str) -> None:
    assert title(a, None).value == title(b, None).value


def test_title_similarity() -> None:
    a = title("Wireless Earbuds Bluetooth 5.3 Headphones with Charging Case, Black", None).value
    b = title("Wireless Earbuds Bluetooth 5.3 Headphones with Charging Case - White", None).value
    c = title("Stainless Steel Kitchen Knife Set with Block", None).value
    assert a and b and c
    assert title_similarity(a, b) > 0.85
    assert title_similarity(a, c) < 0.5
    assert title_similarity(a, b) == title_similarity(b, a)
    assert title_similarity(a, a) == 1.0


def test_title_tokens() -> None:
    value = title("The Wireless Earbuds for Kids, 2 Pack", None).value
    assert value
    assert title_tokens(value) == ["earbuds", "wireless"]
    assert title_tokens("蓝牙耳机 black") == ["牙耳", "耳机", "蓝牙"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ABCDEF0123456789", "abcdef0123456789"),
        (
            "https://m.media-amazon.com/images/I/71abc.jpg",
            "http://M.Media-Amazon.com/images/I/71abc._AC_SL1500_.jpg",
        ),
        (
            "https://m.media-amazon.com/images/I/71abc.jpg",
            "https://m.media-amazon.com/images/I/71abc.jpg?sig=1#x",
        ),
        ("//cdn.example.com/a.png", "https://cdn.example.com/a.png"),
    ],
)
def test_image_equivalent(a: str, b: str) -> None:
    assert image(a, None).value == image(b, None).value


def test_image_different() -> None:
    assert image("https://x.com/A.jpg", None).value != image("https://x.com/a.jpg", None).value
    assert image("main.jpg", None).value == "main.jpg"
