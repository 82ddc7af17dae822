"""The engine: attribute table -> evidence -> links -> scores -> hubs -> groups -> ScanResult."""

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import numpy as np
import pandas as pd

from linkaudit import parallel
from linkaudit.config import Config
from linkaudit.engine.accounts import account_flags, account_risks, account_rows
from linkaudit.engine.allow import AllowOutcome, apply_allow
from linkaudit.engine.codes import KEY, value_keys
from linkaudit.engine.crosssell import PRODUCT_TYPES, cross_selling
from linkaudit.engine.detail import MAX_VALUES_PER_LINK, Hit, evidence_hits
from linkaudit.engine.groups import Edge, Grouping, build_groups
from linkaudit.engine.hubs import allowed_hubs, hubs_out, mark_approved
from linkaudit.engine.links import LinkInputs, build_links, final_severity
from linkaudit.engine.match import RuleMatches, match_rule
from linkaudit.engine.model import Rule
from linkaudit.engine.report import problems_out, rule_infos, summary
from linkaudit.engine.rows import ByType, Context, type_rows
from linkaudit.engine.rules import RulePack, active_rules
from linkaudit.engine.score import Scored, score_all
from linkaudit.inventory.arrow import labelled
from linkaudit.inventory.model import AccountRecord, Inventory
from linkaudit.memory import release
from linkaudit.result import Flag, Hub, Link, ScanResult
from linkaudit.timing import stage
from linkaudit.vocab import Severity, Status


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _scan_date(generated_at: str) -> date:
    try:
        return date.fromisoformat(generated_at[:10])
    except ValueError:
        return datetime.now(UTC).date()


def _accounts(inv: Inventory) -> dict[str, AccountRecord]:
    """Every account record, plus a bare record for ids seen only in the attribute table."""
    accounts = dict(inv.accounts)
    for account_id in inv.attributes["account_id"].unique():
        accounts.setdefault(str(account_id), AccountRecord(account_id=str(account_id)))
    return accounts


def _unavailable(pair_rules: list[Rule], inv: Inventory) -> list[str]:
    """Fuzzy rules of a hashed inventory (spec 2.10) not run: every one whose types hold a
    keyed hash or no plain value (titles kept in clear by `linkaudit hash` still count)."""
    if not inv.hashed:
        return []
    table = inv.attributes
    hashed = set(table.loc[table["hashed"], "type"].unique())
    plain = set(table.loc[~table["hashed"], "type"].unique())

    def usable(rule: Rule) -> bool:
        types = {a.value for a in rule.attributes}
        return not types & hashed and types <= plain

    return sorted(r.id for r in pair_rules if r.fuzzy and not usable(r))


def _markets(table: pd.DataFrame, accounts: dict[str, AccountRecord]) -> pd.DataFrame:
    """(account_id, mkt): the account's marketplaces and those its own listing rows name."""
    declared = pd.DataFrame(
        [(a, m) for a, r in accounts.items() for m in r.marketplaces], columns=["account_id", "mkt"]
    )
    frame = pd.concat([declared, _listed_markets(table)])
    return frame.drop_duplicates().reset_index(drop=True)


def _listed_markets(table: pd.DataFrame) -> pd.DataFrame:
    """Distinct (account_id, mkt) of rows naming a marketplace, in order of first appearance.

    Rows are compared with the row before them first; the few rows that start a new
    (account, marketplace) run are coded, and accounts x marketplaces is a small key space:
    one hash pass over integer codes instead of hashing 10^7 pairs of strings.
    """
    accounts, account_names = labelled(table["account_id"])
    markets, market_names = labelled(table["marketplace"])
    if not len(accounts):
        return pd.DataFrame({"account_id": [], "mkt": []}, dtype=str)
    # rows come in runs of one account and marketplace (a file's rows, one column after
    # another): only the first row of each run can be new, found on the narrow codes
    # themselves (no int64 key a row: 10^7-row tables); then a hash pass over those
    starts = np.ones(len(accounts), dtype=bool)
    np.not_equal(accounts[1:], accounts[:-1], out=starts[1:])
    starts[1:] |= markets[1:] != markets[:-1]
    firsts = np.flatnonzero(starts)
    key = accounts[firsts].astype(np.int64) * len(market_names) + markets[firsts]
    keys = pd.unique(key)  # distinct, in order of first appearance
    acc_rows, mkt_rows = keys // len(market_names), keys % len(market_names)
    accounts = np.array(account_names, dtype=object)[acc_rows]
    names = np.array(market_names, dtype=object)[mkt_rows]
    frame = pd.DataFrame({"account_id": accounts, "mkt": names}, dtype=str)
    return frame[frame["mkt"] != ""]


