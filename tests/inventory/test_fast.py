"""The vectorised kernels give exactly the registry normaliser's answer on rows they claim."""

import itertools

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

import linkaudit.inventory.arrow as arrow_module
import linkaudit.inventory.fast as fast_module
from linkaudit.inventory.arrow import containing, keep_rows, not_plain, take, take_frame
from linkaudit.inventory.csvparse import byte_counts
from linkaudit.inventory.fast import KERNELS, fast_subnets
from linkaudit.normalize import NORMALIZERS, Norm
from linkaudit.normalize.base import PLACEHOLDERS, clean
from linkaudit.vocab import AttrType

SAMPLES = [
    "", "B0ABC12345", "b0abc12345", "B0ABC1234", "B0ABC123456", "0123456789", "012345678X",
    "B0-BC12345", "4006381333931", "4006381333932", "036000291452", "12345678", "00000000",
    "0000000000000", "96385074", "1234567890123", "00012345678905", "123456789", "12 345",
    "Product 1 for home and garden, model 7", "  Hello   World.  ", "A.B.C", "_under_score_",
    "Anker® PowerCore", "Ünïcödé Title", "标题 测试", "(!!)", "tbd", "N/A", "n a", "UNKNOWN",
    "x - y -- z", "Tab\there", "trailing,", ",leading", "MiXeD CaSe 123", "a\u00a0b", "~`^",
    "203.0.113.7", "8.8.8.8", "36.1.2.3", "10.0.0.1", "100.64.1.1", "100.127.255.255",
    "47.88.1.2", "256.1.1.1", "01.2.3.4", "0.0.0.0", "255.255.255.255", "224.0.0.1",
    "192.0.2.1", "1.2.3", "::1", "2001:db8::1", "1.2.3.4:80", "1.2.3.4.5", "172.16.0.1",
    "172.32.0.1", "169.254.1.1", "198.18.0.1", "127.0.0.1", "999.999.999.999",
    *sorted(PLACEHOLDERS),
]  # fmt: skip


@pytest.mark.parametrize("attr", sorted(KERNELS))
def test_kernel_equals_registry(attr: AttrType) -> None:
    raw = [clean(s) for s in SAMPLES * 3]
    array = pa.chunked_array([pa.array(raw[:40], pa.large_string()),
                              pa.array(raw[40:], pa.large_string())])  # fmt: skip
    fast = KERNELS[attr](array)
    claimed = 0
    for i, text in enumerate(raw):
        if not fast.handled[i]:
            continue
        claimed += 1
        bad = fast.problem_rows is not None and bool(fast.problem_rows[i])
        expected = Norm(fast.value[i].as_py(), fast.problem if bad else None)
        assert NORMALIZERS[attr](text, None) == expected, text
    assert claimed > 0


def test_kernels_cover_the_usual_shapes() -> None:
    raw = pa.chunked_array([pa.array(["B0ABC12345", "4006381333931", "Plain title"])])
    assert KERNELS[AttrType.ASIN](raw).handled[0]
    assert KERNELS[AttrType.GTIN](raw).handled[1]
    assert KERNELS[AttrType.TITLE](raw).handled[2]
    assert list(KERNELS[AttrType.IP](pa.chunked_array([pa.array(["36.1.2.3"])])).handled) == [True]


@given(st.lists(st.tuples(*[st.integers(0, 300)] * 4), max_size=50), st.booleans())
def test_ip_kernel_equals_registry_on_any_quad(quads: list[tuple[int, ...]], pad: bool) -> None:
    form = "{:03d}" if pad else "{}"
    raw = [".".join(form.format(o) for o in q) for q in quads]
    fast = KERNELS[AttrType.IP](pa.chunked_array([pa.array(raw, pa.large_string())]))
    for i, text in enumerate(raw):
        if fast.handled[i]:
            assert NORMALIZERS[AttrType.IP](text, None) == Norm(fast.value[i].as_py()), text


@given(
    st.lists(st.lists(st.text(max_size=4), max_size=30), min_size=1, max_size=8),
    st.data(),
)
def test_take_from_many_chunks_equals_arrow_take(
    chunks: list[list[str]], data: st.DataObject
) -> None:
    values = pa.chunked_array([pa.array(c, pa.large_string()) for c in chunks], pa.large_string())
    n = len(values)
    rows = data.draw(st.lists(st.integers(0, max(n - 1, 0)), max_size=5 if n else 0))
    got = take(values, np.array(rows, dtype=np.int64))
    assert got.to_pylist() == [values[i].as_py() for i in rows]


@given(st.lists(st.lists(st.text(max_size=4), max_size=6), min_size=1, max_size=5), st.data())
def test_ascending_take_from_many_chunks_equals_arrow_take(
    chunks: list[list[str]], data: st.DataObject
) -> None:
    """Rows in order (any number, repeats allowed) are taken chunk by chunk."""
    values = pa.chunked_array([pa.array(c, pa.large_string()) for c in chunks], pa.large_string())
    n = len(values)
    rows = sorted(data.draw(st.lists(st.integers(0, max(n - 1, 0)), max_size=40 if n else 0)))
    got = take(values, np.array(rows, dtype=np.int64))
    assert got.type == pa.large_string()
    assert got.to_pylist() == [values[i].as_py() for i in rows]


