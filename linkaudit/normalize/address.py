"""Addresses (spec 3): a folded string, a guarded fuzzy similarity and blocking tokens.

Canonical form: case-folded; ordinal suffixes dropped (`5th` -> `5`); `#` read as `no`;
apostrophes deleted (`Queen's` = `Queens`), other punctuation replaced by spaces; words
split where digits, CJK and other letters meet (`Rm1203` -> `rm 1203`, `1号A栋` ->
`1 号 a 栋`) and after the CJK unit characters
省市区县镇乡村路街道巷弄号栋幢座楼层室 (kept as characters); common abbreviations folded
(Rd -> road, St -> street, Ave -> avenue, Rm -> room, Bldg -> building, Fl / a `F` after a
number -> floor, Apt -> apartment, Ste -> suite, No./Number/# -> no, Dist -> district,
Prov -> province, N/S/E/W -> north/south/east/west, except where the letter names a unit:
after a unit word (`Flat E`, `Block W`), after a unit's number (`Flat 12E`), after a number
not followed by a street word (`12E, 10 High St`) or next to CJK (`E栋`)); country names
and codes folded to ISO alpha-2 (China / PRC / 中国 -> cn, USA / United States -> us, UK /
United Kingdom -> gb, Germany / Deutschland -> de, ...); words kept in order, joined by one space.
"""

import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from linkaudit.normalize.base import NOTHING, Norm
from linkaudit.normalize.text import CJK, final, fold, has_cjk, prepare, word_set

_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b")
_PUNCT = re.compile(r"[^\w\s]|_")
_APOSTROPHES = re.compile("['`\u2018\u2019\u02bc]")
_BOUNDARY = re.compile(
    rf"(?<=\d)(?=\D)|(?<=\D)(?=\d)|(?<=[{CJK}])(?=[^{CJK}])|(?<=[^{CJK}])(?=[{CJK}])"
)
_CJK_UNIT = re.compile("([省市区县镇乡村路街道巷弄号栋幢座楼层室])")
_CJK_COUNTRIES = re.compile("中华人民共和国|中国|美国|英国|德国|法国|日本|香港|意大利|西班牙")
_CJK_COUNTRY_CODES = {
    "中华人民共和国": "cn", "中国": "cn", "美国": "us", "英国": "gb", "德国": "de", "法国": "fr",
    "日本": "jp", "香港": "hk", "意大利": "it", "西班牙": "es",
}  # fmt: skip
_PHRASES = (
    (re.compile(r"\bpeoples? republic of china\b"), "cn"),
    (re.compile(r"\bunited states(?: of america)?\b"), "us"),
    (re.compile(r"\b(?:united kingdom|great britain)\b"), "gb"),
    (re.compile(r"\bhong kong\b"), "hk"),
)
_WORDS = {
    **dict.fromkeys(("rd",), "road"),
    **dict.fromkeys(("st", "str"), "street"),
    **dict.fromkeys(("ave", "av"), "avenue"),
    **dict.fromkeys(("blvd",), "boulevard"),
    **dict.fromkeys(("ln",), "lane"),
    **dict.fromkeys(("hwy",), "highway"),
    **dict.fromkeys(("ctr", "centre"), "center"),
    **dict.fromkeys(("rm",), "room"),
    **dict.fromkeys(("bldg", "bld"), "building"),
    **dict.fromkeys(("blk",), "block"),
    **dict.fromkeys(("fl", "flr"), "floor"),
    **dict.fromkeys(("apt",), "apartment"),
    **dict.fromkeys(("ste",), "suite"),
    **dict.fromkeys(("number", "num", "nr"), "no"),
    **dict.fromkeys(("dist",), "district"),
    **dict.fromkeys(("prov",), "province"),
    **dict.fromkeys(("ind", "indus"), "industrial"),
    **dict.fromkeys(("china", "prc"), "cn"),
    **dict.fromkeys(("usa",), "us"),
    **dict.fromkeys(("uk", "britain", "england"), "gb"),
    **dict.fromkeys(("germany", "deutschland"), "de"),
    **dict.fromkeys(("france",), "fr"),
    **dict.fromkeys(("italy", "italia"), "it"),
    **dict.fromkeys(("spain", "españa", "espana"), "es"),
    **dict.fromkeys(("japan",), "jp"),
    **dict.fromkeys(("canada",), "ca"),
    **dict.fromkeys(("mexico", "méxico"), "mx"),
    **dict.fromkeys(("australia",), "au"),
    **dict.fromkeys(("hongkong",), "hk"),
}


