"""Text folding shared by the normalisers: case, punctuation, CJK runs, compaction."""

import re
import unicodedata

from linkaudit.normalize.base import NOTHING, Norm, clean, is_placeholder

# Han, kana, Hangul and CJK punctuation-free letters: scripts written without spaces.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
# Anything that is neither a letter/digit nor white space; "_" counts as punctuation too.
_PUNCT = re.compile(r"[^\w\s]|_")
_COMPACT = re.compile(r"[\s\-.]+")
_ALL_ZERO = re.compile(r"^[\W_]*0[0\W_]*$")


def prepare(raw: str) -> str | None:
    """clean() the raw text; None for empty text and placeholders (spec 3)."""
    text = clean(raw)
    if is_placeholder(text):
        return None
    return text


def prepare_identifier(raw: str) -> str | None:
    """prepare(), and None for an all-zero filler too (`0000`, the nil UUID): spec 3 lists
    `0` and `000-000-0000` as placeholders, and a zeroed id identifies nobody."""
    text = prepare(raw)
    return None if text is None or all_zero(text) else text


def fold(text: str) -> str:
    """Case-fold, then NFKC again: casefold() can produce text that NFKC would change."""
    folded = text.casefold()
    return folded if folded.isascii() else unicodedata.normalize("NFKC", folded)


def words(text: str) -> list[str]:
    """Folded words: punctuation becomes a space; adjacent CJK words are joined."""
    merged: list[str] = []
    for token in _PUNCT.sub(" ", fold(text)).split():
        if merged and is_cjk(merged[-1][-1]) and is_cjk(token[0]):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def is_cjk(char: str) -> bool:
    """True for a character of a script written without spaces (Chinese, Japanese, Korean)."""
    return _CJK_CHAR.match(char) is not None


def has_cjk(text: str) -> bool:
    """True when the text contains any CJK character."""
    return _CJK_CHAR.search(text) is not None


def strip_punctuation(text: str) -> str:
    """Delete punctuation and symbols (`Anker®` -> `Anker`, `A.B.C` -> `ABC`)."""
    return _PUNCT.sub("", text)


def compact(text: str) -> str:
    """Remove white space, dashes and dots (identifiers written in groups)."""
    return _COMPACT.sub("", text)


_FLOAT_TAIL = re.compile(r"^(\d+)\.0+$", re.ASCII)


def without_float_tail(text: str) -> str:
    """`13800138000.0` -> `13800138000`: digits and a `.0` are a spreadsheet number written
    from a float column (pandas), read without the artefact (spec 3). Other text unchanged;
    for number-only types (phone, card, bank account, registration and tax numbers)."""
    return _FLOAT_TAIL.sub(r"\1", text)


def all_zero(text: str) -> bool:
    """True for `0000`, `000-000-0000`: a filler, not an identifier."""
    return _ALL_ZERO.match(text) is not None


def final(value: str, problem: str | None = None, flags: tuple[str, ...] = ()) -> Norm:
    """Norm(value), or NOTHING when folding left a placeholder (`Unknown Ltd` -> `unknown`)."""
    if is_placeholder(value):
        return NOTHING
    return Norm(value, problem=problem, flags=flags)


def word_set(text: str) -> frozenset[str]:
    """The white-space separated words of a literal word list."""
    return frozenset(text.split())


def upper(text: str) -> str:
    """Upper-case, then NFKC again when upper() left ASCII (`ŉ` -> `ʼN`)."""
    upped = text.upper()
    return upped if upped.isascii() else unicodedata.normalize("NFKC", upped)
