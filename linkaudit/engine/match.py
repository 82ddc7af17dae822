"""Matching one pair rule: shared values -> account pairs (hits) and hubs, never all pairs.

Values held by 2..hub_threshold accounts become pairs through a self-join on the value;
values held by more accounts become one hub each (members listed once, no pairs).
"""

from dataclasses import dataclass

import pandas as pd

from linkaudit.engine.fuzzy import similar_pairs
from linkaudit.engine.model import Rule
from linkaudit.engine.rows import ByType, Context, filter_rows, occurrences, scoped

HIT_COLUMNS = ["a", "b", "value_a", "value_b", "similarity", "scope", "attribute"]


@dataclass(frozen=True)
class HubFound:
    """A value (within a scope) held by more accounts than the hub threshold."""

    rule: str
    attribute: str
    value: str
    scope: str
    accounts: tuple[str, ...]


@dataclass(frozen=True)
class RuleMatches:
    """What one pair rule found: hits (one row per account pair and value pair) and hubs."""

    hits: pd.DataFrame  # HIT_COLUMNS
    hubs: list[HubFound]
    rows: pd.DataFrame  # the rows the rule read, with `scope`: for provenance and spans


def empty_hits() -> pd.DataFrame:
    return pd.DataFrame(
        {c: pd.Series([], dtype=float if c == "similarity" else str) for c in HIT_COLUMNS}
    )


def exact_pairs(occ: pd.DataFrame, hub_threshold: int) -> pd.DataFrame:
    """Account pairs (a < b) sharing a value held by at most hub_threshold accounts."""
    small = occ.loc[(occ["holders"] >= 2) & (occ["holders"] <= hub_threshold)]
    small = small[["account_id", "value", "scope"]]
    joined = small.merge(small, on=["value", "scope"], suffixes=("_a", "_b"))
    joined = joined[joined["account_id_a"] < joined["account_id_b"]]
    return pd.DataFrame(
        {
            "a": joined["account_id_a"].to_numpy(),
            "b": joined["account_id_b"].to_numpy(),
            "value_a": joined["value"].to_numpy(),
            "value_b": joined["value"].to_numpy(),
            "similarity": float("nan"),
            "scope": joined["scope"].to_numpy(),
        }
    )


def find_hubs(rule: Rule, attribute: str, occ: pd.DataFrame, hub_threshold: int) -> list[HubFound]:
    """One HubFound per (value, scope) held by more than hub_threshold accounts."""
    big = occ.loc[occ["holders"] > hub_threshold]
    if big.empty:
        return []
    big = big.sort_values(["value", "scope", "account_id"])
    found: list[HubFound] = []
    for (value, scope), group in big.groupby(["value", "scope"], sort=True):
        members = tuple(str(a) for a in group["account_id"])
        found.append(HubFound(rule.id, attribute, str(value), str(scope), members))
    return found


def match_rule(rule: Rule, tables: ByType, ctx: Context) -> RuleMatches:
    """Every hit and hub of one pair rule over the (allow-filtered) attribute table."""
    hits: list[pd.DataFrame] = []
    hubs: list[HubFound] = []
    rows_read: list[pd.DataFrame] = []
    for attribute in rule.attributes:
        rows = filter_rows(tables, [attribute.value], rule.match, rule.fuzzy)
        if rows.empty:
            continue
        rows = scoped(rows, rule.scope, ctx)
        occ = occurrences(rows)
        rows_read.append(rows)
        found: list[pd.DataFrame] = []
        if rule.match.equal or not rule.fuzzy:
            found.append(exact_pairs(occ, ctx.hub_threshold))
            hubs += find_hubs(rule, attribute.value, occ, ctx.hub_threshold)
        if rule.fuzzy:
            threshold = rule.match.threshold or 1.0
            found.append(
                similar_pairs(attribute, occ, threshold, rule.match.max_block, ctx.hub_threshold)
            )
        hits += [f.assign(attribute=attribute.value) for f in found if not f.empty]
    frame = pd.concat(hits, ignore_index=True) if hits else empty_hits()
    # one hit per account pair and value pair, whatever the marketplace it was met on
    frame = frame.drop_duplicates(["a", "b", "value_a", "value_b", "attribute"])
    rows_all = (
        pd.concat(rows_read, ignore_index=True) if rows_read else tables.empty.assign(scope="")
    )
    return RuleMatches(hits=frame.reset_index(drop=True), hubs=hubs, rows=rows_all)
