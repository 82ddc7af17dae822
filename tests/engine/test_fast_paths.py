"""The code-based fast paths agree with the plain pandas/Python definitions they replace."""

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkaudit.engine import tokens
from linkaudit.engine.codes import (
    KEY,
    Coded,
    _packed,
    code,
    code_values,
    first_of_each,
    sorted_distinct,
    value_keys,
)
from linkaudit.engine.crosssell import _shared
from linkaudit.engine.fuzzy import Blocking, _distinct_places, similar_pairs
from linkaudit.engine.hashing import string_hashes
from linkaudit.engine.rows import coded_occurrences, type_rows
from linkaudit.engine.table import RawValue, build_table
from linkaudit.engine.tokens import _distinct, _title_kernel, value_tokens
from linkaudit.inventory.arrow import not_plain
from linkaudit.normalize import SIMILARITY, TOKENS
from linkaudit.vocab import AttrType

TITLES = [
    "product 123 for home and garden model 7",
    "stainless steel bottle steel 750ml",
    "the and for",
    "",
    "a  b   ccc  ccc",
    "蓝牙 耳机 bluetooth headset",
    "tab\there words",
    "new pack pcs bluetooth",
    "x\u3000wide space",
    "café crème brûlée",
]


def test_title_kernel_matches_the_registry() -> None:
    values = TITLES * 3 + [f"word{i % 13} item{i} 12{i % 5} the pack" for i in range(200)]
    array = pa.chunked_array([pa.array(values, pa.large_string())])
    rows = ~not_plain(array)
    assert 0 < rows.sum() < len(values)  # some rows are left to the registry
    position, hashes = _title_kernel(array, rows)
    got = {(int(p), int(h)) for p, h in zip(position, hashes, strict=True)}
    assert got == _registry_hashes(values, rows)


def _registry_hashes(values: list[str], rows: np.ndarray) -> set[tuple[int, int]]:
    """(position, hash) of each registry title token of the chosen values."""
    out = set()
    for i in np.flatnonzero(rows):
        tokens = TOKENS[AttrType.TITLE](values[i])
        hashes = string_hashes(pa.chunked_array([pa.array(tokens, pa.large_string())]))
        out |= {(int(i), int(h)) for h in hashes}
    return out


_WORDS = st.sampled_from(
    ["a", "an", "for", "the", "and", "compatible", "compatibles", "compatibly", "upgraded",
     "portable", "colour", "colours", "abc", "abcdefgh", "abcdefghi", "abcdefghijklmnopq", "x9",
     "750ml"]
)  # fmt: skip


@given(
    st.lists(
        st.lists(_WORDS, max_size=8).map(" ".join)
        | st.text(alphabet="ab cdefor", max_size=30)
        | st.text(max_size=12),
        max_size=30,
    ),
    st.integers(1, 5),
    st.sampled_from([1, 2, 3, 7, 1 << 16]),
)
@settings(max_examples=300, deadline=None)
def test_title_kernel_agrees_with_the_registry_on_any_text(
    values: list[str], split: int, window: int
) -> None:
    """Words at value edges, runs of spaces, empty values, stop words and their longer
    cousins, any chunking and any window of values: the byte kernel finds exactly the
    registry's tokens, each at its own value's position."""
    chunks = [pa.array(values[i::split], pa.large_string()) for i in range(split)]
    ordered = [v for i in range(split) for v in values[i::split]]
    array = pa.chunked_array(chunks, pa.large_string())
    rows = ~not_plain(array)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens, "WINDOW", window)
        position, hashes = _title_kernel(array, rows)
    got = {(int(p), int(h)) for p, h in zip(position, hashes, strict=True)}
    assert got == _registry_hashes(ordered, rows)


