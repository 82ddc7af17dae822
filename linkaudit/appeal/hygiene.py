"""Hygiene root causes: the account's own flags (a cloud login IP, a virtual-machine MAC).

Flags without a value (missing-data flags) are not causes: they qualify the audit and go to
the seller's notes instead.
"""

import pandas as pd

from linkaudit.appeal.facts import Hosting, hosting_labels
from linkaudit.appeal.model import Fact
from linkaudit.appeal.phrases import NOUNS
from linkaudit.appeal.text import code, join_sources, period, plain
from linkaudit.attributes import provenance
from linkaudit.result import Flag, ScanResult

MAX_SOURCES = 10


def _iso(ts: pd.Timestamp) -> str | None:
    return None if pd.isna(ts) else ts.isoformat()


def _hosting_sentences(
    rows: pd.DataFrame, labels: Hosting, account: str
) -> list[tuple[str, list[str]]]:
    """One clause per cloud IP of the account: value, labels, dates; with its sources."""
    out: list[tuple[str, list[str]]] = []
    for value, own in rows.groupby("value", sort=True):
        key = (account, str(value))
        if key not in labels:
            continue
        when = period(_iso(own["first_seen"].min()), _iso(own["last_seen"].max()))
        clause = f"{code(str(value))} ({', '.join(labels[key])})" + (f" {when}" if when else "")
        sources = sorted(
            {provenance(str(s), int(n)) for s, n in zip(own["src"], own["line"], strict=True)}
        )
        out.append((clause, sources))
    return out


def _cloud_fact(flag: Flag, title: str, rows: pd.DataFrame, account: str) -> Fact | None:
    """The cloud-login sentence when every source of the flag is a labelled cloud login."""
    clauses = _hosting_sentences(rows, hosting_labels(rows), account)
    cited = {s for _, sources in clauses for s in sources}
    if not clauses or not set(flag.sources) <= cited:
        return None
    sources = sorted(cited)[:MAX_SOURCES]
    text = (
        f"{title}: {plain(account)} logged in from "
        + "; ".join(c for c, _ in clauses)
        + ". "
        + join_sources(sources)
    )
    return Fact(
        text=text, rule=flag.rule, attribute=flag.attribute, sources=tuple(sources), flag=flag
    )


def _plain_fact(flag: Flag, title: str, account: str) -> Fact:
    noun = NOUNS.get(flag.attribute, flag.attribute)
    detail = f" ({plain(flag.detail)})" if flag.detail else ""
    value = code(flag.value or "")
    text = f"{title}: the {noun} {value} of {plain(account)}{detail}. {join_sources(flag.sources)}"
    return Fact(text=text.strip(), rule=flag.rule, attribute=flag.attribute,
                sources=tuple(flag.sources), flag=flag)  # fmt: skip


def flag_facts(result: ScanResult, attributes: pd.DataFrame, account: str) -> list[Fact]:
    """A fact per hygiene flag of the account that carries a value, most severe first."""
    record = next((a for a in result.accounts if a.account_id == account), None)
    if record is None:
        return []
    mine = attributes.loc[attributes["account_id"] == account]
    facts: list[Fact] = []
    for flag in sorted(record.flags, key=lambda f: (-f.severity.rank, f.rule)):
        if flag.value is None:
            continue
        info = result.rule(flag.rule)
        title = info.title.en if info else flag.rule
        rows = mine.loc[mine["type"] == flag.attribute]
        fact = _cloud_fact(flag, title, rows, account) if flag.attribute == "ip" else None
        facts.append(fact or _plain_fact(flag, title, account))
    return facts


def gaps(result: ScanResult, account: str) -> list[Flag]:
    """The account's missing-data flags (no value): what the audit could not look at."""
    record = next((a for a in result.accounts if a.account_id == account), None)
    return [f for f in record.flags if f.value is None] if record else []
