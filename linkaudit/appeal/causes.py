"""The root causes of one account, strongest first, the related account's evidence leading."""

import pandas as pd

from linkaudit.appeal.facts import (
    Names,
    cross_fact,
    evidence_fact,
    hosting_labels,
    hub_fact,
    restated,
)
from linkaudit.appeal.hygiene import flag_facts
from linkaudit.appeal.model import Fact
from linkaudit.result import ScanResult

SortKey = tuple[bool, float, float, str, str, str]


def _link_facts(result: ScanResult, attributes: pd.DataFrame, account: str, related: str | None,
                names: Names) -> list[tuple[SortKey, Fact]]:  # fmt: skip
    hosting = hosting_labels(attributes)
    ranked: list[tuple[SortKey, Fact]] = []
    for link in result.links:
        if account not in link.accounts:
            continue
        other = next(a for a in link.accounts if a != account)
        first = other != related
        for ev in (e for e in link.evidence if not restated(e, link)):
            key = (first, -ev.weight, -link.score, other, ev.rule, ev.value)
            ranked.append((key, evidence_fact(result, link, ev, account, names, hosting)))
        for cross in link.cross_selling:
            key = (first, 0.0, -link.score, other, "~cross-selling", cross.marketplace)
            ranked.append((key, cross_fact(link, cross, account, names)))
    return ranked


def _hub_facts(result: ScanResult, account: str, related: str | None,
               names: Names) -> list[tuple[SortKey, Fact]]:  # fmt: skip
    return [
        ((related not in hub.accounts, -hub.weight, -hub.weight, "", hub.rule, hub.value),
         hub_fact(result, hub, account, names))
        for hub in result.hubs
        if account in hub.accounts and not hub.allowed
    ]  # fmt: skip


def root_causes(result: ScanResult, attributes: pd.DataFrame, account: str, related: str | None,
                names: Names) -> list[Fact]:  # fmt: skip
    """Evidence, hubs and cross-selling (related account first, then by weight), then flags."""
    ranked = _link_facts(result, attributes, account, related, names)
    ranked += _hub_facts(result, account, related, names)
    ranked.sort(key=lambda item: item[0])
    return [fact for _, fact in ranked] + flag_facts(result, attributes, account)
