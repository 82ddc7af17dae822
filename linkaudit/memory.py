"""Hand freed memory back to the operating system between the big steps of a scan.

Arrow's allocator (mimalloc) and glibc's malloc keep freed blocks for reuse; after a step
that made large temporaries (coding 10^6 titles, tokenising them) that memory is dead
weight under the next step's peak. release() returns it: a few milliseconds per call.
"""

import ctypes
import ctypes.util
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
