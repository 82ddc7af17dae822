"""Fuzzy matching (address, company name, title): block by shared tokens, then compare.

Only distinct values that share a blocking token within the same scope (marketplace for
titles) are ever compared, and tokens held by more than `max_block` values are ignored:
`process.cdist` over all values is quadratic (libraries.md), blocking keeps it near-linear.
Values, scopes and tokens are integer codes throughout; strings come back only for the
few pairs that are compared.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from linkaudit.engine.codes import Coded, Codes, sorted_distinct
from linkaudit.engine.tokens import value_tokens
from linkaudit.inventory.arrow import labelled
from linkaudit.memory import index_dtype
from linkaudit.normalize import SIMILARITY
from linkaudit.parallel import ordered_map
from linkaudit.timing import stage
from linkaudit.vocab import AttrType

# Occurrence rows above which a rule's marketplaces are matched one after another, each
# one's word kernel spread over the cores, rather than two marketplaces at once. On L (10^7
# titles) two at once held 200-300 MB more at the scan's memory peak (3.87-4.06 against
# 3.75-3.77 GiB), beside the exact ASIN and GTIN rules that keep the other core busy.
SCOPES_APART_ROWS = 4_000_000


@dataclass(frozen=True)
class Blocking:
    """How one fuzzy rule compares: its attribute, threshold, block cap and hub threshold."""

    attribute: AttrType
    threshold: float
    max_block: int
    hub_threshold: int


def _expand(starts: Codes, counts: Codes) -> Codes:
    """starts[i], starts[i] + 1, ..., starts[i] + counts[i] - 1 for every i, concatenated."""
    ends = np.cumsum(counts)
    return np.arange(int(ends[-1]) if len(ends) else 0) + np.repeat(starts - ends + counts, counts)


def _distinct_places(coded: Coded) -> tuple[Codes, Codes]:
    """The distinct (value, scope) codes of the occurrence rows, ascending.

    Codes are dense (below the number of values and scopes), so when the rows hold one
    scope (a marketplace's own pass, the usual case) or the possible places are few for
    the rows, a count per value or place finds them in one pass instead of a sort."""
    if _one_scope(coded.scope):  # a marketplace's own pass: the places are its values
        value = _dense_or_sorted(coded.value, len(coded.values))
        return value, np.full(len(value), coded.scope[0], dtype=np.int64)
    n_scopes = len(coded.scopes) or 1
    place = coded.value * n_scopes + coded.scope
    distinct = _dense_or_sorted(place, len(coded.values) * n_scopes)
    return distinct // n_scopes, distinct % n_scopes


def _one_scope(scope: Codes) -> bool:
    """Whether the rows hold one scope (similar_pairs matches each marketplace apart)."""
    return bool(len(scope)) and scope.min() == scope.max()


def _dense_or_sorted(place: Codes, span: int) -> Codes:
    """The distinct values of `place` (all below span), ascending: counted when the span
    is small for the rows, else sorted."""
    if span <= 4 * len(place) + 1024:
        return np.flatnonzero(np.bincount(place, minlength=span)).astype(np.int64)
    return sorted_distinct(place)


def _blocks(coded: Coded, attribute: AttrType, max_block: int) -> pd.DataFrame:
    """(block, v, s): each distinct (value, scope) in each usable block (scope, token)."""
    value, scope = _distinct_places(coded)
    position, token = value_tokens(coded.values, attribute)
    held = np.bincount(token)[token]
    shared = held >= 2  # a token of one value alone blocks nothing
    if _one_scope(scope):
        # a marketplace's own pass: a token's block is every value holding it, so a token
        # in too many values is left out here, before blocks are spelled out
        shared &= held <= max_block
    del held
    position, token = position[shared], token[shared]
    per_value = np.bincount(position, minlength=len(coded.values)).astype(np.int64)
    starts = np.cumsum(per_value) - per_value
    counts = per_value[value]
    block_token = token[_expand(starts[value], counts)]
    block_value, block_scope = np.repeat(value, counts), np.repeat(scope, counts)
    block = block_scope * (int(token.max(initial=0)) + 1) + block_token
    # block sizes by a hash pass; only the usable entries (usually few: most tokens are in
    # one value or in too many) are sorted by block, stably as a sort of all would order them
    codes = pd.factorize(block)[0]
    size = np.bincount(codes)[codes]
    usable = np.flatnonzero((size >= 2) & (size <= max_block))
    usable = usable[np.argsort(block[usable], kind="stable")]
    return pd.DataFrame(
        {"block": block[usable], "v": block_value[usable], "s": block_scope[usable]}
    )


def candidate_pairs(coded: Coded, attribute: AttrType, max_block: int) -> pd.DataFrame:
    """Distinct value-code pairs (x, y, s), x's string < y's, sharing a usable token in s."""
    blocks = _blocks(coded, attribute, max_block)
    pairs = blocks.merge(blocks[["block", "v"]], on="block", suffixes=("_x", "_y"))
    pairs = pairs.loc[pairs["v_x"] < pairs["v_y"], ["v_x", "v_y", "s"]].drop_duplicates()
    x, y = pairs["v_x"].to_numpy(np.int64), pairs["v_y"].to_numpy(np.int64)
    swap = coded.strings(x) > coded.strings(y)
    return pd.DataFrame(
        {"x": np.where(swap, y, x), "y": np.where(swap, x, y), "s": pairs["s"].to_numpy()}
    )


def _scores(coded: Coded, cand: pd.DataFrame, attribute: AttrType) -> pd.DataFrame:
    """(x, y, similarity) of each distinct candidate value pair."""
    distinct = cand[["x", "y"]].drop_duplicates()
    similarity = SIMILARITY[attribute]
    xs, ys = coded.strings(distinct["x"].to_numpy()), coded.strings(distinct["y"].to_numpy())
    scores = [similarity(str(a), str(b)) for a, b in zip(xs, ys, strict=True)]
    return distinct.assign(similarity=np.asarray(scores, dtype=float))


def similar_pairs(block: Blocking, occ: pd.DataFrame, coded: Coded) -> pd.DataFrame:
    """Account pairs holding two different but similar values (>= threshold), as hits.

    `coded` holds the value and scope codes of occ's rows. Values held by more accounts
    than the hub threshold are left out: they are reported as hubs by the exact pass, and
    pairing each of their holders with every look-alike would bring back the all-pairs
    explosion hubs exist to avoid.
    """
    with stage("fuzzy"):
        usable = occ["holders"].to_numpy() <= block.hub_threshold
        # accounts as codes (a categorical's own): a Python string per row of a 10^6-row
        # listing costs 100s of MB
        account, names = labelled(occ["account_id"])
        holders = Holders(account, np.array(names, dtype=object))
        # blocks never cross scopes, so each scope (marketplace) is matched on its own: the
        # working set is that of the largest marketplaces (one per worker thread), not of
        # the whole inventory
        scopes = list(_by_scope(coded.scope, usable, len(coded.scopes)))

        def one(part: npt.NDArray[np.intp]) -> pd.DataFrame:
            if len(part) < 2:
                return pd.DataFrame()
            return _similar_in(block, coded.compact(part), holders.subset(part))

        if len(occ) > SCOPES_APART_ROWS:  # one at a time, each one's kernels on the cores
            found = [one(part) for part in scopes]
        else:
            found = ordered_map(one, scopes, rows=len(occ), cost=len)
        parts = [f for f in found if not f.empty]
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _by_scope(
    scope: Codes, usable: npt.NDArray[np.bool_], scopes: int
) -> Iterator[npt.NDArray[np.intp]]:
    """The usable rows of each of the `scopes` scope codes, ascending, in scope order, found
    one scope at a time: each usable row's position is held once (sorting every row's
    scope held 10^7 positions twice over)."""
    narrow = index_dtype(len(scope))  # each scope's row positions are held until the end
    for k in range(max(scopes, 1)):
        rows = np.flatnonzero(usable & (scope == k))
        if len(rows):
            yield rows.astype(narrow, copy=False)


@dataclass(frozen=True)
class Holders:
    """The account of each occurrence row, as a code into `names`."""

    account: npt.NDArray[np.integer]
    names: npt.NDArray[np.object_]

    def subset(self, rows: npt.NDArray[np.intp]) -> "Holders":
        return Holders(self.account[rows], self.names)


def _similar_in(block: Blocking, coded: Coded, accounts: Holders) -> pd.DataFrame:
    """similar_pairs() within one scope."""
    cand = candidate_pairs(coded, block.attribute, block.max_block)
    if cand.empty:
        return pd.DataFrame()
    scored = _scores(coded, cand, block.attribute)
    cand = cand.merge(scored.loc[scored["similarity"] >= block.threshold], on=["x", "y"])
    return _account_pairs(coded, accounts, cand)


def _account_pairs(coded: Coded, accounts: Holders, cand: pd.DataFrame) -> pd.DataFrame:
    holders = pd.DataFrame({"v": coded.value, "s": coded.scope, "acc": accounts.account})
    joined = cand.merge(holders.rename(columns={"v": "x", "acc": "acc_x"}), on=["x", "s"])
    joined = joined.merge(holders.rename(columns={"v": "y", "acc": "acc_y"}), on=["y", "s"])
    joined = joined.loc[joined["acc_x"] != joined["acc_y"]]
    acc_x = accounts.names[joined["acc_x"].to_numpy(np.int64)]
    acc_y = accounts.names[joined["acc_y"].to_numpy(np.int64)]
    value_x, value_y = coded.strings(joined["x"].to_numpy()), coded.strings(joined["y"].to_numpy())
    swap = acc_x > acc_y
    return pd.DataFrame(
        {
            "a": np.where(swap, acc_y, acc_x),
            "b": np.where(swap, acc_x, acc_y),
            "value_a": np.where(swap, value_y, value_x),
            "value_b": np.where(swap, value_x, value_y),
            "similarity": joined["similarity"].to_numpy(dtype=float),
            "scope": coded.scope_strings(joined["s"].to_numpy()),
        }
    )
