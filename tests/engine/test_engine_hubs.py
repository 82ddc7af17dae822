"""Hubs, groups, allow-lists, approvals and exposure."""

from datetime import date

from linkaudit.config import Allow, Approved, Config, ScanSettings
from linkaudit.inventory.model import AccountRecord
from linkaudit.vocab import AttrType, Severity, Status

from .conftest import Scan, make_inventory

PREP = "Prep Center, 1200 Commerce Way, Reno, NV 89502, US"


def test_office_ip_among_200_accounts_is_one_hub_one_group_no_links(scan: Scan) -> None:
    rows = [(f"acc-{i:03d}", "ip", "203.0.113.7") for i in range(200)]
    result = scan(make_inventory(rows))
    ip_hubs = [h for h in result.hubs if h.rule == "shared-login-ip"]
    assert len(ip_hubs) == 1 and ip_hubs[0].members == 200 and ip_hubs[0].value == "203.0.113.7"
    assert not any(e.rule == "shared-login-ip" for link in result.links for e in link.evidence)
    assert len(result.groups) == 1 and result.groups[0].size == 200
    assert result.groups[0].hubs == [ip_hubs[0].id]
    assert result.accounts[0].group == 1 and result.accounts[0].risk == 0.7


def test_allow_listed_address_is_no_evidence_and_reported_used(scan: Scan) -> None:
    rows = [("a", "address", PREP), ("b", "address", PREP.upper())]
    config = Config(
        allow=[Allow(type=AttrType.ADDRESS, value=PREP, reason="3PL", expires=date(2027, 6, 30))]
    )
    result = scan(make_inventory(rows), config)
    assert result.links == []
    (allowance,) = result.allowances
    assert allowance.used and not allowance.expired and allowance.matches == 2


def test_expired_allowance_lapses_and_is_reported(scan: Scan) -> None:
    rows = [("a", "address", PREP), ("b", "address", PREP)]
    config = Config(
        allow=[Allow(type=AttrType.ADDRESS, value=PREP, reason="3PL", expires=date(2026, 6, 30))]
    )
    result = scan(make_inventory(rows), config)
    assert [e.rule for e in result.links[0].evidence] == ["same-address"]
    (allowance,) = result.allowances
    assert allowance.expired and allowance.used and allowance.expires == "2026-06-30"
    assert allowance.value == PREP  # as written in the config


def test_unused_allowance_is_reported_stale(scan: Scan) -> None:
    config = Config(
        allow=[Allow(type=AttrType.PHONE, value="+86 138 0013 8000", reason="switchboard")]
    )
    result = scan(make_inventory([("a", "ip", "203.0.113.7")]), config)
    (allowance,) = result.allowances
    assert not allowance.used and allowance.matches == 0
    assert allowance.value != "+8613800138000"  # masked


def test_allowed_hub_is_reported_allowed_and_groups_nothing(scan: Scan) -> None:
    rows = [(f"acc-{i:02d}", "address", PREP) for i in range(20)]
    config = Config(allow=[Allow(type=AttrType.ADDRESS, value=PREP, reason="3PL")])
    result = scan(make_inventory(rows), config)
    assert [h.allowed for h in result.hubs] == [True] and result.groups == []


def test_approved_pair_is_reported_approved_and_not_account_risk(scan: Scan) -> None:
    rows = [("acme-us", "email", "ops@acme.com"), ("acme-us-2", "email", "ops@acme.com")]
    config = Config(approved=[Approved(accounts=["acme-us", "acme-us-2"], reason="case 123456")])
    result = scan(make_inventory(rows), config)
    (link,) = result.links
    assert (
        link.approved
        and link.approval_reason == "case 123456"
        and link.severity is Severity.CRITICAL
    )
    assert result.summary.approved == 1
    assert all(a.risk == 0.0 and a.links == 1 for a in result.accounts)


def test_an_approved_account_not_in_the_inventory_is_noted(scan: Scan) -> None:
    rows = [("acme-us", "email", "ops@acme.com"), ("acme-us-2", "email", "ops@acme.com")]
    approved = Approved(accounts=["acme-us", "acme-us2"], reason="case 123456")  # a typo
    result = scan(make_inventory(rows), Config(approved=[approved]))
    assert "[[approved]] (case 123456): account 'acme-us2' is not in the inventory" in (
        result.notes
    )
    assert not any("'acme-us'" in n for n in result.notes)
    assert not result.links[0].approved  # the typo approves nothing


