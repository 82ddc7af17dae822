"""The rule pack: examples, documentation completeness, loading errors."""

from pathlib import Path

import pytest

from linkaudit.config import Config, RuleOverride
from linkaudit.engine.examples import run_rule
from linkaudit.engine.model import Rule
from linkaudit.engine.rules import RulePack, active_rules, load_pack
from linkaudit.errors import RuleError
from linkaudit.vocab import Severity

PACK = load_pack()
CASES = [
    pytest.param(rule, kind, n, id=f"{rule.id}:{kind}-{n}")
    for rule in PACK.rules
    for kind, cases in (("pass", rule.examples.pass_), ("fail", rule.examples.fail))
    for n in range(len(cases))
]


@pytest.mark.parametrize(("rule", "kind", "n"), CASES)
def test_rule_example(rule: Rule, kind: str, n: int) -> None:
    outcome = next(o for o in run_rule(rule) if o.case == f"{kind}-{n}")
    assert outcome.ok, f"{rule.id} {kind}-{n}: expected {outcome.expected}, got {outcome.got}"


@pytest.mark.parametrize("rule", PACK.rules, ids=[r.id for r in PACK.rules])
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.examples.pass_ and rule.examples.fail
    for text in (rule.title, rule.explanation, rule.fix):
        assert text.en.strip() and text.zh.strip()


def test_every_rule_is_in_the_docs() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")
    missing = [r.id for r in PACK.rules if f"`{r.id}`" not in docs]
    assert not missing


def test_every_family_file_and_attribute_type_is_covered() -> None:
    stems = {Path(f).stem for f in PACK.files.values()}
    assert stems == {"identity", "finance", "network", "device", "catalogue", "hygiene"}
    compared = {a.value for r in PACK.rules if r.kind == "pair" for a in r.attributes}
    from linkaudit.vocab import AttrType

    assert {t.value for t in AttrType} <= compared


def _write(tmp_path: Path, body: str) -> Path:
    (tmp_path / "network.yaml").write_text(body, encoding="utf-8")
    return tmp_path


GOOD = PACK.get("shared-login-ip").model_dump(by_alias=True, mode="json", exclude_defaults=True)


def test_invalid_weight_is_one_line_naming_file_rule_and_field(tmp_path: Path) -> None:
    import yaml

    bad = {**GOOD, "weight": 1.5}
    directory = _write(tmp_path, yaml.safe_dump({"rules": [bad]}, allow_unicode=True))
    with pytest.raises(RuleError) as err:
        load_pack(directory)
    message = str(err.value)
    assert "\n" not in message
    assert message.endswith(
        'network.yaml: rule "shared-login-ip": field "weight": expected a number between 0 and 1'
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"wieght": 0.5}, "wieght"),
        ({"kind": "pairs"}, "kind"),
        ({"attributes": ["ipaddress"]}, "attributes.0"),
        ({"id": "Shared_IP"}, "id"),
        ({"match": {"type": "fuzzy"}}, "match.threshold"),
    ],
)
def test_invalid_fields_are_named(tmp_path: Path, change: dict[str, object], field: str) -> None:
    import yaml

    directory = _write(
        tmp_path, yaml.safe_dump({"rules": [{**GOOD, **change}]}, allow_unicode=True)
    )
    with pytest.raises(RuleError, match=f'field "{field}"'):
        load_pack(directory)


def test_invalid_yaml_and_duplicate_ids(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="invalid YAML"):
        load_pack(_write(tmp_path, "rules: [\n"))
    import yaml

    body = yaml.safe_dump({"rules": [GOOD, GOOD]}, allow_unicode=True)
    with pytest.raises(RuleError, match="already defined"):
        load_pack(_write(tmp_path, body))


def test_unknown_rule_ids_are_errors() -> None:
    with pytest.raises(RuleError, match="--select"):
        active_rules(PACK, Config(), ["no-such-rule"], None)
    with pytest.raises(RuleError, match="--ignore"):
        active_rules(PACK, Config(), None, ["no-such-rule"])
    with pytest.raises(RuleError, match="config"):
        active_rules(PACK, Config(rules={"no-such-rule": RuleOverride(enabled=False)}), None, None)


def test_config_overrides(pack: RulePack) -> None:
    config = Config(
        rules={
            "shared-login-ip": RuleOverride(weight=0.2, severity=Severity.LOW),
            "same-phone": RuleOverride(enabled=False),
        }
    )
    rules = {r.id: r for r in active_rules(pack, config, None, ["shared-brand"])}
    assert rules["shared-login-ip"].weight == 0.2 and rules["shared-login-ip"].severity == "low"
    assert "same-phone" not in rules and "shared-brand" not in rules
    assert [r.id for r in active_rules(pack, Config(), ["same-email"], None)] == ["same-email"]


def test_the_shipped_pack_reads_the_same_with_either_yaml_loader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """libyaml's loader, used where PyYAML has it, gives the pure-Python loader's rules, and
    an invalid file names its line with either."""
    import yaml

    from linkaudit.engine import rules

    fast = load_pack(None)
    monkeypatch.setattr(rules, "_LOADER", yaml.SafeLoader)
    slow = load_pack(None)
    assert [r.model_dump() for r in fast.rules] == [r.model_dump() for r in slow.rules]
    assert len(fast.rules) >= 20


def test_invalid_yaml_names_the_same_line_with_either_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    from linkaudit.engine import rules

    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    directory = _write(tmp_path, "rules:\n  - id: x\n  - id: [a\n    b: c\n")
    messages = []
    for loader in (yaml.SafeLoader, yaml.CSafeLoader):
        monkeypatch.setattr(rules, "_LOADER", loader)
        with pytest.raises(RuleError, match=r"line \d+ invalid YAML") as caught:
            load_pack(directory)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
