"""Negative controls, cross-selling, ranking, masking and determinism."""

from linkaudit.config import Approved, Config
from linkaudit.engine import evaluate
from linkaudit.engine.rules import RulePack
from linkaudit.engine.table import RawValue
from linkaudit.inventory.model import AccountRecord, Problem
from linkaudit.vocab import AttrType, Status

from .conftest import GENERATED, Row, Scan, make_inventory


def test_negative_controls_do_not_link(scan: Scan) -> None:
    rows = [
        ("a", "ip", "192.168.1.1"), ("b", "ip", "192.168.1.1"),
        ("a", "ip", "10.0.0.2"), ("b", "ip", "10.0.0.2"),
        ("a", "phone", "N/A"), ("b", "phone", "N/A"),
        ("a", "email", "none"), ("b", "email", "none"),
        ("a", "address", "Room 1203, Building 5, Keyuan Road, Nanshan District, Shenzhen"),
        ("b", "address", "Room 1204, Building 5, Keyuan Road, Nanshan District, Shenzhen"),
        ("a", "company_name", "Shenzhen Xinda Technology Co., Ltd."),
        ("b", "company_name", "Shenzhen Xinhua Technology Co., Ltd."),
    ]  # fmt: skip
    assert scan(make_inventory(rows)).links == []


def _listing(account: str, asin: str, market: str) -> RawValue:
    return RawValue(account, AttrType.ASIN, asin, marketplace=market)


def test_cross_selling_only_on_the_same_marketplace_with_the_newer_account(scan: Scan) -> None:
    accounts = {
        "old": AccountRecord(
            "old", marketplaces=("US", "DE"), status=Status.ACTIVE, opened="2019-03-01"
        ),
        "new": AccountRecord(
            "new", marketplaces=("US", "DE"), status=Status.ACTIVE, opened="2024-05-01"
        ),
    }
    rows: list[Row] = [
        ("old", "email", "ops@acme.com"), ("new", "email", "ops@acme.com"),
        _listing("old", "B07XYZ1234", "US"), _listing("new", "B07XYZ1234", "US"),
        _listing("old", "B07XYZ9999", "DE"), _listing("new", "B07XYZ9999", "US"),
    ]  # fmt: skip
    (link,) = scan(make_inventory(rows, accounts)).links
    (cross,) = link.cross_selling
    assert (cross.marketplace, cross.overlap, cross.examples) == ("US", 1, ["B07XYZ1234"])
    assert cross.newer_account == "new" and cross.opened == {
        "new": "2024-05-01",
        "old": "2019-03-01",
    }
    assert {e.value for e in link.evidence if e.rule == "shared-asin"} == {"B07XYZ1234"}


def test_cross_selling_raises_a_linked_pair_one_band(scan: Scan) -> None:
    base = [("a", "fingerprint", "fp-1"), ("b", "fingerprint", "fp-1")]
    plain = scan(make_inventory(base), select=["same-fingerprint", "shared-asin"]).links[0]
    listings = [_listing("a", "B07XYZ1234", "US"), _listing("b", "B07XYZ1234", "US")]
    crossing = scan(
        make_inventory([*base, *listings]), select=["same-fingerprint", "shared-asin"]
    ).links[0]
    assert plain.severity == "high" and crossing.severity == "critical"


def test_shared_asin_across_marketplaces_is_nothing(scan: Scan) -> None:
    rows = [_listing("a", "B07XYZ1234", "US"), _listing("b", "B07XYZ1234", "DE")]
    assert scan(make_inventory(rows)).links == []


def test_planned_links_rank_first_within_a_severity(scan: Scan) -> None:
    accounts = {"z-new": AccountRecord("z-new", marketplaces=("FR",), status=Status.PLANNED)}
    rows = [
        ("a", "email", "x@acme.com"), ("b", "email", "x@acme.com"),
        ("a", "phone", "+86 138 0013 8000"), ("b", "phone", "+86 138 0013 8000"),
        ("c", "email", "y@acme.com"), ("z-new", "email", "y@acme.com"),
        ("d", "brand", "acme"), ("e", "brand", "acme"),
    ]  # fmt: skip
    result = scan(make_inventory(rows, accounts))
    ranked = [(link.accounts, link.severity.value) for link in result.links]
    assert ranked == [(["c", "z-new"], "critical"), (["a", "b"], "critical"), (["d", "e"], "low")]
    assert result.links[0].score < result.links[1].score
    assert [link.rank for link in result.links] == [1, 2, 3]
    assert result.summary.planned_at_risk == 1


def test_approved_links_rank_after_unapproved_links_of_the_same_severity(scan: Scan) -> None:
    """An approved pair is declared, not a risk to act on: within its severity it comes after
    every unapproved link, even one touching a planned store or with a lower score."""
    accounts = {"z-new": AccountRecord("z-new", marketplaces=("US",), status=Status.PLANNED)}
    rows = [
        ("a", "email", "x@acme.com"), ("b", "email", "x@acme.com"),
        ("a", "phone", "+86 138 0013 8000"), ("b", "phone", "+86 138 0013 8000"),
        ("c", "email", "y@acme.com"), ("d", "email", "y@acme.com"),
        ("e", "email", "z@acme.com"), ("z-new", "email", "z@acme.com"),
    ]  # fmt: skip
    approved = [
        Approved(accounts=["a", "b"], reason="case 1"),
        Approved(accounts=["e", "z-new"], reason="case 2"),
    ]
    result = scan(make_inventory(rows, accounts), Config(approved=approved))
    ranked = [(link.accounts, link.severity.value, link.approved) for link in result.links]
    assert ranked == [
        (["c", "d"], "critical", False),
        (["e", "z-new"], "critical", True),  # planned still leads among the approved
        (["a", "b"], "critical", True),
    ]
    assert result.links[2].score > result.links[0].score  # approved: a higher score is no lead