@pytest.mark.parametrize("attr", [AttrType.TITLE, AttrType.ADDRESS, AttrType.COMPANY_NAME])
def test_value_tokens_give_one_code_per_distinct_token(attr: AttrType) -> None:
    values = TITLES * 2 + ["no 12 road 5", "Acme Trading Co Ltd", "acme trading"]
    position, codes = value_tokens(pa.chunked_array([pa.array(values, pa.large_string())]), attr)
    expected = {(i, t) for i, v in enumerate(values) for t in TOKENS[attr](v)}
    assert len(set(zip(position.tolist(), codes.tolist(), strict=True))) == len(expected)
    by_token: dict[str, set[int]] = {}
    for i, t in expected:
        by_token.setdefault(t, set()).add(i)
    by_code: dict[int, set[int]] = {}
    for p, c in zip(position.tolist(), codes.tolist(), strict=True):
        by_code.setdefault(c, set()).add(p)
    assert sorted(map(sorted, by_code.values())) == sorted(map(sorted, by_token.values()))


def test_first_of_each_is_drop_duplicates() -> None:
    key = np.random.default_rng(3).integers(0, 50, 1000)
    assert np.array_equal(first_of_each(key), ~pd.Series(key).duplicated().to_numpy())


def _frame(rng: np.random.Generator, n: int) -> pd.DataFrame:
    words = np.array(["red", "bottle", "steel", "lamp", "desk", "chair", "oak", "pine"])
    titles = [" ".join(rng.choice(words, 4)) + f" {rng.integers(0, 30)}" for _ in range(n)]
    return pd.DataFrame(
        {
            "account_id": pd.Series([f"acc-{i}" for i in rng.integers(0, 40, n)], dtype="str"),
            "value": pd.Series(titles, dtype="str"),
            "scope": pd.Series(rng.choice(["US", "DE"], n), dtype="str"),
        }
    )


def _reference_occurrences(rows: pd.DataFrame) -> pd.DataFrame:
    occ = rows[["account_id", "value", "scope"]].drop_duplicates()
    holders = occ.groupby(["value", "scope"], sort=False)["account_id"].transform("size")
    return occ.assign(holders=holders).reset_index(drop=True)


def _reference_similar(occ: pd.DataFrame, block: Blocking) -> set[tuple[str, str, str, str, float]]:
    """The blocking definition, written directly: every pair sharing a small block."""
    occ = occ[occ["holders"] <= block.hub_threshold]
    values = occ[["value", "scope"]].drop_duplicates()
    blocks: dict[tuple[str, str], set[str]] = {}
    for value, scope in values.itertuples(index=False):
        for token in TOKENS[block.attribute](value):
            blocks.setdefault((scope, token), set()).add(value)
    out = set()
    similarity = SIMILARITY[block.attribute]
    held = occ.groupby(["value", "scope"])["account_id"].agg(set).to_dict()
    for (scope, _), members in blocks.items():
        if not 2 <= len(members) <= block.max_block:
            continue
        for x in members:
            for y in members:
                score = similarity(x, y) if x < y else 0.0
                if x < y and score >= block.threshold:
                    for ax in held[(x, scope)]:
                        for ay in held[(y, scope)]:
                            if ax != ay:
                                a, b, va, vb = (ax, ay, x, y) if ax < ay else (ay, ax, y, x)
                                out.add((a, b, va, vb, round(score, 9)))
    return out


@pytest.mark.parametrize(
    ("seed", "max_block"),
    # 25: every word's block too large; 120: some words' blocks (~100-140 values) usable
    # in one marketplace and not in the other; 400: every block usable
    [(1, 25), (2, 25), (3, 25), (1, 120), (2, 120), (3, 400)],
)
def test_occurrences_and_similar_pairs_match_the_definitions(seed: int, max_block: int) -> None:
    rows = _frame(np.random.default_rng(seed), 600)
    occ, coded = coded_occurrences(rows)
    pd.testing.assert_frame_equal(occ, _reference_occurrences(rows), check_dtype=False)
    block = Blocking(AttrType.TITLE, 0.8, max_block, 10)
    got = similar_pairs(block, occ, coded)
    found = {(r.a, r.b, r.value_a, r.value_b, round(r.similarity, 9)) for r in got.itertuples()}
    expected = _reference_similar(occ, block)
    assert found == expected
    assert bool(expected) is (max_block > 25)


