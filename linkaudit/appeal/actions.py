"""The checklist (actions taken) and the preventive measures, from the rules' fix texts.

Nothing here claims that anything was done: every item is for the seller to confirm and
date, and the rule's own fix text says what to do.
"""

from linkaudit.appeal.model import Action, Fact, Party
from linkaudit.appeal.phrases import NOUNS
from linkaudit.appeal.text import code, plain
from linkaudit.result import ScanResult

_USES = frozenset(
    {"ip", "ip_subnet", "mac", "device_id", "fingerprint", "browser_profile", "wifi_ssid"}
)
_HOLDS = frozenset({"phone", "email", "card", "bank_account", "payout_account", "website"})
_CATALOGUE = frozenset({"asin", "gtin", "brand", "title", "image"})


def scenario_action(scenario: str, account: Party, related: Party | None) -> Action:
    """The first item, which depends on whose the related account is (domain notes)."""
    if scenario == "own" and related is not None:
        return Action(f"Reactivate the related account {plain(related.label)} before sending "
                      f"this appeal. Reactivated on: [[reactivation date]].")  # fmt: skip
    if scenario == "known" and related is not None:
        return Action(f"Confirm that the relationship with {plain(related.label)} has ended: "
                      "[[date it ended]], [[how it ended]]; proof: [[document]].")  # fmt: skip
    since = account.opened or "[[date the account was opened]]"
    return Action(f"Confirm that every login, device, payment method, document and listing "
                  f"of {plain(account.account_id)} since {since} was reviewed: "
                  "[[who reviewed it, date]].")  # fmt: skip


def _value(fact: Fact) -> str:
    if fact.evidence is not None:
        return fact.evidence.value
    if fact.hub is not None:
        return fact.hub.value
    if fact.flag is not None:
        return fact.flag.value or ""
    return ""


def _check(fact: Fact, account: str) -> str:
    """What the seller confirms for this cause, naming the value and the accounts."""
    noun, value = NOUNS.get(fact.attribute, fact.attribute), code(_value(fact))
    others = ", ".join(plain(o) for o in fact.others) or "the other accounts"
    me = plain(account)
    if fact.flag is not None:
        return (f"Confirm that {me} no longer uses what this root cause cites: "
                "last use [[date]]; proof: [[document]].")  # fmt: skip
    if fact.cross is not None or fact.attribute in _CATALOGUE:
        return (f"Confirm which of {me} and {others} keeps listing these products: "
                "[[date the other listings were removed]].")  # fmt: skip
    if fact.attribute in _USES:
        return (f"Confirm that {me} no longer uses the {noun} {value}: "
                "last use [[date]]; proof: [[document]].")  # fmt: skip
    if fact.attribute in _HOLDS:
        return (f"Confirm that the {noun} {value} was removed from {me} or from {others}: "
                "[[date, which account]].")  # fmt: skip
    if fact.attribute == "document":
        return (f"Confirm that {me} now submits its own document instead of the one it "
                f"shares with {others}: [[new document, date issued]].")  # fmt: skip
    return (f"Confirm how {me} and {others} relate through the {noun} {value}: "
            "[[explanation and proof]].")  # fmt: skip


def cause_actions(causes: list[Fact], result: ScanResult, account: str) -> list[Action]:
    """One checklist item per root cause: the rule's fix text and what to confirm."""
    actions = []
    for number, fact in enumerate(causes, start=1):
        info = result.rule(fact.rule)
        fix = info.fix.en if info else "[[what was changed]]"
        actions.append(Action(f"Root cause {number}: {fix} {_check(fact, account)}",
                              info.fix.zh if info else ""))  # fmt: skip
    return actions


def prevention(causes: list[Fact], result: ScanResult) -> list[Action]:
    """One measure per rule behind the causes, in cause order, with an owner to fill in."""
    numbers: dict[str, list[int]] = {}
    for number, fact in enumerate(causes, start=1):
        numbers.setdefault(fact.rule, []).append(number)
    measures = []
    for rule_id, cited in numbers.items():
        info = result.rule(rule_id)
        if info is None:
            continue
        which = ", ".join(str(n) for n in cited)
        label = "root cause" if len(cited) == 1 else "root causes"
        measures.append(Action(f"{info.fix.en} ({label} {which}) Owner: [[name or role]]; "
                               "checked [[how often]].", info.fix.zh))  # fmt: skip
    return measures
