"""`linkaudit init DIR`: a starter inventory, one CSV per kind and a commented linkaudit.toml."""

import csv
import io
from pathlib import Path

from linkaudit.errors import InputError
from linkaudit.vocab import CONFIG_NAME

# One clearly fake row per kind: example.com mailboxes, documentation IP ranges
# (RFC 5737), the 555-01xx fictional phone range, Luhn-valid test card numbers.
EXAMPLE_ROWS: dict[str, dict[str, str]] = {
    "accounts": {"account_id": "example-us", "store_name": "Example Store (delete me)",
                 "marketplaces": "US;CA", "status": "planned", "opened": "2026-01-15",
                 "seller_id": "AEXAMPLE00000"},
    "companies": {"account_id": "example-us", "legal_name": "Example Trading Co., Ltd.",
                  "registration_number": "EXAMPLE-0001", "legal_representative": "Jane Example",
                  "beneficial_owner": "Jane Example",
                  "registered_address": "Room 101, 1 Example Road, Springfield, US",
                  "business_address": "", "phone": "+1 202-555-0143",
                  "email": "owner@example.com", "tax_id": "", "website": "https://www.example.com",
                  "country": "US"},
    "logins": {"account_id": "example-us", "ip": "203.0.113.7", "seen_at": "2026-01-15 10:00",
               "source": "broadband", "provider": "Example ISP", "router_mac": "",
               "wifi_ssid": "Example-Office"},
    "devices": {"account_id": "example-us", "device_id": "EXAMPLE-DEVICE-1",
                "mac": "00:1a:2b:3c:4d:5e", "hostname": "example-laptop", "os": "Windows 11",
                "user_agent": "", "fingerprint": "example-fp-0001",
                "browser_profile": "example-profile-1"},
    "payments": {"account_id": "example-us", "card_number": "4111 1111 1111 1111",
                 "card_holder": "Jane Example",
                 "billing_address": "1 Example Road, Springfield, US",
                 "bank_account": "", "bank_name": "", "payout_provider": "Payoneer",
                 "payout_account": "payout@example.com"},
    "listings": {"account_id": "example-us", "marketplace": "US", "asin": "B0EXAMPLE1",
                 "sku": "EXAMPLE-SKU-1", "gtin": "012345678905", "brand": "Examplebrand",
                 "title": "Example product title (delete me)", "image_hash": ""},
    "people": {"account_id": "example-us", "name": "John Example", "email": "staff@example.com",
               "phone": "+1 202-555-0178", "role": "operator"},
    "addresses": {"account_id": "example-us", "type": "return",
                  "address": "Unit 5, 2 Example Street, Springfield, US"},
    "documents": {"account_id": "example-us", "doc_type": "business_licence",
                  "path": "documents/example-licence.txt", "number": "EXAMPLE-LIC-0001",
                  "issued_to": "Example Trading Co., Ltd."},
}  # fmt: skip

EXAMPLE_DOCUMENT = "documents/example-licence.txt"

CONFIG_TEXT = """\
# linkaudit configuration (every setting is optional; remove the leading "# " to use one).

# [defaults]
# country = "CN"            # for phone numbers written without a country code
# lang = "en"               # en or zh

# Your own headers -> contract columns, per kind (see the data contract).
# [columns.logins]
# "Login IP" = "ip"

# A value shared for a legitimate reason: never evidence while the allowance holds.
# [[allow]]
# type = "address"
# value = "Prep Center, 1200 Commerce Way, Reno, NV 89502, US"
# reason = "3PL prep centre used by many unrelated sellers"
# expires = "2027-06-30"    # after this date the allowance lapses and is reported

# Accounts the marketplace approved to operate together: reported, marked, never failing.
# [[approved]]
# accounts = ["acme-us", "acme-us-2"]
# reason = "approved second account for a separate brand, case 123456"

# Per-rule overrides (ids from `linkaudit rules list`).
# [rules.shared-login-ip]
# enabled = true
# weight = 0.9              # 0.0 .. 1.0
# severity = "high"         # low, medium, high, critical

# [scan]
# hub_threshold = 10        # a value shared by more accounts is reported once as a hub
# group_severity = "medium" # lowest link severity that joins accounts into a group

# Size limits on what is read.
# [limits]
# max_file_mb = 2048
# max_cell_chars = 100000
# max_xlsx_inflated_mb = 1024
# max_document_mb = 50
"""


def write_starter(target: Path) -> list[Path]:
    """Write the starter inventory into target (created if needed); returns the files written.

    Refuses (InputError) to overwrite any existing file, before writing anything.
    """
    planned = {target / f"{kind}.csv": _csv(row) for kind, row in EXAMPLE_ROWS.items()}
    planned[target / CONFIG_NAME] = CONFIG_TEXT
    planned[target / EXAMPLE_DOCUMENT] = "EXAMPLE ONLY - replace with your real documents.\n"
    existing = sorted(p.name for p in planned if p.exists())
    if existing:
        raise InputError(
            f"{target}: would overwrite {', '.join(existing)}",
            "choose an empty directory for the starter inventory",
        )
    if target.exists() and not target.is_dir():
        raise InputError(f"not a directory: {target}", "choose a directory path")
    written = []
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written


def _csv(row: dict[str, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(row))
    writer.writerow(list(row.values()))
    return out.getvalue()
