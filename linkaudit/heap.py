"""glibc's malloc, reached without numpy: one heap for every thread, chosen before any
thread starts (linkaudit.memory tunes the rest).

glibc settles how many heaps ("arenas") threads use when threads first allocate, and
importing numpy starts a thread (OpenBLAS's); with a heap per thread, the worker threads'
freed arrays go back to the kernel and are faulted in again. So the commands that read an
inventory call one_heap_for() before anything imports numpy. M bench, against the limit
set only after numpy's import: 287-313k page faults against 324-359k, 0.78-0.89 against
0.87-1.00 s of system time, scan 3.08-3.22 against 3.20-3.34 s. Inputs of HEAP_ONLY_BELOW
bytes and more get one heap later, from linkaudit.memory once numpy is imported (which
still keeps L's peak down): chosen this early, L's peak was 70-90 MB higher (3.80-3.82
against 3.65-3.74 GB).
"""

import ctypes
import ctypes.util
import os
import sys
from functools import cache
from pathlib import Path

_M_ARENA_MAX = -8  # glibc mallopt() parameter (malloc.h)
# Inputs below this many bytes get one heap, from which every array comes (see
# linkaudit.memory); larger ones keep glibc's heaps and mappings.
HEAP_ONLY_BELOW = 512 << 20
# One heap for every thread: worker threads (linkaudit.parallel) would otherwise each get an
# arena of their own, whose freed arrays go back to the kernel and fault in again.
ARENA_MAX = 1
# The environment variables by which a user tunes malloc: their choice is kept.
MALLOC_ENV = (
    "MALLOC_MMAP_THRESHOLD_", "MALLOC_MMAP_MAX_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_ARENA_MAX",
    "GLIBC_TUNABLES",
)  # fmt: skip


class MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd",
            "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost",
        )
    ]  # fmt: skip


@cache
def libc() -> ctypes.CDLL | None:
    """glibc, or None elsewhere (macOS, musl: the tuning is skipped)."""
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    try:
        found = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    if found is None or not all(hasattr(found, f) for f in ("mallopt", "malloc_trim", "mallinfo2")):
        return None
    found.mallinfo2.restype = MallInfo2
    return found


def user_tuned() -> bool:
    """Whether the user set malloc's parameters through the environment."""
    return any(name in os.environ for name in MALLOC_ENV)


def one_heap(lib: ctypes.CDLL | None = None) -> None:
    """Every thread allocates from one heap (unless the user tuned malloc)."""
    lib = lib or libc()
    if lib is not None and not user_tuned():
        lib.mallopt(_M_ARENA_MAX, ARENA_MAX)


def input_bytes(directory: Path) -> int:
    """The bytes of the files directly in `directory` (an estimate of the inventory's size,
    taken before the loader lists its files; 0 when it cannot be read)."""
    total = 0
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                try:
                    if entry.is_file():
                        total += entry.stat().st_size
                except OSError:
                    continue
    except OSError:
        return 0
    return total


def one_heap_for(directory: Path) -> None:
    """one_heap() when the inventory in `directory` is below HEAP_ONLY_BELOW bytes."""
    if input_bytes(directory) < HEAP_ONLY_BELOW:
        one_heap()
