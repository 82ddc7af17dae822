"""Properties every normaliser keeps (spec 3): total, idempotent, placeholders are nothing."""

import ipaddress

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from linkaudit.normalize import DERIVED, NORMALIZERS, SIMILARITY, TOKENS
from linkaudit.normalize.base import PLACEHOLDERS, Normalizer
from linkaudit.vocab import AttrType

COUNTRIES = st.sampled_from([None, "CN", "US", "GB", "UK", "DE", "JP", "ZZ", "", "cn"])
# Text that looks like the values sellers write: digits, letters, separators, CJK, full-width.
LIKELY = st.text(
    alphabet=st.sampled_from(
        list("0123456789abcdefABCDEFxX*+-.:@/#, _()%[]")
        + list("李伟深圳市有限公司路号室")
        + list("０１２３４５ＡＢ")
        + ["\u200b", "\u3000", "\t", "ü", "ß", "İ"]
    ),
    max_size=40,
)
ANY_TEXT = st.one_of(st.text(), LIKELY)
TYPES = sorted(NORMALIZERS, key=str)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_every_attribute_type_except_derived_has_a_normaliser() -> None:
    assert set(NORMALIZERS) == set(AttrType) - {AttrType.IP_SUBNET}


@pytest.mark.parametrize("kind", TYPES)
@SETTINGS
@given(raw=ANY_TEXT, country=COUNTRIES)
def test_never_raises(kind: AttrType, raw: str, country: str | None) -> None:
    result = NORMALIZERS[kind](raw, country)
    assert result.value is None or isinstance(result.value, str)
    assert result.value != ""
    if result.value is None:
        assert not result.weak


@pytest.mark.parametrize("kind", TYPES)
@SETTINGS
@given(raw=ANY_TEXT, country=COUNTRIES)
def test_idempotent(kind: AttrType, raw: str, country: str | None) -> None:
    """A canonical form re-parses to itself (card keys too: `411111******1111`, `last4:1111`)."""
    _check_idempotent(NORMALIZERS[kind], raw, country)


def _check_idempotent(normalize: Normalizer, raw: str, country: str | None) -> None:
    value = normalize(raw, country).value
    if value is not None:
        assert normalize(value, country).value == value


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        (AttrType.CARD, "4111 1111 1111 1111"),
        (AttrType.CARD, "****1111"),
        (AttrType.PHONE, "13800138000"),
        (AttrType.IP, "::ffff:203.0.113.7"),
        (AttrType.MAC, "001A.2B3C.4D5E"),
        (AttrType.GTIN, "12345678905.0"),
        (AttrType.ADDRESS, "5th Fl., #12 Queen's Rd, HK"),
        (AttrType.PERSON, "王 Wei 李伟"),
        (AttrType.COMPANY_NAME, "株式会社 ソニー Co., Ltd."),
        (AttrType.EMAIL, "Li.Wei+x@Gmail.com"),
        (AttrType.IMAGE, "http://X.com/a._AC_.jpg?q"),
        (AttrType.WEBSITE, "https://www.a.co.uk/x"),
    ],
)
def test_idempotent_examples(kind: AttrType, raw: str) -> None:
    _check_idempotent(NORMALIZERS[kind], raw, "CN")


@pytest.mark.parametrize("kind", TYPES)
@pytest.mark.parametrize("placeholder", sorted(PLACEHOLDERS))
def test_placeholders_are_nothing(kind: AttrType, placeholder: str) -> None:
    for raw in (placeholder, placeholder.upper(), f"  {placeholder}\u200b "):
        result = NORMALIZERS[kind](raw, "CN")
        assert result.value is None
        assert result.problem is None


NON_GLOBAL = st.ip_addresses().filter(
    lambda a: (
        (
            a.is_private
            or a.is_loopback
            or a.is_link_local
            or a.is_multicast
            or a.is_reserved
            or a.is_unspecified
        )
        and not any(
            a in n
            for n in map(
                ipaddress.ip_network,
                (
                    "192.0.2.0/24",
                    "198.51.100.0/24",
                    "203.0.113.0/24",
                    "2001:db8::/32",
                    "100.64.0.0/10",
                    "::ffff:0:0/96",
                ),
            )
        )
    )
)


