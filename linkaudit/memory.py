"""Keep the allocators from handing memory back and forth with the kernel, and hand it back
when a large amount lies idle.

A scan allocates and frees arrays of megabytes thousands of times. By default glibc maps
each one of 128 KiB and more afresh and unmaps it when freed (and trims the heap's top as
soon as 128 KiB there is free), so every temporary's pages are faulted in again: on the M
bench about 470,000 page faults and 1-2 s of system time. tune_allocator() keeps freed
memory in the heap for reuse; release() hands it back only when much of it is idle, and
always returns what Arrow's allocator (mimalloc) holds unused, which costs no faults later.
"""

import ctypes
import importlib
import os
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from linkaudit.heap import HEAP_ONLY_BELOW, one_heap, user_tuned
from linkaudit.heap import libc as _libc

# glibc mallopt() parameters (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_MMAP_MAX = -4
# Arrays up to glibc's ceiling for M_MMAP_THRESHOLD come from the heap and are reused there.
MMAP_THRESHOLD = 32 << 20
# Below HEAP_ONLY_BELOW bytes of input (linkaudit.heap), larger arrays come from the heap too
# (M_MMAP_MAX 0): beyond the ceiling glibc maps each one afresh and unmaps it when freed,
# and on the M bench its 6.4-million-row columns (51 MB of int64) were faulted in again at
# every step: 316-367k page faults instead of 403-431k, 0.82-1.00 s of system time instead
# of 0.99-1.13 s, the same peak. On L the heap's fragments raised the peak from 3.70 to
# 4.03 GiB, so from there glibc maps them as usual (its default count, 65,536 mappings).
_MMAP_MAX_DEFAULT = 65536
# The heap's free top is left alone (release() decides when memory goes back).
TRIM_THRESHOLD = 1 << 30
# release() trims the heap when more than this is free in it: idle memory under the next
# step's peak on a large estate, not worth the page faults of giving it back on a small one.
IDLE_LIMIT = 256 << 20
# The pool Arrow chose at start-up (mimalloc where built in).
_ARROW_DEFAULT = pa.default_memory_pool()


def idle_heap(libc: ctypes.CDLL | None = None) -> int:
    """Bytes free inside malloc's heap (0 when unknown)."""
    libc = libc or _libc()
    return int(libc.mallinfo2().fordblks) if libc is not None else 0


def release() -> None:
    """Return freed memory of Arrow's pool, and of malloc when more than IDLE_LIMIT of it is
    idle, to the operating system."""
    pa.default_memory_pool().release_unused()
    libc = _libc()
    if libc is not None and idle_heap(libc) > IDLE_LIMIT:
        libc.malloc_trim(0)


# Inputs of at least this many bytes get numpy's huge pages (see huge_pages) and Arrow's
# buffers from malloc's heap instead of mimalloc (see arrow_pool).
HUGE_PAGES_FROM = 512 << 20
SYSTEM_POOL_FROM = HUGE_PAGES_FROM


def tune_allocator(input_bytes: int = 0) -> None:
    """Large temporaries reused in one heap (see the module's docstring; below
    HEAP_ONLY_BELOW bytes of input, arrays of any size), and transparent huge pages only on
    inputs of HUGE_PAGES_FROM bytes or more (for numpy's arrays)."""
    huge_pages(input_bytes >= HUGE_PAGES_FROM)
    process_huge_pages(input_bytes >= HUGE_PAGES_FROM)
    arrow_pool(system=input_bytes >= SYSTEM_POOL_FROM)
    libc = _libc()
    if libc is None or user_tuned():
        return
    libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    libc.mallopt(_M_MMAP_MAX, 0 if input_bytes < HEAP_ONLY_BELOW else _MMAP_MAX_DEFAULT)
    libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    # below HEAP_ONLY_BELOW the command line has chosen one heap already, before numpy's
    # import (linkaudit.heap); above, one heap from here on keeps L's peak at 3.65-3.74 GB
    # (4.18-4.22 GB without it)
    one_heap(libc)


