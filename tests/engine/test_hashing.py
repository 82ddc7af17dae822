"""Span hashes and the exact codes built on them agree with dictionary encoding."""

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkaudit.engine import codes, hashing
from linkaudit.engine.codes import code_strings, value_keys
from linkaudit.engine.hashing import exact_codes, low_bytes, string_hashes
from linkaudit.engine.rows import type_rows

_TEXT = st.lists(
    st.sampled_from(["", "a", "abcdefgh", "abcdefghi", "abcdefgh\x00", "ü", "标题 16 字节的标题"])
    | st.text(max_size=40),
    max_size=60,
)


def _chunked(values: list[str], split: int) -> pa.ChunkedArray:
    cut = len(values) // split if split > 1 else len(values)
    parts = [values[:cut], values[cut:]] if split > 1 else [values]
    return pa.chunked_array([pa.array(p, pa.large_string()) for p in parts], pa.large_string())


def test_low_bytes_keeps_exactly_count_bytes() -> None:
    word = np.array([0x0807060504030201] * 5, dtype=np.uint64)
    kept = low_bytes(word, np.array([-3, 0, 3, 8, 12], dtype=np.int64))
    assert kept.tolist() == [0, 0, 0x030201, 0x0807060504030201, 0x0807060504030201]


@given(_TEXT, st.integers(1, 2))
@settings(max_examples=200, deadline=None)
def test_equal_strings_get_equal_hashes_wherever_they_sit(values: list[str], split: int) -> None:
    hashes = string_hashes(_chunked(values, split))
    sliced = string_hashes(pa.chunked_array([pa.array(["pad", *values], pa.large_string())[1:]]))
    assert hashes.tolist() == sliced.tolist()
    by_value: dict[str, int] = {}
    for value, h in zip(values, hashes.tolist(), strict=True):
        assert by_value.setdefault(value, h) == h


@given(_TEXT, st.integers(1, 2))
@settings(max_examples=200, deadline=None)
def test_exact_codes_are_dictionary_codes(values: list[str], split: int) -> None:
    array = _chunked(values, split)
    got = exact_codes(array)
    assert got is not None
    assert got.tolist() == code_strings(array)[0].tolist()


def test_a_hash_collision_is_caught_and_value_keys_fall_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    values = ["red cup", "blue cup", "red cup", "lid"]
    array = pa.chunked_array([pa.array(values, pa.large_string())])
    monkeypatch.setattr(hashing, "string_hashes", lambda v: np.zeros(len(v), dtype=np.uint64))
    assert exact_codes(array) is None  # every string "collides": the check notices
    same = exact_codes(pa.chunked_array([pa.array(["x", "x"], pa.large_string())]))
    assert same is not None and same.tolist() == [0, 0]
    monkeypatch.setattr(codes, "_HASH_FROM", 1)
    table = pd.DataFrame(
        {"type": pd.Series(["title"] * 4, dtype="str"), "value": pd.Series(values, dtype="str")}
    )
    assert value_keys(table, type_rows(table)).tolist() == [0, 1, 0, 2]


@given(
    st.lists(st.integers(-(2**63), 2**63 - 1) | st.integers(0, 20), max_size=300),
    st.sampled_from([np.int64, np.uint64]),
)
@settings(max_examples=300, deadline=None)
def test_factorize_is_pandas_factorize(keys: list[int], dtype: type) -> None:
    array = np.array(keys, dtype=np.int64).astype(dtype)
    expected = pd.factorize(array)[0].tolist()
    assert hashing.factorize(array, small=0).tolist() == expected  # the bucket pass
    assert hashing.factorize(array).tolist() == expected  # small: the hash table alone


def test_factorize_with_crowded_buckets_and_a_large_column() -> None:
    rng = np.random.default_rng(3)
    # 200,000 keys: most once, some repeated far apart, a few very common, plus keys that
    # differ only in their low bits (the bucket is taken from the top bits of a product)
    keys = rng.integers(0, 2**62, 200_000).astype(np.int64)
    keys[rng.integers(0, len(keys), 30_000)] = keys[rng.integers(0, len(keys), 30_000)]
    keys[::97] = 42
    keys[:1000] = np.arange(1000) << 40
    assert hashing.factorize(keys).tolist() == pd.factorize(keys)[0].tolist()


@pytest.mark.parametrize("first, second", [(0, None), (0, 0), (None, 0)])
def test_factorize_counts_crowded_keys_again(
    monkeypatch: pytest.MonkeyPatch, first: int | None, second: int | None
) -> None:
    """A multiplier of 0 puts every key in one bucket: with the first count blind, the
    second alone must tell the keys that occur once; with both blind, the hash table
    codes them all; the codes are pandas' either way."""
    if first is not None:
        monkeypatch.setattr(hashing, "_SPREAD", np.uint64(first))
    if second is not None:
        monkeypatch.setattr(hashing, "_SPREAD_AGAIN", np.uint64(second))
    counted: list[int] = []
    real = hashing._crowded

    def spy(keys, spread):  # type: ignore[no-untyped-def]
        counted.append(len(keys))
        return real(keys, spread)

    monkeypatch.setattr(hashing, "_crowded", spy)
    rng = np.random.default_rng(5)
    keys = rng.integers(0, 2**62, 5000).astype(np.int64)
    keys[rng.integers(0, len(keys), 800)] = keys[rng.integers(0, len(keys), 800)]
    keys[::13] = -7
    assert hashing.factorize(keys, small=0).tolist() == pd.factorize(keys)[0].tolist()
    assert len(counted) == 2  # the second count ran, on the keys the first found crowded
    if first == 0:
        assert counted[1] == len(keys)