def test_severity_still_leads_approval_in_rank(scan: Scan) -> None:
    rows = [
        ("a", "email", "x@acme.com"), ("b", "email", "x@acme.com"),
        ("c", "fingerprint", "fp-1"), ("d", "fingerprint", "fp-1"),
    ]  # fmt: skip
    config = Config(approved=[Approved(accounts=["a", "b"], reason="case 1")])
    result = scan(make_inventory(rows), config, select=["same-email", "same-fingerprint"])
    ranked = [(link.accounts, link.severity.value, link.approved) for link in result.links]
    assert ranked == [(["a", "b"], "critical", True), (["c", "d"], "high", False)]


def test_values_are_masked_unless_shown(scan: Scan) -> None:
    rows = [("a", "card", "4111 1111 1111 1111"), ("b", "card", "411111******1111")]
    problems = [
        Problem("payments.csv:3", "card_number", "4111 1111 1111 1112", "bad check digit", "card")
    ]
    inv = make_inventory(rows)
    inv.problems.extend(problems)
    masked = scan(inv)
    evidence = masked.links[0].evidence[0]
    assert evidence.value == "411111******1111" and all("4111 1111" not in r for r in evidence.raw)
    assert "1111 1112" not in masked.problems[0].value
    shown = scan(inv, show_values=True)
    assert "4111 1111 1111 1111" in shown.links[0].evidence[0].raw and shown.values_shown


def test_every_account_is_listed_with_flags_and_coverage(scan: Scan) -> None:
    accounts = {"idle": AccountRecord("idle", status=Status.PLANNED)}
    rows = [RawValue("a", AttrType.IP, "203.0.113.7", flags=("cloud",))]
    result = scan(make_inventory(rows, accounts))
    by_id = {a.account_id: a for a in result.accounts}
    assert set(by_id) == {"a", "idle"} and by_id["idle"].severity is None
    assert {f.rule for f in by_id["a"].flags} == {"cloud-login-ip", "missing-identity-coverage"}
    assert {f.rule for f in by_id["idle"].flags} == {
        "missing-identity-coverage",
        "missing-network-coverage",
    }
    assert result.summary.flags == 4 and result.summary.by_severity == {
        "critical": 0,
        "high": 0,
        "medium": 0,
        "low": 0,
    }


def test_hashed_inventory_makes_fuzzy_rules_unavailable(scan: Scan) -> None:
    inv = make_inventory([RawValue("a", AttrType.EMAIL, "9f86d081884c7d65", hashed=True)])
    inv.hashed = True
    assert "same-address" in scan(inv).unavailable_rules


def test_runs_are_deterministic(scan: Scan) -> None:
    rows = [
        (f"acc-{i % 37:02d}", kind, f"{kind}-{i % 11}")
        for i in range(300)
        for kind in ("device_id", "fingerprint")
    ]
    rows += [(f"acc-{i:02d}", "ip", f"203.0.113.{i % 5}") for i in range(37)]
    inv = make_inventory(rows)
    first = scan(inv).to_json()
    assert scan(inv).to_json() == first
    inv.attributes = inv.attributes.sample(frac=1.0, random_state=7)  # row order must not matter
    assert scan(inv).to_json() == first
    assert scan(make_inventory(rows), Config()).generated_at != ""


def test_empty_inventory_lists_accounts_only(scan: Scan) -> None:
    accounts = {"solo": AccountRecord("solo", marketplaces=("US",), status=Status.ACTIVE)}
    result = scan(make_inventory([], accounts))
    assert result.links == [] and result.groups == [] and result.hubs == []
    assert [a.account_id for a in result.accounts] == ["solo"]
    assert result.summary.accounts == 1 and result.summary.links == 0


def test_same_region_scope_meets_across_eu_marketplaces(scan: Scan, pack: RulePack) -> None:
    rule = pack.get("shared-login-ip").model_copy(update={"scope": "same_region"})
    regional = RulePack(rules=(rule,), directory=pack.directory)
    accounts = {
        "de": AccountRecord("de", marketplaces=("DE",), status=Status.ACTIVE),
        "fr": AccountRecord("fr", marketplaces=("FR",), status=Status.ACTIVE),
        "us": AccountRecord("us", marketplaces=("US",), status=Status.ACTIVE),
    }
    rows = [("de", "ip", "203.0.113.7"), ("fr", "ip", "203.0.113.7"), ("us", "ip", "203.0.113.7")]
    result = evaluate(make_inventory(rows, accounts), regional, Config(), generated_at=GENERATED)
    assert [link.accounts for link in result.links] == [["de", "fr"]]
