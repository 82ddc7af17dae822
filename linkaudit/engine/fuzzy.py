"""Fuzzy matching (address, company name, title): block by shared tokens, then compare.

Only distinct values that share a blocking token within the same scope (marketplace for
titles) are ever compared, and tokens held by more than `max_block` values are ignored:
`process.cdist` over all values is quadratic (libraries.md), blocking keeps it near-linear.
"""

import numpy as np
import pandas as pd

from linkaudit.normalize import SIMILARITY, TOKENS
from linkaudit.vocab import AttrType


def _tokens(values: np.ndarray, attribute: AttrType) -> pd.DataFrame:
    """(value, token) for every distinct value; computed once per distinct value."""
    tokenize = TOKENS[attribute]
    lists = [sorted(set(tokenize(str(v)))) for v in values]
    lengths = np.fromiter((len(t) for t in lists), dtype=np.int64, count=len(lists))
    flat = [t for tokens in lists for t in tokens]
    return pd.DataFrame({"value": np.repeat(values, lengths), "token": flat})


def candidate_pairs(occ: pd.DataFrame, attribute: AttrType, max_block: int) -> pd.DataFrame:
    """Distinct value pairs (value_x < value_y, scope) that share a usable blocking token."""
    values = occ[["value", "scope"]].drop_duplicates()
    if len(values) < 2:
        return pd.DataFrame(columns=["value_x", "value_y", "scope"])
    tokens = _tokens(values["value"].unique(), attribute)
    blocks = values.merge(tokens, on="value").drop_duplicates()
    size = blocks.groupby(["scope", "token"], sort=False)["value"].transform("size")
    blocks = blocks.loc[(size >= 2) & (size <= max_block)]
    pairs = blocks.merge(blocks, on=["scope", "token"])
    pairs = pairs.loc[pairs["value_x"] < pairs["value_y"], ["value_x", "value_y", "scope"]]
    return pairs.drop_duplicates().reset_index(drop=True)


def similar_pairs(
    attribute: AttrType, occ: pd.DataFrame, threshold: float, max_block: int, hub_threshold: int
) -> pd.DataFrame:
    """Account pairs holding two different but similar values (>= threshold), as hits.

    Values held by more accounts than the hub threshold are left out: they are reported as
    hubs by the exact pass, and pairing each of their holders with every look-alike would
    bring back the all-pairs explosion hubs exist to avoid.
    """
    occ = occ.loc[occ["holders"] <= hub_threshold]
    cand = candidate_pairs(occ, attribute, max_block)
    if cand.empty:
        return pd.DataFrame()
    distinct = cand[["value_x", "value_y"]].drop_duplicates()
    similarity = SIMILARITY[attribute]
    scores = [
        similarity(x, y) for x, y in zip(distinct["value_x"], distinct["value_y"], strict=True)
    ]
    distinct = distinct.assign(similarity=scores)
    distinct = distinct.loc[distinct["similarity"] >= threshold]
    cand = cand.merge(distinct, on=["value_x", "value_y"])
    left = occ[["account_id", "value", "scope"]].rename(
        columns={"account_id": "acc_x", "value": "value_x"}
    )
    right = occ[["account_id", "value", "scope"]].rename(
        columns={"account_id": "acc_y", "value": "value_y"}
    )
    joined = cand.merge(left, on=["value_x", "scope"]).merge(right, on=["value_y", "scope"])
    joined = joined.loc[joined["acc_x"] != joined["acc_y"]]
    swap = (joined["acc_x"] > joined["acc_y"]).to_numpy()
    return pd.DataFrame(
        {
            "a": np.where(swap, joined["acc_y"], joined["acc_x"]),
            "b": np.where(swap, joined["acc_x"], joined["acc_y"]),
            "value_a": np.where(swap, joined["value_y"], joined["value_x"]),
            "value_b": np.where(swap, joined["value_x"], joined["value_y"]),
            "similarity": joined["similarity"].to_numpy(dtype=float),
            "scope": joined["scope"].to_numpy(),
        }
    )
