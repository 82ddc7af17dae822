"""Running the rules' pass/fail examples through the real normalisers and engine.

pass = the rule finds nothing; fail = the rule finds something (a link's evidence or a hub
for pair rules, a flag on the account for account rules). Used by `linkaudit rules test`
and by the parametrised test of the rule pack.
"""

from dataclasses import dataclass
from pathlib import Path

from linkaudit.config import Config
from linkaudit.engine.model import Example, Rule
from linkaudit.engine.rules import RulePack
from linkaudit.engine.table import RawValue, build_table
from linkaudit.inventory.model import AccountRecord, Inventory
from linkaudit.vocab import Status, parse_marketplace

CLOUD_SOURCES = frozenset({"cloud", "vps", "datacenter", "proxy", "vpn"})


@dataclass(frozen=True)
class ExampleOutcome:
    """One example's result: `expected` and `got` are "finding" or "no finding"."""

    rule: str
    case: str
    expected: str
    got: str
    ok: bool


def _markets(text: str | None) -> tuple[str, ...]:
    codes = (parse_marketplace(p) for p in (text or "").replace("|", ";").split(";") if p.strip())
    return tuple(sorted({c for c in codes if c}))


def _seen(text: str | None) -> tuple[str | None, str | None]:
    if not text:
        return None, None
    first, _, last = text.partition("/")
    return first.strip(), (last or first).strip()


def _pair_inventory(rule: Rule, ex: Example) -> Inventory:
    kind = ex.type or rule.attributes[0]
    values: list[RawValue] = []
    for side, raws, seen, flags in (
        ("a", ex.a, ex.a_seen, ex.a_flags),
        ("b", ex.b, ex.b_seen, ex.b_flags),
    ):
        first, last = _seen(seen)
        values += [
            RawValue(side, kind, raw, "", first, last, tuple(flags), f"{side}.csv:") for raw in raws
        ]
    accounts = {
        "a": AccountRecord(
            "a", marketplaces=_markets(ex.a_marketplace), status=Status.ACTIVE, opened="2020-01-01"
        ),
        "b": AccountRecord(
            "b", marketplaces=_markets(ex.b_marketplace), status=Status.ACTIVE, opened="2021-01-01"
        ),
    }
    return Inventory(root=Path("examples"), accounts=accounts, attributes=build_table(values))


def _account_inventory(rule: Rule, ex: Example) -> Inventory:
    values = []
    for row in ex.rows:
        flags = [*row.flags, *(["cloud"] if (row.source or "").casefold() in CLOUD_SOURCES else [])]
        values.append(
            RawValue(
                "a", row.type or rule.attributes[0], row.value, flags=tuple(flags), src="a.csv:"
            )
        )
    record = AccountRecord("a", marketplaces=_markets(ex.marketplace), status=ex.status)
    return Inventory(root=Path("examples"), accounts={"a": record}, attributes=build_table(values))


def finds(rule: Rule, ex: Example) -> bool:
    """Whether the rule, alone, finds something in this example."""
    from linkaudit.engine.evaluate import evaluate

    pair = rule.kind == "pair"
    inv = _pair_inventory(rule, ex) if pair else _account_inventory(rule, ex)
    pack = RulePack(rules=(rule,), directory=Path("examples"))
    result = evaluate(inv, pack, Config(), generated_at="2026-01-01T00:00:00Z")
    if pair:
        evidence = any(e.rule == rule.id for link in result.links for e in link.evidence)
        return evidence or any(h.rule == rule.id for h in result.hubs)
    return any(f.rule == rule.id for acc in result.accounts for f in acc.flags)


def run_rule(rule: Rule) -> list[ExampleOutcome]:
    """Every example of one rule, pass cases first."""
    outcomes = []
    for expected, cases in ((False, rule.examples.pass_), (True, rule.examples.fail)):
        label = "fail" if expected else "pass"
        for n, ex in enumerate(cases):
            got = finds(rule, ex)
            outcomes.append(
                ExampleOutcome(
                    rule=rule.id,
                    case=f"{label}-{n}",
                    expected="finding" if expected else "no finding",
                    got="finding" if got else "no finding",
                    ok=got == expected,
                )
            )
    return outcomes


def run_examples(pack: RulePack) -> list[ExampleOutcome]:
    """Every example of every rule of the pack, in pack order."""
    return [outcome for rule in pack.rules for outcome in run_rule(rule)]
