"""Scoring properties: bounded, growing with independent evidence, one count per rule."""

from hypothesis import given
from hypothesis import strategies as st

from linkaudit.engine.detail import Hit
from linkaudit.engine.rules import load_pack
from linkaudit.engine.score import band, score_link
from linkaudit.engine.table import RawValue
from linkaudit.vocab import AttrType, Severity

from .conftest import Scan, make_inventory


def _hit(rule: str, weight: float, value: str = "v") -> Hit:
    return Hit(rule, "ip", "a", "b", value, None, None, weight, (), (), (), 2, False, False)


BASE = load_pack().get("shared-login-ip")


def _rules(pack_rules: dict[str, float]) -> dict[str, object]:
    base = BASE
    return {
        r: base.model_copy(update={"id": r, "weight": w, "implied_by": []})
        for r, w in pack_rules.items()
    }


@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=12))
def test_score_is_bounded_and_contributions_sum_to_it(weights: list[float]) -> None:
    rules = _rules({f"r{i}": w for i, w in enumerate(weights)})
    scored = score_link([_hit(f"r{i}", w) for i, w in enumerate(weights)], rules)  # type: ignore[arg-type]
    assert 0.0 <= scored.score <= 1.0
    assert abs(sum(c for _, c in scored.hits) - scored.score) < 1e-9
    assert scored.score >= max(weights) - 1e-12


@given(st.lists(st.floats(0.01, 0.99), min_size=1, max_size=6), st.floats(0.01, 0.99))
def test_independent_evidence_raises_the_score(weights: list[float], extra: float) -> None:
    rules = _rules({**{f"r{i}": w for i, w in enumerate(weights)}, "extra": extra})
    hits = [_hit(f"r{i}", w) for i, w in enumerate(weights)]
    before = score_link(hits, rules).score  # type: ignore[arg-type]
    after = score_link([*hits, _hit("extra", extra)], rules).score  # type: ignore[arg-type]
    assert after > before or before > 1.0 - 1e-9


def test_same_rule_counts_once_at_its_strongest_value() -> None:
    rules = _rules({"r": 0.7})
    one = score_link([_hit("r", 0.7, "x")], rules)  # type: ignore[arg-type]
    many = score_link([_hit("r", 0.7, "x"), _hit("r", 0.5, "y"), _hit("r", 0.7, "z")], rules)  # type: ignore[arg-type]
    assert one.score == many.score == 0.7
    assert [round(c, 6) for _, c in many.hits] == [0.7, 0.0, 0.0]


def test_bands() -> None:
    expected = ["critical", "critical", "high", "medium", "low", "low"]
    assert [band(s) for s in (0.95, 0.9, 0.75, 0.4, 0.39, 0.0)] == expected


def test_two_shared_ips_score_like_one_and_list_both(scan: Scan) -> None:
    rows = [
        ("a", "ip", "203.0.113.7"),
        ("b", "ip", "203.0.113.7"),
        ("a", "ip", "198.51.100.9"),
        ("b", "ip", "198.51.100.9"),
    ]
    result = scan(make_inventory(rows))
    (link,) = result.links
    ip = [e for e in link.evidence if e.rule == "shared-login-ip"]
    assert len(ip) == 2 and link.score == 0.7
    assert [e.rule for e in link.evidence if e.contribution > 0] == ["shared-login-ip"]
    # the /24 follows from the same IP: listed, adds nothing (implied_by)
    assert all(e.contribution == 0 for e in link.evidence if e.rule == "shared-ipv4-subnet")


def test_independent_rules_combine(scan: Scan) -> None:
    rows = [
        ("a", "ip", "203.0.113.7"), ("b", "ip", "203.0.113.7"),
        ("a", "fingerprint", "fp-1"), ("b", "fingerprint", "fp-1"),
    ]  # fmt: skip
    (link,) = scan(make_inventory(rows)).links
    assert link.score == round(1 - 0.3 * 0.3, 4)
    assert link.severity is Severity.CRITICAL
    assert abs(sum(e.contribution for e in link.evidence) - link.score) < 1e-3


def test_time_decay_never_drops_below_medium(scan: Scan) -> None:
    rows = [
        RawValue("a", AttrType.IP, "47.88.1.2", first_seen="2026-01-05", last_seen="2026-01-20"),
        RawValue("b", AttrType.IP, "47.88.1.2", first_seen="2026-09-20", last_seen="2026-09-30"),
    ]
    (link,) = scan(make_inventory(rows)).links
    (ip,) = [e for e in link.evidence if e.rule == "shared-login-ip"]
    assert ip.weight == 0.35  # 0.7 decayed to the 0.5 floor after eight months
    assert link.severity.rank >= Severity.MEDIUM.rank
    assert {s.account for s in ip.spans} == {"a", "b"}


def test_close_in_time_is_stronger_than_far(scan: Scan) -> None:
    def weight(b_seen: str) -> float:
        rows = [
            RawValue("a", AttrType.IP, "203.0.113.7", first_seen="2026-01-01"),
            RawValue("b", AttrType.IP, "203.0.113.7", first_seen=b_seen),
        ]
        (link,) = scan(make_inventory(rows)).links
        return next(e.weight for e in link.evidence if e.rule == "shared-login-ip")

    assert weight("2026-01-01") == 0.7 > weight("2026-03-01") > weight("2026-12-01") == 0.35


def test_a_link_lists_at_most_the_strongest_values_of_a_rule(scan: Scan) -> None:
    from linkaudit.engine.detail import MAX_VALUES_PER_LINK

    shared = [f"47.88.{i}.9" for i in range(MAX_VALUES_PER_LINK + 5)]
    rows = [("a", "ip", ip) for ip in shared] + [("b", "ip", ip) for ip in shared]
    rows += [("a", "email", "boss@shop.example"), ("b", "email", "boss@shop.example")]
    rows += [("c", "email", "x@other.example"), ("d", "email", "x@other.example")]
    result = scan(make_inventory(rows))
    (link,) = [lk for lk in result.links if lk.accounts == ["a", "b"]]
    by_rule: dict[str, int] = {}
    for evidence in link.evidence:
        by_rule[evidence.rule] = by_rule.get(evidence.rule, 0) + 1
    assert by_rule["shared-login-ip"] == MAX_VALUES_PER_LINK
    assert by_rule["same-email"] == 1  # another rule of the same batch is not capped
    assert any(n.startswith("shared-login-ip: 1 link(s) share more than") for n in result.notes)
    assert not any(n.startswith("same-email") for n in result.notes)
    (other,) = [lk for lk in result.links if lk.accounts == ["c", "d"]]
    assert [e.rule for e in other.evidence] == ["same-email"]


def test_time_aware_and_timeless_rules_in_one_batch(scan: Scan) -> None:
    rows = [
        RawValue("a", AttrType.IP, "47.88.1.2", first_seen="2026-01-05", last_seen="2026-01-20"),
        RawValue("b", AttrType.IP, "47.88.1.2", first_seen="2026-09-20", last_seen="2026-09-30"),
        RawValue("a", AttrType.EMAIL, "boss@shop.example", first_seen="2026-01-05"),
        RawValue("b", AttrType.EMAIL, "boss@shop.example", first_seen="2026-09-30"),
    ]
    (link,) = scan(make_inventory(rows)).links
    weights = {e.rule: e.weight for e in link.evidence}
    rules = load_pack()
    assert weights["shared-login-ip"] == 0.35  # decayed to its floor
    assert weights["same-email"] == rules.get("same-email").weight  # not time-aware
