"""Hubs: values shared by more accounts than `scan.hub_threshold`, reported once each.

A hub in the seller's own estate (every store behind one office IP) is a real, severe link
and joins its members into one group; a shared service is allow-listed and reported with
allowed=true, joining nothing. Shared-product hubs (rules with hub_groups: false) are
reported but join nothing either: unrelated resellers list the same famous ASIN.
"""

import hashlib

import pandas as pd

from linkaudit.attributes import provenances
from linkaudit.config import Approved
from linkaudit.engine.links import display
from linkaudit.engine.match import HubFound
from linkaudit.engine.model import Rule
from linkaudit.engine.rows import ByType, Context, filter_rows, occurrences, scoped
from linkaudit.engine.score import band, max_severity
from linkaudit.result import Hub
from linkaudit.vocab import Severity

MAX_HUB_SOURCES = 10


def hub_id(found: HubFound) -> str:
    text = "\n".join([found.rule, found.attribute, found.value, found.scope])
    return "h-" + hashlib.sha1(text.encode()).hexdigest()[:10]


def hub_severity(rule: Rule) -> Severity:
    return max_severity([band(rule.weight), rule.severity])


def _sources(found: list[HubFound], rows: pd.DataFrame) -> dict[tuple[str, str], list[str]]:
    keys = pd.DataFrame({"value": [f.value for f in found], "scope": [f.scope for f in found]})
    used = rows.merge(keys.drop_duplicates(), on=["value", "scope"])
    prov = provenances(used).rename("prov")
    used = used.assign(prov=prov).drop_duplicates(["value", "scope", "prov"]).sort_values("prov")
    used = used[used.groupby(["value", "scope"]).cumcount() < MAX_HUB_SOURCES]
    return {(str(v), str(s)): list(p) for (v, s), p in used.groupby(["value", "scope"])["prov"]}


def hubs_out(
    rule: Rule, found: list[HubFound], rows: pd.DataFrame, show: bool, allowed: bool
) -> list[Hub]:
    """Hub outputs of one rule, values masked."""
    if not found:
        return []
    sources = _sources(found, rows)
    hashed = set(rows.loc[rows["hashed"], "value"]) if bool(rows["hashed"].any()) else set()
    return [
        Hub(
            id=hub_id(f),
            rule=rule.id,
            attribute=f.attribute,
            value=display(f.attribute, f.value, f.value in hashed, show),
            members=len(f.accounts),
            accounts=list(f.accounts),
            severity=hub_severity(rule),
            weight=rule.weight,
            sources=sources.get((f.value, f.scope), []),
            allowed=allowed,
            hub_groups=rule.hub_groups,
        )
        for f in found
    ]


def mark_approved(hubs: list[Hub], approved: list[Approved]) -> list[Hub]:
    """Hubs whose members are all in one [[approved]] list, marked approved (spec 4:
    approved accounts are reported, and never fail a run)."""
    lists = [set(entry.accounts) for entry in approved]
    return [
        h.model_copy(update={"approved": True})
        if any(set(h.accounts) <= members for members in lists)
        else h
        for h in hubs
    ]


def allowed_hubs(rules: list[Rule], allowed: pd.DataFrame, ctx: Context, show: bool) -> list[Hub]:
    """Allow-listed values that would have been hubs: reported, joining no group."""
    out: list[Hub] = []
    seen: set[str] = set()
    tables = ByType(allowed)
    for rule in rules:
        for attribute in rule.attributes:
            if attribute.value in seen:
                continue
            rows = filter_rows(tables, [attribute.value], rule.match, rule.fuzzy)
            if rows.empty:
                continue
            seen.add(attribute.value)
            rows = scoped(rows, rule.scope, ctx)
            occ = occurrences(rows)
            big = occ[occ["holders"] > ctx.hub_threshold]
            found = [
                HubFound(rule.id, attribute.value, str(v), str(s), tuple(sorted(g["account_id"])))
                for (v, s), g in big.groupby(["value", "scope"], sort=True)
            ]
            out += hubs_out(rule, found, rows, show, allowed=True)
    return out
