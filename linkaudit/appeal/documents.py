"""Evidence to attach: the account's documents in the inventory, and what each cause lacks."""

import re
from datetime import date

from linkaudit.appeal.model import Attachment, Fact, Missing
from linkaudit.appeal.phrases import NEED_WORDS, NEEDS, PROVES
from linkaudit.mask import mask_value

_DATE_KEYS = ("issued", "date", "issue_date", "issued_on")
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)")


def doc_type(row: dict[str, str]) -> str:
    """The document type folded to `snake_case` (`Utility Bill` -> `utility_bill`)."""
    return re.sub(r"[\s\-]+", "_", (row.get("doc_type") or "").strip().casefold())


def issued(row: dict[str, str]) -> tuple[date | None, str]:
    """The document's date and where it came from: its date column, else its file name.

    A month without a day (`..._2026-04.pdf`) counts as its last day, the most lenient
    reading, so that the 90-day check never warns on a guess.
    """
    for key in _DATE_KEYS:
        text = (row.get(key) or "").strip()
        if text:
            try:
                return date.fromisoformat(text[:10]), key
            except ValueError:
                continue
    found = _NAME_DATE.search(row.get("path") or "")
    if found is None:
        return None, ""
    year, month, day = int(found[1]), int(found[2]), found[3]
    try:
        if day:
            return date(year, month, int(day)), "file name"
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1), "file name"
    except ValueError:
        return None, ""


def own_documents(documents: list[dict[str, str]], account: str) -> list[dict[str, str]]:
    """The documents rows of one account, sorted by type and path."""
    rows = [d for d in documents if (d.get("account_id") or "").strip() == account]
    return sorted(rows, key=lambda d: (doc_type(d), d.get("path") or ""))


def attachments(documents: list[dict[str, str]], account: str, show: bool) -> list[Attachment]:
    """Every document of the account with what it can prove (a placeholder when unknown)."""
    out = []
    for row in own_documents(documents, account):
        kind = doc_type(row)
        when, origin = issued(row)
        out.append(
            Attachment(
                doc_type=kind or "[[document type]]",
                path=(row.get("path") or "").strip(),
                number=mask_value("document", (row.get("number") or "").strip(), show),
                issued_to=(row.get("issued_to") or "").strip(),
                issued=f"{when.isoformat()} ({origin})" if when else "",
                proves=PROVES.get(kind, "[[what this document proves]]"),
            )
        )
    return out


def missing(causes: list[Fact], attached: list[Attachment]) -> list[Missing]:
    """Per root cause, the evidence it needs when no attached document type suggests it."""
    kinds = [a.doc_type for a in attached]
    out = []
    for number, fact in enumerate(causes, start=1):
        need = NEEDS.get(fact.attribute, "[[evidence for this root cause]]")
        words = NEED_WORDS.get(fact.attribute, ())
        if not any(w in k for k in kinds for w in words):
            out.append(Missing(number, need))
    return out
