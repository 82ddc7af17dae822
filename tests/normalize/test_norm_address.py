"""Address normaliser, similarity guard and blocking tokens (spec 3)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkaudit.normalize import NORMALIZERS, SIMILARITY, TOKENS
from linkaudit.normalize.address import address_numbers, address_similarity
from linkaudit.vocab import AttrType

address = NORMALIZERS[AttrType.ADDRESS]
similarity = SIMILARITY[AttrType.ADDRESS]
tokens = TOKENS[AttrType.ADDRESS]


def _addr(raw: str) -> str:
    value = address(raw, None).value
    assert value is not None
    return value


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Room 1203, Building 5, No. 88 Keji Rd, Nanshan District, Shenzhen, China",
            "Rm 1203 Bldg 5 #88 Keji Road Nanshan Dist Shenzhen CN",
        ),
        (
            "12 Main St., Apt 4, Springfield, USA",
            "12 MAIN STREET APARTMENT 4 SPRINGFIELD UNITED STATES",
        ),
        ("5/F, 12 Queen's Rd", "5th Floor 12 Queens Road"),
        ("5F 12 Queen Rd", "5 Fl. 12 Queen Road"),
        ("Ste 100, 1 Infinite Loop", "Suite 100 1 Infinite Loop"),
        ("1 Rue X, Paris, France", "1 rue x paris FR"),
        ("Hauptstr. 5, Berlin, Deutschland", "Hauptstr 5 Berlin Germany"),
        ("10 Downing St, London, UK", "10 Downing Street London United Kingdom"),
        ("Guangdong Prov", "guangdong province"),
        ("Rm1203", "Room 1203"),
        ("#88", "No. 88"),
        (
            "中国广东省深圳市南山区科技园路1号A栋1203室",
            "中国 广东省深圳市南山区 科技园路１号Ａ栋１２０３室",
        ),
        ("People's Republic of China", "PRC"),
        # a multi-line cell (Alt+Enter in Excel): a line break separates words
        ("Room 1203\nBuilding 5\n88 Keyuan Road", "Room 1203, Building 5, 88 Keyuan Road"),
        ("Room 1203\r\nBuilding 5\t88 Keyuan Road", "Room 1203 Building 5 88 Keyuan Road"),
        # N/S/E/W before a street name are directions
        ("12 N Main St", "12 North Main Street"),
        ("E 5th St, New York", "East 5 Street New York"),
        ("Room 3, 12 W Main St", "Rm 3 12 West Main Street"),
    ],
)
def test_address_equivalent(a: str, b: str) -> None:
    assert _addr(a) == _addr(b)


def test_address_canonical_forms() -> None:
    assert _addr("Rm 1203 Bldg 5 #88 Keji Rd, Shenzhen, China") == (
        "room 1203 building 5 no 88 keji road shenzhen cn"
    )
    assert _addr("中国广东省深圳市南山区科技园路1号A栋1203室") == (
        "cn 广东省 深圳市 南山区 科技园路 1 号 a 栋 1203 室"
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Room 1203, Building 5, 88 Keji Rd", "Room 1204, Building 5, 88 Keji Rd"),
        ("12 Main St", "12 Main Ave"),
        ("科技园路1号A栋1203室", "科技园路1号A栋1204室"),
        # a letter after a unit word or a unit number is the unit, not a direction
        ("Flat E, 10 High Street", "Flat East, 10 High Street"),
        ("Flat 12E, 10 High Street", "Flat 12 East, 10 High Street"),
        ("Block W, 88 Keyuan Rd", "Block West, 88 Keyuan Rd"),
        ("科技园路1号E栋1203室", "科技园路1号East栋1203室"),
    ],
)
def test_address_different(a: str, b: str) -> None:
    assert _addr(a) != _addr(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Room 1203, Building 5, No. 88 Keji Rd, Nanshan, Shenzhen",
            "Room 1204, Building 5, No. 88 Keji Rd, Nanshan, Shenzhen",
        ),
        ("Flat 2, 10 High Street, London", "Flat 3, 10 High Street, London"),
        ("科技园路1号A栋1203室", "科技园路1号A栋1204室"),
        ("Room 1203, Building 5, 88 Keji Rd", "Building 5, 88 Keji Rd"),
        ("Unit 5, 12 Main St", "Unit 12, 5 Main St 5"),
        # flats and blocks told apart by a letter
        ("Flat A, 12/F, Tower 1, 88 Keyuan Rd", "Flat B, 12/F, Tower 1, 88 Keyuan Rd"),
        ("Room 12A, 88 Keyuan Road, Shenzhen", "Room 12B, 88 Keyuan Road, Shenzhen"),
        ("Apt 4B, 100 Main St, New York, NY 10001", "Apt 4C, 100 Main St, New York, NY 10001"),
        ("科技园路1号A栋1203室", "科技园路1号B栋1203室"),
        # N/S/E/W are unit letters too, not directions
        ("Flat E, 10 High Street, London", "Flat W, 10 High Street, London"),
        ("Flat S, 10 High Street, London", "Flat N, 10 High Street, London"),
        ("Room 12E, 88 Keyuan Road, Shenzhen", "Room 12W, 88 Keyuan Road, Shenzhen"),
        ("Apt 4 E, 100 Main St", "Apt 4 W, 100 Main St"),
        ("Building 5, Tower E, 88 Keyuan Rd", "Building 5, Tower W, 88 Keyuan Rd"),
        ("Flat 3, 12/F, E, 88 Keyuan Rd", "Flat 3, 12/F, W, 88 Keyuan Rd"),
        ("科技园路1号E栋1203室", "科技园路1号W栋1203室"),
    ],
)
def test_two_flats_in_one_building_are_not_one_address(a: str, b: str) -> None:
    assert similarity(_addr(a), _addr(b)) < 0.5


@pytest.mark.parametrize(
    ("a", "b", "low"),
    [
        (
            "Room 1203, Building 5, 88 Keji Rd, Nanshan District, Shenzhen",
            "Nanshan District, Shenzhen, Keji Road 88, Building 5, Room 1203",
            0.95,
        ),
        (
            "Room 1203, Building 5, 88 Keji Rd, Shenzhen, Guangdong, China",
            "Room 1203 Building 5 88 Keji Rd Shenzhen",
            0.95,
        ),
        ("广东省深圳市南山区科技园路1号A栋1203室", "深圳市南山区科技园路1号A栋1203室", 0.95),
        ("Room 1203, Block B, 88 Keji Rd", "Room 1203, 88 Keji Rd", 0.95),
    ],
)
def test_same_place_written_differently_is_similar(a: str, b: str, low: float) -> None:
    assert similarity(_addr(a), _addr(b)) >= low


def test_similarity_is_symmetric_and_bounded() -> None:
    a, b = _addr("12 Main St, Springfield"), _addr("12 Main Street, Springfeld")
    assert similarity(a, b) == similarity(b, a)
    assert 0.0 <= similarity(a, b) <= 1.0
    assert similarity(a, a) == 1.0
    assert similarity("", "") == 1.0
    assert similarity("", a) == 0.0


def test_address_numbers_multiset() -> None:
    assert address_numbers("room 1203 building 5 no 88") == address_numbers("88 5 1203")
    assert address_numbers("flat 05") == address_numbers("flat 5")
    assert address_numbers("5 5") != address_numbers("5")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Room 1203, Building 5, No. 88 Keji Rd, Shenzhen", ["1203", "88", "keji", "shenzhen"]),
        ("科技园路1号A栋1203室", ["1203", "科技园路"]),
        ("Road 1", ["1", "road"]),
    ],
)
def test_address_tokens(raw: str, expected: list[str]) -> None:
    assert tokens(_addr(raw)) == expected


@pytest.mark.parametrize("raw", ["N/A", "", "-", "无", "...", "unknown"])
def test_address_not_evidence(raw: str) -> None:
    assert address(raw, None).value is None
    assert address(raw, None).problem is None


def test_postcode_on_one_side_only_still_matches_but_flats_do_not() -> None:
    from linkaudit.normalize.address import address_similarity, normalize_address

    with_code = normalize_address("Room 1203, Building 5, 88 Keyuan Road, Shenzhen 518057").value
    without = normalize_address("Rm 1203, Bldg 5, 88 Keyuan Rd, Shenzhen").value
    other_flat = normalize_address("Rm 1204, Bldg 5, 88 Keyuan Rd, Shenzhen 518057").value
    assert with_code and without and other_flat
    assert address_similarity(with_code, without) >= 0.9
    assert address_similarity(with_code, other_flat) < 0.5
    assert address_similarity(without, other_flat) < 0.5


def _reference_similarity(a: str, b: str) -> float:
    """address_similarity as first written, with Counters throughout: the oracle for the
    cached, dict-based guard."""
    from collections import Counter

    from rapidfuzz import fuzz

    from linkaudit.normalize.address import address_letters, address_numbers

    if a == b:
        return 1.0
    score = float(fuzz.token_set_ratio(a, b)) / 100.0
    x, y = address_numbers(a), address_numbers(b)
    numbers_ok = x == y
    if not numbers_ok:
        extra_x, extra_y = x - y, y - x
        numbers_ok = not (extra_x and extra_y) and all(len(n) >= 5 for n in (extra_x or extra_y))
    la: Counter[str] = address_letters(a)
    lb: Counter[str] = address_letters(b)
    if not numbers_ok or (la - lb and lb - la):
        score = min(score, 0.49)
    return score


_ADDRESS_WORDS = st.sampled_from(
    ["room", "flat", "no", "road", "a", "b", "c", "12", "012", "1203", "1204", "518057",
     "518000", "5", "keji", "nanshan", "shenzhen", "栋", "a栋", "12b", "x"]
)  # fmt: skip


@given(
    st.lists(st.lists(_ADDRESS_WORDS, min_size=1, max_size=9).map(" ".join), min_size=2),
    st.data(),
)
def test_similarity_equals_the_counter_reference(values: list[str], data: st.DataObject) -> None:
    """Numbers and unit letters, repeated, one-sided or on both sides, postcodes of 5+
    digits, leading zeros: the cached guard scores every pair as the Counter version, and
    asking twice gives the same (the cache is never changed by a comparison)."""
    for _ in range(3):
        a, b = data.draw(st.sampled_from(values)), data.draw(st.sampled_from(values))
        expected = _reference_similarity(a, b)
        assert address_similarity(a, b) == expected == address_similarity(a, b)
        assert address_similarity(b, a) == _reference_similarity(b, a)
