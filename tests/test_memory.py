"""release() hands freed memory back without touching live data."""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from linkaudit import memory


@pytest.mark.parametrize("trim", [True, False])
def test_release_keeps_live_buffers(trim: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not trim:
        monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    base = pa.array(np.arange(1_000_000, dtype=np.int64))
    live = pc.add(base, 0)  # computed: allocated in Arrow's pool
    dead = [pc.add(base, k) for k in range(8)]
    before = pa.default_memory_pool().bytes_allocated()
    del dead
    memory.release()
    after = pa.default_memory_pool().bytes_allocated()
    assert after < before
    assert live.to_numpy()[-3:].tolist() == [999_997, 999_998, 999_999]


def test_small_pages_turns_numpy_huge_page_advice_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from numpy._core import multiarray

    calls: list[bool] = []
    monkeypatch.setattr(multiarray, "_set_madvise_hugepage", calls.append)
    monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE", raising=False)
    memory.small_pages()
    assert calls == [False]
    monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", "1")  # the user's own choice is kept
    memory.small_pages()
    assert calls == [False]
