"""Identity normalisers: company_name, registration_number, tax_id, person (spec 3)."""

import pytest

from linkaudit.normalize import NORMALIZERS, SIMILARITY, TOKENS
from linkaudit.vocab import AttrType

company = NORMALIZERS[AttrType.COMPANY_NAME]
registration = NORMALIZERS[AttrType.REGISTRATION_NUMBER]
tax = NORMALIZERS[AttrType.TAX_ID]
person = NORMALIZERS[AttrType.PERSON]
company_similarity = SIMILARITY[AttrType.COMPANY_NAME]
company_tokens = TOKENS[AttrType.COMPANY_NAME]


def _company(raw: str) -> str:
    value = company(raw, None).value
    assert value is not None
    return value


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Shenzhen Xinda Technology Co., Ltd.", "SHENZHEN XINDA TECHNOLOGY CO LTD"),
        ("Shenzhen Xinda Technology Co.,Ltd", "shenzhen xinda technology limited"),
        ("Shenzhen Xinda Technology Company Limited", "Shenzhen Xinda Technology"),
        ("深圳市鑫达科技有限公司", "深圳市鑫达科技有限责任公司"),
        ("深圳市鑫达科技有限公司", "深圳市鑫达科技股份有限公司"),
        ("深圳市 鑫达科技 有限公司", "深圳市鑫达科技（有限公司）"),
        ("Acme LLC", "ACME L.L.C."),
        ("Acme, Inc.", "acme incorporated"),
        ("Acme Corp.", "ACME"),
        ("Acme Corporation", "acme"),
        ("Müller GmbH & Co. KG", "MÜLLER GMBH"),
        ("Bauer UG (haftungsbeschränkt)", "Bauer"),
        ("Rossi S.p.A.", "ROSSI SRL"),
        ("García S.L.", "GARCÍA SA"),
        ("Dupont SARL", "Dupont S.A.S."),
        ("Jansen B.V.", "Jansen BV"),
        ("Koala Pty Ltd", "Koala PLC"),
        ("Smith & Jones LLP", "Smith Jones"),
        ("ソニー株式会社", "株式会社ソニー"),
        ("Lion Pte. Ltd.", "Lion"),
        ("Ｓｈｅｎｚｈｅｎ Ｘｉｎｄａ", "shenzhen xinda"),
    ],
)
def test_company_equivalent(a: str, b: str) -> None:
    assert _company(a) == _company(b)


def test_company_canonical_forms() -> None:
    assert _company("Shenzhen Xinda Technology Co., Ltd.") == "shenzhen xinda technology"
    assert _company("深圳市鑫达科技有限公司") == "深圳市鑫达科技"
    assert _company("深圳鑫达集团有限公司") == "深圳鑫达集团"  # 集团 / Group is kept
    assert _company("Company Limited") == "company limited"  # never emptied
    assert _company("The Company Store Ltd") == "the company store"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Shenzhen Xinda Technology", "Shenzhen Xinda Trading"),
        ("深圳市鑫达科技有限公司", "深圳市鑫达贸易有限公司"),
        ("深圳鑫达集团有限公司", "深圳鑫达有限公司"),
        ("Xinda Technology Co Ltd", "Xinde Technology Co Ltd"),
        ("A&B Trading", "AB Trading"),
    ],
)
def test_company_different(a: str, b: str) -> None:
    assert _company(a) != _company(b)


@pytest.mark.parametrize("raw", ["N/A", "", "-", "Unknown Co., Ltd.", "...", "无"])
def test_company_not_evidence(raw: str) -> None:
    assert company(raw, None).value is None
    assert company(raw, None).problem is None


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Shenzhen Xinda Technology", "Xinda Technology", 0.5, 1.0),
        ("Shenzhen Xinda Technology", "Shenzhen Xinde Technology", 0.8, 0.89),
        ("Shenzhen Xinda Technology", "Shenzhen Xinda Trading", 0.5, 0.9),
        ("Shenzhen Xinda Technology", "Guangzhou Huawei Electronics", 0.0, 0.6),
        ("深圳市鑫达科技有限公司", "深圳市鑫盛科技有限公司", 0.0, 0.89),
        ("广州市天河区鑫达电子科技有限公司", "广州市天河区鑫盛电子科技有限公司", 0.0, 0.89),
        ("Xinda Technology", "Technology Xinda", 1.0, 1.0),
    ],
)
def test_company_similarity(a: str, b: str, low: float, high: float) -> None:
    score = company_similarity(_company(a), _company(b))
    assert low <= score <= high
    assert score == company_similarity(_company(b), _company(a))


