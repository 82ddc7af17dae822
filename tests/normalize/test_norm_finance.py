"""Finance normalisers: card, bank_account, payout_account (spec 3)."""

import pytest

from linkaudit.normalize import DERIVED, NORMALIZERS
from linkaudit.vocab import AttrType

card = NORMALIZERS[AttrType.CARD]
bank = NORMALIZERS[AttrType.BANK_ACCOUNT]
payout = NORMALIZERS[AttrType.PAYOUT_ACCOUNT]


@pytest.mark.parametrize(
    ("raw", "flag"),
    [
        ("4111111111111111", "full"),
        ("4111 1111 1111 1111", "full"),
        ("4111-1111-1111-1111", "full"),
        ("411111******1111", "masked"),
        ("4111 11** **** 1111", "masked"),
        ("411111xxxxxx1111", "masked"),
        ("411111XXXXXX1111", "masked"),
        ("4111 11•• •••• 1111", "masked"),
        ("4111111*****1111", "masked"),
        ("４１１１１１＊＊＊＊＊＊１１１１", "masked"),
        # a CSV written from a float column (spec 3: no float artefacts)
        ("4111111111111111.0", "full"),
    ],
)
def test_card_bin_last4_key(raw: str, flag: str) -> None:
    result = card(raw, None)
    assert result.value == "411111******1111"
    assert result.flags == (flag,)
    assert not result.weak
    assert result.problem is None


def test_card_key_has_six_stars_whatever_the_length() -> None:
    assert card("4111111111111", None).value == "411111******1111"  # 13 digits
    assert card("6222020200112233445", None).value == "622202******3445"  # 19 digits


@pytest.mark.parametrize(
    "raw",
    [
        "**** **** **** 1111",
        "****1111",
        "XXXX-1111",
        "1111",
        "尾号1111",
        "ending in 1111",
        "Visa ending 1111",
        "4111 1*** **** 1111",
    ],
)
def test_card_last4_is_weak(raw: str) -> None:
    result = card(raw, None)
    assert result.value == "last4:1111"
    assert result.weak
    assert result.flags == ("last4",)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("4111111111111111", "5500000000000004"),
        ("411111******1111", "411111******1112"),
        ("411111******1111", "411112******1111"),
        ("411111******1111", "****1111"),
    ],
)
def test_card_different(a: str, b: str) -> None:
    assert card(a, None).value != card(b, None).value


def test_card_luhn_failure_keeps_value_with_problem() -> None:
    result = card("4111111111111112", None)
    assert result.value == "411111******1112"
    assert result.problem == "card number fails the Luhn check"


@pytest.mark.parametrize("raw", ["41111", "abcd", "4111 1111 1111 1111 1111", "411111******111"])
def test_card_invalid(raw: str) -> None:
    assert card(raw, None).value is None
    assert card(raw, None).problem


@pytest.mark.parametrize("raw", ["0000 0000 0000 0000", "N/A", "0", "-", ""])
def test_card_not_evidence(raw: str) -> None:
    assert card(raw, None).value is None
    assert card(raw, None).problem is None


def test_card_derives_weak_last4() -> None:
    derive = DERIVED[AttrType.CARD]
    assert derive("411111******1111") == [(AttrType.CARD, "last4:1111", True)]
    assert derive("last4:1111") == []
    full = card("4111 1111 1111 1111", None).value
    only_last4 = card("****1111", None).value
    assert full is not None
    assert [value for _, value, _ in derive(full)] == [only_last4]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("DE89 3704 0044 0532 0130 00", "de89370400440532013000"),
        ("6222 0202 0011 2233", "6222-0202-0011-2233"),
        ("GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819"),
        ("6222020200112233.0", "6222020200112233"),
        ("6222020200112233.000", "6222 0202 0011 2233"),
    ],
)
def test_bank_account_equivalent(a: str, b: str) -> None:
    assert bank(a, None).value is not None
    assert bank(a, None).value == bank(b, None).value
    assert bank(a, None).problem is None


def test_bank_account_bad_iban_keeps_value_with_problem() -> None:
    result = bank("DE89 3704 0044 0532 0130 01", None)
    assert result.value == "DE89370400440532013001"
    assert result.problem == "IBAN check digits do not match"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("6222020200112233", "6222020200112234"),
        # only a spreadsheet's `.0` goes: dots between digits are group separators
        ("6222020200112233.01", "6222020200112233"),
    ],
)
def test_bank_account_different(a: str, b: str) -> None:
    assert bank(a, None).value != bank(b, None).value


@pytest.mark.parametrize("raw", ["0000 0000", "N/A", ""])
def test_bank_account_not_evidence(raw: str) -> None:
    assert bank(raw, None).value is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (" Shop.Owner@Gmail.com ", "shopowner+payoneer@googlemail.com"),
        ("PP-12345", "pp-12345"),
        ("WorldFirst 8800 1234", "worldfirst 8800 1234"),
    ],
)
def test_payout_equivalent(a: str, b: str) -> None:
    assert payout(a, None).value is not None
    assert payout(a, None).value == payout(b, None).value


def test_payout_different() -> None:
    assert payout("pp-12345", None).value != payout("pp-12346", None).value
    assert payout("N/A", None).value is None
