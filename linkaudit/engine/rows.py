"""The rows one rule reads: its types, its weak/flag/value filters, and its scope key."""

import hashlib
import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from linkaudit.engine.codes import Coded, code, code_values, runs
from linkaudit.engine.model import Match
from linkaudit.inventory.arrow import labelled, take_frame
from linkaudit.vocab import REGION_OF

Rows = npt.NDArray[np.intp] | range  # a type's rows in the table (type_rows)


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
    """The attribute table split once by type, so each rule reads only its own rows.

    The loader writes each type in runs of rows (one per file column), so a type's rows are
    found from the runs of the type column's codes without reading a string, and a type held
    in one run is a zero-copy slice of the table.
    """

    def __init__(self, table: pd.DataFrame, rows: dict[str, Rows] | None = None) -> None:
        """`rows`: type_rows(table) when already known."""
        self.table = table
        self.empty = table.iloc[0:0]
        self.rows = type_rows(table) if rows is None else rows

    def _part(self, attr: str) -> pd.DataFrame:
        rows = self.rows[attr]
        if isinstance(rows, range):  # one run: a view
            return self.table.iloc[rows.start : rows.stop]
        return take_frame(self.table, rows)  # not pandas' take: see take_frame

    def of(self, types: list[str]) -> pd.DataFrame:
        parts = [self._part(t) for t in types if t in self.rows]
        if not parts:
            return self.empty
        return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)


def type_rows(table: pd.DataFrame) -> dict[str, Rows]:
    """The rows of each type, ascending, by type: a range for a type held in one run of
    rows (the loader writes a file column's values together), else their positions.

    Found from the runs of the type column's codes: no string is read, and a type in one
    run costs no row list (8 bytes a row of a 10^7-row table otherwise)."""
    codes, labels = labelled(table["type"])
    if not len(codes):
        return {}
    change = np.flatnonzero(codes[1:] != codes[:-1]) + 1
    starts = np.concatenate([[0], change])
    ends = np.concatenate([change, [len(codes)]])
    run_codes = codes[starts]
    found: dict[str, Rows] = {}
    for k in np.unique(run_codes):
        mine = np.flatnonzero(run_codes == k)
        if len(mine) == 1:
            found[labels[k]] = range(int(starts[mine[0]]), int(ends[mine[0]]))
        else:
            found[labels[k]] = np.concatenate([np.arange(starts[m], ends[m]) for m in mine])
    return {label: found[label] for label in sorted(found)}


def _where(rows: pd.DataFrame, keep: pd.Series) -> pd.DataFrame:
    """rows[keep], or rows itself (no copy) when every row is kept."""
    if bool(keep.all()):
        return rows
    return take_frame(rows, np.flatnonzero(keep.to_numpy(dtype=bool)))


def regex_flag(pattern: str) -> str:
    """The flag `linkaudit hash` writes on a hashed value whose canonical form matched
    `pattern` (a value_regex): a regex cannot read a keyed hash (spec 2.10)."""
    return "re:" + hashlib.sha256(pattern.encode()).hexdigest()[:12]


def value_matches(rows: pd.DataFrame, pattern: str) -> pd.Series:
    """value_regex on plain values; on hashed values, the class flag recorded when hashing."""
    plain = rows["value"].str.contains(pattern, regex=True)
    if not bool(rows["hashed"].any()):
        return plain
    tagged = rows["flags"].str.contains(flag_regex([regex_flag(pattern)]), regex=True)
    return plain.where(~rows["hashed"], tagged).astype(bool)


def filter_rows(tables: ByType, types: list[str], match: Match, fuzzy: bool) -> pd.DataFrame:
    """Rows of these types that pass the match's weak, flag and value filters."""
    rows = tables.of(types)
    if match.weak is not None:
        rows = _where(rows, rows["weak"] == match.weak)
    if fuzzy:  # a keyed hash cannot be compared by similarity (spec 2.10)
        rows = _where(rows, ~rows["hashed"])
    if match.require_flags:
        rows = _where(rows, rows["flags"].str.contains(flag_regex(match.require_flags), regex=True))
    if match.exclude_flags:
        rows = _where(
            rows, ~rows["flags"].str.contains(flag_regex(match.exclude_flags), regex=True)
        )
    if match.value_regex:
        rows = _where(rows, value_matches(rows, match.value_regex))
    return rows


def scoped(rows: pd.DataFrame, scope: str, ctx: Context) -> pd.DataFrame:
    """The rows with a `scope` column: "" for scope any, else the marketplace or region.

    A row's marketplace is its own (listings) or, when it has none, each of its account's
    marketplaces; rows of accounts without any marketplace cannot meet a scoped rule.
    """
    if scope == "any":
        return rows.assign(scope="")
    has_own = rows["marketplace"] != ""
    if bool(has_own.all()):  # listings: every row names its marketplace, nothing to copy
        both = rows.assign(scope=rows["marketplace"]).reset_index(drop=True)
    else:
        own = rows[has_own].assign(scope=lambda f: f["marketplace"])
        bare = rows[~has_own].merge(ctx.markets, on="account_id", how="inner")
        bare = bare.rename(columns={"mkt": "scope"})
        both = pd.concat([own, bare], ignore_index=True)
    if scope == "same_region":
        both["scope"] = both["scope"].map(REGION_OF).fillna("")
        both = both[both["scope"] != ""]
    return both


def occurrences(rows: pd.DataFrame) -> pd.DataFrame:
    """Distinct (account_id, value, scope) with `holders`: accounts holding the value there."""
    return coded_occurrences(rows)[0]


def coded_occurrences(rows: pd.DataFrame) -> tuple[pd.DataFrame, Coded]:
    """occurrences() and the value and scope codes of its rows.

    Same rows, order and counts as drop_duplicates + groupby-size, computed by sorting one
    int64 key per row instead of hashing three strings.
    """
    columns = rows[["account_id", "value", "scope"]]
    value, values = code_values(rows, "value")
    scope, scopes = code(columns["scope"])
    if len(values) == len(columns):  # every row holds its own value (titles): one holder
        occ = columns.reset_index(drop=True).assign(holders=np.ones(len(columns), np.int32))
        return occ, Coded(value, scope, values, scopes)
    account, _ = code(columns["account_id"])
    n_accounts, n_scopes = int(account.max(initial=0)) + 1, len(scopes) or 1
    place = value * n_scopes + scope
    if (int(place.max(initial=0)) + 1) * n_accounts >= 2**62:
        place = np.asarray(pd.factorize(place)[0], np.int64)  # denser keys
    order, start = runs(place * n_accounts + account)
    firsts = order[start]  # the first row of each (value, scope, account), by key
    key_place = place[firsts]
    new_place = np.ones(len(firsts), dtype=bool)
    new_place[1:] = key_place[1:] != key_place[:-1]
    group = np.cumsum(new_place) - 1
    holders = np.zeros(len(columns), dtype=np.int32)  # at most the number of accounts
    holders[firsts] = np.bincount(group)[group]
    kept = np.sort(firsts)
    # no duplicates (the usual case for titles): every row is kept, so no copy is taken
    every = len(kept) == len(columns)
    occ = (columns if every else columns.iloc[kept]).reset_index(drop=True)
    occ = occ.assign(holders=holders[kept])
    return occ, Coded(value[kept], scope[kept], values, scopes)
