"""The registries of linkaudit.normalize (see its docstring), built on first use."""

from collections.abc import Callable

from linkaudit.normalize import (
    address,
    catalogue,
    contact,
    device,
    document,
    finance,
    identity,
    network,
)
from linkaudit.normalize.base import Normalizer
from linkaudit.vocab import AttrType

NORMALIZERS: dict[AttrType, Normalizer] = {
    AttrType.IP: network.normalize_ip,
    AttrType.MAC: network.normalize_mac,
    AttrType.WIFI_SSID: network.normalize_ssid,
    AttrType.DEVICE_ID: device.normalize_device_id,
    AttrType.FINGERPRINT: device.normalize_fingerprint,
    AttrType.BROWSER_PROFILE: device.normalize_browser_profile,
    AttrType.PHONE: contact.normalize_phone,
    AttrType.EMAIL: contact.normalize_email,
    AttrType.WEBSITE: contact.normalize_website,
    AttrType.COMPANY_NAME: identity.normalize_company_name,
    AttrType.REGISTRATION_NUMBER: identity.normalize_registration_number,
    AttrType.TAX_ID: identity.normalize_tax_id,
    AttrType.PERSON: identity.normalize_person,
    AttrType.ADDRESS: address.normalize_address,
    AttrType.CARD: finance.normalize_card,
    AttrType.BANK_ACCOUNT: finance.normalize_bank_account,
    AttrType.PAYOUT_ACCOUNT: finance.normalize_payout_account,
    AttrType.ASIN: catalogue.normalize_asin,
    AttrType.GTIN: catalogue.normalize_gtin,
    AttrType.BRAND: catalogue.normalize_brand,
    AttrType.TITLE: catalogue.normalize_title,
    AttrType.IMAGE: catalogue.normalize_image,
    AttrType.DOCUMENT: document.normalize_document_number,
}

DERIVED: dict[AttrType, Callable[[str], list[tuple[AttrType, str, bool]]]] = {
    # CGNAT addresses stay weak in their subnet too.
    AttrType.IP: lambda ip: [(AttrType.IP_SUBNET, s, w) for s, w in network.derive_subnet(ip)],
    # A BIN+last4 key also weakly matches a record that only knows the last four digits.
    AttrType.CARD: lambda key: [(AttrType.CARD, k, True) for k in finance.derive_card_last4(key)],
}

SIMILARITY: dict[AttrType, Callable[[str, str], float]] = {
    AttrType.ADDRESS: address.address_similarity,
    AttrType.COMPANY_NAME: identity.company_similarity,
    AttrType.TITLE: catalogue.title_similarity,
}

TOKENS: dict[AttrType, Callable[[str], list[str]]] = {
    AttrType.ADDRESS: address.address_tokens,
    AttrType.COMPANY_NAME: identity.company_tokens,
    AttrType.TITLE: catalogue.title_tokens,
}