def arrow_pool(system: bool) -> None:
    """Arrow's buffers from malloc's heap (system) or from mimalloc, Arrow's default.

    mimalloc keeps the pages of freed buffers mapped (and counted in the resident size)
    until it reuses them: on the L bench, 3.2 GB resident after loading, of which about
    750 MB were freed buffers in mimalloc's arenas, and a 4.3-4.4 GiB peak. Through malloc
    (tuned above, and trimmed by release()) the same scan peaked at 3.8 GiB and ran
    1-2 s faster. On a few hundred MB of input mimalloc is faster (M bench: 4.6-4.8 s
    against 4.9-5.1 s) and the memory is no concern, so it stays. Setting
    ARROW_DEFAULT_MEMORY_POOL yourself keeps your choice."""
    if "ARROW_DEFAULT_MEMORY_POOL" in os.environ:
        return
    if system:
        pa.set_memory_pool(pa.system_memory_pool())
    else:
        pa.set_memory_pool(_ARROW_DEFAULT)


def huge_pages(on: bool) -> None:
    """Whether numpy asks for transparent huge pages for its arrays of 4 MiB and more.

    On the virtual machines this was measured on (THP in `madvise` mode) each page fault is
    costly, and arrays beyond glibc's 32 MiB mapping ceiling are faulted in afresh every
    time. Up to a few hundred MB of input, small pages are faster (M bench: 4.9-5.5 s
    against 5.1-5.6 s with huge pages; before the heap was tuned, 7.0-7.1 s against
    7.3-8.3 s): zeroing 2 MiB at a time costs more than it saves. On the L bench (1 GB of
    CSV, arrays of 80 MB) huge pages cut the page faults from 3.2-3.9 million to 1.1-1.2
    million and the scan from 36-37 s to 30-35 s (docs/decisions.md). Setting
    NUMPY_MADVISE_HUGEPAGE yourself keeps your choice.
    """
    if "NUMPY_MADVISE_HUGEPAGE" in os.environ:
        return
    try:
        module = importlib.import_module("numpy._core.multiarray")
    except ImportError:  # an older numpy layout: leave it be
        return
    switch = getattr(module, "_set_madvise_hugepage", None)
    if switch is not None:
        switch(on)


# prctl() options (linux/prctl.h)
_PR_SET_THP_DISABLE = 41
# The environment variables by which a user chooses huge pages: then the process is left be.
_THP_ENV = ("MIMALLOC_ALLOW_THP", "NUMPY_MADVISE_HUGEPAGE")


def process_huge_pages(on: bool) -> None:
    """Whether any memory of this process may be a transparent huge page (prctl).

    Arrow's mimalloc (3.x) asks for huge pages for its 1 GiB arena. Where THP is in `madvise`
    mode with `madvise` defrag (these machines), a fault there may first wait while the
    kernel compacts memory: the M bench's listings parsed in 0.15-0.3 s or in 0.6-0.8 s (up
    to 1 s of system time) by the state of the host's memory. Off, below HUGE_PAGES_FROM:
    110,000 more small faults and the same 0.25 s parse every time; the M scan spends
    1.0-1.5 s in the kernel instead of 1.6-2.2 s. On, from there: the L bench depends on
    numpy's huge pages (turned off too, its faults grew from 1.9 to 4.7 million and its
    system time from 12 to 17 s). Setting MIMALLOC_ALLOW_THP or NUMPY_MADVISE_HUGEPAGE
    yourself leaves the process as it is."""
    global _thp_off
    libc = _libc()
    prctl = getattr(libc, "prctl", None) if libc is not None else None
    if prctl is None or any(name in os.environ for name in _THP_ENV) or on != _thp_off:
        return
    if prctl(_PR_SET_THP_DISABLE, ctypes.c_ulong(0 if on else 1), *[ctypes.c_ulong(0)] * 3) == 0:
        _thp_off = not on


_thp_off = False  # whether process_huge_pages(False) turned them off (and nothing since)


def join_parts(
    parts: list[npt.NDArray[Any]], dtype: npt.DTypeLike | None = None
) -> npt.NDArray[Any]:
    """np.concatenate(parts) (of `dtype`, else the parts' common one), emptying the list as
    it goes: each part is dropped once copied, so a column is not held twice over (a part
    often views an array nothing else needs any more)."""
    out = np.empty(
        sum(len(p) for p in parts), dtype=np.result_type(*parts) if dtype is None else dtype
    )
    start = 0
    parts.reverse()  # popped from the end, in order
    while parts:
        part = parts.pop()
        out[start : start + len(part)] = part
        start += len(part)
    return out


def index_dtype(count: int) -> type[np.int32] | type[np.int64]:
    """The integer type for positions or codes below `count`: 4 bytes where they fit (a
    10^7-row column's positions are then 40 MB, not 80)."""
    return np.int32 if count < 2**31 else np.int64
