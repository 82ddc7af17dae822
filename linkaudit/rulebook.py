"""Text views of the rule pack for `linkaudit rules list|show|test`."""

from tabulate import tabulate

from linkaudit.engine.examples import ExampleOutcome
from linkaudit.engine.model import Example
from linkaudit.engine.rules import RulePack
from linkaudit.errors import UsageError

_T = {
    "en": {
        "id": "id",
        "kind": "kind",
        "attributes": "attributes",
        "weight": "weight",
        "severity": "severity",
        "title": "title",
        "match": "match",
        "scope": "scope",
        "fix": "fix",
        "explanation": "explanation",
        "references": "references",
        "examples": "examples",
        "pass": "pass (no finding)",
        "fail": "fail (finding)",
        "file": "file",
        "time": "time-aware",
        "ok": "ok",
        "FAILED": "FAILED",
        "summary": "{ok}/{n} examples pass",
    },
    "zh": {
        "id": "规则",
        "kind": "类型",
        "attributes": "属性",
        "weight": "权重",
        "severity": "严重程度",
        "title": "标题",
        "match": "匹配",
        "scope": "范围",
        "fix": "整改建议",
        "explanation": "说明",
        "references": "参考",
        "examples": "示例",
        "pass": "通过（不触发）",
        "fail": "触发",
        "file": "文件",
        "time": "随时间衰减",
        "ok": "通过",
        "FAILED": "失败",
        "summary": "{ok}/{n} 个示例通过",
    },
}


def _t(lang: str) -> dict[str, str]:
    return _T["zh" if lang == "zh" else "en"]


def render_rule_list(pack: RulePack, lang: str = "en") -> str:
    """One line per rule: id, kind, attributes, weight, severity and title."""
    t = _t(lang)
    rows = [
        [
            r.id,
            r.kind,
            ", ".join(a.value for a in r.attributes),
            f"{r.weight:.2f}",
            r.severity.value,
            r.title.zh if lang == "zh" else r.title.en,
        ]
        for r in sorted(pack.rules, key=lambda r: r.id)
    ]
    head = [t[k] for k in ("id", "kind", "attributes", "weight", "severity", "title")]
    return tabulate(rows, head) + "\n"


def _example(ex: Example) -> str:
    if ex.rows:
        return "; ".join(r.value + (f" [{r.source}]" if r.source else "") for r in ex.rows)
    return f"{' | '.join(ex.a)}  vs  {' | '.join(ex.b)}"


def render_rule(pack: RulePack, rule_id: str, lang: str = "en") -> str:
    """Everything about one rule: texts in the chosen language, match, weight, examples."""
    if rule_id not in pack.ids:
        raise UsageError(f"unknown rule: {rule_id}", "`linkaudit rules list` shows the ids")
    t = _t(lang)
    rule = pack.get(rule_id)

    def pick(text: "object") -> str:
        return str(getattr(text, "zh" if lang == "zh" else "en"))

    match = rule.match.model_dump(exclude_defaults=True)
    lines = [
        f"{rule.id}: {pick(rule.title)}",
        f"{t['kind']}: {rule.kind}   {t['severity']}: {rule.severity.value}   "
        f"{t['weight']}: {rule.weight:.2f}   {t['scope']}: {rule.scope}"
        + (f"   {t['time']}" if rule.time_aware else ""),
        f"{t['attributes']}: {', '.join(a.value for a in rule.attributes)}",
        f"{t['match']}: {match}",
        f"{t['file']}: {pack.files.get(rule.id, '')}",
        "",
        f"{t['explanation']}: {pick(rule.explanation)}",
        f"{t['fix']}: {pick(rule.fix)}",
    ]
    if rule.references:
        lines += [f"{t['references']}:", *(f"  - {r}" for r in rule.references)]
    lines += [f"{t['examples']}:"]
    lines += [f"  {t['pass']}: {_example(e)}" for e in rule.examples.pass_]
    lines += [f"  {t['fail']}: {_example(e)}" for e in rule.examples.fail]
    return "\n".join(lines) + "\n"


def render_outcomes(outcomes: list[ExampleOutcome], lang: str = "en") -> str:
    """The example run: failures in full, then a one-line count."""
    t = _t(lang)
    bad = [o for o in outcomes if not o.ok]
    lines = [f"{t['FAILED']} {o.rule}:{o.case}: expected {o.expected}, got {o.got}" for o in bad]
    ok = len(outcomes) - len(bad)
    lines.append(t["summary"].format(ok=ok, n=len(outcomes)))
    return "\n".join(lines) + "\n"
