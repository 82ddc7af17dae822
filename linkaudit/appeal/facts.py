"""Root causes: every piece of evidence touching the account as one factual sentence.

A sentence is assembled only from fields of one evidence entry (value, accounts, spans,
sources, shared_by), one hub, one cross-selling overlap or one hygiene flag, plus the
inventory's own labels of the logins (cloud / hosting). Nothing else is ever stated.
"""

from collections.abc import Callable

import pandas as pd

from linkaudit.appeal.model import Fact
from linkaudit.appeal.phrases import NOUNS
from linkaudit.appeal.text import code, join_sources, period, plain
from linkaudit.result import CrossSelling, Evidence, Hub, Link, ScanResult
from linkaudit.vocab import SENSITIVE

# Login labels that say "this address is a cloud / hosting / proxy address" (spec 2.3).
_HOSTING_WORDS = frozenset({"cloud", "vps", "proxy", "vpn", "datacenter", "hosting"})
_LABEL_PREFIXES = ("hosting:", "provider:", "source:")

Hosting = dict[tuple[str, str], tuple[str, ...]]  # (account, ip) -> labels
Names = Callable[[str], str]
MAX_SPELLINGS = 3


def hosting_labels(attributes: pd.DataFrame) -> Hosting:
    """Cloud / hosting labels of every login IP, per account, from the attribute table."""
    rows = attributes.loc[attributes["type"] == "ip", ["account_id", "value", "flags"]]
    out: dict[tuple[str, str], set[str]] = {}
    for account, value, flags in rows.itertuples(index=False):
        tokens = [t.strip() for t in str(flags).split(",") if t.strip()]
        if not any(t in _HOSTING_WORDS or t.startswith("hosting:") for t in tokens):
            continue
        labels = {_label(t) for t in tokens if t in _HOSTING_WORDS or t.startswith(_LABEL_PREFIXES)}
        out.setdefault((str(account), str(value)), set()).update(labels)
    return {key: tuple(sorted(labels)) for key, labels in out.items()}


def _label(token: str) -> str:
    for prefix in _LABEL_PREFIXES:
        if token.startswith(prefix):
            return token[len(prefix) :]
    return token


def _title(result: ScanResult, rule_id: str) -> str:
    info = result.rule(rule_id)
    return info.title.en if info else rule_id


def _noun(attribute: str) -> str:
    return NOUNS.get(attribute, attribute.replace("_", " "))


def _what(ev: Evidence, link: Link, account: str, names: Names) -> str:
    other = next(a for a in link.accounts if a != account)
    noun = _noun(ev.attribute)
    if ev.other_value is not None and ev.other_value != ev.value:
        by_side = dict(zip(link.accounts, (ev.value, ev.other_value), strict=True))
        similarity = f" (similarity {ev.similarity:.2f})" if ev.similarity is not None else ""
        return (
            f"the {noun} {code(by_side[account])} of {plain(account)} and "
            f"{code(by_side[other])} of {names(other)} match{similarity}"
        )
    both = f"both {plain(account)} and {names(other)}"
    return f"the {noun} {code(ev.value)} appears in the records of {both}"


def _spelled(ev: Evidence) -> str:
    """The raw spellings when they differ from the canonical value (non-sensitive types)."""
    if ev.attribute in SENSITIVE or ev.hashed or set(ev.raw) <= {ev.value}:
        return ""
    return "Written as " + ", ".join(code(r) for r in ev.raw[:MAX_SPELLINGS]) + "."


def restated(ev: Evidence, link: Link) -> bool:
    """Evidence that adds nothing: the same cells as a stronger evidence of the link.

    An implied rule (a shared /24 next to the shared IP itself) scores zero; saying it again
    would be a second root cause for one fact.
    """
    return ev.contribution == 0.0 and any(
        o is not ev
        and o.weight >= ev.weight
        and set(ev.sources) <= set(o.sources)
        and set(ev.raw) <= {o.value, *o.raw}
        for o in link.evidence
    )


def _spans(ev: Evidence, account: str) -> str:
    spans = sorted(ev.spans, key=lambda s: (s.account != account, s.account))
    parts = [f"{plain(s.account)} {period(s.first_seen, s.last_seen)}" for s in spans]
    parts = [p for p, s in zip(parts, spans, strict=True) if s.first_seen or s.last_seen]
    return "Used by " + "; ".join(parts) + "." if parts else ""


def _hosting(ev: Evidence, link: Link, hosting: Hosting) -> str:
    if ev.attribute != "ip":
        return ""
    parts = [
        f"{plain(a)} ({', '.join(hosting[(a, ev.value)])})"
        for a in link.accounts
        if (a, ev.value) in hosting
    ]
    return (
        "Labelled as a cloud or hosting address for " + " and ".join(parts) + "." if parts else ""
    )


def evidence_fact(
    result: ScanResult, link: Link, ev: Evidence, account: str, names: Names, hosting: Hosting
) -> Fact:
    """One shared value of one link as a sentence citing value, accounts, dates and files."""
    other = next(a for a in link.accounts if a != account)
    parts = [
        f"{_title(result, ev.rule)}: {_what(ev, link, account, names)}.",
        _spelled(ev),
        _spans(ev, account),
        _hosting(ev, link, hosting),
        "Weak evidence on its own." if ev.weak else "",
        f"Held by {ev.shared_by} accounts in the inventory." if ev.shared_by > 2 else "",
        f"This pair is declared approved ({plain(link.approval_reason)})."
        if link.approved and link.approval_reason
        else "",
        join_sources(ev.sources),
    ]
    return Fact(
        text=" ".join(p for p in parts if p),
        rule=ev.rule,
        attribute=ev.attribute,
        sources=tuple(ev.sources),
        others=(other,),
        evidence=ev,
    )


def cross_fact(link: Link, cross: CrossSelling, account: str, names: Names) -> Fact:
    """Two linked accounts listing the same products on one marketplace (交叉销售)."""
    other = next(a for a in link.accounts if a != account)
    examples = ", ".join(code(x) for x in cross.examples[:5])
    parts = [
        f"Cross-selling: {plain(account)} and {names(other)} both list {cross.overlap} of the "
        f"same products on {plain(cross.marketplace)} ({cross.asins} ASIN, {cross.gtins} GTIN)"
        + (f", for example {examples}." if examples else "."),
        f"The newer account is {plain(cross.newer_account)}." if cross.newer_account else "",
    ]
    return Fact(
        text=" ".join(p for p in parts if p),
        rule="shared-asin",  # its fix text is the remedy for cross-selling
        attribute="asin",
        sources=(),
        others=(other,),
        cross=cross,
    )


def hub_fact(result: ScanResult, hub: Hub, account: str, names: Names) -> Fact:
    """A value held by many accounts, reported once with its members."""
    others = tuple(a for a in hub.accounts if a != account)
    members = ", ".join(names(a) for a in others)
    text = (
        f"{_title(result, hub.rule)}: the {_noun(hub.attribute)} {code(hub.value)} is held by "
        f"{hub.members} accounts in the inventory, {plain(account)} and: {members}."
    )
    text = " ".join(p for p in (text, join_sources(hub.sources)) if p)
    return Fact(
        text=text,
        rule=hub.rule,
        attribute=hub.attribute,
        sources=tuple(hub.sources),
        others=others,
        hub=hub,
    )
