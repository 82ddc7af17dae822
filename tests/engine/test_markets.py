"""The marketplaces the rows of each account name (evaluate._listed_markets), found from
the runs of the narrow account and marketplace codes, against the plain pandas answer."""

import sys

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import linkaudit.engine.evaluate  # noqa: F401  (the package exports a function by that name)
from linkaudit.attributes import category_dtype

evaluate = sys.modules["linkaudit.engine.evaluate"]

ACCOUNTS = [f"A{k}" for k in range(300)]  # more than an int8 code holds
MARKETS = ["", "US", "DE", "UK"]


def _table(rows: list[tuple[int, int]]) -> pd.DataFrame:
    accounts = [ACCOUNTS[a] for a, _ in rows]
    markets = [MARKETS[m] for _, m in rows]
    return pd.DataFrame(
        {
            "account_id": pd.Series(accounts, dtype=category_dtype(accounts)),
            "marketplace": pd.Series(markets, dtype=category_dtype(markets)),
        }
    )


def _expected(table: pd.DataFrame) -> pd.DataFrame:
    pairs = pd.DataFrame(
        {"account_id": table["account_id"].astype(str), "mkt": table["marketplace"].astype(str)}
    ).drop_duplicates()
    return pairs[pairs["mkt"] != ""].reset_index(drop=True)


# runs of one account and marketplace, as a file's rows come, and stray single rows
_runs = st.lists(st.tuples(st.integers(0, 299), st.integers(0, 3), st.integers(1, 4)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(_runs)
def test_listed_markets_are_the_distinct_named_pairs_in_order(runs: list) -> None:  # type: ignore[type-arg]
    rows = [(a, m) for a, m, n in runs for _ in range(n)]
    table = _table(rows)
    got = evaluate._listed_markets(table).reset_index(drop=True)
    want = _expected(table)
    assert got["account_id"].tolist() == want["account_id"].tolist()
    assert got["mkt"].tolist() == want["mkt"].tolist()


def test_a_change_of_marketplace_alone_starts_a_run() -> None:
    # the same account on two marketplaces one after the other, then back: three runs
    table = _table([(7, 1), (7, 1), (7, 2), (7, 1), (8, 2), (7, 3)])
    got = evaluate._listed_markets(table)
    assert list(zip(got["account_id"], got["mkt"], strict=True)) == [
        ("A7", "US"), ("A7", "DE"), ("A8", "DE"), ("A7", "UK"),
    ]  # fmt: skip
