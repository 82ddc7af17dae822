"""--fail-on and --baseline decide exit 1 (spec 6)."""

from scan_factory import hub, link, scan

from linkaudit.gate import failing_hubs, failing_links
from linkaudit.result import Hub, ScanResult
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


def _with_hubs(hubs: list[Hub], grouping: list[Hub]) -> ScanResult:
    result = scan([], groups=[h.accounts for h in grouping])
    groups = [g.model_copy(update={"hubs": [grouping[n].id]}) for n, g in enumerate(result.groups)]
    return result.model_copy(update={"hubs": hubs, "groups": groups})


def test_a_grouping_hub_fails_like_the_links_it_stands_for() -> None:
    """A hub is every pair of its members reported once (spec 5): 11 stores on one phone
    must fail --fail-on critical although no single link is listed."""
    members = [f"s{i:02d}" for i in range(11)]
    phone = hub("h-1", members)
    product = hub("h-2", members, hub_groups=False).model_copy(update={"rule": "shared-asin"})
    allowed = hub("h-3", members, allowed=True)
    result = _with_hubs([phone, product, allowed], grouping=[phone])
    assert [h.id for h in failing_hubs(result, Severity.CRITICAL)] == ["h-1"]
    assert failing_hubs(result, None) == []
    assert failing_hubs(result, Severity.CRITICAL, accounts={"other"}) == []
    approved = phone.model_copy(update={"approved": True})
    assert failing_hubs(_with_hubs([approved], grouping=[approved]), Severity.LOW) == []


def test_baseline_fails_a_hub_only_when_new_or_joined_by_a_store() -> None:
    old_hub = hub("h-1", ["a", "b", "c"])
    old = _with_hubs([old_hub], grouping=[old_hub])
    same = _with_hubs([old_hub], grouping=[old_hub])
    assert failing_hubs(same, Severity.HIGH, baseline=old) == []
    joined_hub = hub("h-1", ["a", "b", "c", "d"])
    joined = _with_hubs([joined_hub], grouping=[joined_hub])
    assert [h.id for h in failing_hubs(joined, Severity.HIGH, baseline=old)] == ["h-1"]
    new_hub = hub("h-9", ["x", "y", "z"])
    assert failing_hubs(_with_hubs([new_hub], [new_hub]), Severity.HIGH, baseline=old) != []


def test_a_hub_below_the_group_severity_fails_by_its_own_severity() -> None:
    """A low hub groups nothing under the default group_severity (medium), yet stands for
    low links, which fail --fail-on low: the hub must too."""
    low = hub("h-1", ["a", "b", "c"], sev="low")
    product = hub("h-2", ["a", "b", "c"], sev="low", hub_groups=False)
    result = _with_hubs([low, product], grouping=[])
    assert [h.id for h in failing_hubs(result, Severity.LOW)] == ["h-1"]
    assert failing_hubs(result, Severity.MEDIUM) == []
