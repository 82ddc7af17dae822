"""The `html` format: one self-contained page for management (no external resources).

Rendered with a sandboxed, autoescaping jinja2 environment from templates/report.html.j2;
the graph is inline SVG built from escaped Markup (svg.py). Store names in tables are
shortened to NAME_COLUMNS display columns; each link's evidence heading keeps them whole.
"""

from dataclasses import dataclass
from functools import cache

from jinja2 import PackageLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from linkaudit.report import graph, i18n, sections, svg
from linkaudit.report.columns import NAME_COLUMNS, shorten
from linkaudit.report.options import RenderOptions
from linkaudit.report.sections import Cell, Section, SeverityCell
from linkaudit.report.text import (
    cross_cell,
    cross_sentence,
    data_notes,
    number,
    one_line,
    rule_title,
    seen_lines,
    severity_label,
    store_names,
    summary_sentence,
    what_links,
)
from linkaudit.result import Evidence, Link, ScanResult
from linkaudit.vocab import Severity

HTML_LANG = {"en": "en", "zh": "zh-CN"}


@dataclass(frozen=True)
class Card:
    """A summary figure: label, value, and a css class (severity or neutral)."""

    label: str
    value: int
    css: str


@dataclass(frozen=True)
class LinkView:
    """A ranked link with everything the page prints about it."""

    link: Link
    a: str
    a_store: str
    a_short: str  # the store name shortened for the ranked table; the heading shows it whole
    b: str
    b_store: str
    b_short: str
    severity: str
    score: str
    what: str
    sites: str
    cross: str
    cross_sentences: list[str]
    evidence: list["EvidenceView"]


@dataclass(frozen=True)
class EvidenceView:
    """One evidence row: rule title, attribute, value (and the fuzzy other value), provenance."""

    title: str
    attribute: str
    value: str
    other: str
    weight: str
    shared_by: int
    sources: list[str]
    seen: list[str]


@cache
def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=PackageLoader("linkaudit.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["kind"] = cell_kind
    env.globals["sev_rank"] = {s.value: s.rank for s in Severity}
    env.filters["num"] = number
    return env


def cell_kind(cell: Cell) -> str:
    """How the template prints a section cell: "sev", "num", "int" or "text"."""
    if isinstance(cell, SeverityCell):
        return "sev"
    if isinstance(cell, float):
        return "num"
    return "int" if isinstance(cell, int) else "text"


def _cards(result: ScanResult, lang: str) -> list[Card]:
    s = result.summary
    cards = [Card(i18n.tr("accounts", lang), s.accounts, "neutral")]
    cards.append(Card(i18n.tr("links_total", lang), s.links, "neutral"))
    cards += [Card(i18n.severity(c, lang), s.by_severity.get(c, 0), c) for c in svg.COLORS]
    cards.append(Card(i18n.tr("groups", lang), s.groups, "neutral"))
    cards.append(
        Card(
            i18n.tr("planned_at_risk", lang),
            s.planned_at_risk,
            "alert" if s.planned_at_risk else "neutral",
        )
    )
    return cards


def _evidence(result: ScanResult, e: Evidence, lang: str) -> EvidenceView:
    other = one_line(e.other_value) if e.other_value else ""
    if e.similarity is not None:
        other = f"{other} ({i18n.tr('similarity', lang, sim=number(e.similarity))})"
    return EvidenceView(
        rule_title(result, e.rule, lang), i18n.attribute(e.attribute, lang), one_line(e.value),
        other, number(e.weight), e.shared_by, list(e.sources), seen_lines(e, lang),
    )  # fmt: skip


def _link_view(result: ScanResult, link: Link, names: dict[str, str], lang: str) -> LinkView:
    a, b = link.accounts[0], link.accounts[-1]
    a_store, b_store = names.get(a, ""), names.get(b, "")
    return LinkView(
        link=link, a=a, a_store=a_store, a_short=shorten(a_store), b=b, b_store=b_store,
        b_short=shorten(b_store),
        severity=severity_label(link, lang), score=number(link.score),
        what=what_links(result, link, lang),
        sites=", ".join(link.shared_marketplaces) if link.same_marketplace else "",
        cross=cross_cell(link, lang),
        cross_sentences=[cross_sentence(c, lang) for c in link.cross_selling],
        evidence=[_evidence(result, e, lang) for e in link.evidence],
    )  # fmt: skip


def _tables(result: ScanResult, lang: str) -> list[Section]:
    built = (
        sections.cross_selling(result, lang),
        sections.groups(result, lang),
        sections.hubs(result, lang),
        sections.flags(result, lang, NAME_COLUMNS),
        sections.accounts(result, lang, NAME_COLUMNS),
    )
    return [section for section in built if section.rows]


def _graph(result: ScanResult, shown: list[Link], lang: str) -> Markup:
    placed = graph.layout(result, lang)
    if not placed.nodes:
        return Markup("")
    ranks = frozenset(link.rank for link in shown)
    return svg.draw(placed, lang, i18n.tr("graph", lang), ranks)


def render(result: ScanResult, options: RenderOptions) -> str:
    """The page; `limit` caps the ranked table and the evidence, never the graph."""
    lang = options.lang
    names = store_names(result)
    shown = result.links if options.limit is None else result.links[: options.limit]
    template = _environment().get_template("report.html.j2")
    return template.render(
        lang=lang,
        html_lang=HTML_LANG.get(lang, "en"),
        t=lambda key, **values: i18n.tr(key, lang, **values),
        title=options.title or i18n.tr("title", lang),
        generated=i18n.tr("generated", lang, at=result.generated_at, inventory=result.inventory),
        summary=summary_sentence(result, lang),
        cards=_cards(result, lang),
        graph=_graph(result, shown, lang),
        links=[_link_view(result, link, names, lang) for link in shown],
        hidden=len(result.links) - len(shown),
        tables=_tables(result, lang),
        notes=data_notes(result, lang),
    )
