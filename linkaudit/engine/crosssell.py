"""Cross-selling (交叉销售): linked accounts selling the same ASIN/GTIN on the same marketplace.

Only pairs already linked are examined (one join per link's listings, never all pairs).
The same product on different marketplaces is not cross-selling (domain notes).
"""

import numpy as np
import pandas as pd

from linkaudit.engine.codes import KEY, code, sorted_distinct
from linkaudit.engine.rows import Context, scoped
from linkaudit.inventory.arrow import labelled, take_frame
from linkaudit.inventory.model import AccountRecord
from linkaudit.result import CrossSelling

MAX_EXAMPLES = 10
PRODUCT_TYPES = ("asin", "gtin")
_READ = ["account_id", "type", "value", "marketplace", "src", "line", KEY]  # columns used


def _newer(a: str, b: str, accounts: dict[str, AccountRecord]) -> str | None:
    """The account opened later (usually told to delist), None when unknown or equal."""
    opened_a = accounts[a].opened if a in accounts else None
    opened_b = accounts[b].opened if b in accounts else None
    if not opened_a or not opened_b or opened_a == opened_b:
        return None
    return a if opened_a > opened_b else b


def _shared(frame: pd.DataFrame, linked: set[str]) -> pd.DataFrame:
    """The rows of linked accounts holding a value that another linked account holds too.

    Decided on the account codes and value keys alone, as small integer arrays (half an
    estate's listings can belong to linked accounts); the other columns are copied for the
    few rows that remain.
    """
    columns = [c for c in _READ if c in frame.columns]
    accounts, names = labelled(frame["account_id"])
    wanted = np.zeros(len(names) + 1, dtype=bool)  # the last slot: code -1, no account
    wanted[[k for k, name in enumerate(names) if name in linked]] = True
    mine = np.flatnonzero(wanted[accounts])
    if not len(mine):
        return frame.iloc[0:0][columns]
    if KEY in frame.columns:
        values = frame[KEY].to_numpy()[mine].astype(np.int64)
    else:
        values = code(frame["value"].iloc[mine])[0]
    values -= values.min()
    # a value in one row is held by one account: only values in two rows or more are
    # sorted (most listings are an account's own product)
    again = np.flatnonzero(np.bincount(values)[values] >= 2)
    # distinct (value, account) pairs, sorted by value: a value whose run holds two or more
    # pairs is held by two accounts
    pairs = sorted_distinct(values[again] * len(names) + accounts[mine][again])
    held = pairs // len(names)
    starts = np.flatnonzero(np.concatenate([[True], held[1:] != held[:-1]]))
    lengths = np.diff(np.append(starts, len(held)))
    shared = np.zeros(int(values.max()) + 1, dtype=bool)
    shared[held[starts[lengths >= 2]]] = True
    return take_frame(frame[columns], mine[shared[values]]).reset_index(drop=True)


def cross_selling(
    listed: list[pd.DataFrame],
    pairs: list[tuple[str, str]],
    accounts: dict[str, AccountRecord],
    ctx: Context,
) -> dict[tuple[str, str], list[CrossSelling]]:
    """Per linked pair: one CrossSelling per marketplace on which both sell a product.

    `listed` holds the attribute-table rows of the PRODUCT_TYPES, a frame per type."""
    if not pairs or not listed:
        return {}
    linked = {acc for pair in pairs for acc in pair}
    # only values two of the linked accounts hold can overlap: the string work below is
    # then on a few rows only (and the linked accounts' rows are taken from each type's
    # rows before they are joined: joining 10^6 listings first copies them all)
    products = pd.concat([_shared(frame, linked) for frame in listed], ignore_index=True)
    if products.empty:
        return {}
    products = scoped(products, "same_marketplace", ctx)
    # a listing row's ASIN and GTIN are one product: count products by the row they came from
    # (a workbook's src ends in the cell's column letter: `book.xlsx:sheet!C`; drop it so the
    # ASIN in column C and the GTIN in column D of one row are one product)
    row_of = products["src"].astype("str").str.replace(r"![A-Z]+$", "!", regex=True)
    products = products.assign(product=row_of + products["line"].astype(str))
    products = products.sort_values("product")[["account_id", "scope", "type", "value", "product"]]
    products = products.drop_duplicates(["account_id", "scope", "type", "value"])
    frame = pd.DataFrame(pairs, columns=["a", "b"])
    joined = frame.merge(products.rename(columns={"account_id": "a"}), on="a").merge(
        products.rename(columns={"account_id": "b"}).drop(columns="product"),
        on=["b", "scope", "type", "value"],
    )
    # per (a, b, marketplace), in that order: distinct products, ASIN rows, rows and the
    # values; one pass over plain lists (pandas aggregates a list per group by a Python
    # call per group)
    per_market: dict[tuple[str, str, str], tuple[set[str], list[str], list[str]]] = {}
    columns = [joined[c].astype("str").tolist() for c in ("a", "b", "scope", "type", "value")]
    products_of = joined["product"].astype("str").tolist()
    for a, b, market, kind, value, product in zip(*columns, products_of, strict=True):
        held, asins, values = per_market.setdefault((a, b, market), (set(), [], []))
        held.add(product)
        values.append(value)
        if kind == "asin":
            asins.append(value)
    out: dict[tuple[str, str], list[CrossSelling]] = {}
    for (a, b, market), (held, asins, values) in sorted(per_market.items(), key=lambda kv: kv[0]):
        out.setdefault((a, b), []).append(
            CrossSelling(
                marketplace=market,
                overlap=len(held),
                asins=len(asins),
                gtins=len(values) - len(asins),
                examples=sorted(values)[:MAX_EXAMPLES],
                newer_account=_newer(a, b, accounts),
                opened={a: _opened(a, accounts), b: _opened(b, accounts)},
            )
        )
    return out


def _opened(account: str, accounts: dict[str, AccountRecord]) -> str | None:
    record = accounts.get(account)
    return record.opened if record else None
