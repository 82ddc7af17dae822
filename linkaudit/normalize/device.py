"""Device normalisers (spec 3): device_id, fingerprint, browser_profile.

Canonical forms:
  device_id        trimmed and case-folded (`ABCD-1234` = `abcd-1234`).
  fingerprint      trimmed and case-folded (hex hashes are case-insensitive).
  browser_profile  trimmed only: anti-detect browsers' profile ids are case-sensitive.
All-zero ids (`0000`, the nil UUID) are fillers (NOTHING).
"""

from linkaudit.normalize.base import NOTHING, Norm
from linkaudit.normalize.text import final, fold, prepare_identifier


def normalize_device_id(raw: str, country: str | None = None) -> Norm:
    """A hardware / device id, trimmed and case-folded."""
    text = prepare_identifier(raw)
    return NOTHING if text is None else final(fold(text))


def normalize_fingerprint(raw: str, country: str | None = None) -> Norm:
    """A browser fingerprint or canvas hash, trimmed and case-folded."""
    text = prepare_identifier(raw)
    return NOTHING if text is None else final(fold(text))


def normalize_browser_profile(raw: str, country: str | None = None) -> Norm:
    """A browser profile / cookie id, trimmed only."""
    text = prepare_identifier(raw)
    return NOTHING if text is None else Norm(text)
