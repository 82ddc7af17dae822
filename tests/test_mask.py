"""Masking keeps enough to recognise a value and never the value itself (spec 5)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkaudit.mask import mask_value
from linkaudit.vocab import SENSITIVE, AttrType


@pytest.mark.parametrize(
    ("attribute", "value", "masked"),
    [
        ("card", "411111******1111", "411111******1111"),
        ("card", "4111111111111111", "411111******1111"),
        ("email", "liwei@gmail.com", "l***@gmail.com"),
        ("email", "wang.fang.example.cn", "w*******************"),
        ("phone", "+8613800138000", "+86*******8000"),
        ("person", "li wei", "l* w**"),
        ("tax_id", "DE123456789", "DE*******89"),
        ("payout_account", "pay@example.com", "p***@example.com"),
        ("ip", "203.0.113.7", "203.0.113.7"),
        ("asin", "B0EXAMPLE1", "B0EXAMPLE1"),
    ],
)
def test_examples(attribute: str, value: str, masked: str) -> None:
    assert mask_value(attribute, value) == masked
    assert mask_value(attribute, value, show=True) == value


@given(st.sampled_from(sorted(SENSITIVE)), st.text(min_size=8, max_size=40))
def test_sensitive_values_never_come_back_whole(attribute: AttrType, value: str) -> None:
    # masking keeps an email's domain by design (`l***@gmail.com`), so the invariant is
    # that something of the value is always hidden, never that no substring survives
    masked = mask_value(attribute, value)
    assert masked != value or sum(c != "*" for c in value) <= 4
    if "@" in value and attribute == AttrType.EMAIL:
        local = value.partition("@")[0]
        assert len(local) < 2 or masked.partition("@")[0] != local


def test_short_card_like_text_shows_last_four_only() -> None:
    assert mask_value("card", "1111111111") == "******1111"