@SETTINGS
@given(address=NON_GLOBAL)
@example(address=ipaddress.ip_address("192.168.1.1"))
@example(address=ipaddress.ip_address("fe80::1"))
def test_non_global_ips_are_nothing(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
    result = NORMALIZERS[AttrType.IP](str(address), None)
    assert result.value is None
    assert result.problem is None


@SETTINGS
@given(address=st.ip_addresses())
def test_any_address_is_parsed(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
    result = NORMALIZERS[AttrType.IP](address.exploded.upper(), None)
    assert result.problem is None
    if result.value is not None:
        assert ipaddress.ip_address(result.value) in (
            address,
            getattr(address, "ipv4_mapped", None),
        )
        for kind, subnet, _ in DERIVED[AttrType.IP](result.value):
            assert kind is AttrType.IP_SUBNET
            assert ipaddress.ip_address(result.value) in ipaddress.ip_network(subnet)


@SETTINGS
@given(mac=st.binary(min_size=6, max_size=6), upper=st.booleans())
def test_any_mac_notation_is_one_value(mac: bytes, upper: bool) -> None:
    hexed = mac.hex().upper() if upper else mac.hex()
    pairs = [hexed[i : i + 2] for i in range(0, 12, 2)]
    forms = {":".join(pairs), "-".join(pairs), hexed, ".".join(hexed[i : i + 4] for i in (0, 4, 8))}
    values = {NORMALIZERS[AttrType.MAC](form, None).value for form in forms}
    assert len(values) == 1


@pytest.mark.parametrize("kind", sorted(SIMILARITY, key=str))
@SETTINGS
@given(a=ANY_TEXT, b=ANY_TEXT)
def test_similarity_is_symmetric_bounded_and_total(kind: AttrType, a: str, b: str) -> None:
    similarity = SIMILARITY[kind]
    normalize = NORMALIZERS[kind]
    for x, y in ((a, b), (normalize(a, None).value or a, normalize(b, None).value or b)):
        score = similarity(x, y)
        assert 0.0 <= score <= 1.0
        assert score == similarity(y, x)
    assert similarity(a, a) == 1.0


@pytest.mark.parametrize("kind", sorted(TOKENS, key=str))
@SETTINGS
@given(raw=ANY_TEXT)
def test_tokens_are_total_and_sorted(kind: AttrType, raw: str) -> None:
    value = NORMALIZERS[kind](raw, None).value or raw
    keys = TOKENS[kind](value)
    assert keys == sorted(set(keys))
    assert all(isinstance(key, str) and key for key in keys)


# Identifier types: an all-zero value (`0000`, the nil UUID) is a filler, like `0` and
# `000-000-0000` (spec 3), never evidence. Free text (titles, brands, names) is not listed.
IDENTIFIERS = [
    AttrType.DEVICE_ID,
    AttrType.FINGERPRINT,
    AttrType.BROWSER_PROFILE,
    AttrType.PAYOUT_ACCOUNT,
    AttrType.ASIN,
    AttrType.IMAGE,
    AttrType.CARD,
    AttrType.BANK_ACCOUNT,
    AttrType.REGISTRATION_NUMBER,
    AttrType.TAX_ID,
    AttrType.DOCUMENT,
    AttrType.GTIN,
    AttrType.PHONE,
    AttrType.MAC,
]


@pytest.mark.parametrize("kind", IDENTIFIERS)
@pytest.mark.parametrize(
    "raw", ["0000", "0000000000", "00000000-0000-0000-0000-000000000000", "0000000000000000"]
)
def test_all_zero_identifiers_are_nothing(kind: AttrType, raw: str) -> None:
    assert NORMALIZERS[kind](raw, "CN").value is None
