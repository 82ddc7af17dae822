"""Stage timings for `scan --timings` (load, normalise, match, score, report)."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar["Timings | None"] = ContextVar("linkaudit_timings", default=None)


class Timings:
    """Wall time per named stage, in the order the stages first ran."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}

    def add(self, name: str, seconds: float) -> None:
        self.stages[name] = self.stages.get(name, 0.0) + seconds

    def render(self) -> str:
        total = sum(self.stages.values())
        lines = [f"{name:<10} {secs:8.3f} s" for name, secs in self.stages.items()]
        return "\n".join([*lines, f"{'total':<10} {total:8.3f} s"])


@contextmanager
def collecting() -> Iterator[Timings]:
    """Collect the stages timed by `stage()` anywhere below this call."""
    timings = Timings()
    token = _current.set(timings)
    try:
        yield timings
    finally:
        _current.reset(token)


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time a stage when timings are being collected; free otherwise."""
    timings = _current.get()
    start = time.perf_counter()
    try:
        yield
    finally:
        if timings is not None:
            timings.add(name, time.perf_counter() - start)
