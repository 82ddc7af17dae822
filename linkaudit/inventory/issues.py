"""Collects data problems and notes while loading, capped so a broken column stays readable."""

from collections import Counter
from collections.abc import Callable

from linkaudit.inventory.model import Problem

# Per (file, column): beyond this many value problems, one summary problem stands for the
# rest (a column of 2M malformed values must not produce 2M report lines).
MAX_PER_COLUMN = 1000


class Issues:
    """Problems and notes of one load, in the order found."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # what happened, in order, for merge(): (file, column), a problem, and 0 when it was
        # listed or the number of problems it stands for when the column was over its cap
        self._log: list[tuple[tuple[str, str], Problem, int]] = []
        self.notes: list[str] = []
        self._seen_notes: set[str] = set()
        self._per_column: Counter[tuple[str, str]] = Counter()
        self._overflow: dict[tuple[str, str], tuple[int, Problem]] = {}

    def add(self, problem: Problem, file: str = "") -> None:
        """Record a problem; value problems of one file column are capped (MAX_PER_COLUMN)."""
        self._place((file or problem.where, problem.column), problem)

    def _place(self, key: tuple[str, str], problem: Problem) -> None:
        self._per_column[key] += 1
        if self._per_column[key] <= MAX_PER_COLUMN:
            self.problems.append(problem)
            self._log.append((key, problem, 0))
            return
        self._spill(key, problem, 1)

    def _spill(self, key: tuple[str, str], first: Problem, count: int) -> None:
        spilled, earliest = self._overflow.get(key, (0, first))
        self._overflow[key] = (spilled + count, earliest)
        if self._log and self._log[-1][0] == key and self._log[-1][2]:  # one entry per run
            self._log[-1] = (key, self._log[-1][1], self._log[-1][2] + count)
        else:
            self._log.append((key, first, count))

    def add_bulk(self, file: str, column: str, count: int, make: Callable[[int], Problem]) -> None:
        """Record `count` value problems of one file column, building only those listed."""
        key = (file, column)
        room = max(0, MAX_PER_COLUMN - self._per_column[key])
        shown = min(room, count)
        listed = [make(i) for i in range(shown)]
        self.problems.extend(listed)
        self._log.extend((key, problem, 0) for problem in listed)
        self._per_column[key] += count
        if count > shown:
            self._spill(key, make(shown), count - shown)

    def note(self, text: str) -> None:
        """Record a note once."""
        if text not in self._seen_notes:
            self._seen_notes.add(text)
            self.notes.append(text)

    def merge(self, other: "Issues") -> None:
        """Take over `other`'s problems and notes, as if they had been added here after
        everything so far (columns read on other threads report in column order)."""
        for key, problem, count in other._log:
            if count:
                self._per_column[key] += count
                self._spill(key, problem, count)
            else:
                self._place(key, problem)
        for text in other.notes:
            self.note(text)

    def finish(self) -> list[Problem]:
        """All problems, with one summary per capped column."""
        for (file, column), (count, first) in self._overflow.items():
            self.problems.append(
                Problem(
                    where=file,
                    column=column,
                    raw="",
                    why=f"{count} more problems in this column not listed (e.g. {first.why})",
                    attribute=first.attribute,
                )
            )
        self._overflow.clear()
        return self.problems
