"""The `table` format (terminal default): summary line, ranked links, groups, hubs, flags, notes.

tabulate measures Chinese text with wcwidth (a dependency), so CJK columns stay aligned;
ANSI colour codes are ignored when measuring. Store names are shortened to NAME_COLUMNS
display columns so that one long name cannot push every other column off the screen.
"""

from tabulate import tabulate

from linkaudit.report import i18n, sections
from linkaudit.report.columns import NAME_COLUMNS
from linkaudit.report.options import RenderOptions
from linkaudit.report.sections import Cell, Section, SeverityCell
from linkaudit.report.text import (
    cross_cell,
    data_notes,
    number,
    severity_label,
    store_names,
    summary_sentence,
    what_links,
)
from linkaudit.result import Link, ScanResult

# ANSI SGR colours by severity: bold red, red, yellow, blue (spec: colour on a TTY only).
ANSI = {"critical": "\x1b[1;31m", "high": "\x1b[31m", "medium": "\x1b[33m", "low": "\x1b[34m"}
RESET = "\x1b[0m"
FORMAT = "simple"


def _paint(text: str, code: str, color: bool) -> str:
    return f"{ANSI[code]}{text}{RESET}" if color and code in ANSI else text


def _account_cell(names: dict[str, str], account_id: str) -> str:
    # two lines keep the table narrow: the id, then the store name
    name = names.get(account_id, "")
    return f"{account_id}\n{name}" if name else account_id


def _link_row(
    result: ScanResult, link: Link, names: dict[str, str], opts: RenderOptions
) -> list[str]:
    lang = opts.lang
    sites = ", ".join(link.shared_marketplaces) if link.same_marketplace else ""
    return [
        str(link.rank),
        _account_cell(names, link.accounts[0]),
        _account_cell(names, link.accounts[-1]),
        _paint(severity_label(link, lang), str(link.severity), opts.color),
        number(link.score),
        what_links(result, link, lang),
        sites,
        cross_cell(link, lang),
    ]


def _links_block(result: ScanResult, opts: RenderOptions) -> list[str]:
    lang = opts.lang
    if not result.links:
        return [i18n.tr("no_links", lang)]
    shown = result.links if opts.limit is None else result.links[: opts.limit]
    names = store_names(result, NAME_COLUMNS)
    heads = [i18n.tr(k, lang) for k in ("rank", "account_a", "account_b", "severity", "score")]
    heads += [i18n.tr(k, lang) for k in ("what_links", "same_site", "cross_selling")]
    rows = [_link_row(result, link, names, opts) for link in shown]
    block = [tabulate(rows, heads, tablefmt=FORMAT, disable_numparse=True)]
    hidden = len(result.links) - len(shown)
    if hidden:
        block.append(i18n.tr("not_shown", lang, n=hidden))
    return block


def _cell(cell: Cell, color: bool) -> str:
    if isinstance(cell, SeverityCell):
        return _paint(cell.label, cell.code, color)
    return number(cell) if isinstance(cell, float) else str(cell)


def _section_block(section: Section, color: bool) -> list[str]:
    if not section.rows:
        return []
    rows = [[_cell(c, color) for c in row] for row in section.rows]
    return [
        _heading(section.title),
        tabulate(rows, section.headers, tablefmt=FORMAT, disable_numparse=True),
    ]


def _heading(title: str) -> str:
    return f"\n{title}"


def render(result: ScanResult, options: RenderOptions) -> str:
    """The terminal report; colour only when options.color (the CLI sets it on a TTY)."""
    lang = options.lang
    lines = [options.title or i18n.tr("title", lang), summary_sentence(result, lang)]
    lines += [_heading(i18n.tr("links", lang)), *_links_block(result, options)]
    lines += _section_block(_groups(result, lang), options.color)
    lines += _section_block(_hubs(result, lang), options.color)
    lines += _section_block(_flags(result, lang), options.color)
    notes = data_notes(result, lang)
    if notes:
        lines += [_heading(i18n.tr("notes", lang)), *(f"- {line}" for line in notes)]
    return "\n".join(lines) + "\n"


def _groups(result: ScanResult, lang: str) -> Section:
    return sections.groups(result, lang)


def _hubs(result: ScanResult, lang: str) -> Section:
    # the terminal leaves out sources: `linkaudit explain` shows provenance
    full = sections.hubs(result, lang)
    return Section(full.key, full.title, full.headers[:-1], [row[:-1] for row in full.rows])


def _flags(result: ScanResult, lang: str) -> Section:
    # the fix advice is long prose: markdown and html show it, the terminal does not
    full = sections.flags(result, lang, NAME_COLUMNS)
    return Section(full.key, full.title, full.headers[:-1], [row[:-1] for row in full.rows])
