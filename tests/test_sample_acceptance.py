"""The engine's acceptance on sample_data/, driven by its answer key expected.yaml."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from linkaudit.pipeline import ScanOptions, scan
from linkaudit.result import Link, ScanResult
from linkaudit.vocab import Severity

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
EXPECTED: dict[str, Any] = yaml.safe_load((SAMPLE / "expected.yaml").read_text(encoding="utf-8"))
FIXED = "2026-11-27T10:00:00Z"


@pytest.fixture(scope="module")
def result() -> ScanResult:
    return scan(SAMPLE, ScanOptions(generated_at=FIXED, show_values=True))


def find(result: ScanResult, pair: list[str]) -> Link | None:
    return next((x for x in result.links if x.accounts == sorted(pair)), None)


def _id(case: dict[str, Any]) -> str:
    return f"{'+'.join(case['accounts'])}:{case.get('attribute', 'none')}"


@pytest.mark.parametrize("case", EXPECTED["links"], ids=_id)
def test_planted_link_found_with_evidence(result: ScanResult, case: dict[str, Any]) -> None:
    link = find(result, case["accounts"])
    assert link is not None, f"no link for {case['accounts']}"
    attrs = {e.attribute for e in link.evidence}
    assert case["attribute"] in attrs, f"{case['attribute']} not in {sorted(attrs)}"
    if "value" in case:
        assert case["value"] in {e.value for e in link.evidence}
    if "min_severity" in case:
        assert link.severity.rank >= Severity(case["min_severity"]).rank
    assert link.approved is bool(case.get("approved", False))


@pytest.mark.parametrize("case", EXPECTED["negative_controls"], ids=_id)
def test_negative_control(result: ScanResult, case: dict[str, Any]) -> None:
    link = find(result, case["accounts"])
    if case.get("must_not_link"):
        assert link is None, f"unexpected link: {[e.rule for e in link.evidence]}"  # type: ignore[union-attr]
    elif "must_not_link_by" in case:
        assert link is None or case["must_not_link_by"] not in {e.attribute for e in link.evidence}
    else:
        assert link is not None
        assert link.severity.rank <= Severity(case["max_severity"]).rank
        assert all(e.weak for e in link.evidence if e.attribute == case["attribute"])


def test_groups_and_closed_marking(result: ScanResult) -> None:
    got = {tuple(g.accounts): g.has_closed_or_suspended for g in result.groups}
    for group in EXPECTED["groups"]:
        assert got.get(tuple(group["accounts"])) is group["has_closed_or_suspended"]
    grouped = {a.account_id for a in result.accounts if a.group is not None}
    assert grouped.isdisjoint(EXPECTED["ungrouped"])


def test_planned_store_links_rank_first(result: ScanResult) -> None:
    planned = EXPECTED["planned_account"]
    first = result.links[: len(EXPECTED["planned_must_link_to"])]
    assert all(planned in x.accounts for x in first)
    partners = {a for x in first for a in x.accounts} - {planned}
    assert partners == set(EXPECTED["planned_must_link_to"])


def test_seed_cloud_ip_is_link_and_hygiene(result: ScanResult) -> None:
    seed = EXPECTED["seed"]
    link = find(result, seed["accounts"])
    assert link is not None and link.severity.rank >= Severity.MEDIUM.rank
    ev = next(e for e in link.evidence if e.attribute == "ip" and e.value == seed["ip"])
    spans = {s.account: (s.first_seen or "")[:10] for s in ev.spans}
    assert spans[seed["previous_tenant"]["account"]] == seed["previous_tenant"]["first_seen"]
    assert spans[seed["current"]["account"]] == seed["current"]["first_seen"]
    flagged = {a.account_id for a in result.accounts for f in a.flags if f.rule == "cloud-login-ip"}
    assert set(seed["accounts"]) <= flagged


def test_cross_selling(result: ScanResult) -> None:
    for case in EXPECTED["cross_selling"]:
        link = find(result, case["accounts"])
        assert link is not None
        cs = next(c for c in link.cross_selling if c.marketplace == case["marketplace"])
        assert cs.overlap == case["overlap"] and cs.newer_account == case["newer"]
    for case in EXPECTED["not_cross_selling"]:
        link = find(result, case["accounts"])
        markets = case.get("marketplaces", [case.get("marketplace")])
        if link is not None:
            assert not any(
                c.marketplace in markets and case.get("asin", "") in c.examples
                for c in link.cross_selling
            )


def test_allowances_reported(result: ScanResult) -> None:
    got = {(a.type, a.value): a for a in result.allowances}
    for entry in EXPECTED["allowances"]:
        allowance = got[(entry["type"], entry["value"])]
        assert (allowance.used, allowance.expired) == (entry["used"], entry["expired"])


def test_bad_values_reported_with_file_and_line(result: ScanResult) -> None:
    wheres = {(p.where, p.value) for p in result.problems}
    for bad in EXPECTED["bad_values"]:
        assert (f"{bad['file']}:{bad['line']}", bad["value"]) in wheres, bad


def test_same_input_same_output() -> None:
    again = [scan(SAMPLE, ScanOptions(generated_at=FIXED)).to_json() for _ in range(2)]
    assert again[0] == again[1]
