"""Catalogue normalisers (spec 3): asin, gtin, brand, title, image.

Canonical forms:
  asin   trimmed, upper-case (`b0abc12345` -> `B0ABC12345`); a value that is neither
         `B0` + 8 letters/digits nor a 10-digit ISBN keeps its value with a problem.
  gtin   14 digits, left-padded with zeros (UPC-A `012345678905` = EAN-13 `0012345678905`
         -> `00012345678905`); spaces, dashes and a spreadsheet `.0` are removed. Lengths 8,
         12, 13, 14 are GTINs; 9-11 digits with a valid check digit are read as a GTIN whose
         leading zeros a spreadsheet dropped (value kept, with a problem); other lengths are
         a problem without a value. A wrong check digit keeps the value with a problem.
  brand  case-folded, punctuation and symbols deleted (`Anker®` = `ANKER`, `A.B.C` = `abc`),
         white space collapsed.
  title  case-folded, punctuation replaced by spaces, white space collapsed (fuzzy compared).
  image  trimmed; a hex hash is case-folded; a URL keeps its path but loses its query
         string and fragment (signatures, sizes), its scheme becomes `https` and its host is
         lower-case; Amazon size modifiers (`71abc._AC_SL1500_.jpg`) are removed.
"""

import re

from rapidfuzz import fuzz

from linkaudit.normalize.base import NOTHING, Norm
from linkaudit.normalize.text import (
    CJK,
    final,
    fold,
    prepare,
    prepare_identifier,
    strip_punctuation,
    upper,
    word_set,
    words,
)

_ASIN = re.compile(r"^(?:B0[0-9A-Z]{8}|[0-9]{9}[0-9X])$")
_BAD_ASIN = "not an ASIN (expected B0 and 8 letters or digits, or a 10-digit ISBN)"


def normalize_asin(raw: str, country: str | None = None) -> Norm:
    """An ASIN, trimmed and upper-case; unusual shapes are kept with a problem."""
    text = prepare_identifier(raw)
    if text is None:
        return NOTHING
    value = upper(text)
    return Norm(value) if _ASIN.match(value) else Norm(value, problem=_BAD_ASIN)


_GTIN_JUNK = re.compile(r"[\s\-]+|\.0+$")
_DIGITS_ONLY = re.compile(r"^[0-9]+$")
_GTIN_LENGTHS = frozenset({8, 12, 13, 14})


def normalize_gtin(raw: str, country: str | None = None) -> Norm:
    """A GTIN as 14 digits; check digit verified (GS1 mod 10)."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    digits = _GTIN_JUNK.sub("", text)
    if not digits:
        return NOTHING
    if not _DIGITS_ONLY.match(digits):
        return Norm(None, problem="not a GTIN (digits only)")
    if not digits.strip("0"):
        return NOTHING
    value = digits.zfill(14)
    valid = len(value) == 14 and _gtin_check_ok(value)
    if len(digits) in _GTIN_LENGTHS:
        return Norm(value) if valid else Norm(value, problem="GTIN check digit does not match")
    if 9 <= len(digits) <= 11 and valid:
        return Norm(value, problem="leading zeros were lost (a spreadsheet number?)")
    return Norm(None, problem=f"a GTIN has 8, 12, 13 or 14 digits, not {len(digits)}")


def _gtin_check_ok(value: str) -> bool:
    """GS1 mod-10 check digit of a 14-digit GTIN: weights 3,1,3,... from the left."""
    odd = sum(map(int, value[0:13:2]))
    even = sum(map(int, value[1:13:2]))
    return (10 - (odd * 3 + even) % 10) % 10 == int(value[13])


_SPACES = re.compile(r"\s+")


def normalize_brand(raw: str, country: str | None = None) -> Norm:
    """A brand: case-folded, punctuation deleted, white space collapsed."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    value = _SPACES.sub(" ", strip_punctuation(fold(text))).strip()
    return final(value) if value else NOTHING


def normalize_title(raw: str, country: str | None = None) -> Norm:
    """A listing title: case-folded, punctuation replaced by spaces, white space collapsed."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    tokens = words(text)
    return final(" ".join(tokens)) if tokens else NOTHING


def title_similarity(a: str, b: str) -> float:
    """Similarity of two canonical titles in [0, 1]: rapidfuzz ratio (fast, order-sensitive)."""
    return 1.0 if a == b else float(fuzz.ratio(a, b)) / 100.0


TITLE_STOPWORDS = word_set(
    """a an and the for with of in on to by from at or new pack pcs pc set piece pieces
    size color colour black white red blue green grey gray pink large small medium men
    women kids home kitchen office portable premium quality best gift gifts inch cm mm
    compatible upgraded version"""
)
_CJK_RUN = re.compile(f"[{CJK}]+")


def title_tokens(value: str) -> list[str]:
    """Blocking keys: distinctive words (3+ characters, not stop words); CJK as bigrams."""
    keys: set[str] = set()
    for token in value.split():
        for run in _CJK_RUN.findall(token):
            keys.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
        latin = _CJK_RUN.sub("", token)
        if len(latin) >= 3 and latin not in TITLE_STOPWORDS:
            keys.add(latin)
    return sorted(keys)


_HEX_HASH = re.compile(r"^[0-9A-Fa-f]{16,128}$")
_URL = re.compile(r"^(?:https?:)?//([^/?#]+)([^?#]*)", re.IGNORECASE)
_AMAZON_SIZE = re.compile(r"\._[^/]*?_\.(jpe?g|png|gif|webp)$", re.IGNORECASE)


def normalize_image(raw: str, country: str | None = None) -> Norm:
    """An image hash or URL (see module docstring)."""
    text = prepare_identifier(raw)
    if text is None:
        return NOTHING
    if _HEX_HASH.match(text):
        return Norm(text.casefold())
    url = _URL.match(text)
    if url is None:
        return Norm(text)
    path = _AMAZON_SIZE.sub(r".\1", url.group(2))
    return Norm(f"https://{url.group(1).casefold()}{path}")
