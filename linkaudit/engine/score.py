"""Link scores and severities (docs/rules.md, "Scoring").

score = 1 - prod(1 - w_r) over the link's rules r, each rule counted once at its strongest
(time-decayed) value; a rule whose `implied_by` rule is also on the link adds nothing.
Contributions are the sequential marginal gains in descending weight order, so they sum to
the score. severity = max(band(score), severity of every rule that contributes).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from linkaudit.engine.detail import Hit
from linkaudit.engine.model import Rule
from linkaudit.vocab import Severity

# Bands: critical >= 0.9, high >= 0.7, medium >= 0.4, low otherwise.
BANDS: tuple[tuple[float, Severity], ...] = (
    (0.9, Severity.CRITICAL),
    (0.7, Severity.HIGH),
    (0.4, Severity.MEDIUM),
)
CATALOGUE = frozenset({"asin", "gtin"})  # shared products: amplify, they do not establish


def band(score: float) -> Severity:
    """The severity band of a score."""
    for floor, severity in BANDS:
        if score >= floor:
            return severity
    return Severity.LOW


def raise_band(severity: Severity) -> Severity:
    """One band up, critical stays critical (cross-selling on a linked pair)."""
    order = list(Severity)
    return order[min(order.index(severity) + 1, len(order) - 1)]


def max_severity(items: Iterable[Severity]) -> Severity:
    return max(items, key=lambda s: s.rank, default=Severity.LOW)


@dataclass(frozen=True)
class Scored:
    """One scored link: its hits in display order with their contributions."""

    a: str
    b: str
    score: float
    severity: Severity
    hits: list[tuple[Hit, float]]  # (hit, contribution)
    established: bool  # a contributing rule is not a shared-product rule


def _strongest(hits: list[Hit]) -> dict[str, Hit]:
    best: dict[str, Hit] = {}
    for hit in hits:
        current = best.get(hit.rule)
        if current is None or (hit.weight, current.value) > (current.weight, hit.value):
            best[hit.rule] = hit
    return best


def score_link(hits: list[Hit], rules: dict[str, Rule]) -> Scored:
    """Score one account pair from all its hits (every rule, every shared value)."""
    best = _strongest(hits)
    counted = [
        h for r, h in best.items() if not any(other in best for other in rules[r].implied_by)
    ]
    counted.sort(key=lambda h: (-h.weight, h.rule, h.value))
    gains: dict[int, float] = {}
    score = 0.0
    for hit in counted:
        gain = (1.0 - score) * hit.weight
        gains[id(hit)] = gain
        score += gain
    score = min(score, 1.0)
    severity = max_severity(
        [band(score), *(rules[h.rule].severity for h in counted if h.weight > 0)]
    )
    ordered = sorted(
        ((h, gains.get(id(h), 0.0)) for h in hits),
        key=lambda hc: (-hc[1], -hc[0].weight, hc[0].rule, hc[0].value, hc[0].other_value or ""),
    )
    established = any(h.attribute not in CATALOGUE and h.weight > 0 for h in counted)
    return Scored(hits[0].a, hits[0].b, score, severity, ordered, established)


def score_all(hits: list[Hit], rules: dict[str, Rule]) -> list[Scored]:
    """Every linked pair, scored; in account-pair order."""
    by_pair: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        by_pair.setdefault((hit.a, hit.b), []).append(hit)
    return [score_link(by_pair[pair], rules) for pair in sorted(by_pair)]
