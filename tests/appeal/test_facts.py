"""Root causes cite facts from the evidence and nothing else (the issue's acceptance)."""

import re

from linkaudit.appeal.model import Fact
from linkaudit.inventory.model import Inventory
from linkaudit.result import ScanResult

from .helpers import draft, section

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CODE = re.compile(r"`([^`]+)`")
SOURCE = re.compile(r"[\w.\u4e00-\u9fff]+\.(?:csv|jsonl|xlsx|json|txt)[:!\w]*:?\d+")

Seed = tuple[ScanResult, Inventory]


def _supported(
    fact: Fact, result: ScanResult, inv: Inventory
) -> tuple[set[str], set[str], set[str]]:
    """The values, dates and sources a fact may cite: its own evidence and the login rows."""
    values: set[str] = set()
    dates: set[str] = set()
    sources = set(fact.sources)
    if fact.evidence is not None:
        ev = fact.evidence
        values |= {ev.value, *ev.raw, *([ev.other_value] if ev.other_value else [])}
        dates |= {s[:10] for span in ev.spans for s in (span.first_seen, span.last_seen) if s}
    if fact.hub is not None:
        values.add(fact.hub.value)
    if fact.flag is not None:
        rows = inv.attributes[inv.attributes["type"] == fact.flag.attribute]
        values |= set(rows["value"])
        dates |= {str(t)[:10] for t in [*rows["first_seen"], *rows["last_seen"]]}
    if fact.cross is not None:
        values |= set(fact.cross.examples)
    return values, dates, sources


def test_every_root_cause_line_maps_to_its_evidence(seed: Seed) -> None:
    built, text, _ = draft(seed, "mingyue-de", hint="Hon")
    lines = section(text, "1. Root causes")
    assert len(lines) == len(built.root_causes) > 0
    result, inv = seed
    for number, (line, fact) in enumerate(zip(lines, built.root_causes, strict=True), start=1):
        assert line == f"{number}. {fact.text}"
        assert sum(x is not None for x in (fact.evidence, fact.flag, fact.hub, fact.cross)) == 1
        values, dates, sources = _supported(fact, result, inv)
        assert set(CODE.findall(line)) <= values, line
        assert set(DATE.findall(line)) <= dates, line
        assert set(SOURCE.findall(line)) <= sources, line
        assert all(s in line for s in fact.sources)


def test_evidence_comes_from_links_of_the_account(seed: Seed) -> None:
    built, _, _ = draft(seed, "mingyue-de")
    result, _ = seed
    own = [e for link in result.links if "mingyue-de" in link.accounts for e in link.evidence]
    for fact in built.root_causes:
        if fact.evidence is not None:
            assert fact.evidence in own


def test_seed_story_cites_ip_other_account_both_spans_and_hosting(seed: Seed) -> None:
    built, text, _ = draft(seed, "mingyue-de", hint="Hon")
    first = built.root_causes[0].text
    assert "`192.0.2.45`" in first
    assert "oldseller-closed (Hongtu Outdoor DE, closed)" in first
    assert "mingyue-de from 2026-07-02 to 2026-09-10" in first
    assert "oldseller-closed from 2026-01-05 to 2026-02-26" in first
    assert "cloud or hosting address" in first
    assert "logins.jsonl:31" in first and "logins.jsonl:39" in first
    hosting = [f for f in built.root_causes if f.flag is not None]
    assert hosting and hosting[0].flag is not None and hosting[0].flag.rule == "cloud-login-ip"
    prevention = "\n".join(section(text, "3. Preventive measures"))
    assert "fixed residential or business line" in prevention
    assert "stop using shared cloud" in prevention
    assert "own fixed line or dedicated, never-recycled IP" in prevention


def test_a_restated_subnet_is_not_a_second_root_cause(seed: Seed) -> None:
    built, _, _ = draft(seed, "mingyue-de")
    assert not [f for f in built.root_causes if f.rule == "shared-ipv4-subnet"]


def test_related_account_evidence_comes_first(seed: Seed) -> None:
    built, _, _ = draft(seed, "mingyue-de", related="mingyue-us", scenario="own")
    assert built.root_causes[0].others == ("mingyue-us",)
    built, _, _ = draft(seed, "mingyue-de", related="oldseller-closed", scenario="known")
    assert built.root_causes[0].others == ("oldseller-closed",)


def test_masked_values_stay_masked(seed: Seed) -> None:
    _, text, warnings = draft(seed, "mingyue-de")
    assert "91330110MA2BMY046N" not in text
    assert not any("91330110MA2BMY046N" in w for w in warnings)
