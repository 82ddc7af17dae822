"""Finance normalisers (spec 3): card, bank_account, payout_account.

Canonical forms:
  card            `BIN6 + "******" + last4` (`411111******1111`, always six stars) for a full
                  number (13-19 digits, spaces/dashes allowed; flag `full`; a Luhn failure
                  keeps the key with a problem) and for a masked number showing the first six
                  and last four digits (`4111 11** **** 1111`, `411111xxxxxx1111`; flag
                  `masked`). Only the last four known (`**** 1111`, `XXXX-1111`, `1111`,
                  `尾号1111`, `ending in 1111`): `last4:1111`, weak, flag `last4`.
                  Full numbers are never kept: the key is all that is compared and stored.
                  DERIVED[card] adds the weak `last4:` key of every BIN+last4 key.
  bank_account    spaces, dashes and dots removed, upper-case; an IBAN-shaped value is checked
                  (python-stdnum) and keeps its value with a problem when the check fails.
  payout_account  trimmed and case-folded; an email address is folded like `email`.
"""

import re

from stdnum import iban, luhn

from linkaudit.normalize.base import NOTHING, Norm
from linkaudit.normalize.contact import fold_email
from linkaudit.normalize.text import (
    all_zero,
    compact,
    final,
    fold,
    prepare,
    prepare_identifier,
    upper,
    without_float_tail,
)

_SEPARATORS = re.compile(r"[\s\-.]+")
_FULL = re.compile(r"^\d{13,19}$", re.ASCII)
_MASKED = re.compile(r"^(\d*)[*xX•#]+(\d{4})$", re.ASCII)
_ENDING = re.compile(
    r"(?:尾号|末四位|后四位|ending(?:\s+in)?|ends?\s+(?:in|with))\s*[:：]?\s*(\d{4})$", re.ASCII
)
_LAST4_KEY = re.compile(r"^last4:(\d{4})$", re.ASCII)
_MASK = "******"
_NOT_CARD = Norm(
    None, problem="not a card number (expected 13-19 digits, or masked like 411111******1111)"
)


def normalize_card(raw: str, country: str | None = None) -> Norm:
    """A card as a BIN+last4 key (full or masked number) or a weak `last4:` key."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    digits = _SEPARATORS.sub("", without_float_tail(text))
    if all_zero(digits):
        return NOTHING
    if _FULL.match(digits):
        key = digits[:6] + _MASK + digits[-4:]
        problem = None if luhn.is_valid(digits) else "card number fails the Luhn check"
        return Norm(key, problem=problem, flags=("full",))
    masked = _MASKED.match(digits)
    if masked and len(masked.group(1)) >= 6:
        return Norm(masked.group(1)[:6] + _MASK + masked.group(2), flags=("masked",))
    last4 = masked or _LAST4_KEY.match(digits) or _ENDING.search(fold(text))
    if last4 is None and digits.isascii() and digits.isdigit() and len(digits) == 4:
        return _last4(digits)
    return _NOT_CARD if last4 is None else _last4(last4.groups()[-1])


def _last4(digits: str) -> Norm:
    """Weak evidence: only the last four digits are known."""
    return Norm("last4:" + digits, weak=True, flags=("last4",))


def derive_card_last4(key: str) -> list[str]:
    """The weak `last4:` key of a BIN+last4 key (none for a last4 key itself)."""
    return [] if key.startswith("last4:") else ["last4:" + key[-4:]]


_IBAN_SHAPE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$", re.ASCII)


def normalize_bank_account(raw: str, country: str | None = None) -> Norm:
    """An account number or IBAN, compacted and upper-case; IBANs are checked."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    value = upper(compact(without_float_tail(text)))
    if all_zero(value):
        return NOTHING
    problem = None
    if _IBAN_SHAPE.match(value) and not iban.is_valid(value):
        problem = "IBAN check digits do not match"
    return final(value, problem=problem)


def normalize_payout_account(raw: str, country: str | None = None) -> Norm:
    """A Payoneer / WorldFirst / PingPong / LianLian account: case-folded, emails folded."""
    text = prepare_identifier(raw)
    if text is None:
        return NOTHING
    email = fold_email(text) if "@" in text else None
    return final(email or fold(text))
