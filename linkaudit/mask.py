"""Masking of sensitive values (spec 5): enough left to recognise a value, not to use it."""

import re

from linkaudit.vocab import SENSITIVE, AttrType


def _middle(text: str, keep_start: int, keep_end: int) -> str:
    if len(text) <= keep_start + keep_end:
        return text[:1] + "*" * max(len(text) - 1, 2)
    tail = text[len(text) - keep_end :] if keep_end else ""
    return text[:keep_start] + "*" * (len(text) - keep_start - keep_end) + tail


def mask_email(text: str) -> str:
    local, at, domain = text.partition("@")
    if not at:
        return _middle(text, 1, 0)
    return f"{local[:1]}***@{domain}"


def mask_card(text: str) -> str:
    digits = "".join(c for c in text if c.isdigit() or c == "*")
    if len(digits) >= 12:  # card numbers have 12-19 digits: BIN and last 4 may show
        return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    return "*" * max(len(digits) - 4, 0) + digits[-4:]


def mask_phone(text: str) -> str:
    if text.startswith("+") and len(text) > 6:
        # keep the country calling code (up to 3 digits) and the last 4 digits
        head = text[:3] if len(text) > 10 else text[:2]
        return head + "*" * (len(text) - len(head) - 4) + text[-4:]
    return _middle(text, 0, 4)


def mask_person(text: str) -> str:
    return " ".join(p[:1] + "*" * max(len(p) - 1, 1) for p in text.split())


# Problem.attribute of free text that may hold anything (a broken JSON line, stray cells).
FREE_TEXT = "text"
_WORD = re.compile(r"\w{2,}")


def mask_text(text: str) -> str:
    """Free text with every word masked but its first character: the shape stays visible."""
    return _WORD.sub(lambda m: m[0][0] + "*" * (len(m[0]) - 1), text)


def mask_value(attribute: str, value: str, show: bool = False) -> str:
    """The value as it may be printed: unchanged for non-sensitive types or with show=True."""
    if show or not value:
        return value
    if attribute == FREE_TEXT:
        return mask_text(value)
    try:
        kind = AttrType(attribute)
    except ValueError:
        return value
    if kind not in SENSITIVE:
        return value
    if kind is AttrType.EMAIL or (kind is AttrType.PAYOUT_ACCOUNT and "@" in value):
        return mask_email(value)
    if kind is AttrType.CARD:
        return mask_card(value)
    if kind is AttrType.PHONE:
        return mask_phone(value)
    if kind is AttrType.PERSON:
        return mask_person(value)
    if kind is AttrType.DOCUMENT and len(value) >= 32:
        return value[:8] + "…"  # a content hash: its prefix is enough and reveals nothing
    return _middle(value, 2, 2)
