"""Kinds and columns of the contract (spec 2): names, aliases and header folding."""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from linkaudit.normalize.base import clean
from linkaudit.vocab import CONFIG_NAME, Kind

# Spec 2: a file's kind is its stem (or a workbook sheet's name), case-insensitive.
KIND_ALIASES: dict[Kind, tuple[str, ...]] = {
    Kind.ACCOUNTS: ("account", "stores", "shops", "账号", "店铺"),
    Kind.COMPANIES: ("company", "identity", "kyc", "公司", "公司信息"),
    Kind.LOGINS: ("ips", "ip", "network", "login", "登录", "网络"),
    Kind.DEVICES: ("device", "设备"),
    Kind.PAYMENTS: ("payment", "billing", "finance", "支付", "收款"),
    Kind.LISTINGS: ("listing", "products", "asins", "商品", "产品", "listing明细"),
    Kind.PEOPLE: ("users", "staff", "operators", "员工", "人员"),
    Kind.ADDRESSES: ("address_book", "warehouses", "地址"),
    Kind.DOCUMENTS: ("evidence", "docs", "资料", "证明材料"),
    Kind.ATTRIBUTES: (),
}

# Spec 2.1: accepted in every kind.
ACCOUNT_ID_ALIASES: tuple[str, ...] = ("id", "store_id", "账号", "账号ID", "店铺ID")

# Spec 2.2 and 2.7: a phone or email has the same headers in companies and in people.
_PHONE_ALIASES = ("telephone", "mobile", "电话", "手机", "手机号", "联系电话")
_EMAIL_ALIASES = ("邮箱", "电子邮箱")

# Spec 2.1-2.10: contract column -> aliases (account_id is added to every kind).
COLUMNS: dict[Kind, dict[str, tuple[str, ...]]] = {
    Kind.ACCOUNTS: {
        "store_name": ("name", "shop_name", "店铺名", "店铺名称"),
        "marketplaces": ("marketplace", "site", "sites", "站点"),
        "status": ("state", "状态"),
        "opened": ("registered", "created", "注册日期"),
        "seller_id": ("merchant_token", "卖家ID"),
    },
    Kind.COMPANIES: {
        "legal_name": ("company_name", "公司名称"),
        "registration_number": ("company_number", "uscc", "统一社会信用代码", "营业执照号"),
        "legal_representative": ("legal_rep", "director", "法人", "法定代表人"),
        "beneficial_owner": ("ubo", "owner", "受益人"),
        "registered_address": ("address", "注册地址", "地址"),
        "business_address": ("office_address", "经营地址"),
        "phone": _PHONE_ALIASES,
        "email": _EMAIL_ALIASES,
        "tax_id": ("vat", "vat_number", "ein", "税号"),
        "website": ("url", "网站"),
        "country": ("国家",),
    },
    Kind.LOGINS: {
        "ip": ("ip_address", "IP地址"),
        "seen_at": ("time", "timestamp", "login_time", "登录时间"),
        "first_seen": (),
        "last_seen": (),
        "source": ("connection", "线路"),
        "provider": ("isp", "运营商"),
        "router_mac": ("路由器MAC",),
        "wifi_ssid": (),
    },
    Kind.DEVICES: {
        "device_id": ("hardware_id", "设备ID"),
        "mac": ("mac_address", "MAC地址"),
        "hostname": ("computer_name", "电脑名"),
        "os": (),
        "user_agent": ("ua",),
        "fingerprint": ("browser_fingerprint", "canvas_hash", "指纹"),
        "browser_profile": ("profile_id", "浏览器环境"),
    },
    Kind.PAYMENTS: {
        "card_number": ("card", "credit_card", "信用卡", "卡号"),
        "card_holder": ("持卡人",),
        "billing_address": ("账单地址",),
        "bank_account": ("iban", "account_number", "银行账号", "银行卡"),
        "bank_name": (),
        "payout_provider": (),
        "payout_account": ("收款账户", "收款账号"),
    },
    Kind.LISTINGS: {
        "marketplace": ("site", "站点"),
        "asin": (),
        "sku": (),
        "gtin": ("upc", "ean", "jan", "barcode", "条码"),
        "brand": ("品牌",),
        "title": ("标题", "商品名称"),
        "image_hash": (),
    },
    Kind.PEOPLE: {
        "name": ("姓名",),
        "email": _EMAIL_ALIASES,
        "phone": _PHONE_ALIASES,
        "role": (),
    },
    Kind.ADDRESSES: {"type": (), "address": ()},
    Kind.DOCUMENTS: {
        "doc_type": (),
        "path": (),
        "number": (),
        "issued_to": (),
        "issued": ("date",),
    },
    Kind.ATTRIBUTES: {
        "type": (),
        "value": (),
        "marketplace": (),
        "seen_at": (),
        "first_seen": (),
        "last_seen": (),
        "hashed": (),
        "weak": (),
        "flags": (),
    },
}