@pytest.mark.parametrize("keyed", [False, True])
def test_occurrences_of_rows_that_each_hold_their_own_value(keyed: bool) -> None:
    """Every value in one row only (a listings file's titles): one holder each, no sort."""
    rows = _frame(np.random.default_rng(4), 300)
    rows["value"] = pd.Series([f"{v} item{i}" for i, v in enumerate(rows["value"])], dtype="str")
    if keyed:
        typed = rows.assign(type=pd.Series(["title"] * len(rows), dtype="str"))
        rows = rows.assign(**{KEY: value_keys(typed, type_rows(typed))})
    occ, coded = coded_occurrences(rows)
    pd.testing.assert_frame_equal(occ, _reference_occurrences(rows), check_dtype=False)
    assert coded.strings(coded.value).tolist() == rows["value"].tolist()
    block = Blocking(AttrType.TITLE, 0.8, 400, 10)  # blocks big enough to compare in
    got = similar_pairs(block, occ, coded)
    found = {(r.a, r.b, r.value_a, r.value_b, round(r.similarity, 9)) for r in got.itertuples()}
    assert found and found == _reference_similar(occ, block)


KEY_VALUES = st.lists(
    st.tuples(
        st.sampled_from(["asin", "ip", "title"]),
        st.one_of(
            st.text(alphabet="AB0129.", max_size=12),  # packable: small alphabet, short
            st.text(max_size=30),  # anything: dictionary-encoded
        ),
    ),
    max_size=60,
)


@given(KEY_VALUES)
@settings(max_examples=200, deadline=None)
def test_value_keys_are_equal_exactly_when_type_and_value_are(pairs: list[tuple[str, str]]) -> None:
    table = pd.DataFrame(
        {"type": pd.Series([t for t, _ in pairs], dtype="str"),
         "value": pd.Series([v for _, v in pairs], dtype="str")}
    )  # fmt: skip
    keys = value_keys(table, type_rows(table)).tolist()
    for i in range(len(pairs)):
        for j in range(len(pairs)):
            assert (keys[i] == keys[j]) == (pairs[i] == pairs[j])


@pytest.mark.parametrize(
    "values",
    [
        ["B0AAAA0001", "B0AAAA0002", "B0AAAA0001"],  # one width
        ["1.2.3.4", "1.2.3.40", "1.2.3.4", "10.2.3.4", "1.2.3.4"],  # widths differ: 0 pads
        ["a", "ab", "abc", "b", "a"],
        ["é", "e", "é", "ée"],  # multi-byte characters
    ],
)
def test_packed_values_are_injective(values: list[str]) -> None:
    packed = _packed(pa.chunked_array([pa.array(values, pa.large_string())]))
    assert packed is not None
    assert len(set(packed.tolist())) == len(set(values))
    assert [packed[values.index(v)] for v in values] == packed.tolist()


@given(st.lists(st.text(alphabet="B0129AZ", min_size=6, max_size=6), max_size=40))
def test_full_width_packing_is_the_digit_by_digit_packing(values: list[str]) -> None:
    """Values all of one width take the matrix product; with one shorter value among them
    the same strings take the digit loop: both number a string the same way."""
    if not values:
        return
    wide = _packed(pa.chunked_array([pa.array(values, pa.large_string())]))
    mixed = _packed(pa.chunked_array([pa.array(["B", *values], pa.large_string())]))
    assert wide is not None and mixed is not None
    alphabet = set("".join(values))
    if "B" in alphabet:  # same alphabet, so the same digits
        assert wide.tolist() == mixed[1:].tolist()
    assert len(set(wide.tolist())) == len(set(values))


@pytest.mark.parametrize("width", ["full", "mixed"])
def test_packing_across_windows_numbers_a_string_the_same_everywhere(width: str) -> None:
    """A column longer than one window (2^16 strings), in two chunks: a string gets one
    number wherever it stands, and different strings different numbers."""
    n = 150_000
    values = [f"B{k % 70_001:09d}" for k in range(n)]
    if width == "mixed":
        values[100_000] = "B1"  # one short value: that window takes the digit loop
    half = n // 2
    chunks = [
        pa.array(values[:half], pa.large_string()),
        pa.array(values[half:], pa.large_string()),
    ]
    packed = _packed(pa.chunked_array(chunks))
    assert packed is not None and len(packed) == n
    first: dict[str, int] = {}
    for value, number in zip(values, packed.tolist(), strict=True):
        assert first.setdefault(value, number) == number
    assert len(set(first.values())) == len(first)


