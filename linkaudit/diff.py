"""`linkaudit diff OLD NEW`: new, resolved, stronger and weaker links; hub and group changes."""

from collections import defaultdict
from typing import Literal

from pydantic import BaseModel, ConfigDict

from linkaudit.gate import SCORE_STEP, hub_can_fail, pair_key
from linkaudit.result import Group, Hub, Link, ScanResult
from linkaudit.vocab import Severity

DIFF_SCHEMA = "linkaudit.diff/1"

LinkChangeKind = Literal["new", "resolved", "stronger", "weaker"]
HubChangeKind = Literal["new", "joined", "stronger", "resolved"]
GroupChangeKind = Literal["formed", "dissolved", "joined", "left", "merged", "split"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class LinkChange(_Model):
    change: LinkChangeKind
    accounts: list[str]
    old_severity: Severity | None = None
    new_severity: Severity | None = None
    old_score: float | None = None
    new_score: float | None = None
    rules_added: list[str] = []
    rules_removed: list[str] = []
    approved: bool = False  # the link in NEW is approved: shown, never failing


class HubChange(_Model):
    change: HubChangeKind
    id: str
    rule: str
    attribute: str
    value: str  # masked as in the scans
    accounts: list[str]  # members in NEW (in OLD when resolved)
    joined: list[str] = []  # stores that joined since OLD
    old_severity: Severity | None = None
    new_severity: Severity | None = None
    approved: bool = False  # the hub in NEW: shown, never failing
    allowed: bool = False
    hub_groups: bool = True


class GroupChange(_Model):
    change: GroupChangeKind
    accounts: list[str]  # the members concerned (the whole group for formed/dissolved)
    old_groups: list[str] = []  # group keys in OLD
    new_groups: list[str] = []  # group keys in NEW


class DiffResult(_Model):
    schema_id: str = DIFF_SCHEMA
    old: str
    new: str
    links: list[LinkChange]
    groups: list[GroupChange]
    hubs: list[HubChange] = []

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for c in self.links:
            out[c.change] += 1
        for g in self.groups:
            out[f"group_{g.change}"] += 1
        for h in self.hubs:
            out[f"hub_{h.change}"] += 1
        return dict(out)


def _rules(link: Link) -> set[str]:
    return {e.rule for e in link.evidence}


def _link_change(old: Link | None, new: Link | None) -> LinkChange | None:
    if old is None and new is not None:
        return LinkChange(
            change="new",
            accounts=new.accounts,
            new_severity=new.severity,
            new_score=new.score,
            rules_added=sorted(_rules(new)),
            approved=new.approved,
        )
    if new is None and old is not None:
        return LinkChange(
            change="resolved",
            accounts=old.accounts,
            old_severity=old.severity,
            old_score=old.score,
            rules_removed=sorted(_rules(old)),
        )
    assert old is not None and new is not None
    rank = new.severity.rank - old.severity.rank
    if rank == 0 and abs(new.score - old.score) < SCORE_STEP:
        return None
    up = rank > 0 or (rank == 0 and new.score > old.score)
    return LinkChange(
        change="stronger" if up else "weaker",
        accounts=new.accounts,
        old_severity=old.severity,
        new_severity=new.severity,
        old_score=old.score,
        new_score=new.score,
        rules_added=sorted(_rules(new) - _rules(old)),
        rules_removed=sorted(_rules(old) - _rules(new)),
        approved=new.approved,
    )


def diff_links(old: ScanResult, new: ScanResult) -> list[LinkChange]:
    before = {pair_key(x): x for x in old.links}
    after = {pair_key(x): x for x in new.links}
    changes = [_link_change(before.get(k), after.get(k)) for k in sorted(before.keys() | after)]
    return [c for c in changes if c is not None]


def _hub_change(old: Hub | None, new: Hub | None) -> HubChange | None:
    """By id and members, as gate._hub_is_new_or_stronger: new, a store joined, band rose."""
    hub = new or old
    assert hub is not None
    joined = sorted(set(new.accounts) - set(old.accounts)) if old and new else []
    if old is None:
        change: HubChangeKind = "new"
    elif new is None:
        change = "resolved"
    elif joined:
        change = "joined"
    elif new.severity.rank > old.severity.rank:
        change = "stronger"
    else:
        return None
    return HubChange(
        change=change,
        id=hub.id,
        rule=hub.rule,
        attribute=hub.attribute,
        value=hub.value,
        accounts=hub.accounts,
        joined=joined,
        old_severity=old.severity if old else None,
        new_severity=new.severity if new else None,
        approved=hub.approved if new else False,
        allowed=hub.allowed,
        hub_groups=hub.hub_groups,
    )


def diff_hubs(old: ScanResult, new: ScanResult) -> list[HubChange]:
    before = {h.id: h for h in old.hubs}
    after = {h.id: h for h in new.hubs}
    changes = [_hub_change(before.get(k), after.get(k)) for k in sorted(before.keys() | after)]
    return [c for c in changes if c is not None]


def _key(group: Group) -> str:
    return group.key or "+".join(group.accounts)


def _overlaps(group: Group, others: list[Group]) -> list[Group]:
    members = set(group.accounts)
    return [o for o in others if members & set(o.accounts)]


def diff_groups(old: ScanResult, new: ScanResult) -> list[GroupChange]:
    """Groups matched by shared members: formed, dissolved, joined, left, merged, split."""
    changes: list[GroupChange] = []
    for g in new.groups:
        prev = _overlaps(g, old.groups)
        if not prev:
            changes.append(GroupChange(change="formed", accounts=g.accounts, new_groups=[_key(g)]))
        elif len(prev) > 1:
            changes.append(
                GroupChange(
                    change="merged",
                    accounts=g.accounts,
                    old_groups=sorted(_key(p) for p in prev),
                    new_groups=[_key(g)],
                )
            )
        else:
            joined = sorted(set(g.accounts) - set(prev[0].accounts))
            if joined:
                changes.append(
                    GroupChange(
                        change="joined",
                        accounts=joined,
                        old_groups=[_key(prev[0])],
                        new_groups=[_key(g)],
                    )
                )
    for g in old.groups:
        nxt = _overlaps(g, new.groups)
        if not nxt:
            changes.append(
                GroupChange(change="dissolved", accounts=g.accounts, old_groups=[_key(g)])
            )
        elif len(nxt) > 1:
            changes.append(
                GroupChange(
                    change="split",
                    accounts=g.accounts,
                    old_groups=[_key(g)],
                    new_groups=sorted(_key(n) for n in nxt),
                )
            )
        else:
            left = sorted(set(g.accounts) - set(nxt[0].accounts))
            if left:
                changes.append(
                    GroupChange(
                        change="left",
                        accounts=left,
                        old_groups=[_key(g)],
                        new_groups=[_key(nxt[0])],
                    )
                )
    return sorted(changes, key=lambda c: (c.change, c.accounts))


def diff(old: ScanResult, new: ScanResult, old_name: str = "", new_name: str = "") -> DiffResult:
    return DiffResult(
        old=old_name or old.inventory,
        new=new_name or new.inventory,
        links=diff_links(old, new),
        groups=diff_groups(old, new),
        hubs=diff_hubs(old, new),
    )


def failing_changes(result: DiffResult, fail_on_new: Severity | None) -> list[LinkChange]:
    """New or stronger links at or above the threshold, never approved ones (spec 4):
    `diff --fail-on-new` exits 1."""
    if fail_on_new is None:
        return []
    return [
        c
        for c in result.links
        if c.change in ("new", "stronger")
        and not c.approved
        and c.new_severity is not None
        and c.new_severity.rank >= fail_on_new.rank
    ]


def failing_hub_changes(result: DiffResult, fail_on_new: Severity | None) -> list[HubChange]:
    """New, joined or stronger hubs at or above the threshold that could fail a scan (as
    gate.failing_hubs: never approved, allowed or shared-product hubs)."""
    if fail_on_new is None:
        return []
    return [
        c
        for c in result.hubs
        if c.change != "resolved"
        and hub_can_fail(c)
        and c.new_severity is not None
        and c.new_severity.rank >= fail_on_new.rank
    ]


_HEAD = {
    "en": {
        "change": "change",
        "accounts": "accounts",
        "before": "before",
        "after": "after",
        "rules": "rules",
        "links": "Links",
        "groups": "Groups",
        "hubs": "Hubs",
        "value": "value",
        "members": "members",
        "none": "no changes",
        "new": "new",
        "resolved": "resolved",
        "stronger": "stronger",
        "weaker": "weaker",
        "formed": "formed",
        "dissolved": "dissolved",
        "joined": "joined",
        "left": "left",
        "merged": "merged",
        "split": "split",
    },
    "zh": {
        "change": "变化",
        "accounts": "账号",
        "before": "之前",
        "after": "之后",
        "rules": "规则",
        "links": "关联",
        "groups": "关联组",
        "hubs": "枢纽",
        "value": "值",
        "members": "成员",
        "none": "没有变化",
        "new": "新增",
        "resolved": "已解除",
        "stronger": "增强",
        "weaker": "减弱",
        "formed": "新组",
        "dissolved": "解散",
        "joined": "加入",
        "left": "离开",
        "merged": "合并",
        "split": "拆分",
    },
}


def render_diff(result: DiffResult, lang: str = "en") -> str:
    """The diff as plain tables (links, hubs, groups) for the terminal."""
    from tabulate import tabulate

    t = _HEAD["zh" if lang == "zh" else "en"]

    def band(sev: Severity | None, score: float | None) -> str:
        return "-" if sev is None else f"{sev.value} {score:.2f}"

    out: list[str] = []
    if not result.links and not result.groups and not result.hubs:
        return t["none"] + "\n"
    if result.links:
        rows = [
            [
                t[c.change],
                " ↔ ".join(c.accounts),
                band(c.old_severity, c.old_score),
                band(c.new_severity, c.new_score),
                " ".join([*(f"+{r}" for r in c.rules_added), *(f"-{r}" for r in c.rules_removed)]),
            ]
            for c in result.links
        ]
        head = [t["change"], t["accounts"], t["before"], t["after"], t["rules"]]
        out += [t["links"], tabulate(rows, head), ""]
    if result.hubs:
        rows = [
            [
                t[h.change],
                f"{h.attribute} {h.value}",
                str(len(h.accounts)),
                " ".join(f"+{a}" for a in h.joined),
                "-" if h.old_severity is None else h.old_severity.value,
                "-" if h.new_severity is None else h.new_severity.value,
            ]
            for h in result.hubs
        ]
        head = [t["change"], t["value"], t["members"], t["accounts"], t["before"], t["after"]]
        out += [t["hubs"], tabulate(rows, head), ""]
    if result.groups:
        rows = [[t[g.change], ", ".join(g.accounts)] for g in result.groups]
        out += [t["groups"], tabulate(rows, [t["change"], t["accounts"]]), ""]
    return "\n".join(out)
