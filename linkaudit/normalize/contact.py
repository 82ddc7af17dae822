"""Normalisers for contact attribute types (spec 3). STAND-IN: replaced by the real implementation."""

from linkaudit.normalize.base import NOTHING, Norm, clean, is_placeholder


def _simple(raw: str, country: str | None = None) -> Norm:
    text = clean(raw)
    if is_placeholder(text):
        return NOTHING
    return Norm(text.casefold())


normalize_phone = _simple
normalize_email = _simple
normalize_website = _simple
