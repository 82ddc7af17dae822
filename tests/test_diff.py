"""`linkaudit diff`: link and group changes between two scans."""

from scan_factory import hub, link, scan

from linkaudit.diff import diff, failing_changes, failing_hub_changes, render_diff
from linkaudit.result import Hub, ScanResult
from linkaudit.vocab import Severity


def test_removed_link_is_exactly_one_resolved_change() -> None:
    old = scan([link("a", "b", 0.9, "critical"), link("c", "d", 0.5, "medium")])
    new = scan([link("a", "b", 0.9, "critical")])
    result = diff(old, new)
    assert [(c.change, c.accounts) for c in result.links] == [("resolved", ["c", "d"])]


def test_new_stronger_weaker() -> None:
    old = scan([link("a", "b", 0.5, "medium"), link("c", "d", 0.9, "critical")])
    new = scan(
        [
            link("a", "b", 0.8, "high", rules=("shared-login-ip", "shared-phone")),
            link("c", "d", 0.45, "medium"),
            link("e", "f", 0.3, "low"),
        ]
    )
    changes = {tuple(c.accounts): c for c in diff(old, new).links}
    assert changes[("a", "b")].change == "stronger"
    assert changes[("a", "b")].rules_added == ["shared-phone"]
    assert changes[("c", "d")].change == "weaker"
    assert changes[("e", "f")].change == "new"


def test_unchanged_scan_has_no_changes() -> None:
    old = scan([link("a", "b", 0.5, "medium")], groups=[["a", "b"]])
    assert diff(old, old).links == [] and diff(old, old).groups == []
    assert render_diff(diff(old, old)) == "no changes\n"


def test_group_changes() -> None:
    old = scan([], groups=[["a", "b"], ["c", "d"], ["x", "y", "z"], ["p", "q"]])
    new = scan([], groups=[["a", "b", "c", "d"], ["x", "y"], ["m", "n"], ["p", "q", "r"]])
    got = {(g.change, tuple(g.accounts)) for g in diff(old, new).groups}
    assert ("merged", ("a", "b", "c", "d")) in got
    assert ("left", ("z",)) in got
    assert ("formed", ("m", "n")) in got
    assert ("joined", ("r",)) in got
    split = diff(new, old).groups
    assert any(g.change == "split" for g in split)


def test_fail_on_new() -> None:
    old = scan([link("a", "b", 0.5, "medium")])
    new = scan([link("a", "b", 0.5, "medium"), link("c", "d", 0.95, "critical")])
    assert len(failing_changes(diff(old, new), Severity.HIGH)) == 1
    assert failing_changes(diff(old, new), None) == []
    assert failing_changes(diff(new, old), Severity.LOW) == []


def test_render_zh() -> None:
    old = scan([link("a", "b", 0.5, "medium")])
    text = render_diff(diff(old, scan([])), "zh")
    assert "已解除" in text and "resolved" not in text


def test_a_new_or_stronger_approved_link_never_fails() -> None:
    """Approved pairs are reported (marked) and never fail a run (spec 4), diff included."""
    old = scan([link("a", "b", 0.5, "medium", approved=True)])
    new = scan(
        [
            link("a", "b", 0.99, "critical", approved=True),
            link("c", "d", 0.95, "critical", approved=True),
        ]
    )
    result = diff(old, new)
    assert [(c.change, c.approved) for c in result.links] == [("stronger", True), ("new", True)]
    assert failing_changes(result, Severity.LOW) == []


def _with_hubs(*hubs: Hub) -> ScanResult:
    return scan([]).model_copy(update={"hubs": list(hubs)})


def test_hubs_new_joined_stronger_resolved() -> None:
    """Hubs are compared by id and members, as the --baseline gate does."""
    old = _with_hubs(hub("h-1", ["a", "b", "c"]), hub("h-2", ["x", "y", "z"], "high"),
                     hub("h-3", ["p", "q", "r"]), hub("h-4", ["m", "n", "o"]))  # fmt: skip
    new = _with_hubs(hub("h-1", ["a", "b", "c", "d"]), hub("h-2", ["x", "y", "z"]),
                     hub("h-4", ["m", "n", "o"]), hub("h-5", ["s", "t", "u"]))  # fmt: skip
    result = diff(old, new)
    got = [(c.change, c.id, c.joined) for c in result.hubs]
    assert got == [
        ("joined", "h-1", ["d"]),
        ("stronger", "h-2", []),
        ("resolved", "h-3", []),
        ("new", "h-5", []),
    ]
    assert result.counts()["hub_new"] == 1
    assert failing_changes(result, Severity.CRITICAL) == []  # links only
    assert [c.id for c in failing_hub_changes(result, Severity.CRITICAL)] == ["h-1", "h-2", "h-5"]
    assert failing_hub_changes(result, None) == []
    assert diff(new, new).hubs == []
    text = render_diff(result)
    assert "Hubs" in text and "+d" in text and "h-3" not in text  # values, not ids, are shown
    assert "枢纽" in render_diff(result, "zh")


def test_approved_allowed_and_shared_product_hubs_never_fail_diff() -> None:
    old = _with_hubs()
    new = _with_hubs(
        hub("h-1", ["a", "b", "c"], approved=True),
        hub("h-2", ["a", "b", "c"], allowed=True),
        hub("h-3", ["a", "b", "c"], hub_groups=False),
        hub("h-4", ["a", "b", "c"], "low"),
    )
    result = diff(old, new)
    assert [c.change for c in result.hubs] == ["new"] * 4
    assert failing_hub_changes(result, Severity.LOW)[0].id == "h-4"
    assert len(failing_hub_changes(result, Severity.LOW)) == 1
    assert failing_hub_changes(result, Severity.MEDIUM) == []
