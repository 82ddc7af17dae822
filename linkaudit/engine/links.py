"""Scored pairs -> ranked `Link`s: approval, cross-selling, masking, rank.

Rank: severity (critical first); within a severity, unapproved links before approved ones
(an `[[approved]]` pair is declared, not a risk to act on), then links touching a planned
account (the pre-registration question), then score (rounded to 4 places) descending, then
the account ids. Severity leads because it is what a reader acts on, and many strong links
score 1.0 once rounded, so a score-first order would bury a planned store's links.
"""

from dataclasses import dataclass

from linkaudit.config import Approved
from linkaudit.engine.detail import Hit
from linkaudit.engine.score import Scored, raise_band
from linkaudit.mask import mask_value
from linkaudit.result import CrossSelling, Evidence, Link, Span
from linkaudit.vocab import Severity

HASH_SHOWN = 12  # a keyed hash is shown by its first 12 characters


def display(attribute: str, value: str, hashed: bool, show: bool) -> str:
    """A value as every output prints it: masked, or a hash's prefix."""
    return value[:HASH_SHOWN] if hashed else mask_value(attribute, value, show)


def final_severity(scored: Scored, cross: list[CrossSelling]) -> Severity:
    """The scored severity, one band higher when a pair linked by other evidence cross-sells."""
    return raise_band(scored.severity) if cross and scored.established else scored.severity


def approval_reason(a: str, b: str, approved: list[Approved]) -> str | None:
    """The reason of the first approved list holding both accounts."""
    for entry in approved:
        if a in entry.accounts and b in entry.accounts:
            return entry.reason
    return None


def evidence_out(hit: Hit, contribution: float, show: bool) -> Evidence:
    """One Evidence entry, every value masked (spec 5)."""
    return Evidence(
        rule=hit.rule,
        attribute=hit.attribute,
        value=display(hit.attribute, hit.value, hit.hashed, show),
        weight=round(hit.weight, 4),
        sources=list(hit.sources),
        contribution=round(contribution, 4),
        other_value=None
        if hit.other_value is None
        else display(hit.attribute, hit.other_value, hit.hashed, show),
        similarity=hit.similarity,
        shared_by=hit.shared_by,
        spans=[
            Span(account=acc, first_seen=first, last_seen=last) for acc, first, last in hit.spans
        ],
        weak=hit.weak,
        hashed=hit.hashed,
        raw=sorted({display(hit.attribute, r, hit.hashed, show) for r in hit.raw}),
    )


@dataclass(frozen=True)
class LinkInputs:
    """What ranking and annotation need besides the scored pairs."""

    severities: dict[tuple[str, str], Severity]
    cross: dict[tuple[str, str], list[CrossSelling]]
    approved: list[Approved]
    markets: dict[str, set[str]]
    planned: set[str]
    group_of: dict[str, int]
    show: bool


def _link(scored: Scored, inputs: LinkInputs) -> Link:
    pair = (scored.a, scored.b)
    shared = sorted(inputs.markets.get(scored.a, set()) & inputs.markets.get(scored.b, set()))
    reason = approval_reason(scored.a, scored.b, inputs.approved)
    group_a, group_b = inputs.group_of.get(scored.a), inputs.group_of.get(scored.b)
    return Link(
        accounts=[scored.a, scored.b],
        score=round(scored.score, 4),
        severity=inputs.severities[pair],
        same_marketplace=bool(shared),
        approved=reason is not None,
        evidence=[evidence_out(h, c, inputs.show) for h, c in scored.hits],
        shared_marketplaces=shared,
        approval_reason=reason,
        cross_selling=inputs.cross.get(pair, []),
        group=group_a if group_a is not None and group_a == group_b else None,
    )


def build_links(scored: list[Scored], inputs: LinkInputs) -> list[Link]:
    """Every link, ranked (see module docstring), with rank numbers from 1."""
    links = [_link(s, inputs) for s in scored]

    def key(link: Link) -> tuple[int, bool, bool, float, list[str]]:
        planned = any(a in inputs.planned for a in link.accounts)
        return (-link.severity.rank, link.approved, not planned, -link.score, link.accounts)

    links.sort(key=key)
    return [link.model_copy(update={"rank": n}) for n, link in enumerate(links, start=1)]
