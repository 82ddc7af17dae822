"""A small attribute table from raw values, through the real normalisers (rule examples, tests).

The inventory loader builds the real table from files; this builds the same shape from a
list of `RawValue`s so that rule examples and tests exercise the normalisers the scan uses.
"""

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from linkaudit.attributes import ATTRIBUTE_COLUMNS, conform, empty_table
from linkaudit.normalize import DERIVED, NORMALIZERS, clean
from linkaudit.vocab import AttrType


@dataclass(frozen=True)
class RawValue:
    """One raw cell of an inventory: whose it is, its type, and what the loader knows of it."""

    account_id: str
    type: AttrType
    raw: str
    marketplace: str = ""
    first_seen: str | None = None
    last_seen: str | None = None
    flags: tuple[str, ...] = ()
    src: str = "inventory.csv:"
    line: int = 0  # 0 = numbered in order from 2 (the line after a CSV header)
    country: str | None = None
    hashed: bool = False


def _rows(item: RawValue, line: int) -> list[dict[str, object]]:
    flags: tuple[str, ...]
    if item.hashed or item.type not in NORMALIZERS:
        value, weak, flags = clean(item.raw), False, ()
    else:
        norm = NORMALIZERS[item.type](item.raw, item.country)
        if norm.value is None:
            return []
        value, weak, flags = norm.value, norm.weak, norm.flags
    base = {
        "account_id": item.account_id,
        "raw": clean(item.raw),
        "src": item.src,
        "line": line,
        "marketplace": item.marketplace,
        "first_seen": pd.Timestamp(item.first_seen) if item.first_seen else pd.NaT,
        "last_seen": pd.Timestamp(item.last_seen or item.first_seen) if item.first_seen else pd.NaT,
        "flags": ",".join([*flags, *item.flags]),
        "hashed": item.hashed,
    }
    rows = [{**base, "type": item.type.value, "value": value, "weak": weak}]
    derive = DERIVED.get(item.type)
    if derive is not None and not item.hashed:
        rows += [{**base, "type": t.value, "value": v, "weak": w} for t, v, w in derive(value)]
    return rows


def build_table(values: Iterable[RawValue]) -> pd.DataFrame:
    """The attribute table (linkaudit.attributes) of these raw values; unusable ones dropped."""
    rows: list[dict[str, object]] = []
    for n, item in enumerate(values):
        rows += _rows(item, item.line or n + 2)
    if not rows:
        return empty_table()
    frame = pd.DataFrame(rows, columns=list(ATTRIBUTE_COLUMNS))
    return conform(frame)
