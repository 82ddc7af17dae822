"""Independent pieces of work on the machine's cores, results in input order.

Threads, not processes: the heavy parts of normalising and matching are numpy and Arrow
kernels that release the GIL, and threads share the attribute table instead of copying it.
Results come back in the order of the input whatever order the work finishes in, so a scan
gives the same output on one core or many. LINKAUDIT_THREADS=1 runs everything on the
calling thread (the peak memory of one piece at a time; see docs/decisions.md).
"""

import contextvars
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

MAX_THREADS = 4  # each thread holds one piece's temporaries: memory grows with the count
# Work on fewer rows than this stays on the calling thread: starting threads and passing
# the GIL between them costs more than they save on small inputs.
PARALLEL_ROWS = 50_000
_ENV = "LINKAUDIT_THREADS"
_worker = threading.local()  # .busy on a worker thread: nested maps run on it, serially


def threads() -> int:
    """Worker threads to use: LINKAUDIT_THREADS when set (1: none), else the usable cores
    up to MAX_THREADS."""
    chosen = os.environ.get(_ENV, "").strip()
    if chosen.isdigit() and int(chosen) >= 1:
        return int(chosen)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_THREADS))


def _serial(workers: int, rows: int | None) -> bool:
    """Whether to stay on the calling thread: one worker, a small input, or already on a
    worker thread (the cores are taken)."""
    small = rows is not None and rows < PARALLEL_ROWS
    return workers < 2 or small or getattr(_worker, "busy", False)


def _as_worker(work: Callable[[T], R]) -> Callable[[T], R]:
    """`work`, marking its thread as a worker while it runs (nested maps run serially)."""

    def run(item: T) -> R:
        _worker.busy = True
        try:
            return work(item)
        finally:
            _worker.busy = False

    return run


def ordered_map(
    work: Callable[[T], R],
    items: Sequence[T],
    *,
    rows: int | None = None,
    cost: Callable[[T], float] | None = None,
) -> list[R]:
    """[work(item) for item in items], on worker threads when there is more than one item,
    more than one thread and, if the caller tells how many `rows` the work covers, at
    least PARALLEL_ROWS of them. With `cost`, the costliest items start first, so that one
    long item does not start last and run alone. An exception is raised as the loop would:
    the first item's, in input order. Each call runs in a copy of the caller's context
    (stage timings reach the caller's collector). Called on a worker thread, it runs
    serially there: the cores are taken already."""
    workers = min(threads(), len(items))
    if _serial(workers, rows):
        return [work(item) for item in items]
    order = list(range(len(items)))
    if cost is not None:
        order.sort(key=lambda i: -cost(items[i]))  # stable: ties keep input order
    run = _as_worker(work)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="linkaudit") as pool:
        futures = {i: pool.submit(contextvars.copy_context().run, run, items[i]) for i in order}
        return [futures[i].result() for i in range(len(items))]


def alongside(
    main: Callable[[], R], side: Callable[[], S], *, rows: int | None = None
) -> tuple[R, S]:
    """(main(), side()), `side` on a worker thread while `main` runs on this one, under the
    same conditions as ordered_map (else one after the other: main, then side). An
    exception of either is raised, main's first."""
    if _serial(threads(), rows):
        return main(), side()
    run = _as_worker(lambda _: side())
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="linkaudit") as pool:
        future = pool.submit(contextvars.copy_context().run, run, None)
        first = main()  # an exception here waits for `side` (leaving the pool), then rises
        return first, future.result()


@contextmanager
def in_background(
    work: Callable[[], R], *, rows: int | None = None, fan_out: bool = False
) -> Iterator[Callable[[], R]]:
    """Start work() on a worker thread and give a function that waits for its result, so
    that other work (an ordered_map) can run meanwhile and ask for it when it needs it.
    Under the conditions where ordered_map runs serially, work() runs at once instead. Its
    exception is raised by whoever asks for the result, and on leaving the block.

    With `fan_out`, work() may spread over worker threads of its own (an ordered_map in it
    runs in parallel, not serially as on a worker): for work that keeps the cores busy
    while this thread does something less parallel beside it."""
    if _serial(threads(), rows):
        value = work()
        yield lambda: value
        return
    run = (lambda _: work()) if fan_out else _as_worker(lambda _: work())
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="linkaudit") as pool:
        future = pool.submit(contextvars.copy_context().run, run, None)
        yield future.result
        future.result()