_FOLD_AWAY = re.compile(r"[\s\-_]+")


def fold_header(text: str) -> str:
    """`Account ID`, `account-id`, `ACCOUNT_ID` -> `accountid` (spec 1), after clean():
    NFKC, and zero-width and control characters removed (a stray byte-order mark)."""
    return _FOLD_AWAY.sub("", unicodedata.normalize("NFKC", clean(text).casefold()))


def _kind_index() -> dict[str, Kind]:
    index: dict[str, Kind] = {}
    for kind, aliases in KIND_ALIASES.items():
        for name in (kind.value, *aliases):
            index[fold_header(name)] = kind
    return index


_KIND_INDEX = _kind_index()


def kind_of(name: str) -> Kind | None:
    """The kind a file stem or sheet name stands for, or None (`ips` -> logins, `店铺`)."""
    return _KIND_INDEX.get(fold_header(name))


def not_inventory(path: Path) -> bool:
    """Hidden files, linkaudit.toml and README files live beside the inventory but are not
    part of it."""
    return path.name.startswith(".") or path.name == CONFIG_NAME or path.stem.casefold() == "readme"


def known_kinds() -> str:
    """The known kinds with their aliases, for messages about unknown files."""
    return "; ".join(
        f"{k.value} ({', '.join(a)})" if a else k.value for k, a in KIND_ALIASES.items()
    )


def _column_index(kind: Kind) -> dict[str, str]:
    index = {fold_header(a): "account_id" for a in ("account_id", *ACCOUNT_ID_ALIASES)}
    for column, aliases in COLUMNS[kind].items():
        for name in (column, *aliases):
            index.setdefault(fold_header(name), column)
    return index


_COLUMN_INDEX = {kind: _column_index(kind) for kind in Kind}


def accepted_account_id_headers() -> str:
    """The header names accepted for account_id, for the missing-column message."""
    return ", ".join(("account_id", *ACCOUNT_ID_ALIASES))


def resolve_headers(
    kind: Kind, headers: Iterable[str], user_map: Mapping[str, str]
) -> list[str | None]:
    """The contract column of each header (None when unknown).

    The user's mapping from linkaudit.toml (`[columns.<kind>]`, user header -> contract
    column) applies first; then the header is folded and matched against the kind's
    columns and aliases.
    """
    index = _COLUMN_INDEX[kind]
    mine = {fold_header(k): v for k, v in user_map.items()}
    resolved: list[str | None] = []
    for header in headers:
        folded = fold_header(header)
        target = mine.get(folded)
        if target is not None:
            resolved.append(index.get(fold_header(target)))
        else:
            resolved.append(index.get(folded))
    return resolved


def unknown_targets(kind: Kind, user_map: Mapping[str, str]) -> list[str]:
    """Targets of the user's `[columns.<kind>]` mapping that are not columns of the kind."""
    index = _COLUMN_INDEX[kind]
    return sorted(v for v in user_map.values() if fold_header(v) not in index)
