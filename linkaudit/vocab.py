"""The shared vocabulary: kinds, attribute types, severities, statuses, marketplaces (spec 2-3)."""

from enum import StrEnum

# Spec 1: the files of an inventory directory.
CONFIG_NAME = "linkaudit.toml"
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
SUFFIXES = (*TEXT_SUFFIXES, ".json", ".jsonl", ".ndjson", ".xlsx")


class Kind(StrEnum):
    """A file kind of the inventory directory (spec section 2)."""

    ACCOUNTS = "accounts"
    COMPANIES = "companies"
    LOGINS = "logins"
    DEVICES = "devices"
    PAYMENTS = "payments"
    LISTINGS = "listings"
    PEOPLE = "people"
    ADDRESSES = "addresses"
    DOCUMENTS = "documents"
    ATTRIBUTES = "attributes"


class AttrType(StrEnum):
    """An attribute type (spec section 3): what rules compare, never a file column."""

    IP = "ip"
    IP_SUBNET = "ip_subnet"
    MAC = "mac"
    DEVICE_ID = "device_id"
    FINGERPRINT = "fingerprint"
    BROWSER_PROFILE = "browser_profile"
    WIFI_SSID = "wifi_ssid"
    PHONE = "phone"
    EMAIL = "email"
    COMPANY_NAME = "company_name"
    REGISTRATION_NUMBER = "registration_number"
    TAX_ID = "tax_id"
    PERSON = "person"
    ADDRESS = "address"
    WEBSITE = "website"
    CARD = "card"
    BANK_ACCOUNT = "bank_account"
    PAYOUT_ACCOUNT = "payout_account"
    ASIN = "asin"
    GTIN = "gtin"
    BRAND = "brand"
    TITLE = "title"
    IMAGE = "image"
    DOCUMENT = "document"


# Spec section 5: masked in every output unless --show-values.
SENSITIVE: frozenset[AttrType] = frozenset(
    {
        AttrType.CARD,
        AttrType.BANK_ACCOUNT,
        AttrType.PAYOUT_ACCOUNT,
        AttrType.TAX_ID,
        AttrType.REGISTRATION_NUMBER,
        AttrType.PHONE,
        AttrType.EMAIL,
        AttrType.PERSON,
        AttrType.DOCUMENT,
    }
)

# Types compared only by similarity; a hashed (pseudonymised) inventory cannot feed them.
FUZZY: frozenset[AttrType] = frozenset({AttrType.ADDRESS, AttrType.COMPANY_NAME, AttrType.TITLE})


class Severity(StrEnum):
    """Severity bands, lowest first so that ordering by RANK works."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return SEVERITY_ORDER.index(self)


SEVERITY_ORDER: list[Severity] = [Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL]


class Status(StrEnum):
    """Account status (spec 2.1); UNKNOWN for accounts seen only in other kinds."""

    ACTIVE = "active"
    PLANNED = "planned"
    UNDER_REVIEW = "under_review"
    SUSPENDED = "suspended"
    CLOSED = "closed"
    UNKNOWN = "unknown"


STATUS_ALIASES: dict[str, Status] = {
    "active": Status.ACTIVE,
    "normal": Status.ACTIVE,
    "正常": Status.ACTIVE,
    "planned": Status.PLANNED,
    "plan": Status.PLANNED,
    "计划": Status.PLANNED,
    "计划中": Status.PLANNED,
    "under_review": Status.UNDER_REVIEW,
    "under review": Status.UNDER_REVIEW,
    "underreview": Status.UNDER_REVIEW,
    "review": Status.UNDER_REVIEW,
    "审核中": Status.UNDER_REVIEW,
    "suspended": Status.SUSPENDED,
    "deactivated": Status.SUSPENDED,
    "暂停": Status.SUSPENDED,
    "停用": Status.SUSPENDED,
    "closed": Status.CLOSED,
    "关闭": Status.CLOSED,
    "已关闭": Status.CLOSED,
}

BAD_STANDING: frozenset[Status] = frozenset({Status.SUSPENDED, Status.CLOSED})

# Amazon site codes (spec 2.1), UK is an alias of GB's site code UK.
MARKETPLACES: tuple[str, ...] = (
    "US", "CA", "MX", "BR", "UK", "DE", "FR", "IT", "ES", "NL", "SE", "PL", "BE", "IE",
    "TR", "JP", "AU", "SG", "AE", "SA", "IN", "EG", "ZA",
)  # fmt: skip
MARKETPLACE_ALIASES: dict[str, str] = {"GB": "UK", "USA": "US", "美国": "US", "英国": "UK",
                                       "德国": "DE", "法国": "FR", "意大利": "IT", "西班牙": "ES",
                                       "日本": "JP", "加拿大": "CA", "墨西哥": "MX"}  # fmt: skip

# Unified-account regions, used by rules with scope "same_region". Documented in docs/rules.md.
REGION_OF: dict[str, str] = {
    **dict.fromkeys(("US", "CA", "MX", "BR"), "NA"),
    **dict.fromkeys(("UK", "DE", "FR", "IT", "ES", "NL", "SE", "PL", "BE", "IE", "TR"), "EU"),
    **dict.fromkeys(("AE", "SA", "EG"), "ME"),
    **dict.fromkeys(("JP", "AU", "SG"), "FE"),
    "IN": "IN",
    "ZA": "ZA",
}

# Country (ISO 3166 alpha-2) of each marketplace, the fallback region for phone numbers.
COUNTRY_OF_MARKETPLACE: dict[str, str] = {m: ("GB" if m == "UK" else m) for m in MARKETPLACES}


def parse_marketplace(raw: str) -> str | None:
    """A site code from user text (`uk`, `GB`, `美国`), or None when unknown."""
    code = raw.strip().upper()
    code = MARKETPLACE_ALIASES.get(code, MARKETPLACE_ALIASES.get(raw.strip(), code))
    return code if code in MARKETPLACES else None


def parse_status(raw: str) -> Status | None:
    """A status from user text in English or Chinese, or None when unknown."""
    key = raw.strip().lower().replace("-", "_")
    return STATUS_ALIASES.get(key, STATUS_ALIASES.get(key.replace("_", " ")))
