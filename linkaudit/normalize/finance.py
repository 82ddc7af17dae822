"""Normalisers for finance attribute types (spec 3). STAND-IN: replaced by the real implementation."""

from linkaudit.normalize.base import NOTHING, Norm, clean, is_placeholder


def _simple(raw: str, country: str | None = None) -> Norm:
    text = clean(raw)
    if is_placeholder(text):
        return NOTHING
    return Norm(text.casefold())


normalize_card = _simple
normalize_bank_account = _simple
normalize_payout_account = _simple
