"""Small hand-built scan results for tests of diff, gate, check and explain."""

from linkaudit.result import Account, Evidence, Group, Hub, Link, ScanResult, Summary
from linkaudit.vocab import Severity


def link(
    a: str,
    b: str,
    score: float,
    sev: str,
    rules: tuple[str, ...] = ("shared-login-ip",),
    approved: bool = False,
) -> Link:
    evidence = [
        Evidence(rule=r, attribute="ip", value="203.0.113.7", weight=0.5, sources=["logins.csv:2"])
        for r in rules
    ]
    return Link(
        accounts=sorted([a, b]),
        score=score,
        severity=Severity(sev),
        same_marketplace=True,
        approved=approved,
        evidence=evidence,
    )


def hub(hub_id: str, accounts: list[str], sev: str = "critical", **kw: object) -> Hub:
    """A phone shared by more stores than the hub threshold."""
    return Hub(
        id=hub_id,
        rule="same-phone",
        attribute="phone",
        value="+86*******8000",
        members=len(accounts),
        accounts=accounts,
        severity=Severity(sev),
        weight=0.9,
        **kw,  # type: ignore[arg-type]
    )


def scan(
    links: list[Link], groups: list[list[str]] | None = None, planned: tuple[str, ...] = ()
) -> ScanResult:
    ids = sorted({a for x in links for a in x.accounts} | set(planned))
    accounts = [
        Account(
            account_id=i,
            status="planned" if i in planned else "active",
            marketplaces=["US"],
            risk=0.0,
            severity=None,
            group=None,
        )
        for i in ids
    ]
    grp = [
        Group(
            id=n + 1,
            accounts=sorted(g),
            max_score=0.9,
            has_closed_or_suspended=False,
            key="g-" + "-".join(sorted(g)),
        )
        for n, g in enumerate(groups or [])
    ]
    summary = Summary(accounts=len(ids), links=len(links), groups=len(grp), by_severity={})
    return ScanResult(
        generated_at="2026-11-27T00:00:00Z",
        inventory="inv",
        summary=summary,
        links=links,
        accounts=accounts,
        groups=grp,
    )
