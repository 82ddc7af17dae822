"""Issues: per-column caps, and merge() giving what one collector would have given."""

from hypothesis import given, settings
from hypothesis import strategies as st

from linkaudit.inventory import issues as issues_module
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import Problem

# (column, how many problems, added one by one or in bulk)
Step = tuple[str, int, bool]


def _apply(target: Issues, steps: list[Step], start: int) -> int:
    n = start
    for column, count, bulk in steps:
        if bulk:
            base = n
            target.add_bulk(
                "f.csv",
                column,
                count,
                lambda i, b=base, c=column: Problem(f"f.csv:{b + i}", c, "x", "bad"),
            )
            n += count
        else:
            for _ in range(count):
                target.add(Problem(f"f.csv:{n}", column, "x", "bad"), file="f.csv")
                n += 1
        target.note(f"note {column}")
    return n


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(0, 7), st.booleans()), max_size=12
    ),
    st.integers(0, 12),
)
def test_merge_equals_one_collector(steps: list[Step], cut: int) -> None:
    original = issues_module.MAX_PER_COLUMN
    issues_module.MAX_PER_COLUMN = 5  # small, so caps and overflows happen
    try:
        one = Issues()
        _apply(one, steps, 0)
        first, second = Issues(), Issues()
        n = _apply(first, steps[:cut], 0)
        _apply(second, steps[cut:], n)
        first.merge(second)
        assert first.notes == one.notes
        assert first.finish() == one.finish()
    finally:
        issues_module.MAX_PER_COLUMN = original


def test_merge_keeps_the_cap_across_collectors() -> None:
    here, there = Issues(), Issues()
    for k in range(issues_module.MAX_PER_COLUMN - 1):
        here.add(Problem(f"f.csv:{k}", "phone", "x", "bad"), file="f.csv")
    there.add_bulk("f.csv", "phone", 3, lambda i: Problem(f"f.csv:{1000 + i}", "phone", "x", "bad"))
    here.merge(there)
    done = here.finish()
    assert len(done) == issues_module.MAX_PER_COLUMN + 1
    assert done[-1].why.startswith("2 more problems in this column not listed")


def test_a_long_run_over_the_cap_is_one_log_entry() -> None:
    issues = Issues()
    for k in range(issues_module.MAX_PER_COLUMN + 5000):
        issues.add(Problem(f"f.csv:{k}", "ip", "x", "bad"), file="f.csv")
    assert len(issues._log) == issues_module.MAX_PER_COLUMN + 1
    merged = Issues()
    merged.merge(issues)
    assert merged.finish()[-1].why.startswith("5000 more problems")