def _market_sets(markets: pd.DataFrame) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for account, market in zip(markets["account_id"], markets["mkt"], strict=True):
        out.setdefault(str(account), set()).add(str(market))
    return out


@dataclass(frozen=True)
class Matched:
    hits: list[Hit]
    hubs: list[Hub]
    notes: list[str]


def _match(
    rules: list[Rule], tables: ByType, allow: AllowOutcome, ctx: Context, show: bool
) -> Matched:
    """Every pair rule's evidence and hubs (plus allow-listed values that would be hubs).

    `tables` is allow.table split by type."""
    hits: list[Hit] = []
    hubs: list[Hub] = []
    notes: list[str] = []
    # A fuzzy rule over many rows spreads its marketplaces (above 4M rows, each one's word
    # kernel: fuzzy.SCOPES_APART_ROWS) over the cores, but between its numpy kernels a
    # core often waits for the GIL; the other rules are mostly
    # single-threaded pandas. So the large fuzzy rules run in the background, fanning out,
    # while this thread matches the rest; results are taken in rule order either way.
    large = [r for r in rules if r.fuzzy and _rows(r, tables) >= parallel.PARALLEL_ROWS]
    own = {r.id for r in rules} - {r.id for r in large}
    rows = sum(_rows(r, tables) for r in large)

    def match_large() -> dict[str, RuleMatches]:
        return {rule.id: match_rule(rule, tables, ctx) for rule in large}

    with parallel.in_background(match_large, rows=rows, fan_out=True) as large_matches:
        done: dict[str, RuleMatches] = {}
        for rule in rules:
            if rule.id in own:
                done[rule.id] = match_rule(rule, tables, ctx)
                release()  # a rule's temporaries, before the next rule's peak
        done.update(large_matches())
    release()
    found = [(rule, done[rule.id]) for rule in rules]
    for (rule, matches), (rule_hits, capped) in zip(found, evidence_hits(found), strict=True):
        hits += rule_hits
        hubs += hubs_out(rule, matches.hubs, matches.rows, show, allowed=False)
        if capped:
            notes.append(
                f"{rule.id}: {capped} link(s) share more than {MAX_VALUES_PER_LINK} values; "
                f"the {MAX_VALUES_PER_LINK} strongest are listed"
            )
    hubs += allowed_hubs(rules, allow.allowed, ctx, show)
    hubs.sort(key=lambda h: (h.allowed, -h.severity.rank, -h.members, h.rule, h.id))
    return Matched(hits, hubs, notes)


def _rows(rule: Rule, tables: ByType) -> int:
    """The attribute-table rows a rule reads (before its own filters)."""
    return sum(len(tables.rows.get(a.value, ())) for a in rule.attributes)


def _grouping_hubs(hubs: list[Hub], rules: dict[str, Rule], threshold: Severity) -> set[str]:
    """Hubs that join their members: not allowed, rule groups, severity at the threshold."""
    return {
        h.id
        for h in hubs
        if not h.allowed and rules[h.rule].hub_groups and h.severity.rank >= threshold.rank
    }


def _group(
    scored: list[Scored],
    severities: dict[tuple[str, str], Severity],
    hubs: list[Hub],
    grouping: set[str],
    accounts: dict[str, AccountRecord],
    threshold: Severity,
) -> Grouping:
    edges = [
        Edge((s.a, s.b), s.score) for s in scored if severities[(s.a, s.b)].rank >= threshold.rank
    ]
    edges += [Edge(tuple(h.accounts), h.weight, h.id) for h in hubs if h.id in grouping]
    return build_groups(edges, {a: r.status for a, r in accounts.items()})


