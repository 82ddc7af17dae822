"""Account rules (hygiene flags on one account) and the per-account rows of the result.

An account's risk is its strongest unapproved link or grouping hub; approved links and hubs
are reported on the link or hub, never as the account's risk.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from linkaudit.attributes import provenances
from linkaudit.engine.links import display
from linkaudit.engine.model import Rule
from linkaudit.engine.rows import ByType, filter_rows
from linkaudit.inventory.arrow import labelled
from linkaudit.inventory.model import AccountRecord
from linkaudit.result import Account, Exposure, Flag, Hub, Link
from linkaudit.vocab import Severity

MAX_FLAG_SOURCES = 10


def _eligible(rule: Rule, accounts: dict[str, AccountRecord]) -> set[str]:
    return {a for a, r in accounts.items() if not rule.statuses or r.status in rule.statuses}


def _present(rule: Rule, tables: ByType, eligible: set[str], show: bool) -> list[tuple[str, Flag]]:
    types = [t.value for t in rule.attributes]
    rows = filter_rows(tables, types, rule.match, fuzzy=False)
    rows = rows[rows["account_id"].isin(eligible)]
    counts = rows.drop_duplicates(["account_id", "value"]).groupby("account_id").size()
    rows = rows[rows["account_id"].isin(counts.index[counts >= rule.match.min_distinct])]
    if rows.empty:
        return []
    rows = rows.assign(prov=provenances(rows)).sort_values(["account_id", "value", "prov"])
    # per account, without a Python loop over groups: its first value, how many distinct
    # values it has, and its first sources in sorted order
    distinct = rows.drop_duplicates(["account_id", "value"])
    firsts = distinct.drop_duplicates("account_id")
    counts = distinct.groupby("account_id", sort=False).size()
    provs = rows.drop_duplicates(["account_id", "prov"]).sort_values(["account_id", "prov"])
    provs = provs[provs.groupby("account_id", sort=False).cumcount() < MAX_FLAG_SOURCES]
    sources = provs.groupby("account_id", sort=False)["prov"].agg(list)
    return [
        (
            str(account),
            Flag(
                rule=rule.id,
                attribute=str(attr),
                severity=rule.severity,
                value=display(str(attr), str(value), bool(hashed), show),
                detail=f"{int(counts[account])} distinct value(s)",
                sources=[str(x) for x in sources[account]],
            ),
        )
        for account, attr, value, hashed in zip(
            firsts["account_id"], firsts["type"], firsts["value"], firsts["hashed"], strict=True
        )
    ]


def _holding(table: pd.DataFrame, types: list[str]) -> set[str]:
    """The accounts with a row of one of `types`: one pass over the type and account
    columns' integer codes."""
    kinds, kind_labels = labelled(table["type"])
    accounts, names = labelled(table["account_id"])
    wanted = [k for k, label in enumerate(kind_labels) if label in types]
    held = accounts[np.isin(kinds, wanted)].astype(np.intp)
    return {names[k] for k in np.flatnonzero(np.bincount(held, minlength=len(names)))}


def _absent(rule: Rule, table: pd.DataFrame, eligible: set[str]) -> list[tuple[str, Flag]]:
    types = [t.value for t in rule.attributes]
    holding = _holding(table, types)
    detail = "no value of: " + ", ".join(types)
    return [
        (acc, Flag(rule=rule.id, attribute=types[0], severity=rule.severity, detail=detail))
        for acc in sorted(eligible - holding)
    ]


def account_flags(
    rules: list[Rule],
    tables: ByType,
    full_table: pd.DataFrame,
    accounts: dict[str, AccountRecord],
    show: bool,
) -> dict[str, list[Flag]]:
    """Flags per account from every account rule; `absent` rules read the unfiltered table."""
    out: dict[str, list[Flag]] = {}
    for rule in rules:
        eligible = _eligible(rule, accounts)
        if rule.match.type == "absent":
            found = _absent(rule, full_table, eligible)
        else:
            found = _present(rule, tables, eligible, show)
        for account, flag in found:
            out.setdefault(account, []).append(flag)
    return {a: sorted(f, key=lambda x: (-x.severity.rank, x.rule)) for a, f in out.items()}


@dataclass(frozen=True)
class Risk:
    score: float
    severity: Severity


def account_risks(links: list[Link], hubs: list[Hub], grouping_hubs: set[str]) -> dict[str, Risk]:
    """Strongest unapproved link or unapproved grouping hub of each account."""
    risk: dict[str, Risk] = {}

    def offer(account: str, score: float, severity: Severity) -> None:
        current = risk.get(account)
        if current is None or (score, severity.rank) > (current.score, current.severity.rank):
            risk[account] = Risk(score, severity)

    for link in links:
        if not link.approved:
            for account in link.accounts:
                offer(account, link.score, link.severity)
    for hub in hubs:
        if hub.id in grouping_hubs and not hub.approved:
            for account in hub.accounts:
                offer(account, hub.weight, hub.severity)
    return risk


def account_rows(
    accounts: dict[str, AccountRecord],
    links: list[Link],
    risks: dict[str, Risk],
    flags: dict[str, list[Flag]],
    group_of: dict[str, int],
    exposure: dict[str, list[Exposure]],
) -> list[Account]:
    """One Account per record, linked or not, sorted by account id."""
    counts: dict[str, int] = {}
    for link in links:
        for account in link.accounts:
            counts[account] = counts.get(account, 0) + 1
    rows = []
    for account_id in sorted(accounts):
        record = accounts[account_id]
        risk = risks.get(account_id)
        rows.append(
            Account(
                account_id=account_id,
                status=record.status.value,
                marketplaces=list(record.marketplaces),
                risk=risk.score if risk else 0.0,
                severity=risk.severity if risk else None,
                group=group_of.get(account_id),
                flags=flags.get(account_id, []),
                store_name=record.store_name,
                opened=record.opened,
                seller_id=record.seller_id,
                links=counts.get(account_id, 0),
                exposure=exposure.get(account_id, []),
            )
        )
    return rows