@given(
    st.lists(st.lists(st.text(max_size=3), max_size=8), min_size=1, max_size=5),
    st.data(),
    st.integers(1, 4),
)
def test_keep_rows_equals_a_take_of_the_same_rows(
    chunks: list[list[str]], data: st.DataObject, most_runs: int
) -> None:
    """Kept rows as zero-copy runs (few runs) or a take (many): the same values."""
    values = pa.chunked_array([pa.array(c, pa.large_string()) for c in chunks], pa.large_string())
    n = len(values)
    rows = sorted(data.draw(st.sets(st.integers(0, max(n - 1, 0)), max_size=n)))
    got = keep_rows(values, np.array(rows, dtype=np.int64), most_runs)
    assert got.type == pa.large_string()
    assert got.to_pylist() == [values[i].as_py() for i in rows]


@given(
    st.lists(st.sampled_from([b"\r", b"\n", b'"', b"a", b"\r\n"]), max_size=120).map(b"".join),
    st.integers(1, 64),
)
def test_byte_counts_equal_bytes_count(data: bytes, block: int) -> None:
    counts = byte_counts(data, block)
    assert counts.quotes == data.count(b'"')
    assert counts.lfs == data.count(b"\n")
    assert counts.crs == data.count(b"\r")
    assert counts.crlfs == data.count(b"\r\n")


@given(st.lists(st.tuples(*[st.integers(0, 255)] * 4), min_size=1, max_size=40))
def test_fast_subnets_equal_the_registry(quads: list[tuple[int, ...]]) -> None:
    from linkaudit.normalize.network import derive_subnet

    values = [".".join(map(str, q)) for q in quads] + ["100.64.0.1", "100.127.9.9", "100.128.0.1"]
    got = fast_subnets(pa.chunked_array([pa.array(values, pa.large_string())]))
    assert got is not None
    subnet, weak = got
    assert [(s, bool(w)) for s, w in zip(subnet.to_pylist(), weak, strict=True)] == [
        derive_subnet(v)[0] for v in values
    ]


def test_fast_subnets_leave_other_values_to_the_registry() -> None:
    mixed = pa.chunked_array([pa.array(["203.0.113.7", "2001:db8::1"], pa.large_string())])
    assert fast_subnets(mixed) is None


def test_take_of_no_rows_is_empty_and_typed() -> None:
    values = pa.chunked_array([pa.array(["a", "b"], pa.large_string())] * 3)
    taken = take(values, np.zeros(0, dtype=np.intp))
    assert len(taken) == 0 and taken.type == pa.large_string()


@given(st.data(), st.integers(1, 4))
def test_take_frame_equals_iloc(data: st.DataObject, pieces: int) -> None:
    text = pa.chunked_array(
        [pa.array([f"v{p}-{i}" for i in range(3)], pa.large_string()) for p in range(pieces)]
    )
    n = len(text)
    frame = pd.DataFrame(
        {
            "value": pd.array(text, dtype="str"),
            "account_id": pd.Categorical([f"a{i % 2}" for i in range(n)]),
            "line": np.arange(n, dtype=np.int32),
        },
        index=pd.RangeIndex(10, 10 + n),
    )
    rows = np.array(data.draw(st.lists(st.integers(0, n - 1), max_size=n)), dtype=np.intp)
    expected = frame.iloc[rows]
    small = arrow_module._SMALL_FRAME
    try:
        arrow_module._SMALL_FRAME = 0  # the column-by-column path, as for a large frame
        taken = take_frame(frame, rows)
    finally:
        arrow_module._SMALL_FRAME = small
    assert taken.index.tolist() == expected.index.tolist()
    for name in frame.columns:
        assert taken[name].tolist() == expected[name].tolist()
        assert taken[name].dtype == expected[name].dtype


@given(
    st.lists(
        st.sampled_from([8, 12, 13, 14]).flatmap(
            lambda n: st.text(alphabet="0123456789", min_size=n, max_size=n)
        ),
        min_size=1,
        max_size=40,
    )
)
def test_gtin_kernel_equals_registry_on_any_digits(codes: list[str]) -> None:
    """Check digits computed two 8-byte words at a time agree with the registry's GS1 sum,
    on every length and on all-zero fillers, a few rows at a time over two chunks."""
    codes = [*codes, "0" * 14, "00000000"]
    half = len(codes) // 2
    chunks = [pa.array(codes[:half], pa.large_string()), pa.array(codes[half:], pa.large_string())]
    window = fast_module._GTIN_WINDOW
    fast_module._GTIN_WINDOW = 3  # rows checked a few at a time: windows across chunks
    try:
        fast = KERNELS[AttrType.GTIN](pa.chunked_array(chunks))
    finally:
        fast_module._GTIN_WINDOW = window
    for i, text in enumerate(codes):
        expected = NORMALIZERS[AttrType.GTIN](text, None)
        if not fast.handled[i]:
            assert set(text) == {"0"}  # only fillers are left to the registry
            continue
        bad = fast.problem_rows is not None and bool(fast.problem_rows[i])
        assert Norm(fast.value[i].as_py(), fast.problem if bad else None) == expected, text