def normalize_address(raw: str, country: str | None = None) -> Norm:
    """An address folded for comparison (see module docstring); order of words is kept."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    tokens = _fold_words(_split(text))
    return final(" ".join(tokens)) if tokens else NOTHING


def _split(text: str) -> str:
    """Folded text with punctuation removed and word boundaries made explicit."""
    folded = _ORDINAL.sub(r"\1", _APOSTROPHES.sub("", fold(text))).replace("#", " no ")
    folded = _CJK_COUNTRIES.sub(lambda m: f" {_CJK_COUNTRY_CODES[m.group()]} ", folded)
    folded = _BOUNDARY.sub(" ", _PUNCT.sub(" ", folded))
    folded = " ".join(_CJK_UNIT.sub(r"\1 ", folded).split())
    for pattern, code in _PHRASES:
        folded = pattern.sub(code, folded)
    return folded


_DIRECTIONS = {"n": "north", "s": "south", "e": "east", "w": "west"}
_UNITS = frozenset(
    ("flat", "room", "unit", "apartment", "block", "building", "tower", "suite", "floor")
)


def _fold_words(text: str) -> list[str]:
    """Abbreviations and country names replaced by one spelling; `F` after a number is a floor."""
    raw = text.split()
    tokens: list[str] = []
    for i, token in enumerate(raw):
        if token == "f" and tokens and tokens[-1].isdigit():
            tokens.append("floor")
        elif token in _DIRECTIONS:
            following = _WORDS.get(raw[i + 1], raw[i + 1]) if i + 1 < len(raw) else ""
            direction = _is_direction(tokens[-2:], following)
            tokens.append(_DIRECTIONS[token] if direction else token)
        else:
            tokens.append(_WORDS.get(token, token))
    return tokens


def _is_direction(before: list[str], following: str) -> bool:
    """Whether a single N/S/E/W is a direction (`12 N Main St`) rather than a unit letter
    (`Flat E`, `Flat 12 E`, `12E, 10 High St`, `E栋`): two flats must not fold together
    (spec 3). `before` is the (folded) last two words, `following` the next word folded."""
    previous = before[-1] if before else ""
    if previous in _UNITS or has_cjk(previous) or has_cjk(following):
        return False
    if previous.isdigit():
        street_word = following.isalpha() and following not in _UNITS
        return street_word and not (len(before) == 2 and before[0] in _UNITS)
    return True


_DIGITS = re.compile(r"\d+")


def address_numbers(value: str) -> Counter[str]:
    """Every number in a canonical address (house, flat, room, floor, postcode), as a multiset."""
    return Counter(n.lstrip("0") or "0" for n in _DIGITS.findall(value))


def address_letters(value: str) -> Counter[str]:
    """Every single-letter word of a canonical address (`flat a`, `12 b`, `a 栋`), as a multiset."""
    return Counter(t for t in value.split() if len(t) == 1 and t.isascii() and t.isalpha())


def address_similarity(a: str, b: str) -> float:
    """Similarity of two canonical addresses in [0, 1]: rapidfuzz token_set_ratio.

    Guard: when the numbers differ (`room 1203` vs `room 1204`) or the unit letters differ
    (`flat a` vs `flat b`, `12a` vs `12b`, `A栋` vs `B栋`) the result stays below 0.5: two
    flats in one building are not one address (spec 3). The differences allowed are a
    postcode (a number of 5+ digits) or letters written on one side only.
    """
    if a == b:
        return 1.0
    score = float(fuzz.token_set_ratio(a, b)) / 100.0
    if score <= _GUARDED:  # the guard could not lower it
        return score
    letters_a, letters_b = _letters(a), _letters(b)
    if not _numbers_compatible(_numbers(a), _numbers(b)) or (
        letters_a != letters_b and _one_sided(letters_a, letters_b) is None
    ):
        score = _GUARDED
    return score


_GUARDED = 0.49  # the most a guarded pair scores: under every address rule's threshold


# A scan compares each address with several others (76,000 pairs of 5,000 addresses on the
# benchmark's L): each one's numbers and letters are read once, as plain dicts (no zero
# counts, so dict equality is Counter equality, in C). Read-only: only compared.
@lru_cache(maxsize=1 << 16)
def _numbers(value: str) -> dict[str, int]:
    return dict(address_numbers(value))


@lru_cache(maxsize=1 << 16)
def _letters(value: str) -> dict[str, int]:
    return dict(address_letters(value))


def _one_sided(x: dict[str, int], y: dict[str, int]) -> list[str] | None:
    """What one side has more of than the other (as `x - y` or `y - x` of Counters), or
    None when each side has something the other lacks."""
    extra_x = [n for n, count in x.items() if count > y.get(n, 0)]
    extra_y = [n for n, count in y.items() if count > x.get(n, 0)]
    if extra_x and extra_y:
        return None
    return extra_x or extra_y


def _numbers_compatible(x: dict[str, int], y: dict[str, int]) -> bool:
    """Equal numbers, or one side has only extra postcodes (5+ digits) the other omits."""
    if x == y:
        return True
    extra = _one_sided(x, y)
    return extra is not None and all(len(n) >= 5 for n in extra)


_COMMON = word_set(
    """road street avenue boulevard lane highway center room building block floor apartment
    suite no district province industrial north south east west city town village unit flat
    tower park zone area estate the and of cn us gb de fr it es jp ca mx au hk
    省 市 区 县 镇 乡 村 路 街 道 号 栋 幢 座 楼 层 室"""
)


def address_tokens(value: str) -> list[str]:
    """Blocking keys: numbers of two or more digits and uncommon words (CJK words of 2+ chars)."""
    keys = {
        token
        for token in value.split()
        if token not in _COMMON
        and (len(token) >= 2 if token.isdigit() or has_cjk(token) else len(token) >= 3)
    }
    return sorted(keys or set(value.split()))
