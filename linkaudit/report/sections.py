"""The scan as translated tables (headers + rows), shared by csv, xlsx, markdown and table.

Cells keep their type: numbers stay numbers (never defused, written as numbers in xlsx),
severities carry their code for colouring, everything else is text.
"""

from dataclasses import dataclass, field

from linkaudit.report import i18n
from linkaudit.report.text import (
    account_label,
    annotate,
    cross_sentence,
    data_notes,
    evidence_phrase,
    one_line,
    rule_fix,
    rule_title,
    seen_lines,
    store_names,
    what_links,
)
from linkaudit.result import Link, ScanResult


@dataclass(frozen=True)
class SeverityCell:
    """A severity: its code (for colour) and its label in the report's language."""

    code: str
    label: str

    def __str__(self) -> str:
        return self.label


Cell = str | int | float | SeverityCell


@dataclass(frozen=True)
class Section:
    """One table of the report: a key (sheet / anchor), a translated title, headers, rows."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


def _heads(lang: str, *keys: str) -> list[str]:
    return [i18n.tr(k, lang) for k in keys]


def severity_cell(code: str | None, lang: str, approved: bool = False) -> SeverityCell | str:
    """A severity cell, marked "(approved)" when the link is a declared relationship."""
    if code is None:
        return ""
    label = i18n.severity(code, lang)
    if approved:
        label = annotate(label, i18n.tr("approved_mark", lang), lang)
    return SeverityCell(str(code), label)


def summary(result: ScanResult, lang: str) -> Section:
    """Key figures, one per row."""
    s = result.summary
    rows: list[list[Cell]] = [
        [i18n.tr("inventory", lang), one_line(result.inventory)],
        [i18n.tr("generated_at", lang), result.generated_at],
        [i18n.tr("accounts", lang), s.accounts],
        [i18n.tr("links_total", lang), s.links],
    ]
    rows += [[i18n.severity(c, lang), s.by_severity.get(c, 0)] for c in _SEVERITIES]
    rows += [
        [i18n.tr("groups", lang), s.groups],
        [i18n.tr("planned_at_risk", lang), s.planned_at_risk],
        [i18n.tr("approved_links", lang), s.approved],
        [i18n.tr("hubs", lang), s.hubs],
        [i18n.tr("flags", lang), s.flags],
        [i18n.tr("problems", lang), s.problems],
    ]
    return Section("summary", i18n.tr("summary", lang), _heads(lang, "item", "count"), rows)


_SEVERITIES = ("critical", "high", "medium", "low")


def _sites(link: Link) -> str:
    return ", ".join(link.shared_marketplaces) if link.same_marketplace else ""


def links(result: ScanResult, lang: str) -> Section:
    """The ranked links, every evidence in words."""
    names = store_names(result)
    heads = _heads(lang, "rank", "account_a", "store", "account_b", "store", "severity", "score")
    heads += _heads(lang, "same_site", "cross_selling", "what_links")
    rows: list[list[Cell]] = []
    for link in result.links:
        a, b = link.accounts[0], link.accounts[-1]
        rows.append(
            [
                link.rank,
                a,
                names.get(a, ""),
                b,
                names.get(b, ""),
                severity_cell(link.severity, lang, link.approved),
                link.score,
                _sites(link),
                ", ".join(cross_sentence(c, lang) for c in link.cross_selling),
                what_links(result, link, lang, most=None),
            ]
        )
    return Section("links", i18n.tr("links", lang), heads, rows)


def evidence(result: ScanResult, lang: str) -> Section:
    """One row per evidence (the csv format and the xlsx evidence sheet)."""
    heads = _heads(lang, "rank", "account_a", "account_b", "severity", "score", "approved")
    heads += _heads(lang, "same_site", "rule", "rule_title", "attribute", "value", "weight")
    heads += _heads(lang, "contribution", "shared_by", "sources")
    rows: list[list[Cell]] = []
    for link in result.links:
        head: list[Cell] = [link.rank, link.accounts[0], link.accounts[-1]]
        head += [severity_cell(link.severity, lang), link.score]
        head += [i18n.yes_no(link.approved, lang), i18n.yes_no(link.same_marketplace, lang)]
        for e in link.evidence:
            title = rule_title(result, e.rule, lang)
            tail: list[Cell] = [e.rule, title, e.attribute, e.value, e.weight, e.contribution]
            rows.append([*head, *tail, e.shared_by, " ".join(e.sources)])
    return Section("evidence", i18n.tr("evidence", lang), heads, rows)


def groups(result: ScanResult, lang: str) -> Section:
    """Groups of linked accounts, with their closed or suspended members."""
    heads = _heads(lang, "group", "size", "max_score", "members", "bad_standing")
    rows: list[list[Cell]] = [
        [
            g.id,
            g.size or len(g.accounts),
            g.max_score,
            ", ".join(g.accounts),
            ", ".join(g.closed_or_suspended),
        ]
        for g in result.groups
    ]
    return Section("groups", i18n.tr("groups", lang), heads, rows)


def accounts(result: ScanResult, lang: str, name_limit: int | None = None) -> Section:
    """Every account with status, risk and exposure to accounts in bad standing; store names
    shortened to `name_limit` display columns when given (the human-readable formats)."""
    names = store_names(result, name_limit)
    heads = _heads(lang, "account", "store", "status", "marketplaces", "risk", "severity")
    heads += _heads(lang, "group", "links_total", "flag_count", "exposure_head")
    rows: list[list[Cell]] = []
    for a in result.accounts:
        exposure = ", ".join(f"{x.account} ({i18n.status(x.status, lang)})" for x in a.exposure)
        rows.append(
            [
                a.account_id,
                names[a.account_id],
                i18n.status(a.status, lang),
                ", ".join(a.marketplaces),
                a.risk,
                severity_cell(a.severity, lang),
                "" if a.group is None else a.group,
                a.links,
                len(a.flags),
                exposure,
            ]
        )
    return Section("accounts", i18n.tr("accounts", lang), heads, rows)


def cross_selling(result: ScanResult, lang: str) -> Section:
    """Linked accounts selling the same products on the same marketplace."""
    heads = _heads(lang, "rank", "account_a", "account_b", "marketplace", "overlap")
    heads += ["ASIN", "GTIN", *_heads(lang, "newer", "examples")]
    rows: list[list[Cell]] = []
    for link in result.links:
        for c in link.cross_selling:
            rows.append([link.rank, link.accounts[0], link.accounts[-1], c.marketplace])
            rows[-1] += [c.overlap, c.asins, c.gtins, c.newer_account or "", ", ".join(c.examples)]
    title = i18n.tr("cross_selling", lang)
    return Section("cross_selling", title, heads, rows)


def hubs(result: ScanResult, lang: str) -> Section:
    """Values shared by many accounts, reported once."""
    heads = _heads(lang, "rule_title", "attribute", "value", "members", "severity", "allowed")
    heads += _heads(lang, "accounts", "sources")
    rows: list[list[Cell]] = [
        [
            rule_title(result, h.rule, lang),
            i18n.attribute(h.attribute, lang),
            one_line(h.value),
            h.members,
            severity_cell(h.severity, lang),
            i18n.yes_no(h.allowed, lang),
            ", ".join(h.accounts),
            " ".join(h.sources),
        ]
        for h in result.hubs
    ]
    return Section("hubs", i18n.tr("hubs", lang), heads, rows)


def flags(result: ScanResult, lang: str, name_limit: int | None = None) -> Section:
    """Single-account hygiene findings, worst first; store names shortened to `name_limit`
    display columns when given (the human-readable formats)."""
    names = store_names(result, name_limit)
    heads = _heads(lang, "account", "severity", "rule_title", "attribute", "value", "detail")
    heads.append(i18n.tr("fix", lang))
    found = [(a.account_id, f) for a in result.accounts for f in a.flags]
    found.sort(key=lambda item: (-item[1].severity.rank, item[0], item[1].rule))
    rows: list[list[Cell]] = [
        [
            account_label(names, account),
            severity_cell(f.severity, lang),
            rule_title(result, f.rule, lang),
            i18n.attribute(f.attribute, lang),
            one_line(f.value or ""),
            one_line(f.detail or ""),
            rule_fix(result, f.rule, lang),
        ]
        for account, f in found
    ]
    return Section("flags", i18n.tr("flags", lang), heads, rows)


def notes(result: ScanResult, lang: str) -> Section:
    """Data notes (problem count, notes, rules not run, allowance warnings) and problems."""
    heads = _heads(lang, "where", "column", "value", "why", "level")
    rows: list[list[Cell]] = [["", "", "", line, ""] for line in data_notes(result, lang)]
    rows += [
        [p.where, p.column, one_line(p.value), one_line(p.why), p.level] for p in result.problems
    ]
    return Section("notes", i18n.tr("notes", lang), heads, rows)


def evidence_lines(result: ScanResult, link: Link, lang: str) -> list[str]:
    """Each evidence of a link as a sentence with weight, shared-by count and sources."""
    lines = []
    for e in link.evidence:
        extra = [f"{i18n.tr('weight', lang)} {e.weight:.2f}"]
        extra.append(f"{i18n.tr('shared_by', lang)} {e.shared_by}")
        if e.other_value:
            extra.append(i18n.tr("other_value", lang, value=one_line(e.other_value)))
        if e.similarity is not None:
            extra.append(i18n.tr("similarity", lang, sim=f"{e.similarity:.2f}"))
        extra += seen_lines(e, lang)
        sources = " ".join(e.sources)
        separator = "；" if lang == "zh" else "; "
        lines.append(f"{evidence_phrase(result, e, lang)} — {separator.join(extra)} — {sources}")
    return lines
