"""Normalisers for catalogue attribute types (spec 3). STAND-IN: replaced by the real implementation."""

from linkaudit.normalize.base import NOTHING, Norm, clean, is_placeholder


def _simple(raw: str, country: str | None = None) -> Norm:
    text = clean(raw)
    if is_placeholder(text):
        return NOTHING
    return Norm(text.casefold())


normalize_asin = _simple
normalize_gtin = _simple
normalize_brand = _simple
normalize_title = _simple
normalize_image = _simple


def title_similarity(a: str, b: str) -> float:
    return 1.0 if a == b else 0.0


def title_tokens(value: str) -> list[str]:
    return value.split()
