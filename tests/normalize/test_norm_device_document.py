"""Device and document normalisers (spec 3)."""

import pytest

from linkaudit.normalize import NORMALIZERS
from linkaudit.vocab import AttrType


@pytest.mark.parametrize(
    ("kind", "a", "b"),
    [
        (AttrType.DEVICE_ID, " ABCD-1234 ", "abcd-1234"),
        (AttrType.FINGERPRINT, "A1B2C3", "a1b2c3"),
        (AttrType.BROWSER_PROFILE, " prof-1 ", "prof-1"),
        (AttrType.DOCUMENT, "4403 0112-ab", "44030112AB"),
        (AttrType.DOCUMENT, "E1234.5678", "e12345678"),
    ],
)
def test_equivalent(kind: AttrType, a: str, b: str) -> None:
    assert NORMALIZERS[kind](a, None).value is not None
    assert NORMALIZERS[kind](a, None).value == NORMALIZERS[kind](b, None).value


@pytest.mark.parametrize(
    ("kind", "a", "b"),
    [
        (AttrType.BROWSER_PROFILE, "Prof-1", "prof-1"),
        (AttrType.DEVICE_ID, "abcd-1234", "abcd-1235"),
        (AttrType.FINGERPRINT, "a1b2c3", "a1b2c4"),
        (AttrType.DOCUMENT, "A123", "A124"),
    ],
)
def test_different(kind: AttrType, a: str, b: str) -> None:
    assert NORMALIZERS[kind](a, None).value != NORMALIZERS[kind](b, None).value


@pytest.mark.parametrize("kind", [AttrType.DEVICE_ID, AttrType.FINGERPRINT, AttrType.DOCUMENT])
@pytest.mark.parametrize("raw", ["N/A", "", "unknown", "-"])
def test_placeholders(kind: AttrType, raw: str) -> None:
    assert NORMALIZERS[kind](raw, None).value is None


def test_document_all_zero_is_a_filler() -> None:
    assert NORMALIZERS[AttrType.DOCUMENT]("0000-0000", None).value is None
