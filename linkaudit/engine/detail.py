"""From a rule's hits to evidence: provenance, spellings, time spans and time decay."""

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from linkaudit.attributes import provenances
from linkaudit.engine.match import RuleMatches
from linkaudit.engine.model import Rule

MAX_VALUES_PER_LINK = 25  # distinct values of one rule kept on one link (the rest: a note)
MAX_SOURCES_PER_SIDE = 5  # provenance entries per account, so at most 10 per evidence
MAX_RAW = 10


@dataclass(frozen=True)
class Hit:
    """One shared value (or pair of similar values) between accounts a < b, for one rule."""

    rule: str
    attribute: str
    a: str
    b: str
    value: str
    other_value: str | None
    similarity: float | None
    weight: float  # after time decay
    sources: tuple[str, ...]
    spans: tuple[tuple[str, str | None, str | None], ...]
    raw: tuple[str, ...]
    shared_by: int
    weak: bool
    hashed: bool


def source_order(source: str) -> tuple[str, str, int]:
    """`logins.csv:9` before `logins.csv:10`: file, then cell column, then line as a number."""
    where, _, line = source.rpartition(":")
    head = line.rstrip("0123456789")
    number = line[len(head) :]
    return (where, head, int(number)) if number else (source, "", 0)


def _iso(ts: Any) -> str | None:
    return None if pd.isna(ts) else pd.Timestamp(ts).isoformat()


_SIDE = ["r", "account_id", "value"]  # r: the rule's position in the batch


def _side_info(rows: pd.DataFrame, keys: pd.DataFrame) -> pd.DataFrame:
    """Per (rule, account_id, value) used by a hit: span, weak/hashed, provenance, spellings."""
    used = rows.merge(keys, on=_SIDE)
    used = used.assign(prov=provenances(used)).sort_values(["prov", "raw"])
    grouped = used.groupby(_SIDE, sort=False)
    info = grouped.agg(
        first=("first_seen", "min"),
        last=("last_seen", "max"),
        weak=("weak", "any"),
        hashed=("hashed", "any"),
    )
    prov = used.drop_duplicates([*_SIDE, "prov"])
    prov = prov[prov.groupby(_SIDE).cumcount() < MAX_SOURCES_PER_SIDE]
    raws = used.drop_duplicates([*_SIDE, "raw"])
    raws = raws[raws.groupby(_SIDE).cumcount() < MAX_RAW]
    info["prov"] = _per_side(prov, "prov")
    info["raws"] = _per_side(raws, "raw")
    return info.reset_index()


def _per_side(frame: pd.DataFrame, column: str) -> pd.Series:
    """frame.groupby(_SIDE)[column].agg(tuple), in one pass over plain lists (pandas
    aggregates each group into a tuple by a Python call per group: half of _side_info)."""
    grouped: dict[tuple[object, ...], list[object]] = {}
    keys = zip(*(frame[c].tolist() for c in _SIDE), strict=True)
    for key, item in zip(keys, frame[column].tolist(), strict=True):
        grouped.setdefault(key, []).append(item)
    index = pd.MultiIndex.from_tuples(list(grouped), names=_SIDE)
    return pd.Series([tuple(items) for items in grouped.values()], index=index, dtype=object)


def _decay(rules: list[Rule], hits: pd.DataFrame) -> np.ndarray:
    """The decay factor per hit: 0.5 ** (gap / half-life), never below the rule's floor;
    1 for rules that are not time-aware."""
    r = hits["r"].to_numpy()
    aware = np.array([rule.time_aware for rule in rules], dtype=bool)[r]
    if not aware.any():
        return np.ones(len(hits))
    floor = np.array([rule.decay.floor for rule in rules], dtype=float)[r]
    half_life = np.array([rule.decay.half_life_days for rule in rules], dtype=float)[r]
    start = np.maximum(hits["first_a"].to_numpy(), hits["first_b"].to_numpy())
    end = np.minimum(hits["last_a"].to_numpy(), hits["last_b"].to_numpy())
    gap = pd.Series(start - end).dt.total_seconds().to_numpy() / 86400.0
    gap = np.where(np.isnan(gap), 0.0, np.maximum(gap, 0.0))
    factor = np.maximum(floor, 0.5 ** (gap / half_life))
    return np.asarray(np.where(aware, factor, 1.0), dtype=float)


_ROW_COLUMNS = ["account_id", "value", "src", "line", "raw", "first_seen", "last_seen"]


