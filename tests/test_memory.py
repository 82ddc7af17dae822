"""release() hands freed memory back without touching live data; tune_allocator() turns
transparent huge pages off for small inputs only."""

import ctypes
import os
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from linkaudit import memory


class FakeLibc:
    """Records mallopt() and malloc_trim() calls; reports `idle` free heap bytes."""

    def __init__(self, idle: int) -> None:
        self.calls: list[tuple[str | int, ...]] = []
        self.idle = idle

    def mallopt(self, param: int, value: int) -> int:
        self.calls.append(("mallopt", param, value))
        return 1

    def malloc_trim(self, pad: int) -> int:
        self.calls.append(("malloc_trim", pad))
        return 1

    def mallinfo2(self) -> SimpleNamespace:
        return SimpleNamespace(fordblks=self.idle)


@pytest.mark.parametrize("libc", [True, False])
def test_release_keeps_live_buffers(libc: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not libc:
        monkeypatch.setattr(memory, "_libc", lambda: None)
    base = pa.array(np.arange(1_000_000, dtype=np.int64))
    live = pc.add(base, 0)  # computed: allocated in Arrow's pool
    dead = [pc.add(base, k) for k in range(8)]
    before = pa.default_memory_pool().bytes_allocated()
    del dead
    memory.release()
    after = pa.default_memory_pool().bytes_allocated()
    assert after < before
    assert live.to_numpy()[-3:].tolist() == [999_997, 999_998, 999_999]


def test_huge_pages_only_for_large_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    from numpy._core import multiarray

    calls: list[bool] = []
    monkeypatch.setattr(multiarray, "_set_madvise_hugepage", calls.append)
    monkeypatch.setattr(memory, "_libc", lambda: None)
    monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE", raising=False)
    memory.tune_allocator(memory.HUGE_PAGES_FROM - 1)
    memory.tune_allocator(memory.HUGE_PAGES_FROM)
    assert calls == [False, True]
    monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", "1")  # the user's own choice is kept
    memory.tune_allocator(0)
    assert calls == [False, True]


def test_release_trims_the_heap_only_when_much_of_it_is_idle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = FakeLibc(idle=memory.IDLE_LIMIT)
    monkeypatch.setattr(memory, "_libc", lambda: fake)
    memory.release()
    assert fake.calls == []  # a small estate's idle memory stays for reuse: no page faults
    fake.idle = memory.IDLE_LIMIT + 1
    memory.release()
    assert fake.calls == [("malloc_trim", 0)]


def test_tune_allocator_keeps_large_arrays_in_the_heap(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeLibc(idle=0)
    monkeypatch.setattr(memory, "_libc", lambda: fake)
    monkeypatch.setattr(memory, "huge_pages", lambda on: None)
    for name in (
        "MALLOC_MMAP_THRESHOLD_",
        "MALLOC_TRIM_THRESHOLD_",
        "MALLOC_ARENA_MAX",
        "GLIBC_TUNABLES",
    ):
        monkeypatch.delenv(name, raising=False)
    memory.tune_allocator()
    assert fake.calls == [
        ("mallopt", -3, 32 << 20),  # M_MMAP_THRESHOLD: glibc's ceiling
        ("mallopt", -4, 0),  # M_MMAP_MAX: a small input's larger arrays from the heap too
        ("mallopt", -1, 1 << 30),  # M_TRIM_THRESHOLD: release() trims instead
        ("mallopt", -8, 1),  # M_ARENA_MAX: worker threads share the main heap
    ]
    fake.calls.clear()
    memory.tune_allocator(memory.HEAP_ONLY_BELOW)  # a large input: glibc maps them again
    assert ("mallopt", -4, 65536) in fake.calls and ("mallopt", -4, 0) not in fake.calls
    fake.calls.clear()
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "131072")  # the user's own choice is kept
    memory.tune_allocator()
    assert fake.calls == []


def test_the_real_libc_answers_on_linux() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("glibc only")
    assert memory.idle_heap() >= 0


def test_join_parts_is_concatenate_and_empties_the_list() -> None:
    parts = [np.arange(3, dtype=np.int32), np.arange(0), np.arange(5, 7, dtype=np.int64)]
    expected = np.concatenate(parts)
    joined = memory.join_parts(parts)
    assert joined.dtype == expected.dtype and joined.tolist() == expected.tolist()
    assert parts == []  # each part let go once copied
    empty = memory.join_parts([], np.uint64)
    assert empty.dtype == np.uint64 and len(empty) == 0


def test_arrow_buffers_come_from_malloc_only_for_large_inputs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(memory, "_libc", lambda: None)
    monkeypatch.setattr(memory, "huge_pages", lambda on: None)
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    start = pa.default_memory_pool().backend_name
    try:
        memory.tune_allocator(memory.SYSTEM_POOL_FROM)
        assert pa.default_memory_pool().backend_name == "system"
        assert pa.array(["x" * 100]).to_pylist() == ["x" * 100]
        memory.tune_allocator(memory.SYSTEM_POOL_FROM - 1)
        assert pa.default_memory_pool().backend_name == start
        monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")  # the user's choice is kept
        memory.tune_allocator(0)
        memory.tune_allocator(memory.SYSTEM_POOL_FROM)
        assert pa.default_memory_pool().backend_name == start
    finally:
        pa.set_memory_pool(memory._ARROW_DEFAULT)


def _thp_disabled_after(sizes: list[int], env: dict[str, str]) -> list[int]:
    """PR_GET_THP_DISABLE after each tune_allocator(size), in a process of its own."""
    code = (
        "import ctypes, sys\nfrom linkaudit.memory import tune_allocator\n"
        "libc = ctypes.CDLL(None)\n"
        "libc.prctl(41, *[ctypes.c_ulong(0)] * 4)  # as a fresh process (this one may not be)\n"
        "for size in map(int, sys.argv[1:]):\n"
        "    tune_allocator(size)\n"
        "    print(libc.prctl(42, *[ctypes.c_ulong(0)] * 4))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *map(str, sizes)],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return [int(line) for line in proc.stdout.split()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_huge_pages_off_for_small_inputs_only_and_a_users_choice_kept() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("MIMALLOC_ALLOW_THP", "NUMPY_MADVISE_HUGEPAGE")
    }
    libc = memory._libc()
    if libc is None or libc.prctl(42, *[ctypes.c_ulong(0)] * 4) < 0:  # PR_GET_THP_DISABLE
        pytest.skip("no glibc, or prctl refused here")
    small, large = 200 << 20, memory.HUGE_PAGES_FROM
    # off for an M-sized input, on again for an L-sized one in the same process
    assert _thp_disabled_after([small, small, large, small], env) == [1, 1, 0, 1]
    assert _thp_disabled_after([large], env) == [0]
    # a user who chose huge pages (or not) for numpy or mimalloc keeps the process as it is
    assert _thp_disabled_after([small], {**env, "MIMALLOC_ALLOW_THP": "1"}) == [0]
    assert _thp_disabled_after([small], {**env, "NUMPY_MADVISE_HUGEPAGE": "1"}) == [0]
