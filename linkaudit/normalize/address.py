"""Normalisers for address attribute types (spec 3). STAND-IN: replaced by the real implementation."""

from linkaudit.normalize.base import NOTHING, Norm, clean, is_placeholder


def _simple(raw: str, country: str | None = None) -> Norm:
    text = clean(raw)
    if is_placeholder(text):
        return NOTHING
    return Norm(text.casefold())


normalize_address = _simple


def address_similarity(a: str, b: str) -> float:
    return 1.0 if a == b else 0.0


def address_tokens(value: str) -> list[str]:
    return value.split()
