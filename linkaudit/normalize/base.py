"""The normaliser contract: raw text -> canonical value, or nothing with a reason (spec 3)."""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Norm:
    """What a normaliser made of one raw value.

    value:   the canonical form that rules compare, or None when the raw value is not evidence.
    problem: why the raw value is invalid (a data problem to report with file and line);
             None when it is simply empty or a placeholder, which is not a problem.
    weak:    usable only as weak evidence (CGNAT address, last-4-only card).
    flags:   facts about the value that account rules use (`cgnat`, `vm:<Vendor>`, `local_admin`,
             `hosting:<Provider>`, `last4`, `masked`, `full`, ...): prefixes are matched,
             not whole strings, for `vm:` and `hosting:`.
    """

    value: str | None
    problem: str | None = None
    weak: bool = False
    flags: tuple[str, ...] = field(default=())


NOTHING = Norm(None)

# A normaliser takes the raw text and the account's country (ISO alpha-2, for phones) and
# never raises: invalid text gives Norm(None, problem=...).
Normalizer = Callable[[str, str | None], Norm]

_INVISIBLE = re.compile("[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Tabs and line breaks are control characters that separate words (a multi-line address
# cell): they become a space, or `Building 5<LF>88 Road` would read `Building 588 Road`.
_BREAKS = re.compile("[\t\n\v\f\r\u0085]")

# Spec 3: values that identify nobody. Compared after clean() and casefold().
PLACEHOLDERS: frozenset[str] = frozenset(
    {"", "n/a", "na", "n.a.", "none", "null", "nil", "-", "--", "---", "0", "unknown", "无",
     "未知", "暂无", "空", "/", "?", "??", "tbd", "000-000-0000", "nan", "#n/a", "undefined"}
)  # fmt: skip


def clean(raw: str) -> str:
    """NFKC (full-width to ASCII), invisible and control characters removed, trimmed;
    tabs and line breaks inside the text become spaces."""
    text = unicodedata.normalize("NFKC", raw)
    return _INVISIBLE.sub("", _BREAKS.sub(" ", text)).strip()


def is_placeholder(text: str) -> bool:
    """True for cleaned text that identifies nobody (spec 3)."""
    return text.casefold() in PLACEHOLDERS
