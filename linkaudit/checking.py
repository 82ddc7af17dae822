"""`linkaudit check`: the scan seen from the stores about to be registered."""

from linkaudit.result import ScanResult
from linkaudit.vocab import SEVERITY_ORDER


def restrict_to(result: ScanResult, focus: set[str]) -> ScanResult:
    """Only the links, accounts, groups and hubs that touch the focus accounts (the planned
    stores, or the candidate store of `check --candidate`)."""
    links = [link for link in result.links if focus.intersection(link.accounts)]
    touched = focus | {a for link in links for a in link.accounts}
    accounts = [a for a in result.accounts if a.account_id in touched]
    groups = [g for g in result.groups if touched.intersection(g.accounts)]
    hubs = [h for h in result.hubs if focus.intersection(h.accounts)]
    # critical first, as the scan's summary has them
    by_sev = {s.value: sum(1 for x in links if x.severity == s) for s in reversed(SEVERITY_ORDER)}
    summary = result.summary.model_copy(
        update={
            "accounts": len(accounts),
            "links": len(links),
            "groups": len(groups),
            "by_severity": by_sev,
            "hubs": len(hubs),
        }
    )
    note = f"check: showing only links that touch {', '.join(sorted(focus))}"
    restricted = result.model_copy(
        update={
            "links": links,
            "accounts": accounts,
            "groups": groups,
            "hubs": hubs,
            "summary": summary,
            "notes": [note, *result.notes],
        }
    )
    return restricted
