"""--hint: the first letters of the related account's name, as a deactivation notice shows.

Matched against store name, legal names, seller id and account id after NFKC (full-width
to ASCII) and case folding, and ranked by the strength of the link to the appealing account.
"""

import unicodedata
from dataclasses import dataclass

from linkaudit.errors import UsageError
from linkaudit.inventory.model import AccountRecord
from linkaudit.result import ScanResult


def fold(text: str) -> str:
    """Width- and case-folded text without surrounding or inner white space."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class Candidate:
    account_id: str
    score: float  # link score to the appealing account, 0 when not linked
    name: str  # the name that matched


def _names(record: AccountRecord) -> list[str]:
    return [record.store_name, *record.legal_names, record.seller_id, record.account_id]


def link_scores(result: ScanResult, account: str) -> dict[str, float]:
    """The score of each account's link to `account`."""
    return {
        next(a for a in link.accounts if a != account): link.score
        for link in result.links
        if account in link.accounts
    }


def candidates(
    hint: str, account: str, accounts: dict[str, AccountRecord], result: ScanResult
) -> list[Candidate]:
    """Accounts whose name starts with the hint, strongest link first, ties by name."""
    prefix = fold(hint)
    if not prefix:
        raise UsageError("--hint is empty", "pass the letters shown in the deactivation notice")
    scores = link_scores(result, account)
    found = []
    for account_id, record in accounts.items():
        if account_id == account:
            continue
        matched = next((n for n in _names(record) if n and fold(n).startswith(prefix)), None)
        if matched is not None:
            found.append(Candidate(account_id, scores.get(account_id, 0.0), matched))
    found.sort(key=lambda c: (-c.score, fold(c.name), c.account_id))
    return found


def resolve(
    hint: str, account: str, accounts: dict[str, AccountRecord], result: ScanResult
) -> tuple[str, list[str]]:
    """The best account for the hint and warnings about the choice; UsageError when none."""
    found = candidates(hint, account, accounts, result)
    if not found:
        raise UsageError(
            f"--hint {hint!r} matches no store, legal or seller name in the inventory",
            "check the letters in the notice, or pass --related ID",
        )
    best, warnings = found[0], []
    if len(found) > 1:
        listed = ", ".join(f"{c.account_id} ({c.score:.2f})" for c in found)
        warnings.append(
            f"--hint {hint!r} matches {len(found)} accounts: {listed}; using {best.account_id}"
        )
    if best.score == 0.0:
        warnings.append(
            f"--hint {hint!r} resolved to {best.account_id}, which no evidence links to {account}"
        )
    return best.account_id, warnings