def test_long_values_are_not_packed() -> None:
    assert _packed(pa.chunked_array([pa.array(["x" * 70, "y"], pa.large_string())])) is None


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4, 5], [5, 3, 1, 0, 2, 4], [4, 4, 0, 1, 5, 0]])
def test_code_values_from_keys_equals_code_of_the_strings(order: list[int]) -> None:
    words = ["b0x", "b0y", "b0x", "zz", "b0y", "q"]
    table = pd.DataFrame({"type": pd.Series(["asin"] * 6, dtype="str"),
                          "value": pd.Series(words, dtype="str")})  # fmt: skip
    keyed = table.assign(**{KEY: value_keys(table, type_rows(table))}).iloc[order]
    got_codes, got_strings = code_values(keyed, "value")
    want_codes, want_strings = code(keyed["value"])
    assert got_codes.tolist() == want_codes.tolist()
    assert got_strings.to_pylist() == want_strings.to_pylist()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 7), max_size=30))
def test_code_values_from_keys_in_any_order_and_with_gaps(order: list[int]) -> None:
    """Rows in any order, repeated or left out (a rule's filtered rows): codes in order of
    first appearance, whether the keys are in that order already or need numbering."""
    words = ["b0x", "b0y", "b0x", "zz", "b0y", "q", "zz", "r"]
    table = pd.DataFrame({"type": pd.Series(["asin"] * 8, dtype="str"),
                          "value": pd.Series(words, dtype="str")})  # fmt: skip
    keyed = table.assign(**{KEY: value_keys(table, type_rows(table))}).iloc[order]
    got_codes, got_strings = code_values(keyed, "value")
    want_codes, want_strings = code(keyed["value"])
    assert got_codes.tolist() == want_codes.tolist()
    assert got_strings.to_pylist() == want_strings.to_pylist()


@pytest.mark.parametrize("repeat", [1, 40])  # 40: a value longer than the look-back: sorted
def test_distinct_tokens_across_chunks(repeat: int) -> None:
    words = [["red", "cup", "red"], ["cup", "lid"] * repeat, ["lid"], ["red", "red", "red"]]
    position = np.array([i for i, w in enumerate(words) for _ in w], dtype=np.int64)
    flat = [t for w in words for t in w]
    half = len(flat) // 2  # two chunks: equal tokens must get one code across them
    tokens = pa.chunked_array(
        [pa.array(flat[:half], pa.large_string()), pa.array(flat[half:], pa.large_string())]
    )
    codes = np.asarray(pd.factorize(string_hashes(tokens))[0], dtype=np.int64)
    got_position, got_code = _distinct(position, codes)
    pairs = list(zip(got_position.tolist(), got_code.tolist(), strict=True))
    assert len(pairs) == len(set(pairs))  # each token once per value
    expected = {(i, t) for i, w in enumerate(words) for t in w}
    assert len(pairs) == len(expected)
    by_code: dict[int, set[int]] = {}
    for p, c in pairs:
        by_code.setdefault(c, set()).add(p)
    by_token: dict[str, set[int]] = {}
    for i, t in expected:
        by_token.setdefault(t, set()).add(i)
    assert sorted(map(sorted, by_code.values())) == sorted(map(sorted, by_token.values()))


def test_accounts_holding_a_type_from_runs_and_mixed_chunks() -> None:
    """Whole chunks of one type are kept or skipped; a mixed chunk is filtered row by row."""
    from linkaudit.engine.accounts import _holding

    kinds = pa.chunked_array(
        [pa.array(t, pa.large_string()) for t in (["ip"] * 3, ["phone", "ip", "email"], [])]
    )
    accounts = pa.chunked_array(
        [pa.array(a, pa.large_string()) for a in (["a", "b", "a"], ["c", "d", "e"], [])]
    )
    table = pd.DataFrame(
        {"type": pd.Series(pd.array(kinds, dtype="str")),
         "account_id": pd.Series(pd.array(accounts, dtype="str"))}
    )  # fmt: skip
    assert _holding(table, ["ip"]) == {"a", "b", "d"}
    assert _holding(table, ["phone", "email"]) == {"c", "e"}
    assert _holding(table, ["card"]) == set()


