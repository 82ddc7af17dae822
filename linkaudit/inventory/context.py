"""Per-row context shared by every value of a row: account, line, marketplace, time, flags."""

from collections.abc import Callable

import numpy as np
import pandas as pd

from linkaudit.inventory.arrow import clean_cells, constant, map_distinct
from linkaudit.inventory.dates import parse_times
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import Problem
from linkaudit.inventory.sheet import Sheet
from linkaudit.normalize.base import clean
from linkaudit.vocab import MARKETPLACES, Kind, parse_marketplace

# hosting_label's answers that name a kind of network rather than a provider.
_NETWORK_WORDS = {"vps": "cloud", "datacenter": "cloud", "hosting": "cloud", "cloud": "cloud",
                  "proxy": "proxy", "vpn": "vpn"}  # fmt: skip


_TIME_COLUMNS = (
    ("seen_at", ("first_seen", "last_seen")),
    ("first_seen", ("first_seen",)),
    ("last_seen", ("last_seen",)),
)


def row_context(sheet: Sheet, issues: Issues) -> pd.DataFrame:
    """account_id, line, marketplace, first_seen, last_seen and loader flags of every row."""
    n = len(sheet.frame)
    nat = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    base = pd.DataFrame(
        {
            "account_id": sheet.ids(),
            "line": pd.Series(sheet.lines, dtype="int32"),
            "marketplace": marketplace_column(sheet, issues),
            "first_seen": nat,
            "last_seen": nat,  # one array while no time column replaces either
            "flags": constant("", n),
        },
        copy=False,
    )
    for column, targets in _TIME_COLUMNS:
        position = sheet.first(column)
        if position is not None:
            times = _times(sheet, position, issues)
            for target in targets:
                base[target] = times
    if sheet.kind is Kind.LOGINS:
        base["flags"] = _label_flags(sheet, ("source", "provider"), _network_flags)
    elif sheet.kind is Kind.ADDRESSES:
        base["flags"] = _label_flags(sheet, ("type",), _address_flag)
    return base


def marketplace_column(sheet: Sheet, issues: Issues) -> pd.Series:
    """The row's marketplace (site code) or ""; unknown codes are problems (spec 2.1)."""
    position = sheet.first("marketplace")
    if position is None:
        return constant("", len(sheet.frame))
    text = clean_cells(sheet.cells(position))
    parsed = map_distinct(text, lambda t: parse_marketplace(t) or "")
    bad = np.flatnonzero(((parsed == "") & (text != "")).to_numpy())
    why = f"unknown marketplace: expected one of {' '.join(MARKETPLACES)}"

    def make(i: int) -> Problem:
        row = int(bad[i])
        return Problem(sheet.where(position, row), sheet.headers[position], text.iloc[row], why)

    issues.add_bulk(sheet.file, sheet.headers[position], len(bad), make)
    return parsed


def _times(sheet: Sheet, position: int, issues: Issues) -> pd.Series:
    text = clean_cells(sheet.cells(position))
    times, failed = parse_times(text)
    bad = np.flatnonzero(failed.to_numpy())
    why = "not a time (expected e.g. 2026-03-01 10:00): the row is used without a time"

    def make(i: int) -> Problem:
        row = int(bad[i])
        return Problem(sheet.where(position, row), sheet.headers[position], text.iloc[row], why)

    issues.add_bulk(sheet.file, sheet.headers[position], len(bad), make)
    return times.reset_index(drop=True)


def _label_flags(sheet: Sheet, columns: tuple[str, ...], flag: Callable[[str], str]) -> pd.Series:
    """Flags from label columns, each distinct label classified once."""
    parts: list[pd.Series] = []
    for column in columns:
        for position in sheet.columns.get(column, []):
            parts.append(map_distinct(sheet.cells(position), lambda t: flag(clean(t))))
    if not parts:
        return constant("", len(sheet.frame))
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + "," + part
    if len(parts) == 1:
        return joined
    tidy = {f: ",".join(dict.fromkeys(x for x in f.split(",") if x)) for f in joined.unique()}
    return joined.map(tidy).astype("str")


def _network_flags(label: str) -> str:
    """`cloud` and `provider:<name>` for hosting labels (`Aliyun ECS`), `vpn`/`proxy` too."""
    if not label:
        return ""
    from linkaudit.normalize import network

    hosting_label: Callable[[str], str | None] | None = getattr(network, "hosting_label", None)
    found = hosting_label(label) if hosting_label else label.casefold()
    if found is None:
        return ""
    if found in _NETWORK_WORDS:
        return _NETWORK_WORDS[found]
    if hosting_label is None:
        return ""
    return f"cloud,provider:{found.replace(',', ' ')}"


def _address_flag(label: str) -> str:
    """`addr:<type>` from the addresses kind's type column (return, warehouse, ...)."""
    return f"addr:{label.casefold().replace(',', ' ')}" if label else ""
