"""Stage timings for `scan --timings` (load, normalise, match, score, report).

A stage timed while another is running (fuzzy inside match) is a part of it: rendered as
an indented line under its parent and left out of the total, which counts each second once.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar["Timings | None"] = ContextVar("linkaudit_timings", default=None)
_running: ContextVar[str | None] = ContextVar("linkaudit_stage", default=None)


class Timings:
    """Wall time per named stage, in the order the stages first ran; nested ones apart."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self.parent: dict[str, str] = {}  # nested stage -> the stage it ran inside

    def add(self, name: str, seconds: float, parent: str | None = None) -> None:
        self.stages[name] = self.stages.get(name, 0.0) + seconds
        if parent is not None and parent != name:
            self.parent.setdefault(name, parent)

    def total(self) -> float:
        """Seconds of the top-level stages (nested ones are already inside their parent)."""
        return sum(secs for name, secs in self.stages.items() if name not in self.parent)

    def render(self) -> str:
        lines: list[str] = []
        for name, secs in self.stages.items():
            if name not in self.parent:
                lines.append(f"{name:<10} {secs:8.3f} s")
                lines += self._children(name, "  ")
        return "\n".join([*lines, f"{'total':<10} {self.total():8.3f} s"])

    def _children(self, name: str, indent: str) -> list[str]:
        lines: list[str] = []
        for child, secs in self.stages.items():
            if self.parent.get(child) == name:
                lines.append(f"{indent}{child:<{10 - len(indent)}} {secs:8.3f} s")
                lines += self._children(child, indent + "  ")
        return lines


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
    if timings is None:
        yield
        return
    parent = _running.get()
    token = _running.set(name)
    start = time.perf_counter()
    try:
        yield
    finally:
        _running.reset(token)
        timings.add(name, time.perf_counter() - start, parent)