@settings(max_examples=60)
@given(
    st.lists(st.tuples(st.sampled_from("abcde"), st.sampled_from("vwxyz")), max_size=30),
    st.sets(st.sampled_from("abcde")),
    st.booleans(),
)
def test_cross_selling_keeps_values_two_linked_accounts_hold(
    rows: list[tuple[str, str]], linked: set[str], keyed: bool
) -> None:
    table = build_table(
        [RawValue(a, AttrType.ASIN, f"B00000000{'vwxyz'.index(v)}") for a, v in rows]
    )
    if keyed:
        table = table.assign(**{KEY: value_keys(table, type_rows(table))})
    holders: dict[str, set[str]] = {}
    for account, value in zip(table["account_id"], table["value"], strict=True):
        if account in linked:
            holders.setdefault(value, set()).add(account)
    expected = [
        n
        for n, (account, value) in enumerate(zip(table["account_id"], table["value"], strict=True))
        if account in linked and len(holders[value]) >= 2
    ]
    assert (_shared(table, linked)["line"] - 2).tolist() == expected  # line n + 2: row n


@given(st.lists(st.integers(-(2**40), 2**40), max_size=50))
def test_sorted_distinct_is_np_unique(values: list[int]) -> None:
    array = np.array(values, dtype=np.int64)
    assert sorted_distinct(array).tolist() == np.unique(array).tolist()


def test_distinct_of_narrow_codes_does_not_overflow() -> None:
    """int32 positions and codes (value_tokens' own) whose sort key passes 2^31: one value
    of 40 tokens (longer than the look-back, so sorted) at position 99,999, codes to 99,999."""
    position = np.array([5, 5] + [99_999] * 40, dtype=np.int32)
    codes = np.array([7, 7] + [99_999 - k % 20 for k in range(40)], dtype=np.int32)
    got_position, got_code = _distinct(position, codes)
    pairs = sorted(zip(got_position.tolist(), got_code.tolist(), strict=True))
    assert pairs == [(5, 7)] + [(99_999, 99_999 - k) for k in range(19, -1, -1)]


@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 3)), min_size=1, max_size=60),
    st.sampled_from([31, 5_000]),
)
def test_distinct_places_are_the_sorted_distinct_pairs(
    rows: list[tuple[int, int]], n_values: int
) -> None:
    """Counted or sorted, one scope or several: the distinct (value, scope) pairs in order."""
    for scoped in (rows, [(v, 2) for v, _ in rows]):  # mixed scopes, then a single one
        value = np.array([v for v, _ in scoped], dtype=np.int64)
        scope = np.array([s for _, s in scoped], dtype=np.int64)
        values = pa.chunked_array([pa.array([f"v{k}" for k in range(n_values)])])
        scopes = pa.chunked_array([pa.array(["US", "UK", "DE", "JP"])])
        got_value, got_scope = _distinct_places(Coded(value, scope, values, scopes))
        pairs = list(zip(got_value.tolist(), got_scope.tolist(), strict=True))
        assert pairs == sorted(set(scoped))


@given(st.lists(st.integers(0, 9), min_size=1, max_size=30), st.booleans())
def test_compact_keeps_each_rows_value(codes: list[int], ascending: bool) -> None:
    """Compacted codes 0..k-1 over the rows' values, in value order, each row's string
    unchanged: for rows of distinct ascending values (the titles' shortcut) and any other."""
    if ascending:
        codes = sorted(set(codes))
    values = pa.chunked_array([pa.array([f"t{k}" for k in range(10)])])
    scopes = pa.chunked_array([pa.array(["US"])])
    coded = Coded(np.array(codes, dtype=np.int64), np.zeros(len(codes), np.int64), values, scopes)
    rows = np.arange(len(codes))
    small = coded.compact(rows)
    assert small.strings(small.value).tolist() == [f"t{k}" for k in codes]
    assert sorted(set(small.value.tolist())) == list(range(len(set(codes))))
    assert small.values.to_pylist() == [f"t{k}" for k in sorted(set(codes))]
