"""Matching one pair rule: shared values -> account pairs (hits) and hubs, never all pairs.

Values held by 2..hub_threshold accounts become pairs through a self-join on the value;
values held by more accounts become one hub each (members listed once, no pairs).
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from linkaudit.engine.codes import Coded, repeated
from linkaudit.engine.fuzzy import Blocking, similar_pairs
from linkaudit.engine.model import Rule
from linkaudit.engine.rows import ByType, Context, coded_occurrences, filter_rows, scoped
from linkaudit.inventory.arrow import take_frame

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


def exact_pairs(occ: pd.DataFrame, coded: Coded, hub_threshold: int) -> pd.DataFrame:
    """Account pairs (a < b) sharing a value held by at most hub_threshold accounts.

    Values held by one account are dropped before the self-join, which runs on the integer
    (value, scope) codes; only the joined rows are turned back into strings.
    """
    holders = occ["holders"].to_numpy()
    small = np.flatnonzero((holders >= 2) & (holders <= hub_threshold))
    place = coded.value[small] * (len(coded.scopes) or 1) + coded.scope[small]
    side = pd.DataFrame({"place": place, "row": np.arange(len(small))})
    joined = side.merge(side, on="place", suffixes=("_a", "_b"))
    accounts = occ["account_id"].iloc[small].to_numpy(dtype=object)
    row_a, row_b = joined["row_a"].to_numpy(), joined["row_b"].to_numpy()
    keep = accounts[row_a] < accounts[row_b]
    row_a, row_b = row_a[keep], row_b[keep]
    coded = coded.subset(small)
    value = coded.strings(coded.value[row_a])
    return pd.DataFrame(
        {
            "a": accounts[row_a],
            "b": accounts[row_b],
            "value_a": value,
            "value_b": value,
            "similarity": float("nan"),
            "scope": coded.scope_strings(coded.scope[row_a]),
        }
    )


def find_hubs(rule: Rule, attribute: str, occ: pd.DataFrame, hub_threshold: int) -> list[HubFound]:
    """One HubFound per (value, scope) held by more than hub_threshold accounts."""
    big_rows = np.flatnonzero(occ["holders"].to_numpy() > hub_threshold)
    if not len(big_rows):
        return []
    big = take_frame(occ, big_rows)
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
        if not rule.fuzzy:  # exact and prefix: a value in one row only can never be shared
            rows = repeated(rows)
        if rows.empty:
            continue
        rows = scoped(rows, rule.scope, ctx)
        occ, coded = coded_occurrences(rows)
        rows_read.append(rows)
        found: list[pd.DataFrame] = []
        if rule.match.equal or not rule.fuzzy:
            found.append(exact_pairs(occ, coded, ctx.hub_threshold))
            hubs += find_hubs(rule, attribute.value, occ, ctx.hub_threshold)
        if rule.fuzzy:
            threshold = rule.match.threshold or 1.0
            block = Blocking(attribute, threshold, rule.match.max_block, ctx.hub_threshold)
            found.append(similar_pairs(block, occ, coded))
        hits += [f.assign(attribute=attribute.value) for f in found if not f.empty]
    frame = pd.concat(hits, ignore_index=True) if hits else empty_hits()
    # one hit per account pair and value pair, whatever the marketplace it was met on
    frame = frame.drop_duplicates(["a", "b", "value_a", "value_b", "attribute"])
    rows_all = (
        pd.concat(rows_read, ignore_index=True) if rows_read else tables.empty.assign(scope="")
    )
    return RuleMatches(hits=frame.reset_index(drop=True), hubs=hubs, rows=rows_all)
