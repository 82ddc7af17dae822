"""Country names and codes as sellers write them (`中国`, `China`, `PRC`, `CN`) -> ISO alpha-2."""

import re

_NAMES: dict[str, tuple[str, ...]] = {
    "CN": ("china", "prc", "peoples republic of china", "mainland china", "chn",
           "中国", "中华人民共和国", "中国大陆", "大陆"),
    "HK": ("hong kong", "hongkong", "hkg", "香港", "中国香港"),
    "TW": ("taiwan", "twn", "台湾", "中国台湾"),
    "US": ("usa", "united states", "united states of america", "america", "美国"),
    "GB": ("uk", "united kingdom", "great britain", "britain", "england", "gbr", "英国"),
    "DE": ("germany", "deutschland", "deu", "德国"),
    "FR": ("france", "fra", "法国"),
    "IT": ("italy", "ita", "意大利"),
    "ES": ("spain", "esp", "西班牙"),
    "NL": ("netherlands", "holland", "nld", "荷兰"),
    "JP": ("japan", "jpn", "日本"),
    "CA": ("canada", "can", "加拿大"),
    "MX": ("mexico", "mex", "墨西哥"),
    "AU": ("australia", "aus", "澳大利亚", "澳洲"),
    "SG": ("singapore", "sgp", "新加坡"),
    "AE": ("united arab emirates", "uae", "are", "阿联酋"),
    "IN": ("india", "ind", "印度"),
    "VN": ("vietnam", "viet nam", "vnm", "越南"),
    "KR": ("south korea", "korea", "kor", "韩国"),
}  # fmt: skip
_INDEX = {name: code for code, names in _NAMES.items() for name in names}
_FOLD = re.compile(r"[\s.,_-]+")


def parse_country(text: str) -> str | None:
    """ISO alpha-2 for a country name or code, or None when unknown."""
    import phonenumbers

    key = _FOLD.sub(" ", text.casefold().replace("'", "").replace("’", "")).strip()
    if key in _INDEX:
        return _INDEX[key]
    squeezed = key.replace(" ", "")
    if squeezed in _INDEX:
        return _INDEX[squeezed]
    code = squeezed.upper()
    if len(code) == 2 and code in phonenumbers.SUPPORTED_REGIONS:
        return code
    return None
