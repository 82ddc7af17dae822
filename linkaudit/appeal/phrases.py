"""Fixed English wording of the letter: names of attribute types and of document types.

Only words live here, never facts: every value, account, date and file in the draft comes
from the scan or the inventory.
"""

NOUNS: dict[str, str] = {
    "ip": "IP address",
    "ip_subnet": "IP network",
    "mac": "MAC address",
    "device_id": "device id",
    "fingerprint": "browser fingerprint",
    "browser_profile": "browser profile",
    "wifi_ssid": "Wi-Fi network name",
    "phone": "phone number",
    "email": "e-mail address",
    "company_name": "company name",
    "registration_number": "company registration number",
    "tax_id": "tax id",
    "person": "person",
    "address": "address",
    "website": "website",
    "card": "payment card",
    "bank_account": "bank account",
    "payout_account": "payout account",
    "asin": "ASIN",
    "gtin": "GTIN",
    "brand": "brand",
    "title": "product title",
    "image": "product image",
    "document": "document",
}

# What a document type can prove (spec 2.9); unknown types get a placeholder instead.
PROVES: dict[str, str] = {
    "business_licence": "the company's legal name, registration number and registered address",
    "business_license": "the company's legal name, registration number and registered address",
    "utility_bill": "the business address in the company's name (must be dated within 90 days)",
    "address_proof": "the business address in the company's name",
    "bank_statement": "that the deposit account belongs to the company (recent statement)",
    "credit_card_statement": "that the payment card belongs to the company or its representative",
    "server_invoice": "which server the company rented and for which period",
    "isp_invoice": "the network line the store uses, in the company's name",
    "broadband_contract": "the network line the store uses, in the company's name",
    "approval_letter": "the marketplace's approval of the related account",
    "id_card": "the identity of the legal representative",
    "passport": "the identity of the legal representative",
}

# Document types that the marketplace wants recent (domain notes: utility bills within 90 days).
RECENT_TYPES: frozenset[str] = frozenset(
    {"utility_bill", "bank_statement", "credit_card_statement"}
)
RECENT_DAYS = 90

# Per attribute type: what the seller should attach for a root cause.
NEEDS: dict[str, str] = {
    "ip": "proof of the store's own fixed line (broadband contract or ISP invoice in the "
    "company's name) and, for a cloud server, its rental invoice with the rental period",
    "ip_subnet": "proof of the store's own fixed line (broadband contract or ISP invoice)",
    "mac": "purchase invoice of the store's own computer or router",
    "device_id": "purchase invoice of the store's own computer",
    "fingerprint": "proof of the store's own browser environment (invoice or screenshot)",
    "browser_profile": "proof of the store's own browser environment (invoice or screenshot)",
    "wifi_ssid": "proof of the store's own fixed line (broadband contract)",
    "phone": "phone bill in the company's or representative's name",
    "email": "screenshot of the account's own mailbox owner details",
    "company_name": "business licence of the company",
    "registration_number": "business licence of the company",
    "tax_id": "tax registration certificate",
    "person": "identity document of the person and proof of their role",
    "address": "utility bill or lease for the address, in the company's name, within 90 days",
    "website": "domain registration in the company's name",
    "card": "card statement in the company's or representative's name",
    "bank_account": "bank statement in the company's name",
    "payout_account": "payout provider statement in the company's name",
    "asin": "purchase invoices or brand authorisation for the listed products",
    "gtin": "purchase invoices or GS1 licence for the barcodes",
    "brand": "brand registration or authorisation",
    "title": "purchase invoices or brand authorisation for the listed products",
    "image": "proof that the product images are the company's own",
    "document": "a document of this account's own, issued to its company and address",
}

# Words in a doc_type suggesting the inventory already holds what NEEDS asks for. A cloud
# server's invoice is no proof of a fixed line, so "server" is not a word for ip.
NEED_WORDS: dict[str, tuple[str, ...]] = {
    "ip": ("broadband", "isp", "internet", "line"),
    "ip_subnet": ("broadband", "isp", "internet", "line"),
    "wifi_ssid": ("broadband", "isp", "line"),
    "mac": ("device", "computer", "router", "purchase"),
    "device_id": ("device", "computer", "purchase"),
    "fingerprint": ("browser", "device"),
    "browser_profile": ("browser", "device"),
    "phone": ("phone", "mobile", "telecom"),
    "email": ("email", "mail"),
    "company_name": ("licence", "license"),
    "registration_number": ("licence", "license"),
    "tax_id": ("tax", "vat"),
    "person": ("id_card", "passport", "authorisation", "authorization"),
    "address": ("utility", "lease", "address"),
    "website": ("domain", "website"),
    "card": ("card",),
    "bank_account": ("bank",),
    "payout_account": ("payoneer", "worldfirst", "pingpong", "lianlian", "payout"),
    "asin": ("invoice", "brand", "authorisation", "authorization"),
    "gtin": ("invoice", "gs1"),
    "brand": ("brand", "trademark", "authorisation"),
    "title": ("invoice", "brand"),
    "image": ("photo", "image", "brand"),
}
