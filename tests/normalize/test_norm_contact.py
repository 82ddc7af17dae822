"""Contact normalisers: phone, email, website (spec 3)."""

import pytest

from linkaudit.normalize import NORMALIZERS
from linkaudit.normalize.contact import fold_email
from linkaudit.vocab import AttrType

phone = NORMALIZERS[AttrType.PHONE]
email = NORMALIZERS[AttrType.EMAIL]
website = NORMALIZERS[AttrType.WEBSITE]


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("13800138000", "CN"),
        ("+86 138 0013 8000", None),
        ("0086-138-0013-8000", None),
        ("+86 138 0013 8000", "US"),
        ("(+86) 138-0013-8000", "GB"),
        ("138 0013 8000", "cn"),
        ("１３８００１３８０００", "CN"),
        ("00 86 13800138000", None),
        # a CSV written from a float column (spec 3: no float artefacts)
        ("13800138000.0", "CN"),
        ("8613800138000.00", "CN"),
    ],
)
def test_phone_equivalent(raw: str, country: str | None) -> None:
    result = phone(raw, country)
    assert result.value == "+8613800138000"
    assert result.problem is None


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("020 7946 0018", "GB", "+442079460018"),
        ("020 7946 0018", "UK", "+442079460018"),
        ("+44 20 7946 0018", None, "+442079460018"),
        ("(212) 555-0123", "US", "+12125550123"),
        ("030 123456", "DE", "+4930123456"),
    ],
)
def test_phone_national_numbers_use_the_country(
    raw: str, country: str | None, expected: str
) -> None:
    assert phone(raw, country).value == expected


def test_phone_different_countries_differ() -> None:
    assert phone("13800138000", "CN").value != phone("13800138000", "US").value
    assert phone("13800138000", "CN").value != phone("13800138001", "CN").value


def test_phone_invalid_but_parseable_keeps_value_with_problem() -> None:
    result = phone("+1 555 000 0000", None)
    assert result.value == "+15550000000"
    assert result.problem == "not a valid number for US"
    assert phone("555 000 0000", "US").value == result.value


@pytest.mark.parametrize("raw", ["000-000-0000", "0", "N/A", "", "  ", "00000000000", "无"])
def test_phone_placeholders(raw: str) -> None:
    assert phone(raw, "CN").value is None
    assert phone(raw, "CN").problem is None


@pytest.mark.parametrize(
    ("raw", "country", "problem"),
    [
        ("13800138000", None, "no country code; set [defaults] country"),
        ("call me", "CN", "not a phone number"),
        ("+", "CN", "not a phone number"),
        ("12", "ZZZ", "not a phone number"),
    ],
)
def test_phone_problems(raw: str, country: str | None, problem: str) -> None:
    assert phone(raw, country).value is None
    assert phone(raw, country).problem == problem


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Li.Wei+us@Gmail.com", "liwei@googlemail.com"),
        ("LIWEI@gmail.com", "li.wei@gmail.com"),
        ("ann+shop@outlook.com", "Ann@Outlook.com"),
        ("ann+x@hotmail.com", "ann@hotmail.com"),
        ("ann+x@live.com", "ann@live.com"),
        ("ann+x@icloud.com", "ann@icloud.com"),
        ("ann+x@me.com", "ann@me.com"),
        ("ann+x@fastmail.com", "ann@fastmail.com"),
        ("ann+x@protonmail.com", "ann@protonmail.com"),
        ("ann+x@proton.me", "ann@proton.me"),
        ("Li Wei <li@example.com>", "LI@EXAMPLE.COM"),
        ("mailto:li@example.com", "li@example.com"),
        (" li@example.com ", "li@example.com."),
        ("ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ", "li@example.com"),
    ],
)
def test_email_equivalent(a: str, b: str) -> None:
    assert email(a, None).value is not None
    assert email(a, None).value == email(b, None).value


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("12345+a@qq.com", "12345@qq.com"),
        ("li.wei@163.com", "liwei@163.com"),
        ("li+x@example.com", "li@example.com"),
        ("li.wei@outlook.com", "liwei@outlook.com"),
        ("li@gmail.com", "li@gmail.co"),
    ],
)
def test_email_different(a: str, b: str) -> None:
    assert email(a, None).value != email(b, None).value


def test_email_canonical_form() -> None:
    assert email("Li.Wei+us@Gmail.com", None).value == "liwei@gmail.com"
    assert fold_email("Li.Wei+us@Gmail.com") == "liwei@gmail.com"
    assert fold_email("not an email") is None


@pytest.mark.parametrize(
    "raw",
    [
        "liwei",
        "li@",
        "@example.com",
        "li@localhost",
        "li@@",
        "li wei@example.com",
        "li@exa mple.com",
        "li@example.123",
        "li@-bad.com",
        "+tag@gmail.com",
    ],
)
def test_email_invalid(raw: str) -> None:
    assert email(raw, None).value is None
    assert email(raw, None).problem == "not an email address"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://www.Shop.example.co.uk/path", "example.co.uk"),
        ("example.co.uk", "example.co.uk"),
        ("http://example.com:8080/x?y=1#z", "example.com"),
        ("WWW.EXAMPLE.COM", "example.com"),
        ("shop.example.com.cn", "example.com.cn"),
        ("https://user@example.de/", "example.de"),
        ("example.com.", "example.com"),
        ("acme.myshopify.com", "acme.myshopify.com"),
        ("www.example.co.jp", "example.co.jp"),
        ("example.com.au/about", "example.com.au"),
    ],
)
def test_website_registrable_domain(raw: str, expected: str) -> None:
    assert website(raw, None).value == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("example.com", "example.net"),
        ("a.myshopify.com", "b.myshopify.com"),
        ("example.co.uk", "other.co.uk"),
    ],
)
def test_website_different(a: str, b: str) -> None:
    assert website(a, None).value != website(b, None).value


@pytest.mark.parametrize(
    "raw", ["localhost", "http://203.0.113.7/", "not a site", "co.uk", "http://"]
)
def test_website_invalid(raw: str) -> None:
    assert website(raw, None).value is None
    assert website(raw, None).problem


def test_website_marketplace_page_is_not_a_company_website() -> None:
    result = website("https://www.amazon.com/shops/ACME", None)
    assert result.value is None
    assert "marketplace" in (result.problem or "")
    assert website("amazon.co.uk", None).value is None
