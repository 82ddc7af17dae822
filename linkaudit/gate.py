"""Exit-code decisions (spec 6): which links fail a run, with --fail-on and --baseline."""

from typing import Protocol

from linkaudit.result import Hub, Link, ScanResult
from linkaudit.vocab import Severity

# A link is "stronger" than in the baseline when its band rose or its score rose this much.
SCORE_STEP = 0.05


class _HubFlags(Protocol):
    @property
    def allowed(self) -> bool: ...
    @property
    def approved(self) -> bool: ...
    @property
    def hub_groups(self) -> bool: ...


def hub_can_fail(hub: _HubFlags) -> bool:
    """Allowed, approved and shared-product hubs (rules with hub_groups: false, which join
    nothing) never fail a run; every other hub can, by its severity."""
    return not (hub.allowed or hub.approved or not hub.hub_groups)


def _hub_is_new_or_stronger(hub: Hub, old: dict[str, Hub]) -> bool:
    """True when the baseline lacks the hub, or a store joined it, or its band rose."""
    before = old.get(hub.id)
    if before is None:
        return True
    joined = not set(hub.accounts) <= set(before.accounts)
    return joined or hub.severity.rank > before.severity.rank


def pair_key(link: Link) -> tuple[str, str]:
    a, b = sorted(link.accounts)[:2]
    return a, b


def is_new_or_stronger(link: Link, old: dict[tuple[str, str], Link]) -> bool:
    """True when the baseline lacks the pair, or had it at a lower band or score."""
    before = old.get(pair_key(link))
    if before is None:
        return True
    return link.severity.rank > before.severity.rank or link.score >= before.score + SCORE_STEP


def failing_links(
    result: ScanResult,
    fail_on: Severity | None,
    *,
    baseline: ScanResult | None = None,
    accounts: set[str] | None = None,
) -> list[Link]:
    """Links that make the run exit 1: at or above fail_on, never approved, optionally only
    those new or stronger than in the baseline, and only those touching `accounts`."""
    if fail_on is None:
        return []
    old = {pair_key(link): link for link in baseline.links} if baseline else None
    out = []
    for link in result.links:
        if link.approved or link.severity.rank < fail_on.rank:
            continue
        if accounts is not None and not accounts.intersection(link.accounts):
            continue
        if old is not None and not is_new_or_stronger(link, old):
            continue
        out.append(link)
    return out


def failing_hubs(
    result: ScanResult,
    fail_on: Severity | None,
    *,
    baseline: ScanResult | None = None,
    accounts: set[str] | None = None,
) -> list[Hub]:
    """Hubs that make the run exit 1, as failing_links does for links: a hub is every pair
    of its members reported once (spec 5), so it fails by its own severity, whether or not
    it reaches scan.group_severity. Never allowed, approved or shared-product hubs (rules
    with hub_groups: false, which join nothing)."""
    if fail_on is None:
        return []
    old = {hub.id: hub for hub in baseline.hubs} if baseline else None
    out = []
    for hub in result.hubs:
        if not hub_can_fail(hub) or hub.severity.rank < fail_on.rank:
            continue
        if accounts is not None and not accounts.intersection(hub.accounts):
            continue
        if old is not None and not _hub_is_new_or_stronger(hub, old):
            continue
        out.append(hub)
    return out
