"""The attribute table's categorical columns: built from Arrow pieces, read as strings."""

import numpy as np
import pandas as pd
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from linkaudit.attributes import CATEGORICAL, conform, join_tables
from linkaudit.engine.codes import code
from linkaudit.engine.rows import type_rows
from linkaudit.engine.table import RawValue, build_table
from linkaudit.inventory import chunk
from linkaudit.inventory.arrow import (
    arrow,
    categorical,
    code_width,
    encoded_constant,
    labelled,
)
from linkaudit.vocab import AttrType

WORDS = st.lists(st.sampled_from(["", "a", "b", "ab", "é", "中", "Z", "a,b"]), max_size=12)


def _piece(values: list[str], encode: bool) -> pa.Array:
    array = pa.array(values, pa.large_string())
    return array.dictionary_encode() if encode else array


@given(st.lists(st.tuples(WORDS, st.booleans()), max_size=6))
def test_categorical_of_pieces_reads_as_the_strings(pieces: list[tuple[list[str], bool]]) -> None:
    column = categorical([_piece(values, encode) for values, encode in pieces])
    expected = [v for values, _ in pieces for v in values]
    assert [str(v) for v in column] == expected
    assert list(column.cat.categories) == sorted(set(expected))
    assert arrow(column).to_pylist() == expected
    # sorting the categorical orders it as the strings would
    assert [str(v) for v in column.sort_values(kind="stable")] == sorted(expected)


def test_constant_pieces_and_wide_dictionaries() -> None:
    labels = [f"acc-{k:04d}" for k in range(300)]  # more than int8 can number
    column = categorical(
        [encoded_constant("title", 3), pa.array(labels, pa.large_string()), encoded_constant("", 2)]
    )
    assert [str(v) for v in column] == ["title"] * 3 + labels + [""] * 2
    assert column.cat.codes.dtype == np.int16
    assert categorical([]).empty


@given(WORDS)
def test_codes_of_a_categorical_equal_codes_of_its_strings(values: list[str]) -> None:
    text = pd.Series(values, dtype="str")
    column = categorical([pa.array(values, pa.large_string())])
    codes, strings = code(column)
    expected_codes, expected_strings = code(text)
    assert codes.tolist() == expected_codes.tolist()
    assert strings.to_pylist() == expected_strings.to_pylist()
    by_code, names = labelled(column)
    assert [names[k] for k in by_code] == values
    found = type_rows(pd.DataFrame({"type": column}))
    expected: dict[str, list[int]] = {}
    for n, value in enumerate(values):
        expected.setdefault(value, []).append(n)
    assert {k: list(v) for k, v in found.items()} == expected
    assert list(found) == sorted(found)


def test_table_columns_are_categorical_and_join_merges_categories() -> None:
    one = build_table([RawValue("acc-1", AttrType.ASIN, "B000000001", marketplace="US")])
    two = build_table([RawValue("acc-2", AttrType.IP, "8.8.8.8", src="logins.csv:")])
    for table in (one, two):
        assert all(isinstance(table[c].dtype, pd.CategoricalDtype) for c in CATEGORICAL)
    both = join_tables([one, two])
    assert all(isinstance(both[c].dtype, pd.CategoricalDtype) for c in CATEGORICAL)
    assert both["account_id"].tolist() == ["acc-1", "acc-2", "acc-2"]  # IP and its /24
    assert list(both["src"].cat.categories) == ["inventory.csv:", "logins.csv:"]
    assert set(type_rows(both)) == {"asin", "ip", "ip_subnet"}
    again = conform(both.astype({c: "str" for c in CATEGORICAL}))
    assert again.equals(both)


@given(st.lists(st.sampled_from(["asin", "ip", "title"]), max_size=20))
def test_type_rows_are_ranges_for_one_run_and_positions_otherwise(types: list[str]) -> None:
    table = pd.DataFrame({"type": categorical([pa.array(types, pa.large_string())])})
    found = type_rows(table)
    expected: dict[str, list[int]] = {}
    for n, attr in enumerate(types):
        expected.setdefault(attr, []).append(n)
    assert list(found) == sorted(expected)
    for attr, rows in found.items():
        assert list(rows) == expected[attr]
        one_run = expected[attr][-1] - expected[attr][0] == len(expected[attr]) - 1
        assert isinstance(rows, range) == one_run


def test_pieces_hold_the_narrowest_codes() -> None:
    """A sheet's chunks hold their codes until the table is built: 1 byte a row for a
    constant, the narrowest width for the dictionary otherwise."""
    assert encoded_constant("asin", 5).indices.type == pa.int8()
    assert code_width(127) is np.int8 and code_width(128) is np.int16
    assert code_width(2**15) is np.int32
    few = pd.Series(["US", "CA", "US", ""] * 10, dtype="str")
    codes, dictionary = chunk._encoded("marketplace_test", arrow(few))
    assert codes.dtype == np.int8
    assert [dictionary[k].as_py() for k in codes] == few.tolist()
    many = pd.Series([f"acc-{k:04d}" for k in range(300)], dtype="str")
    codes, dictionary = chunk._encoded("account_test", arrow(many))
    assert codes.dtype == np.int16
    assert [dictionary[k].as_py() for k in codes] == many.tolist()
    chunk.forget()
