"""Company legal names (spec 3): canonical form, fuzzy similarity and blocking tokens.

Canonical form: NFKC, case-folded, punctuation replaced by spaces, adjacent CJK words joined,
then legal-form words removed from the END of the name, repeatedly (`Co., Ltd.`, `GmbH & Co.
KG`, `S.p.A.`, `有限公司`, `有限责任公司`, `股份有限公司`, `株式会社` also as a prefix),
words joined by one space:
  `Shenzhen Xinda Technology Co., Ltd.` = `SHENZHEN XINDA TECHNOLOGY CO LTD`
      -> `shenzhen xinda technology`
  `深圳市鑫达科技有限公司` = `深圳市鑫达科技有限责任公司` -> `深圳市鑫达科技`
Decisions: legal forms are only removed at the end (or `株式会社` at the start), so `Company`
inside a name stays; `集团` / `Group` are kept: a group company is a different legal person
from its subsidiaries (fuzzy similarity still relates them); a name made only of legal
forms (`Company Limited`) is kept whole rather than emptied.
"""

import re
from itertools import pairwise

from rapidfuzz import fuzz

from linkaudit.normalize.base import NOTHING, Norm
from linkaudit.normalize.text import final, has_cjk, is_cjk, prepare, word_set, words

_LATIN_FORMS: frozenset[tuple[str, ...]] = frozenset(
    tuple(form.split())
    for form in (
        "co", "company", "ltd", "limited", "llc", "l l c", "inc", "incorporated", "corp",
        "corporation", "gmbh", "ug", "haftungsbeschränkt", "ag", "kg", "ohg", "gbr", "e k",
        "s l", "sl", "s a", "sa", "sarl", "s a r l", "sas", "s a s", "srl", "s r l", "s p a",
        "b v", "bv", "n v", "nv", "pty", "plc", "p l c", "llp", "l l p", "lp", "l p", "kk",
        "k k", "pte", "pvt", "bhd", "sdn", "ltda", "oy", "ab", "sp z o o", "sa de cv",
        "s a de c v", "limited liability",
    )
)  # fmt: skip
_LONGEST_FORM = max(map(len, _LATIN_FORMS))
_CJK_SUFFIXES = ("股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "分公司", "公司",
                 "株式会社", "有限会社", "合同会社")  # fmt: skip
_CJK_PREFIXES = ("株式会社", "有限会社", "合同会社")


def normalize_company_name(raw: str, country: str | None = None) -> Norm:
    """A legal name folded for comparison (see module docstring)."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    tokens = words(text)
    if not tokens:
        return NOTHING
    return final(" ".join(strip_legal_forms(tokens) or tokens))


def strip_legal_forms(tokens: list[str]) -> list[str]:
    """The name's words without trailing legal forms (and a leading `株式会社`)."""
    if not tokens:
        return []
    tokens = list(tokens)
    first = tokens[0]
    for prefix in _CJK_PREFIXES:
        if first.startswith(prefix):
            tokens[0] = first.removeprefix(prefix)
            break
    tokens = [t for t in tokens if t]
    while tokens and _drop_trailing_form(tokens):
        tokens = [t for t in tokens if t]
    return tokens


def _drop_trailing_form(tokens: list[str]) -> bool:
    """Remove one legal form from the end of tokens in place; False when there was none."""
    last = tokens[-1]
    if is_cjk(last[-1]):
        for suffix in _CJK_SUFFIXES:
            if last.endswith(suffix):
                tokens[-1] = last.removesuffix(suffix)
                return True
        return False
    for size in range(min(_LONGEST_FORM, len(tokens)), 0, -1):
        if tuple(tokens[-size:]) in _LATIN_FORMS:
            del tokens[-size:]
            return True
    return False


# Words that many unrelated companies share: a name differing only in these is still the same
# trade name, and they are useless as blocking keys.
_COMMON_WORDS = word_set(
    """technology technologies tech trading trade traders international intl global group
    industrial industry industries electronic electronics ecommerce e commerce commercial
    network networks science sci import export imp exp development holdings holding
    enterprise enterprises service services supply supplies solutions products product
    manufacturing mfg materials home digital smart online store shop business management
    consulting investment the and of hk hong kong china chinese shenzhen guangzhou dongguan
    foshan yiwu hangzhou ningbo shanghai beijing xiamen fuzhou quanzhou suzhou nanjing wuhan
    chengdu chongqing tianjin changsha zhengzhou qingdao jinhua wenzhou zhongshan zhuhai
    huizhou shantou hefei xian usa us uk america american europe euro asia pacific new city
    logistics culture media household goods sports outdoor"""
)
_CJK_COMMON = re.compile(
    "|".join(
        sorted(
            word_set(
                """科技 贸易 商贸 电子商务 电子 实业 网络 信息 技术 发展 国际 进出口 电商 工贸 智能
            制造 工业 服务 咨询 管理 投资 控股 集团 供应链 物流 文化 传媒 家居 用品 五金 塑胶
            日用品 百货 商行 经营部 商务 创新 新材料 材料 设备 机械 数码 光电 照明 服饰 服装
            纺织 礼品 玩具 户外 运动 健康 生物 环保 能源 工艺品 股份 有限 责任 中国 香港 深圳
            广州 东莞 佛山 惠州 中山 珠海 汕头 江门 义乌 金华 杭州 宁波 温州 台州 绍兴 上海
            北京 天津 重庆 厦门 福州 泉州 莆田 苏州 南京 无锡 常州 武汉 成都 长沙 郑州 青岛
            济南 合肥 西安 南昌 南宁 昆明 广东 浙江 江苏 福建 山东 湖南 湖北 河南 四川 安徽
            江西 广西 龙华 龙岗 宝安 南山 福田 罗湖 坪山 光明 番禺 白云 天河 省 市 区 县"""
            ),
            key=len,
            reverse=True,
        )
    )
)


def _distinctive(value: str) -> frozenset[str]:
    """The words that tell companies apart: uncommon Latin words and the core of CJK words."""
    found: set[str] = set()
    for token in value.split():
        if has_cjk(token):
            core = _CJK_COMMON.sub("", token)
            if core:
                found.add(core)
        elif token not in _COMMON_WORDS:
            found.add(token)
    return frozenset(found)


def company_similarity(a: str, b: str) -> float:
    """Similarity of two canonical names in [0, 1]: rapidfuzz token_sort_ratio on the names.

    Guard: when the distinctive words differ (`xinda` vs `xinde`, `鑫达` vs `鑫盛`) the
    result stays below 0.9, so only exact or common-word differences reach that level.
    """
    if a == b:
        return 1.0
    score = float(fuzz.token_sort_ratio(a, b)) / 100.0
    if _distinctive(a) != _distinctive(b):
        score = min(score, 0.89)
    return score


def company_tokens(value: str) -> list[str]:
    """Blocking keys: distinctive Latin words and character bigrams of distinctive CJK text."""
    keys: set[str] = set()
    for word in _distinctive(value) or set(value.split()):
        keys.update(_bigrams(word) if has_cjk(word) else (word,))
    return sorted(keys)


def _bigrams(text: str) -> list[str]:
    """Character bigrams (`鑫达科技` -> 鑫达, 达科, 科技); a single character is its own key."""
    return [a + b for a, b in pairwise(text)] or [text]
