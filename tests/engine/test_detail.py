"""Evidence details (engine/detail.py): each side's tuples of sources and spellings."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from linkaudit.engine import detail

_rows = st.lists(
    st.tuples(
        st.integers(0, 2),
        st.sampled_from(["A1", "A2", "B7"]),
        st.sampled_from(["x", "y", "同"]),
        st.text(max_size=3),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(_rows, st.booleans())
def test_per_side_is_groupby_tuples(
    rows: list[tuple[int, str, str, str]], categorical: bool
) -> None:
    frame = pd.DataFrame(rows, columns=["r", "account_id", "value", "prov"])
    if categorical:  # the table's account column is a categorical
        frame["account_id"] = frame["account_id"].astype("category")
    got = detail._per_side(frame, "prov")
    want = frame.groupby(detail._SIDE, observed=True)["prov"].agg(tuple)
    assert dict(got.items()) == dict(want.items())
    assert list(got.index.names) == detail._SIDE
