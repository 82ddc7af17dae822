"""Identity normalisers (spec 3): company_name, registration_number, tax_id, person.

Canonical forms:
  company_name         see linkaudit.normalize.company (legal forms and punctuation folded).
  registration_number  spaces, dashes and dots removed, upper-case (`9144 0300-MA5F` ->
                       `91440300MA5F`); an 18-character USCC (统一社会信用代码) whose check
                       character fails keeps its value with a problem.
  tax_id               compacted the same way, upper-case (`DE 123 456 789` = `DE123456789`);
                       checked with python-stdnum when recognisable: a VAT number with a
                       country prefix, a USCC, a US EIN (`12-3456789`, or 9 digits for a US
                       account). A failed check keeps the value with a problem.
  person               case-folded, punctuation removed (apostrophes deleted: `O'Brien` =
                       `OBrien`; other punctuation splits words), courtesy titles dropped
                       (Mr, Mrs, Ms, Dr, 先生, 女士), words sorted and joined by one space:
                       `Wei LI` = `li wei` = `LI, Wei`. CJK names are kept as written without
                       spaces (`李 伟` = `李伟`; `伟李` differs); no transliteration.
"""

import re

from stdnum import vatin
from stdnum.cn import uscc
from stdnum.us import ein
from stdnum.util import get_cc_module

from linkaudit.normalize.base import NOTHING, Norm
from linkaudit.normalize.company import (
    company_similarity,
    company_tokens,
    normalize_company_name,
)
from linkaudit.normalize.text import (
    all_zero,
    compact,
    final,
    is_cjk,
    prepare,
    upper,
    without_float_tail,
    words,
)

__all__ = [
    "company_similarity",
    "company_tokens",
    "normalize_company_name",
    "normalize_person",
    "normalize_registration_number",
    "normalize_tax_id",
]

_USCC_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$", re.ASCII)
_EIN_SHAPE = re.compile(r"^\d{2}-\d{7}$", re.ASCII)
_USCC_PROBLEM = "check character of this USCC (统一社会信用代码) does not match"


def _identifier(raw: str) -> str | None:
    """Compacted, upper-case identifier text; None for empty, placeholder or all-zero text."""
    text = prepare(raw)
    if text is None:
        return None
    value = upper(compact(without_float_tail(text)))
    return None if all_zero(value) else value


def _uscc_problem(value: str) -> str | None:
    """A problem when value has the shape of a USCC but a wrong check character."""
    if len(value) == 18 and _USCC_SHAPE.match(value) and not uscc.is_valid(value):
        return _USCC_PROBLEM
    return None


def normalize_registration_number(raw: str, country: str | None = None) -> Norm:
    """A company registration number (USCC, company number), compacted and upper-case."""
    value = _identifier(raw)
    return NOTHING if value is None else final(value, problem=_uscc_problem(value))


_VAT_MODULES: dict[str, bool] = {}


def _has_vat_module(prefix: str) -> bool:
    """python-stdnum's VAT module for a two-letter prefix (`EL` is Greece, `XI` is GB)."""
    if prefix not in _VAT_MODULES:
        code = {"EL": "gr", "XI": "gb"}.get(prefix, prefix.lower())
        _VAT_MODULES[prefix] = get_cc_module(code, "vat") is not None
    return _VAT_MODULES[prefix]


def _tax_problem(value: str, text: str, country: str | None) -> str | None:
    """Why a recognisable tax id fails its check, or None (also for unrecognised ids)."""
    if len(value) == 18 and _USCC_SHAPE.match(value):
        return _uscc_problem(value)
    prefix = value[:2]
    if prefix.isascii() and prefix.isalpha() and len(value) > 2 and _has_vat_module(prefix):
        return None if vatin.is_valid(value) else f"not a valid VAT number for {prefix}"
    us_shaped = (
        value.isascii() and value.isdigit() and len(value) == 9 and (country or "").upper() == "US"
    )
    if (us_shaped or _EIN_SHAPE.match(text)) and not ein.is_valid(value):
        return "not a valid US EIN"
    return None


def normalize_tax_id(raw: str, country: str | None = None) -> Norm:
    """A VAT number / EIN / tax number, compacted and upper-case, checked where recognisable."""
    value = _identifier(raw)
    if value is None:
        return NOTHING
    text = prepare(raw) or ""
    return final(value, problem=_tax_problem(value, text, country))


_APOSTROPHES = re.compile("['`\u2018\u2019\u02bc]")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam"})
_CJK_TITLES = ("先生", "女士", "小姐")


def normalize_person(raw: str, country: str | None = None) -> Norm:
    """A person's name folded for comparison: case, punctuation, titles and word order."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    tokens = [_untitled(t) for t in words(_APOSTROPHES.sub("", text))]
    named = [t for t in tokens if t not in _TITLES] or tokens
    # Sorting can make two CJK words neighbours; join them as words() would on re-reading.
    ordered = sorted(words(" ".join(sorted(named))))
    return NOTHING if not ordered else final(" ".join(ordered))


def _untitled(token: str) -> str:
    """A CJK name without a trailing courtesy title (`李先生` -> `李`)."""
    for title in _CJK_TITLES:
        if token.endswith(title) and len(token) > len(title) and is_cjk(token[0]):
            return token.removesuffix(title)
    return token
