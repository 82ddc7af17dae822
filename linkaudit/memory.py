"""Hand freed memory back to the operating system between the big steps of a scan.

Arrow's allocator (mimalloc) and glibc's malloc keep freed blocks for reuse; after a step
that made large temporaries (coding 10^6 titles, tokenising them) that memory is dead
weight under the next step's peak. release() returns it: a few milliseconds per call.
"""

import ctypes
import ctypes.util
import importlib
import os
import sys
from functools import cache

import pyarrow as pa


@cache
def _malloc_trim() -> "ctypes._NamedFuncPointer | None":
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


def release() -> None:
    """Return freed memory of Arrow's pool and of malloc to the operating system."""
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def small_pages() -> None:
    """Ask numpy not to request transparent huge pages for its large arrays.

    numpy advises the kernel to back arrays of 4 MiB and more with huge pages. On the
    virtual machines this was measured on (THP in `madvise` mode), the first touch of such
    memory is slow: a scan of the M bench took 7.3-8.3 s with the advice and 7.0-7.1 s
    without, the difference being time in the kernel (docs/decisions.md). Setting
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
        switch(False)
