"""The `markdown` format, for email and tickets: summary, ranked table, evidence, groups, hygiene.

All data is escaped: markdown specials get a backslash, `<`, `>` and `&` become entities
(so no raw HTML reaches a renderer), line breaks are flattened so a value cannot start a
new block. Store names in tables are shortened to NAME_COLUMNS display columns; each
link's evidence heading keeps them whole.
"""

import re

from linkaudit.report import i18n, sections
from linkaudit.report.columns import NAME_COLUMNS
from linkaudit.report.options import RenderOptions
from linkaudit.report.sections import Cell, Section, SeverityCell, evidence_lines
from linkaudit.report.text import (
    account_label,
    cross_sentence,
    data_notes,
    number,
    one_line,
    severity_label,
    store_names,
    summary_sentence,
    what_links,
)
from linkaudit.result import Link, ScanResult

# Inline specials anywhere; `(`, `)`, `!`, `.` only act after an (escaped) `[` or at a
# block start, which _BLOCK_START handles, so they stay readable in plain-text email.
_ESCAPES = str.maketrans(
    {c: "\\" + c for c in "\\`*_[]|~"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
)
# A list marker, heading, or ordered-list number at the start of a bullet or cell.
_BLOCK_START = re.compile(r"^([#+=-]|\d{1,9}(?=[.)](\s|$)))")


def escape(text: str) -> str:
    """Data made inert in markdown: specials backslashed, HTML characters as entities."""
    flat = one_line(text).translate(_ESCAPES)
    match = _BLOCK_START.match(flat)
    if match is None:
        return flat
    end = match.end()
    if flat[:1].isdigit():  # "1." -> "1\." keeps the number and breaks the list marker
        return flat[:end] + "\\" + flat[end:]
    return "\\" + flat


def _cell(cell: Cell) -> str:
    if isinstance(cell, SeverityCell):
        return escape(cell.label)
    return number(cell) if isinstance(cell, float) else escape(str(cell))


def table(headers: list[str], rows: list[list[Cell]]) -> list[str]:
    """A GitHub-flavoured markdown table, numbers right-aligned."""
    aligns = [
        "---:" if rows and isinstance(rows[0][i], int | float) else "---"
        for i in range(len(headers))
    ]
    lines = ["| " + " | ".join(escape(h) for h in headers) + " |", "|" + "|".join(aligns) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _section(section: Section) -> list[str]:
    if not section.rows:
        return []
    return ["", f"## {escape(section.title)}", "", *table(section.headers, section.rows)]


def _links(result: ScanResult, shown: list[Link], lang: str) -> list[str]:
    names = store_names(result, NAME_COLUMNS)
    heads = [i18n.tr(k, lang) for k in ("rank", "account_a", "account_b", "severity", "score")]
    heads += [i18n.tr(k, lang) for k in ("what_links", "same_site", "cross_selling")]
    rows: list[list[Cell]] = [
        [
            link.rank,
            account_label(names, link.accounts[0]),
            account_label(names, link.accounts[-1]),
            severity_label(link, lang),
            link.score,
            what_links(result, link, lang),
            ", ".join(link.shared_marketplaces) if link.same_marketplace else "",
            ", ".join(f"{c.marketplace}: {c.overlap}" for c in link.cross_selling),
        ]
        for link in shown
    ]
    return table(heads, rows)


def _evidence(result: ScanResult, link: Link, lang: str, names: dict[str, str]) -> list[str]:
    a, b = (account_label(names, x) for x in (link.accounts[0], link.accounts[-1]))
    head = f"{link.rank}. {a} ↔ {b} — {severity_label(link, lang)} {number(link.score)}"
    lines = ["", f"### {escape(head)}", ""]
    if link.approval_reason:
        lines.append("- " + escape(i18n.tr("approval_reason", lang, reason=link.approval_reason)))
    lines += ["- " + escape(f"{i18n.tr('cross_selling', lang)}: {cross_sentence(c, lang)}")
              for c in link.cross_selling]  # fmt: skip
    lines += ["- " + escape(line) for line in evidence_lines(result, link, lang)]
    return lines


def render(result: ScanResult, options: RenderOptions) -> str:
    """The markdown report; `limit` caps the ranked table and the evidence sections."""
    lang = options.lang
    title = options.title or i18n.tr("title", lang)
    generated = i18n.tr("generated", lang, at=result.generated_at, inventory=result.inventory)
    lines = [
        f"# {escape(title)}",
        "",
        f"_{escape(generated)}_",
        "",
        escape(summary_sentence(result, lang)),
    ]
    shown = result.links if options.limit is None else result.links[: options.limit]
    lines += ["", f"## {escape(i18n.tr('links', lang))}", ""]
    lines += _links(result, shown, lang) if shown else [escape(i18n.tr("no_links", lang))]
    if len(shown) < len(result.links):
        lines += ["", escape(i18n.tr("not_shown", lang, n=len(result.links) - len(shown)))]
    if shown:
        lines += ["", f"## {escape(i18n.tr('evidence', lang))}"]
        names = store_names(result)
        for link in shown:
            lines += _evidence(result, link, lang, names)
    for section in (
        sections.groups(result, lang),
        sections.hubs(result, lang),
        sections.flags(result, lang, NAME_COLUMNS),
    ):
        lines += _section(section)
    notes = data_notes(result, lang)
    if notes:
        lines += ["", f"## {escape(i18n.tr('notes', lang))}", ""]
        lines += [f"- {escape(note)}" for note in notes]
    return "\n".join(lines) + "\n"
