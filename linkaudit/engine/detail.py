"""From a rule's hits to evidence: provenance, spellings, time spans and time decay."""

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

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


def _side_info(rows: pd.DataFrame, keys: pd.DataFrame) -> pd.DataFrame:
    """Per (account_id, value) used by a hit: span, weak/hashed, provenance, spellings."""
    used = rows.merge(keys, on=["account_id", "value"])
    used = used.assign(prov=used["src"] + used["line"].astype(str)).sort_values(["prov", "raw"])
    grouped = used.groupby(["account_id", "value"], sort=False)
    info = grouped.agg(
        first=("first_seen", "min"),
        last=("last_seen", "max"),
        weak=("weak", "any"),
        hashed=("hashed", "any"),
    )
    prov = used.drop_duplicates(["account_id", "value", "prov"])
    prov = prov[prov.groupby(["account_id", "value"]).cumcount() < MAX_SOURCES_PER_SIDE]
    raws = used.drop_duplicates(["account_id", "value", "raw"])
    raws = raws[raws.groupby(["account_id", "value"]).cumcount() < MAX_RAW]
    info["prov"] = prov.groupby(["account_id", "value"])["prov"].agg(tuple)
    info["raws"] = raws.groupby(["account_id", "value"])["raw"].agg(tuple)
    return info.reset_index()


def _decay(rule: Rule, hits: pd.DataFrame) -> np.ndarray:
    """The decay factor per hit: 0.5 ** (gap / half-life), never below the rule's floor."""
    if not rule.time_aware:
        return np.ones(len(hits))
    start = np.maximum(hits["first_a"].to_numpy(), hits["first_b"].to_numpy())
    end = np.minimum(hits["last_a"].to_numpy(), hits["last_b"].to_numpy())
    gap = pd.Series(start - end).dt.total_seconds().to_numpy() / 86400.0
    gap = np.where(np.isnan(gap), 0.0, np.maximum(gap, 0.0))
    factor = np.maximum(rule.decay.floor, 0.5 ** (gap / rule.decay.half_life_days))
    return np.asarray(factor, dtype=float)


def _with_sides(found: RuleMatches) -> pd.DataFrame:
    hits = found.hits
    keys = pd.concat(
        [
            hits[["a", "value_a"]].set_axis(["account_id", "value"], axis=1),
            hits[["b", "value_b"]].set_axis(["account_id", "value"], axis=1),
        ]
    ).drop_duplicates()
    # only the rows of values some hit uses: a filter on one column before any join
    rows = found.rows[found.rows["value"].isin(pd.unique(keys["value"]))]
    info = _side_info(rows, keys)
    for side in ("a", "b"):
        names = {c: f"{c}_{side}" for c in info.columns}
        names.update({"account_id": side, "value": f"value_{side}"})
        renamed = info.rename(columns=names)
        hits = hits.merge(renamed, on=[side, f"value_{side}"], how="left")
    holders = rows.drop_duplicates(["account_id", "value"]).groupby("value").size()
    shared = np.maximum(
        hits["value_a"].map(holders).to_numpy(), hits["value_b"].map(holders).to_numpy()
    )
    return hits.assign(shared_by=shared)


def evidence_hits(rule: Rule, found: RuleMatches) -> tuple[list[Hit], int]:
    """The rule's hits as evidence, capped per link; also how many links were capped."""
    if found.hits.empty:
        return [], 0
    hits = _with_sides(found)
    hits = hits.assign(weight=rule.weight * _decay(rule, hits))
    hits = hits.sort_values(
        ["a", "b", "weight", "value_a", "value_b"], ascending=[True, True, False, True, True]
    )
    rank = hits.groupby(["a", "b"], sort=False).cumcount()
    capped = int(hits.loc[rank == MAX_VALUES_PER_LINK, ["a", "b"]].drop_duplicates().shape[0])
    hits = hits[rank < MAX_VALUES_PER_LINK]
    return [_hit(rule, row) for row in hits.itertuples(index=False)], capped


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
