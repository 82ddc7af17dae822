"""--fail-on and --baseline decide exit 1 (spec 6)."""

from scan_factory import link, scan

from linkaudit.gate import failing_links
from linkaudit.vocab import Severity


def test_no_threshold_never_fails() -> None:
    assert failing_links(scan([link("a", "b", 0.99, "critical")]), None) == []


def test_threshold_is_inclusive_and_approved_never_fails() -> None:
    result = scan(
        [
            link("a", "b", 0.75, "high"),
            link("c", "d", 0.99, "critical", approved=True),
            link("e", "f", 0.5, "medium"),
        ]
    )
    assert [x.accounts for x in failing_links(result, Severity.HIGH)] == [["a", "b"]]


def test_baseline_fails_only_on_new_or_stronger() -> None:
    old = scan([link("a", "b", 0.75, "high"), link("c", "d", 0.5, "medium")])
    new = scan(
        [link("a", "b", 0.76, "high"), link("c", "d", 0.8, "high"), link("e", "f", 0.9, "critical")]
    )
    got = failing_links(new, Severity.HIGH, baseline=old)
    assert sorted(x.accounts for x in got) == [["c", "d"], ["e", "f"]]


def test_accounts_filter() -> None:
    result = scan([link("a", "b", 0.9, "critical"), link("c", "d", 0.9, "critical")])
    got = failing_links(result, Severity.LOW, accounts={"c"})
    assert [x.accounts for x in got] == [["c", "d"]]