def _with_sides(found: list[RuleMatches]) -> pd.DataFrame:
    """Every rule's hits (column r: the rule's position) with both sides' details."""
    hits = pd.concat([f.hits.assign(r=r) for r, f in enumerate(found)], ignore_index=True)
    keys = pd.concat(
        [
            hits[["r", "a", "value_a"]].set_axis(_SIDE, axis=1),
            hits[["r", "b", "value_b"]].set_axis(_SIDE, axis=1),
        ]
    ).drop_duplicates()
    # only the rows of values some hit uses: a filter on one column before any join
    parts = []
    for r, f in enumerate(found):
        values = pd.unique(keys.loc[keys["r"] == r, "value"])
        picked = f.rows[f.rows["value"].isin(values)]
        parts.append(picked[[*_ROW_COLUMNS, "weak", "hashed"]].assign(r=r))
    rows = pd.concat(parts, ignore_index=True)
    info = _side_info(rows, keys)
    for side in ("a", "b"):
        names = {c: f"{c}_{side}" for c in info.columns}
        names.update({"r": "r", "account_id": side, "value": f"value_{side}"})
        renamed = info.rename(columns=names)
        hits = hits.merge(renamed, on=["r", side, f"value_{side}"], how="left")
    holders = rows.drop_duplicates(_SIDE).groupby(["r", "value"]).size()

    def held(side: str) -> np.ndarray:
        where = pd.MultiIndex.from_arrays([hits["r"], hits[f"value_{side}"]])
        return holders.reindex(where).to_numpy()

    return hits.assign(shared_by=np.maximum(held("a"), held("b")))


def evidence_hits(found: list[tuple[Rule, RuleMatches]]) -> list[tuple[list[Hit], int]]:
    """Each rule's hits as evidence, capped per link, and how many of its links were capped
    (one batch: the per-call cost of the joins is paid once, not once per rule)."""
    out: list[tuple[list[Hit], int]] = [([], 0) for _ in found]
    batch = [(i, rule, f) for i, (rule, f) in enumerate(found) if not f.hits.empty]
    if not batch:
        return out
    rules = [rule for _, rule, _ in batch]
    hits = _with_sides([f for _, _, f in batch])
    weight = np.array([rule.weight for rule in rules], dtype=float)[hits["r"].to_numpy()]
    hits = hits.assign(weight=weight * _decay(rules, hits))
    hits = hits.sort_values(
        ["r", "a", "b", "weight", "value_a", "value_b"],
        ascending=[True, True, True, False, True, True],
    )
    rank = hits.groupby(["r", "a", "b"], sort=False).cumcount()
    capped = hits.loc[rank == MAX_VALUES_PER_LINK, ["r", "a", "b"]].drop_duplicates()
    capped_by = np.bincount(capped["r"].to_numpy(dtype=np.int64), minlength=len(batch))
    hits = hits[rank < MAX_VALUES_PER_LINK]
    made: dict[int, list[Hit]] = {}
    for row, r in zip(hits.itertuples(index=False), hits["r"].tolist(), strict=True):
        made.setdefault(r, []).append(_hit(rules[r], row))
    for r, (i, _, _) in enumerate(batch):
        out[i] = (made.get(r, []), int(capped_by[r]))
    return out


def _hit(rule: Rule, row: object) -> Hit:
    get = row.__getattribute__
    fuzzy_pair = get("value_a") != get("value_b")
    similarity = get("similarity")
    spans = tuple(
        (get(side), _iso(get(f"first_{side}")), _iso(get(f"last_{side}")))
        for side in ("a", "b")
        if not (pd.isna(get(f"first_{side}")) and pd.isna(get(f"last_{side}")))
    )
    return Hit(
        rule=rule.id,
        attribute=str(get("attribute")),
        a=str(get("a")),
        b=str(get("b")),
        value=str(get("value_a")),
        other_value=str(get("value_b")) if fuzzy_pair else None,
        similarity=None if pd.isna(similarity) else round(float(similarity), 4),
        weight=float(get("weight")),
        sources=tuple(sorted(set(get("prov_a")) | set(get("prov_b")), key=source_order)),
        spans=spans,
        raw=tuple(sorted(set(get("raws_a")) | set(get("raws_b"))))[:MAX_RAW],
        shared_by=int(get("shared_by")),
        weak=bool(get("weak_a")) or bool(get("weak_b")),
        hashed=bool(get("hashed_a")) or bool(get("hashed_b")),
    )
