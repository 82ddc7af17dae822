"""`linkaudit explain`: every piece of evidence between two accounts, or one neighbourhood."""

import difflib

from tabulate import tabulate

from linkaudit.errors import UsageError
from linkaudit.report.i18n import severity, status
from linkaudit.result import Evidence, Link, ScanResult

_T = {
    "en": {
        "pair": "{a} ↔ {b}: score {score:.2f}, {sev}",
        "nolink": "no link between {a} and {b}",
        "rule": "rule",
        "attribute": "attribute",
        "value": "value",
        "raw": "as written",
        "sources": "sources",
        "span": "used",
        "weight": "weight",
        "contrib": "adds",
        "shared": "shared by",
        "approved": "approved: {reason}",
        "neighbours": "Linked accounts",
        "account": "account",
        "score": "score",
        "severity": "severity",
        "group": "group {g}",
        "flags": "Account hygiene",
        "hubs": "Shared with many accounts (hubs)",
        "cross": "cross-selling on {m}: {n} shared products; newer account: {newer}",
        "alone": "{a}: no link found",
        "status": "status",
        "exposure": "exposed to {acc} ({st})",
    },
    "zh": {
        "pair": "{a} ↔ {b}：得分 {score:.2f}，{sev}",
        "nolink": "{a} 与 {b} 之间没有关联",
        "rule": "规则",
        "attribute": "属性",
        "value": "值",
        "raw": "原始写法",
        "sources": "来源",
        "span": "使用时间",
        "weight": "权重",
        "contrib": "贡献",
        "shared": "共享账号数",
        "approved": "已获批准：{reason}",
        "neighbours": "关联账号",
        "account": "账号",
        "score": "得分",
        "severity": "严重程度",
        "group": "关联组 {g}",
        "flags": "账号卫生",
        "hubs": "多账号共享的值（枢纽）",
        "cross": "{m} 站交叉销售：{n} 个相同商品；较新的账号：{newer}",
        "alone": "{a}：未发现关联",
        "status": "状态",
        "exposure": "受 {acc}（{st}）牵连",
    },
}


def _t(lang: str) -> dict[str, str]:
    return _T["zh" if lang == "zh" else "en"]


def _sev(sev: str, lang: str) -> str:
    """Chinese severity names from the reports' table; English stays the lowercase code."""
    return severity(sev, lang) if lang == "zh" else sev


def _status(value: str, lang: str) -> str:
    """Chinese status names from the reports' table; English stays the lowercase code."""
    return status(value, lang) if lang == "zh" else value


def require_account(result: ScanResult, account: str) -> None:
    """Exit 2 with one line naming close matches when the account is not in the inventory."""
    ids = [a.account_id for a in result.accounts]
    if account in ids:
        return
    close = difflib.get_close_matches(account, ids, n=3)
    hint = f"did you mean {', '.join(close)}?" if close else "see `linkaudit scan DIR` for the ids"
    raise UsageError(f"unknown account: {account}", hint)


def _span(ev: Evidence) -> str:
    parts = []
    for s in ev.spans:
        if s.first_seen or s.last_seen:
            first, last = (s.first_seen or "?")[:10], (s.last_seen or "?")[:10]
            parts.append(f"{s.account} {first}…{last}" if first != last else f"{s.account} {first}")
    return "; ".join(parts)


def _evidence_table(result: ScanResult, link: Link, lang: str) -> str:
    t = _t(lang)
    rows = []
    for ev in link.evidence:
        info = result.rule(ev.rule)
        title = info.title.get(lang) if info else ev.rule
        value = ev.value if ev.other_value is None else f"{ev.value} ~ {ev.other_value}"
        rows.append(
            [
                f"{title}\n({ev.rule})",
                ev.attribute,
                value,
                "\n".join(ev.raw[:4]),
                "\n".join(ev.sources[:6]),
                _span(ev),
                f"{ev.weight:.2f}",
                f"{ev.contribution:.2f}",
                ev.shared_by,
            ]
        )
    head = [
        t[k]
        for k in (
            "rule",
            "attribute",
            "value",
            "raw",
            "sources",
            "span",
            "weight",
            "contrib",
            "shared",
        )
    ]
    return tabulate(rows, head, tablefmt="grid")


def find_link(result: ScanResult, a: str, b: str) -> Link | None:
    pair = sorted([a, b])
    return next((x for x in result.links if sorted(x.accounts) == pair), None)


def explain_pair(result: ScanResult, a: str, b: str, lang: str = "en") -> str:
    """What links a and b: each evidence with values, provenance, time span and weight."""
    require_account(result, a)
    require_account(result, b)
    t = _t(lang)
    link = find_link(result, a, b)
    if link is None:
        hubs = [h for h in result.hubs if a in h.accounts and b in h.accounts]
        lines = [t["nolink"].format(a=a, b=b)]
        lines += [f"- {h.attribute} {h.value} ({h.members})" for h in hubs]
        return "\n".join(lines) + "\n"
    out = [
        t["pair"].format(
            a=link.accounts[0],
            b=link.accounts[1],
            score=link.score,
            sev=_sev(link.severity.value, lang),
        )
    ]
    if link.approved:
        out.append(t["approved"].format(reason=link.approval_reason or ""))
    out += ["", _evidence_table(result, link, lang)]
    for cs in link.cross_selling:
        out.append(t["cross"].format(m=cs.marketplace, n=cs.overlap, newer=cs.newer_account or "?"))
    return "\n".join(out) + "\n"


def explain_account(result: ScanResult, account: str, lang: str = "en") -> str:
    """One account's neighbourhood: its links, group, hubs, exposure and hygiene flags."""
    require_account(result, account)
    t = _t(lang)
    acc = next(a for a in result.accounts if a.account_id == account)
    links = [x for x in result.links if account in x.accounts]
    shown = _status(acc.status, lang)
    out = [f"{acc.account_id} {acc.store_name} [{shown}] {' '.join(acc.marketplaces)}"]
    if acc.group is not None:
        out.append(t["group"].format(g=acc.group))
    out += [t["exposure"].format(acc=e.account, st=_status(e.status, lang)) for e in acc.exposure]
    if links:
        rows = [
            [
                next(a for a in x.accounts if a != account),
                _sev(x.severity.value, lang),
                f"{x.score:.2f}",
                ", ".join(sorted({e.rule for e in x.evidence})),
            ]
            for x in links
        ]
        head = [t["account"], t["severity"], t["score"], t["rule"]]
        out += ["", t["neighbours"], tabulate(rows, head)]
    else:
        out.append(t["alone"].format(a=account))
    hubs = [h for h in result.hubs if account in h.accounts]
    if hubs:
        out += ["", t["hubs"], *(f"- {h.attribute} {h.value}: {h.members}" for h in hubs)]
    if acc.flags:
        rows = [
            [f.rule, _sev(f.severity.value, lang), f.value or "", f.detail or ""] for f in acc.flags
        ]
        out += ["", t["flags"], tabulate(rows)]
    return "\n".join(out) + "\n"
