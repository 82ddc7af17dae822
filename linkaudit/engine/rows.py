"""The rows one rule reads: its types, its weak/flag/value filters, and its scope key."""

import re
from dataclasses import dataclass

import pandas as pd

from linkaudit.engine.model import Match
from linkaudit.vocab import REGION_OF


@dataclass(frozen=True)
class Context:
    """What matching needs besides the table: marketplaces of each account, hub threshold."""

    markets: pd.DataFrame  # account_id, mkt: one row per (account, marketplace)
    hub_threshold: int


def flag_regex(patterns: list[str]) -> str:
    """A regex matching a comma-joined flags cell holding a flag that fits a shell pattern."""
    alts = [re.escape(p).replace(r"\*", "[^,]*").replace(r"\?", "[^,]") for p in patterns]
    return r"(?:^|,)(?:" + "|".join(alts) + r")(?:,|$)"


class ByType:
    """The attribute table split once by type, so each rule reads only its own rows."""

    def __init__(self, table: pd.DataFrame) -> None:
        self.empty = table.iloc[0:0]
        self.parts = {str(t): part for t, part in table.groupby("type", sort=True)}

    def of(self, types: list[str]) -> pd.DataFrame:
        parts = [self.parts[t] for t in types if t in self.parts]
        if not parts:
            return self.empty
        return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)


def filter_rows(tables: ByType, types: list[str], match: Match, fuzzy: bool) -> pd.DataFrame:
    """Rows of these types that pass the match's weak, flag and value filters."""
    rows = tables.of(types)
    if match.weak is not None:
        rows = rows[rows["weak"] == match.weak]
    if fuzzy:  # a keyed hash cannot be compared by similarity (spec 2.10)
        rows = rows[~rows["hashed"]]
    if match.require_flags:
        rows = rows[rows["flags"].str.contains(flag_regex(match.require_flags), regex=True)]
    if match.exclude_flags:
        rows = rows[~rows["flags"].str.contains(flag_regex(match.exclude_flags), regex=True)]
    if match.value_regex:
        rows = rows[rows["value"].str.contains(match.value_regex, regex=True)]
    return rows


def scoped(rows: pd.DataFrame, scope: str, ctx: Context) -> pd.DataFrame:
    """The rows with a `scope` column: "" for scope any, else the marketplace or region.

    A row's marketplace is its own (listings) or, when it has none, each of its account's
    marketplaces; rows of accounts without any marketplace cannot meet a scoped rule.
    """
    if scope == "any":
        return rows.assign(scope="")
    own = rows[rows["marketplace"] != ""].assign(scope=lambda f: f["marketplace"])
    bare = rows[rows["marketplace"] == ""].merge(ctx.markets, on="account_id", how="inner")
    bare = bare.rename(columns={"mkt": "scope"})
    both = pd.concat([own, bare], ignore_index=True)
    if scope == "same_region":
        both["scope"] = both["scope"].map(REGION_OF).fillna("")
        both = both[both["scope"] != ""]
    return both


def occurrences(rows: pd.DataFrame) -> pd.DataFrame:
    """Distinct (account_id, value, scope) with `holders`: accounts holding the value there."""
    occ = rows[["account_id", "value", "scope"]].drop_duplicates()
    occ = occ.assign(
        holders=occ.groupby(["value", "scope"], sort=False)["account_id"].transform("size")
    )
    return occ.reset_index(drop=True)
