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
        self.notes: list[str] = []
        self._seen_notes: set[str] = set()
        self._per_column: Counter[tuple[str, str]] = Counter()
        self._overflow: dict[tuple[str, str], tuple[int, Problem]] = {}

    def add(self, problem: Problem, file: str = "") -> None:
        """Record a problem; value problems of one file column are capped (MAX_PER_COLUMN)."""
        key = (file or problem.where, problem.column)
        self._per_column[key] += 1
        if self._per_column[key] <= MAX_PER_COLUMN:
            self.problems.append(problem)
            return
        count, first = self._overflow.get(key, (0, problem))
        self._overflow[key] = (count + 1, first)

    def add_bulk(self, file: str, column: str, count: int, make: Callable[[int], Problem]) -> None:
        """Record `count` value problems of one file column, building only those listed."""
        key = (file, column)
        room = max(0, MAX_PER_COLUMN - self._per_column[key])
        shown = min(room, count)
        self.problems.extend(make(i) for i in range(shown))
        self._per_column[key] += count
        if count > shown:
            spilled, first = self._overflow.get(key, (0, make(shown)))
            self._overflow[key] = (spilled + count - shown, first)

    def note(self, text: str) -> None:
        """Record a note once."""
        if text not in self._seen_notes:
            self._seen_notes.add(text)
            self.notes.append(text)

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
