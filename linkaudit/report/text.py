"""Phrases shared by every human-readable format: what links two accounts, in words."""

from linkaudit.report import i18n
from linkaudit.report.columns import shorten
from linkaudit.result import CrossSelling, Evidence, Link, ScanResult

# OWASP "CSV injection": a spreadsheet treats a cell starting with these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(text: str) -> str:
    """Prefix a single quote to text a spreadsheet would read as a formula (OWASP)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def one_line(text: str) -> str:
    """Text with tabs and line breaks flattened to spaces, for table cells."""
    return " ".join(text.replace("\r", " ").replace("\n", " ").replace("\t", " ").split())


def rule_title(result: ScanResult, rule_id: str, lang: str) -> str:
    """The rule's title in `lang` from the scan's RuleInfo, or its id when unknown."""
    info = result.rule(rule_id)
    return info.title.get(lang) if info else rule_id


def rule_fix(result: ScanResult, rule_id: str, lang: str) -> str:
    """The rule's fix advice in `lang`, empty when the scan does not carry it."""
    info = result.rule(rule_id)
    return info.fix.get(lang) if info else ""


def _lower_first(title: str) -> str:
    # "Same login IP" -> "same login IP" but keep acronyms such as "IP subnet" intact
    if len(title) > 1 and title[0].isupper() and not title[1].isupper():
        return title[0].lower() + title[1:]
    return title


def evidence_phrase(result: ScanResult, evidence: Evidence, lang: str) -> str:
    """One evidence in words: "same login IP 203.0.113.7" / "同一登录 IP 203.0.113.7"."""
    title = rule_title(result, evidence.rule, lang)
    if lang != "zh":
        title = _lower_first(title)
    return one_line(f"{title} {evidence.value}")


def annotate(text: str, note: str, lang: str) -> str:
    """ "text (note)", with full-width brackets in Chinese."""
    return f"{text}（{note}）" if lang == "zh" else f"{text} ({note})"


def what_links(result: ScanResult, link: Link, lang: str, most: int | None = 2) -> str:
    """The link's evidence in words, the first `most` items then "(+n more)"."""
    shown = link.evidence if most is None else link.evidence[:most]
    separator = "；" if lang == "zh" else "; "
    text = separator.join(evidence_phrase(result, e, lang) for e in shown)
    hidden = len(link.evidence) - len(shown)
    more = i18n.tr("more", lang, n=hidden)
    return (text + more if lang == "zh" else f"{text} {more}") if hidden else text


def seen_lines(evidence: Evidence, lang: str) -> list[str]:
    """When each account used a network/device value: "acme-us used it 2026-01-02 – 2026-03-01"."""
    return [
        i18n.tr(
            "seen",
            lang,
            account=span.account,
            first=(span.first_seen or "?")[:10],
            last=(span.last_seen or "?")[:10],
        )
        for span in evidence.spans
    ]


def store_names(result: ScanResult, limit: int | None = None) -> dict[str, str]:
    """Each account's store name flattened to one line (empty when unknown), by account id.

    With `limit`, names are shortened to that many display columns (the human-readable
    tables); without it they stay whole (the data formats, and evidence headings).
    """
    if limit is None:
        return {a.account_id: one_line(a.store_name) for a in result.accounts}
    return {a.account_id: shorten(one_line(a.store_name), limit) for a in result.accounts}


def account_label(names: dict[str, str], account_id: str) -> str:
    """ "acme-us (Acme 美国店)" or just the id when there is no store name."""
    name = names.get(account_id, "")
    return f"{account_id} ({name})" if name else account_id  # data, so ASCII brackets


def severity_label(link: Link, lang: str) -> str:
    """The severity word, marked when the relationship is approved (declared, not hidden)."""
    word = i18n.severity(link.severity, lang)
    return annotate(word, i18n.tr("approved_mark", lang), lang) if link.approved else word


def cross_cell(link: Link, lang: str) -> str:
    """Short cross-selling mark for a table cell: "US: 12 products"."""
    return ", ".join(
        i18n.tr(
            "cross_cell", lang, site=c.marketplace, products=i18n.count("products", c.overlap, lang)
        )
        for c in link.cross_selling
    )


def cross_sentence(item: CrossSelling, lang: str) -> str:
    """One cross-selling finding as a sentence."""
    newer = item.newer_account or i18n.tr("none", lang)
    return i18n.tr(
        "cross_sentence",
        lang,
        site=item.marketplace,
        products=i18n.count("shared_products", item.overlap, lang),
        asins=item.asins,
        gtins=item.gtins,
        newer=newer,
    )


def severity_counts(result: ScanResult, lang: str) -> str:
    """ "Critical 1, High 2, …" / "严重 1、高 2、…" in severity order, highest first."""
    separator = "、" if lang == "zh" else ", "
    order = ("critical", "high", "medium", "low")
    by = result.summary.by_severity
    return separator.join(f"{i18n.severity(s, lang)} {by.get(s, 0)}" for s in order)


def summary_sentence(result: ScanResult, lang: str) -> str:
    """The one-line summary: accounts, links by severity, groups, planned stores at risk."""
    summary = result.summary
    return i18n.tr(
        "summary_sentence",
        lang,
        accounts=i18n.count("accounts", summary.accounts, lang),
        links=i18n.count("links", summary.links, lang),
        severities=severity_counts(result, lang),
        groups=i18n.count("groups", summary.groups, lang),
        planned=i18n.count("planned", summary.planned_at_risk, lang),
    )


def number(value: float) -> str:
    """A score or weight with two decimals, the way every format prints it."""
    return f"{value:.2f}"


def data_notes(result: ScanResult, lang: str) -> list[str]:
    """The data-notes lines: problems count, notes, rules not run, allowance warnings."""
    lines: list[str] = []
    if result.problems:
        problems = i18n.count("problems", len(result.problems), lang)
        lines.append(i18n.tr("problems_line", lang, problems=problems))
    lines += [one_line(note) for note in result.notes]
    if result.unavailable_rules:
        lines.append(i18n.tr("unavailable", lang, rules=", ".join(result.unavailable_rules)))
    for allowance in result.allowances:
        values = {"type": i18n.attribute(allowance.type, lang), "value": allowance.value}
        if allowance.expired:
            expires = allowance.expires or ""
            lines.append(i18n.tr("allowance_expired", lang, expires=expires, **values))
        elif not allowance.used:
            lines.append(i18n.tr("allowance_unused", lang, **values))
    return lines
