"""The evidence check, run before anything is cited: what the appeal itself could reveal.

Warnings, one line each: a document of this account byte-identical to another account's or
with the same document number; a fact the draft cites that also belongs to an account the
notice did not name; a document the marketplace wants recent that is older than 90 days.
"""

import hashlib
from dataclasses import dataclass
from datetime import date

import pandas as pd

from linkaudit.appeal.documents import doc_type, issued, own_documents
from linkaudit.appeal.phrases import NOUNS, RECENT_DAYS, RECENT_TYPES
from linkaudit.attributes import provenance
from linkaudit.inventory.documents import inside_inventory
from linkaudit.inventory.model import Inventory
from linkaudit.mask import mask_value
from linkaudit.normalize.document import normalize_document_number
from linkaudit.result import ScanResult

# Facts a letter cites about the company; when another account holds them too, saying them
# to the marketplace names that link (domain notes: each account's evidence must be distinct).
CITED = (
    "company_name",
    "registration_number",
    "tax_id",
    "address",
    "phone",
    "email",
    "person",
    "website",
)


@dataclass(frozen=True, order=True)
class DocKey:
    """One document of one account: by content hash (`file`) or by its number."""

    key: str
    kind: str  # "file" or "number"
    account: str
    where: str  # the file path, else the provenance of the row


def _from_table(attributes: pd.DataFrame, documents: list[dict[str, str]]) -> list[DocKey]:
    """Document rows of the table; a number is placed by its documents row's file path."""
    path_of = {d.get("source", ""): (d.get("path") or "").strip() for d in documents}
    rows = attributes.loc[attributes["type"] == "document"]
    out = []
    for account, value, flags, src, line in rows[
        ["account_id", "value", "flags", "src", "line"]
    ].itertuples(index=False):
        files = [t[5:] for t in str(flags).split(",") if t.startswith("file:")]
        kind = "file" if str(value).startswith("sha256:") else "number"
        where = provenance(str(src), int(line))
        where = files[0] if files else path_of.get(where) or where
        out.append(DocKey(str(value), kind, str(account), where))
    return out


def _from_files(inv: Inventory) -> list[DocKey]:
    """Fallback when the table holds no documents: hash the files, compact the numbers."""
    out = []
    for row in inv.documents:
        account, path = (row.get("account_id") or "").strip(), (row.get("path") or "").strip()
        file = inside_inventory(inv.root, path) if path else None  # never outside it
        if file is not None and file.is_file():
            digest = hashlib.sha256(file.read_bytes()).hexdigest()
            out.append(DocKey(f"sha256:{digest}", "file", account, path))
        number = normalize_document_number(row.get("number") or "").value
        if number:
            out.append(DocKey(number, "number", account, path or row.get("source", "")))
    return out


def document_warnings(inv: Inventory, account: str, show: bool) -> list[str]:
    """A warning per document of the account that another account also has."""
    keys = _from_table(inv.attributes, inv.documents) or _from_files(inv)
    mine = sorted({k for k in keys if k.account == account})
    out = []
    for doc in mine:
        for other in sorted({k for k in keys if k.key == doc.key and k.account != account}):
            if doc.kind == "file":
                out.append(f"document {doc.where} of {account} is byte-identical to {other.where} "
                           f"of {other.account}: attach a document of {account}'s own")  # fmt: skip
            else:
                number = mask_value("document", doc.key, show)
                out.append(f"document number {number} of {account} ({doc.where}) is also on "
                           f"{other.account}'s document ({other.where}): identical documents "
                           "across accounts are themselves a link")  # fmt: skip
    return list(dict.fromkeys(out))


def unnamed_warnings(result: ScanResult, account: str, named: set[str]) -> list[str]:
    """A warning per cited company fact that also belongs to accounts the notice did not name."""
    holders: dict[tuple[str, str], set[str]] = {}
    for link in result.links:
        if account not in link.accounts:
            continue
        other = next(a for a in link.accounts if a != account)
        for ev in link.evidence:
            if ev.attribute in CITED and other not in named:
                holders.setdefault((ev.attribute, ev.value), set()).add(other)
    for hub in result.hubs:
        if account in hub.accounts and hub.attribute in CITED and not hub.allowed:
            others = set(hub.accounts) - named - {account}
            if others:
                holders.setdefault((hub.attribute, hub.value), set()).update(others)
    return [
        f"the {NOUNS.get(attr, attr)} {value} of {account} also belongs to "
        f"{', '.join(sorted(others))}, not named in the deactivation notice: citing it "
        "reveals that link"
        for (attr, value), others in sorted(holders.items())
    ]


def age_warnings(documents: list[dict[str, str]], account: str, today: date) -> list[str]:
    """A warning per bill or statement older than 90 days (domain notes: utility bills)."""
    out = []
    for row in own_documents(documents, account):
        kind = doc_type(row)
        when, origin = issued(row)
        if kind not in RECENT_TYPES or when is None:
            continue
        age = (today - when).days
        if age > RECENT_DAYS:
            out.append(f"{kind} {row.get('path', '').strip()} of {account} is dated {when} "
                       f"({origin}), {age} days before {today}: the marketplace wants one from "
                       f"the last {RECENT_DAYS} days")  # fmt: skip
    return out


def check(
    result: ScanResult, inv: Inventory, account: str, named: set[str], show: bool
) -> list[str]:
    """Every warning of the evidence check, documents first."""
    today = date.fromisoformat(result.generated_at[:10])
    return [
        *document_warnings(inv, account, show),
        *unnamed_warnings(result, account, named),
        *age_warnings(inv.documents, account, today),
    ]