@pytest.mark.parametrize("attr", [AttrType.TITLE, AttrType.BRAND])
@given(st.lists(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126)), min_size=1))
def test_word_kernels_equal_registry_on_any_printable_ascii(
    attr: AttrType, texts: list[str]
) -> None:
    """Bytes mapped two at a time (odd and even lengths, over two chunks) as the registry."""
    texts = [clean(t) for t in texts]
    half = len(texts) // 2
    array = pa.chunked_array(
        [pa.array(texts[:half], pa.large_string()), pa.array(texts[half:], pa.large_string())]
    )
    fast = KERNELS[attr](array)
    for i, text in enumerate(texts):
        if fast.handled[i]:
            assert NORMALIZERS[attr](text, None) == Norm(fast.value[i].as_py(), None), text


@pytest.mark.parametrize("attr", [AttrType.TITLE, AttrType.BRAND])
def test_word_kernels_trim_runs_of_any_length(attr: AttrType) -> None:
    """Leading, inner and trailing runs of spaces and punctuation, short and thousands of
    bytes long, in values beside empty ones and ones of punctuation only: each value as the
    registry folds it (the kernel drops a trailing run's first space in the same pass as
    the rest of the run)."""
    texts = [
        "abc" + "!" * 5000, "x.", "", "!!", "a b", " (a) ", "...a...b...", "a" + " -" * 300,
        "?", "ab  ", "z" * 40 + ".", "", "a.b", "-a", "a  b  c  ", "(x)" * 50,
    ] * 3  # fmt: skip
    array = pa.chunked_array([pa.array(texts, pa.large_string())])
    fast = KERNELS[attr](array)
    assert fast.handled.sum() > len(texts) // 2
    for i, text in enumerate(texts):
        if fast.handled[i]:
            assert NORMALIZERS[attr](text, None) == Norm(fast.value[i].as_py(), None), text


@given(st.lists(st.lists(st.text(max_size=6), max_size=5), min_size=1, max_size=4))
def test_row_scans_equal_a_check_of_each_string(chunks: list[list[str]]) -> None:
    """containing() and not_plain() per row, over chunks that hold a hit or none."""
    array = pa.chunked_array([pa.array(c, pa.large_string()) for c in chunks], pa.large_string())
    texts = [t for c in chunks for t in c]
    assert containing(array, ";|").tolist() == [";" in t or "|" in t for t in texts]
    odd = [any(ord(ch) < 32 or ord(ch) > 126 for ch in t) for t in texts]
    assert not_plain(array).tolist() == odd


@given(
    st.lists(st.lists(st.text(max_size=8), max_size=9), min_size=1, max_size=4),
    st.sampled_from([1, 2, 3, 1 << 16]),
    st.booleans(),
    st.integers(0, 2),
)
def test_windows_read_every_string_once_in_order(
    chunks: list[list[str]], rows: int, large: bool, cut: int
) -> None:
    """Windows over chunks of either string type, sliced ones included: read back, they
    give every string once, in order, each window starting where the last one ended; and
    the hashes and packed keys written window by window are those of each string alone."""
    from linkaudit.engine.codes import _packed
    from linkaudit.engine.hashing import span_hashes, string_hashes, words
    from linkaudit.inventory.arrow import string_windows

    kind = pa.large_string() if large else pa.string()
    arrays = [pa.array(c, kind).slice(min(cut, len(c))) for c in chunks]
    values = pa.chunked_array(arrays, kind)
    expected = [s for a in arrays for s in a.to_pylist()]
    got: list[str] = []
    for window in string_windows(values, rows):
        assert window.start == len(got) and 0 < len(window) <= rows
        offsets, data = window.read()
        assert offsets[0] == 0 and offsets[-1] == len(data)
        got += [bytes(data[a:b]).decode("utf-8") for a, b in itertools.pairwise(offsets)]
    assert got == expected

    def alone(text: str) -> int:
        data = np.frombuffer(text.encode("utf-8"), np.uint8)
        return int(span_hashes(words(data), np.zeros(1, np.int64), np.array([len(data)]))[0])

    assert string_hashes(values).tolist() == [alone(s) for s in expected]
    packed = _packed(values)
    if packed is not None:  # injective, and the same keys however the values are chunked
        whole = _packed(pa.chunked_array([pa.array(expected, pa.large_string())]))
        assert whole is not None and packed.tolist() == whole.tolist()
        assert len(set(packed.tolist())) == len(set(expected))