def _links(
    matched: Matched,
    rules: dict[str, Rule],
    accounts: dict[str, AccountRecord],
    ctx: Context,
    tables: ByType,
    config: Config,
    show: bool,
) -> tuple[list[Link], Grouping, set[str]]:
    """Score, cross-selling, groups and ranked links."""
    scored = score_all(matched.hits, rules)
    products = [tables.of([t]) for t in PRODUCT_TYPES if t in tables.rows]
    cross = cross_selling(products, [(s.a, s.b) for s in scored], accounts, ctx)
    severities = {(s.a, s.b): final_severity(s, cross.get((s.a, s.b), [])) for s in scored}
    threshold = config.scan.group_severity
    grouping = _grouping_hubs(matched.hubs, rules, threshold)
    groups = _group(scored, severities, matched.hubs, grouping, accounts, threshold)
    inputs = LinkInputs(
        severities=severities,
        cross=cross,
        approved=config.approved,
        markets=_market_sets(ctx.markets),
        planned={a for a, r in accounts.items() if r.status is Status.PLANNED},
        group_of=groups.group_of,
        show=show,
    )
    return build_links(scored, inputs), groups, grouping


def evaluate(
    inv: Inventory,
    pack: RulePack,
    config: Config,
    *,
    show_values: bool = False,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    generated_at: str | None = None,
) -> ScanResult:
    """Run every chosen rule over the inventory and build the complete scan result.

    Coverage is left empty (the pipeline fills it); every printed value is masked unless
    show_values. Raises RuleError for unknown rule ids in select, ignore or the config.
    """
    rules = active_rules(pack, config, select, ignore)
    generated = generated_at or _now()
    pair_rules = [r for r in rules if r.kind == "pair"]
    unavailable = _unavailable(pair_rules, inv)
    with stage("match"):

        def context() -> tuple[dict[str, AccountRecord], Context]:
            accounts = _accounts(inv)
            markets = _markets(inv.attributes, accounts)
            return accounts, Context(markets=markets, hub_threshold=config.scan.hub_threshold)

        # the accounts' marketplaces (pandas on a few rows) are found on a worker while the
        # value keys' kernels run: they left a core idle before them
        with parallel.in_background(context, rows=len(inv.attributes)) as made:
            by_type = type_rows(inv.attributes)
            keyed = inv.attributes.assign(**{KEY: value_keys(inv.attributes, by_type)})
        accounts, ctx = made()
        release()
        allow = apply_allow(
            keyed,
            config.allow,
            _scan_date(generated),
            config.defaults.country,
            show_values,
        )
        usable = [r for r in pair_rules if r.id not in unavailable]
        tables = ByType(allow.table, by_type if allow.table is keyed else None)
        account_rules = [r for r in rules if r.kind == "account"]
        # the account rules read the same tables and need no link: they run beside matching
        matched, flags = parallel.alongside(
            lambda: _match(usable, tables, allow, ctx, show_values),
            lambda: account_flags(account_rules, tables, inv.attributes, accounts, show_values),
            rows=len(inv.attributes),
        )
    with stage("score"):
        result = _result(
            inv, rules, flags, matched, accounts, ctx, tables, allow, config, show_values
        )
        return result.model_copy(
            update={"generated_at": generated, "unavailable_rules": unavailable}
        )


def _unknown_approved(config: Config, accounts: dict[str, AccountRecord]) -> list[str]:
    """A note per [[approved]] account the inventory does not hold (a typo approves
    nothing, silently, otherwise)."""
    return [
        f"[[approved]] ({entry.reason}): account {account!r} is not in the inventory"
        for entry in config.approved
        for account in entry.accounts
        if account not in accounts
    ]


def _result(
    inv: Inventory,
    rules: list[Rule],
    flags: dict[str, list[Flag]],
    matched: Matched,
    accounts: dict[str, AccountRecord],
    ctx: Context,
    tables: ByType,
    allow: AllowOutcome,
    config: Config,
    show: bool,
) -> ScanResult:
    """Links, groups, account rows and the result model around them."""
    matched = replace(matched, hubs=mark_approved(matched.hubs, config.approved))
    by_id = {r.id: r for r in rules}
    links, groups, grouping = _links(matched, by_id, accounts, ctx, tables, config, show)
    risks = account_risks(links, matched.hubs, grouping)
    rows = account_rows(accounts, links, risks, flags, groups.group_of, groups.exposure)
    problems = problems_out(inv.problems, show)
    return ScanResult(
        generated_at="",
        inventory=str(inv.root),
        summary=summary(rows, links, groups.groups, matched.hubs, problems),
        links=links,
        accounts=rows,
        groups=groups.groups,
        notes=[*inv.notes, *matched.notes, *_unknown_approved(config, accounts)],
        hubs=matched.hubs,
        allowances=allow.allowances,
        rules=rule_infos(rules, links, matched.hubs, rows),
        coverage=[],
        problems=problems,
        unavailable_rules=[],
        values_shown=show,
    )