def test_groups_exposure_and_stable_keys(scan: Scan) -> None:
    accounts = {
        "a": AccountRecord("a", marketplaces=("US",), status=Status.ACTIVE),
        "b": AccountRecord("b", marketplaces=("US",), status=Status.ACTIVE),
        "c": AccountRecord("c", marketplaces=("DE",), status=Status.SUSPENDED),
        "d": AccountRecord("d", marketplaces=("DE",), status=Status.ACTIVE),
    }
    rows = [
        ("a", "email", "x@acme.com"), ("b", "email", "x@acme.com"),
        ("b", "ip", "203.0.113.7"), ("c", "ip", "203.0.113.7"),
        ("d", "brand", "acme"), ("c", "brand", "acme"),
    ]  # fmt: skip
    result = scan(make_inventory(rows, accounts))
    (group,) = result.groups  # the brand link (low) does not group
    assert group.accounts == ["a", "b", "c"] and group.closed_or_suspended == ["c"]
    assert group.key.startswith("g-") and len(group.key) == 12
    exposure = {a.account_id: a.exposure for a in result.accounts}
    assert [(e.account, e.via_score) for e in exposure["a"]] == [("c", 0.7)]
    assert exposure["d"] == []


def test_group_severity_setting(scan: Scan) -> None:
    rows = [("d", "brand", "acme"), ("c", "brand", "acme")]
    low = Config(scan=ScanSettings(group_severity=Severity.LOW))
    assert len(scan(make_inventory(rows), low).groups) == 1
    assert scan(make_inventory(rows)).groups == []


def test_allowed_value_gives_no_link_through_what_is_derived_from_it(scan: Scan) -> None:
    """An allowed IP's /24 and an allowed card's last-4 key come from the same cell: the
    allowed fact, not new evidence (spec 4: allowed values are not evidence)."""
    rows = [
        ("a", "ip", "203.0.113.7"),
        ("b", "ip", " 203.0.113.7"),
        ("a", "card", "4111 1111 1111 1111"),
        ("b", "card", "4111-1111-1111-1111"),
    ]
    config = Config(
        allow=[
            Allow(type=AttrType.IP, value="203.0.113.7", reason="prep centre Wi-Fi"),
            Allow(type=AttrType.CARD, value="4111111111111111", reason="corporate card"),
        ]
    )
    result = scan(make_inventory(rows), config)
    assert result.links == [] and result.hubs == []
    assert [a.matches for a in result.allowances] == [2, 2]


def test_a_neighbour_of_an_allowed_ip_still_links_through_its_own_subnet(scan: Scan) -> None:
    rows = [
        ("a", "ip", "203.0.113.7"),
        ("a", "ip", "203.0.113.8"),
        ("b", "ip", "203.0.113.9"),
    ]
    config = Config(allow=[Allow(type=AttrType.IP, value="203.0.113.7", reason="prep centre")])
    (link,) = scan(make_inventory(rows), config).links
    assert [e.rule for e in link.evidence] == ["shared-ipv4-subnet"]


def test_approved_hub_is_marked_by_the_engine_and_not_account_risk(scan: Scan) -> None:
    """Approved stores sharing a hub value: the hub is marked approved (spec 4) and, like an
    approved link, is not its members' risk; it still groups them."""
    members = [f"acc-{i:02d}" for i in range(12)]
    rows = [(a, "ip", "203.0.113.7") for a in members]
    config = Config(approved=[Approved(accounts=members, reason="case 123456")])
    result = scan(make_inventory(rows), config)
    (hub,) = [h for h in result.hubs if h.rule == "shared-login-ip"]
    assert hub.approved and result.groups[0].hubs == [hub.id]
    assert all(a.risk == 0.0 and a.severity is None for a in result.accounts)


def test_a_hub_says_whether_its_rule_groups_members(scan: Scan) -> None:
    """Shared-product hubs join nothing (hub_groups: false); the gate reads it off the hub."""
    rows = [(f"acc-{i:02d}", t, v) for i in range(12) for t, v in
            [("ip", "203.0.113.7"), ("asin", "B000000001")]]  # fmt: skip
    hubs = {h.rule: h.hub_groups for h in scan(make_inventory(rows)).hubs}
    assert hubs["shared-login-ip"] is True and hubs["shared-asin"] is False
