"""The result's summary, rule catalogue and data problems (spec 5)."""

from linkaudit.engine.model import Rule
from linkaudit.inventory.model import Problem
from linkaudit.mask import mask_value
from linkaudit.result import Account, Group, Hub, Link, ProblemOut, RuleInfo, Summary, Text
from linkaudit.vocab import SEVERITY_ORDER, Severity, Status


def summary(
    accounts: list[Account],
    links: list[Link],
    groups: list[Group],
    hubs: list[Hub],
    problems: list[ProblemOut],
) -> Summary:
    """Counts for the top of every report; by_severity always has all four keys."""
    by_severity = {s.value: 0 for s in reversed(SEVERITY_ORDER)}
    for link in links:
        by_severity[link.severity.value] += 1
    at_risk = [
        a
        for a in accounts
        if a.status == Status.PLANNED.value
        and a.severity is not None
        and a.severity.rank >= Severity.MEDIUM.rank
    ]
    return Summary(
        accounts=len(accounts),
        links=len(links),
        groups=len(groups),
        by_severity=by_severity,
        planned_at_risk=len(at_risk),
        approved=sum(1 for link in links if link.approved),
        hubs=len(hubs),
        flags=sum(len(a.flags) for a in accounts),
        problems=len(problems),
    )


def rule_infos(
    rules: list[Rule], links: list[Link], hubs: list[Hub], accounts: list[Account]
) -> list[RuleInfo]:
    """The rules that produced evidence, a hub or a flag, sorted by id."""
    used = {e.rule for link in links for e in link.evidence}
    used |= {h.rule for h in hubs} | {f.rule for a in accounts for f in a.flags}
    return [
        RuleInfo(
            id=r.id,
            title=Text(en=r.title.en, zh=r.title.zh),
            severity=r.severity,
            weight=r.weight,
            kind=r.kind,
            fix=Text(en=r.fix.en, zh=r.fix.zh),
            explanation=Text(en=r.explanation.en, zh=r.explanation.zh),
        )
        for r in sorted(rules, key=lambda r: r.id)
        if r.id in used
    ]


def problems_out(problems: list[Problem], show: bool) -> list[ProblemOut]:
    """Data problems with sensitive values masked."""
    return [
        ProblemOut(
            where=p.where,
            column=p.column,
            value=mask_value(p.attribute or "", p.raw, show),
            why=p.why,
            level=p.level,
        )
        for p in problems
    ]
