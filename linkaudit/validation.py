"""`linkaudit validate`: data problems and coverage, so "no link found" can be qualified."""

import json

from tabulate import tabulate

from linkaudit.engine.report import problems_out
from linkaudit.inventory import coverage
from linkaudit.inventory.model import Inventory

_T = {
    "en": {
        "problems": "Data problems",
        "where": "where",
        "column": "column",
        "value": "value",
        "why": "why",
        "level": "level",
        "coverage": "Coverage",
        "attribute": "attribute",
        "accounts": "accounts with a value",
        "values": "values",
        "none": "no data problems",
        "notes": "Notes",
        "summary": "{files} files, {accounts} accounts, {problems} problems",
    },
    "zh": {
        "problems": "数据问题",
        "where": "位置",
        "column": "列",
        "value": "值",
        "why": "原因",
        "level": "级别",
        "coverage": "覆盖情况",
        "attribute": "属性类型",
        "accounts": "有数据的账号数",
        "values": "值数量",
        "none": "没有数据问题",
        "notes": "备注",
        "summary": "{files} 个文件，{accounts} 个账号，{problems} 个问题",
    },
}


def _problem_rows(inv: Inventory, show: bool) -> list[dict[str, str]]:
    """The problems masked exactly as in a scan result, in this command's column order."""
    return [
        {"where": p.where, "column": p.column, "level": p.level, "why": p.why, "value": p.value}
        for p in problems_out(inv.problems, show)
    ]


def render_validation(inv: Inventory, fmt: str, lang: str, show_values: bool) -> str:
    """Problems (file:line, column, value, why) and per-type coverage as a table or JSON."""
    t = _T["zh" if lang == "zh" else "en"]
    problems = _problem_rows(inv, show_values)
    cov = coverage(inv)
    if fmt == "json":
        return json.dumps(
            {
                "schema": "linkaudit.validate/1",
                "inventory": str(inv.root),
                "accounts": len(inv.accounts),
                "files": inv.files,
                "problems": problems,
                "coverage": [{"attribute": a, "accounts": n, "values": v} for a, n, v in cov],
                "notes": inv.notes,
            },
            ensure_ascii=False,
            indent=2,
        )
    if fmt != "table":
        from linkaudit.errors import UsageError

        raise UsageError(f"validate --format must be table or json, not {fmt}")
    out = [
        t["summary"].format(
            files=len(inv.files), accounts=len(inv.accounts), problems=len(problems)
        ),
        "",
        t["problems"],
    ]
    if problems:
        keys = ["where", "column", "value", "why", "level"]
        out.append(tabulate([[p[k] for k in keys] for p in problems], [t[k] for k in keys]))
    else:
        out.append(t["none"])
    rows = [[a, n, v] for a, n, v in cov]
    out += ["", t["coverage"], tabulate(rows, [t["attribute"], t["accounts"], t["values"]])]
    if inv.notes:
        out += ["", t["notes"], *(f"- {n}" for n in inv.notes)]
    return "\n".join(out) + "\n"
