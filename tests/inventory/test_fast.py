"""The vectorised kernels give exactly the registry normaliser's answer on rows they claim."""

import pyarrow as pa
import pytest

from linkaudit.inventory.fast import KERNELS
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
