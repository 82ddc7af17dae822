"""Contact normalisers (spec 3): phone, email, website.

Canonical forms:
  phone    E.164 (`+8613800138000`). National numbers are read with the account's country
           (ISO alpha-2; marketplace code `UK` is read as `GB`); a `00` international prefix
           is read as `+`. A parseable number that is not valid for its region keeps its
           E.164 value with a problem (synthetic data uses fake numbers that must still link).
  email    `local@domain`, case-folded; `googlemail.com` -> `gmail.com`; Gmail ignores dots
           and `+tag`; `+tag` is dropped for providers that document sub-addressing
           (outlook, hotmail, live, msn, icloud, me, mac, fastmail, protonmail, proton.me),
           never for others (qq.com, 163.com). `Name <a@b.com>` and `mailto:` are accepted.
  website  the registrable domain, lower-case (`https://www.Shop.example.co.uk/x` ->
           `example.co.uk`), using a small built-in multi-part suffix list (no downloads).
           Marketplace pages (amazon.*, ebay.*, ...) are not a company's own website.
"""

import re

import phonenumbers

from linkaudit.normalize.base import NOTHING, Norm
from linkaudit.normalize.text import all_zero, final, fold, prepare, without_float_tail

_NO_COUNTRY = Norm(None, problem="no country code; set [defaults] country")
_NOT_PHONE = Norm(None, problem="not a phone number")
_INTERNATIONAL = re.compile(r"^\s*00\s*")
_REGION_ALIASES = {"UK": "GB"}


def normalize_phone(raw: str, country: str | None = None) -> Norm:
    """E.164 number; a national number is read in the account's country."""
    text = prepare(raw)
    if text is None or all_zero(text):
        return NOTHING
    text = _INTERNATIONAL.sub("+", without_float_tail(text))
    if not text.startswith("+") and not country:
        return _NO_COUNTRY
    region = _REGION_ALIASES.get((country or "").upper(), (country or "").upper()) or None
    try:
        number = phonenumbers.parse(text, region)
    except Exception:  # the library raises NumberParseException, and worse on odd input
        return _NOT_PHONE
    value = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if phonenumbers.is_valid_number(number):
        return Norm(value)
    where = phonenumbers.region_code_for_country_code(number.country_code or 0)
    return Norm(value, problem=f"not a valid number for {where}")


_GMAIL = frozenset({"gmail.com", "googlemail.com"})
_PLUS_TAGS = frozenset(
    {"outlook.com", "hotmail.com", "live.com", "msn.com", "icloud.com", "me.com", "mac.com",
     "fastmail.com", "fastmail.fm", "protonmail.com", "protonmail.ch", "proton.me", "pm.me"}
)  # fmt: skip
_ANGLE = re.compile(r"<([^<>]*)>")
_LOCAL = re.compile(r"^[^\s@<>()\[\],;:\"]+$")
_LABEL = re.compile(r"^(?!-)[\w-]{1,63}(?<!-)$")


def fold_email(text: str) -> str | None:
    """A mailbox as `local@domain` with provider aliases folded, or None when not an email."""
    folded = fold(text).strip()
    angle = _ANGLE.search(folded)
    if angle:
        folded = angle.group(1).strip()
    folded = folded.removeprefix("mailto:")
    local, at, domain = folded.rpartition("@")
    domain = domain.rstrip(".")
    if not at or not _LOCAL.match(local) or not _is_domain(domain):
        return None
    if domain in _GMAIL:
        domain = "gmail.com"
        local = local.split("+", 1)[0].replace(".", "")
    elif domain in _PLUS_TAGS:
        local = local.split("+", 1)[0]
    return f"{local}@{domain}" if local else None


def _is_domain(domain: str) -> bool:
    """At least two labels of letters, digits and dashes, and a non-numeric top level."""
    labels = domain.split(".")
    return (
        len(labels) >= 2
        and all(_LABEL.match(label) for label in labels)
        and not labels[-1].isdigit()
        and "_" not in domain
    )


def normalize_email(raw: str, country: str | None = None) -> Norm:
    """The mailbox (spec 3): case-folded, Gmail dots and `+tag` ignored, googlemail = gmail."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    value = fold_email(text)
    if value is None:
        return Norm(None, problem="not an email address")
    return Norm(value)


# Suffixes under which each label is someone's own domain (a small slice of the Public Suffix
# List: the country second levels sellers use, and site builders that host many shops).
MULTI_PART_SUFFIXES = frozenset(
    {"co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "ac.uk", "gov.uk",
     "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn", "com.hk", "net.hk", "org.hk",
     "com.tw", "org.tw", "com.au", "net.au", "org.au", "co.jp", "ne.jp", "or.jp", "ac.jp",
     "com.br", "net.br", "com.mx", "com.tr", "co.za", "com.sg", "co.nz", "co.in", "co.kr",
     "com.my", "com.ph", "com.vn", "co.id", "co.th", "com.ar", "com.co", "com.pe", "com.eg",
     "com.sa", "co.ae", "co.il", "com.pl", "com.ua", "com.pk", "com.ng", "co.ke", "com.es",
     "myshopify.com", "github.io", "wixsite.com", "blogspot.com", "wordpress.com",
     "netlify.app", "vercel.app", "herokuapp.com", "azurewebsites.net", "business.site"}
)  # fmt: skip
_MARKETPLACES = frozenset(
    {"amazon", "ebay", "etsy", "walmart", "aliexpress", "alibaba", "temu", "shopee", "taobao",
     "tmall", "rakuten", "mercadolibre", "wish"}
)  # fmt: skip
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_HOST_END = re.compile(r"[/?#\\]")
_NOT_WEBSITE = Norm(None, problem="not a website address")


def normalize_website(raw: str, country: str | None = None) -> Norm:
    """The registrable domain of a URL or host (`www.shop.example.co.uk` -> `example.co.uk`)."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    host = _host(fold(text))
    labels = host.split(".")
    if len(labels) < 2 or not _is_domain(host):
        return _NOT_WEBSITE
    keep = 3 if ".".join(labels[-2:]) in MULTI_PART_SUFFIXES else 2
    if len(labels) < keep:
        return Norm(None, problem="a domain suffix, not a website")
    domain = ".".join(labels[-keep:])
    if labels[-keep] in _MARKETPLACES:
        return Norm(None, problem=f"{domain} is a marketplace, not the company's own website")
    return final(domain)


def _host(text: str) -> str:
    """The host part of a URL: scheme, user info, port, path and query removed."""
    text = _SCHEME.sub("", text)
    text = _HOST_END.split(text, 1)[0]
    text = text.rpartition("@")[2]
    return text.split(":", 1)[0].rstrip(".")
