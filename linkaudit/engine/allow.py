"""Allow-listed values (config `[[allow]]`, spec 4): removed before matching, and reported.

An allowance's value is normalised with the same normaliser as the table's values; for fuzzy
types (address, company name) it also covers spellings at least ALLOW_SIMILARITY alike. An
allowance whose `expires` date is before the scan date has lapsed: its value is evidence
again, and it is reported with expired=true. `used` says whether the value is still in the
inventory at all (false = a stale entry to delete), whether or not it has expired.
Rows derived from an allowed row (the /24 of an allowed IP, the last-4 key of an allowed
card) are the same cell, the same legitimately shared fact: they are removed with it.
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from linkaudit.config import Allow
from linkaudit.mask import mask_value
from linkaudit.normalize import DERIVED, NORMALIZERS, SIMILARITY, TOKENS, clean
from linkaudit.pseudonymise.keys import is_keyed_hash
from linkaudit.result import Allowance
from linkaudit.vocab import AttrType

ALLOW_SIMILARITY = 0.9


@dataclass(frozen=True)
class AllowOutcome:
    table: pd.DataFrame  # the attribute table without allowed rows
    allowed: pd.DataFrame  # the rows removed (reported as allowed hubs when widely shared)
    allowances: list[Allowance]


def canonical(entry: Allow, country: str | None) -> str:
    """The allowance's value as the table holds it (a keyed hash is taken as written)."""
    normalizer = NORMALIZERS.get(entry.type)
    if is_keyed_hash(entry.value.strip()):  # the config of a `linkaudit hash` copy
        return entry.value.strip()
    if normalizer is None:
        return clean(entry.value)
    return normalizer(entry.value, country).value or clean(entry.value)


def _covered(entry: Allow, value: str, values: pd.Series) -> set[str]:
    """Distinct table values of the entry's type that the allowance covers."""
    covered = {value} & set(values)
    if entry.type in SIMILARITY and not is_keyed_hash(value):  # a hash has no similarity
        tokens = set(TOKENS[entry.type](value))
        similar = SIMILARITY[entry.type]
        for other in values:
            shares_token = bool(tokens & set(TOKENS[entry.type](other)))
            if other not in covered and shares_token and similar(value, other) >= ALLOW_SIMILARITY:
                covered.add(other)
    return covered


def _shown(entry: Allow, value: str, show: bool) -> str:
    """The allowance's value as printed: a keyed hash as is, anything else masked."""
    return value if is_keyed_hash(value) else mask_value(entry.type.value, entry.value, show)


_CELL = ["account_id", "src", "line", "raw"]


def _derived_from(table: pd.DataFrame, removed: pd.Series) -> pd.Series:
    """Rows derived from the removed rows: same cell (account, source, line, raw text),
    and a type and value that DERIVED makes of a removed row's value."""
    gone = table.loc[removed & ~table["hashed"], [*_CELL, "type", "value"]]
    gone = gone[gone["type"].isin([t.value for t in DERIVED])].drop_duplicates()
    derived = pd.DataFrame(
        [
            (*cell, kind.value, value)
            for *cell, source_type, source_value in gone.itertuples(index=False)
            for kind, value, _ in DERIVED[AttrType(source_type)](str(source_value))
        ],
        columns=[*_CELL, "type", "value"],
    )
    if derived.empty:
        return pd.Series(False, index=table.index)
    candidates = table[table["value"].isin(derived["value"]) & ~removed]
    keys = pd.MultiIndex.from_frame(derived.astype(str))
    cells = pd.MultiIndex.from_frame(candidates[[*_CELL, "type", "value"]].astype(str))
    hit = pd.Series(cells.isin(keys), index=candidates.index)
    return hit.reindex(table.index, fill_value=False)


def apply_allow(
    table: pd.DataFrame, entries: list[Allow], scan_date: date, country: str | None, show: bool
) -> AllowOutcome:
    """Remove rows whose value an unexpired allowance covers; report every allowance."""
    remove = pd.Series(False, index=table.index)
    report: list[Allowance] = []
    types = {e.type.value for e in entries}  # only the types an allowance names
    distinct = {t: table.loc[table["type"] == t, "value"].drop_duplicates() for t in types}
    for entry in entries:
        value = canonical(entry, country)
        values = distinct.get(entry.type.value, pd.Series([], dtype=str))
        covered = _covered(entry, value, values) if not values.empty else set()
        hit = (table["type"] == entry.type.value) & table["value"].isin(covered)
        expired = entry.expires is not None and entry.expires < scan_date
        if not expired:
            remove |= hit
        holders = int(table.loc[hit, "account_id"].nunique())
        report.append(
            Allowance(
                type=entry.type.value,
                value=_shown(entry, value, show),
                reason=entry.reason,
                expires=entry.expires.isoformat() if entry.expires else None,
                expired=expired,
                used=holders > 0,
                matches=holders,
            )
        )
    report.sort(key=lambda a: (a.type, a.value, a.reason))
    if bool(remove.any()):
        remove |= _derived_from(table, remove)
    if not bool(remove.any()):  # the common case: no copy of a table of 10^7 rows
        return AllowOutcome(table=table, allowed=table.iloc[0:0], allowances=report)
    return AllowOutcome(table=table[~remove], allowed=table[remove], allowances=report)