def test_company_similarity_guard_keeps_a_different_distinctive_word_below_0_9() -> None:
    long_a = _company("Shenzhen Xinda Global Electronics Technology International Trading")
    long_b = _company("Shenzhen Xindb Global Electronics Technology International Trading")
    assert company_similarity(long_a, long_b) < 0.9
    assert company_similarity(long_a, long_a) == 1.0


@pytest.mark.parametrize(
    ("raw", "tokens"),
    [
        ("Shenzhen Xinda Technology Co., Ltd.", ["xinda"]),
        ("深圳市鑫达科技有限公司", ["鑫达"]),
        ("Shenzhen Technology Co Ltd", ["shenzhen", "technology"]),
    ],
)
def test_company_tokens(raw: str, tokens: list[str]) -> None:
    assert company_tokens(_company(raw)) == tokens


def test_company_tokens_cjk_bigrams() -> None:
    assert company_tokens(_company("深圳市鑫达宏科技有限公司")) == ["达宏", "鑫达"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("91110000600037341L", "9111 0000-6000 3734 1L"),
        ("91110000600037341L", "91110000600037341l"),
        ("12345678", "1234.5678"),
        ("SC123456", "sc 123 456"),
        ("12345678.0", "12345678"),
    ],
)
def test_registration_equivalent(a: str, b: str) -> None:
    assert registration(a, None).value is not None
    assert registration(a, None).value == registration(b, None).value


def test_registration_uscc_checksum() -> None:
    assert registration("91110000600037341L", None).problem is None
    bad = registration("91110000600037341X", None)
    assert bad.value == "91110000600037341X"
    assert bad.problem and "USCC" in bad.problem
    assert registration("12345678", None).problem is None  # not USCC-shaped: not checked


@pytest.mark.parametrize("raw", ["000000000000000000", "0", "N/A", "-", ""])
def test_registration_not_evidence(raw: str) -> None:
    assert registration(raw, None).value is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("DE 123 456 789", "DE123456789"),
        ("de136695976", "DE 136 695 976"),
        ("GB 980 7806 84", "GB980780684"),
        ("12-3456789", "123456789"),
        ("123456789.0", "123456789"),
    ],
)
def test_tax_id_equivalent(a: str, b: str) -> None:
    assert tax(a, None).value is not None
    assert tax(a, None).value == tax(b, None).value


@pytest.mark.parametrize(
    ("raw", "country", "problem"),
    [
        ("DE136695976", None, None),
        ("GB980780684", None, None),
        ("DE123456789", None, "DE"),
        ("FR12345678901", None, "FR"),
        ("91110000600037341L", None, None),
        ("91110000600037341X", None, "USCC"),
        ("04-3456789", None, None),
        ("00-3456789", None, "EIN"),
        ("003456789", "US", "EIN"),
        ("003456789", "CN", None),
        ("ZZ12345", None, None),
        ("ABC-123", None, None),
    ],
)
def test_tax_id_validation(raw: str, country: str | None, problem: str | None) -> None:
    result = tax(raw, country)
    assert result.value is not None
    if problem is None:
        assert result.problem is None
    else:
        assert result.problem and problem in result.problem


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Wei LI", "li wei"),
        ("LI, Wei", "Wei Li"),
        ("李 伟", "李伟"),
        ("Mr. Wei Li", "Wei Li"),
        ("Dr Anna-Maria Schmidt", "schmidt anna maria"),
        ("O'Brien, Sean", "Sean OBrien"),
        ("李先生", "李"),
        ("ＬＩ ＷＥＩ", "li wei"),
        ("  Li   Wei ", "Li Wei"),
        ("Wei\nLI", "li wei"),
        ("Wei\tLI", "li wei"),
    ],
)
def test_person_equivalent(a: str, b: str) -> None:
    assert person(a, None).value is not None
    assert person(a, None).value == person(b, None).value


@pytest.mark.parametrize(
    ("a", "b"),
    [("李伟", "伟李"), ("Li Wei", "Li Wei Wei"), ("Li Wei", "Li Weiwei"), ("李伟", "Li Wei")],
)
def test_person_different(a: str, b: str) -> None:
    assert person(a, None).value != person(b, None).value


def test_person_canonical() -> None:
    assert person("LI, Wei", None).value == "li wei"
    assert person("N/A", None).value is None
    assert person("...", None).value is None
    assert person("Mr", None).value == "mr"
