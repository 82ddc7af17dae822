"""Loading the rule pack (`rules/*.yaml`) and choosing the rules one scan runs."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

import linkaudit
from linkaudit.config import Config
from linkaudit.engine.model import Rule
from linkaudit.errors import RuleError


@dataclass(frozen=True)
class RulePack:
    """The rules of one directory, in file then definition order; `files` maps id -> file."""

    rules: tuple[Rule, ...]
    directory: Path
    files: dict[str, str] = field(default_factory=dict)

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise RuleError(f'unknown rule id "{rule_id}"', f"known ids: {', '.join(self.ids)}")

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self.rules]


def default_directory() -> Path:
    """The built-in pack: `linkaudit/rules` in the wheel, `<repo>/rules` in a checkout."""
    here = Path(linkaudit.__file__).parent
    inside = here / "rules"
    return inside if inside.is_dir() else here.parent / "rules"


def load_pack(directory: Path | None = None) -> RulePack:
    """Every `*.yaml` / `*.yml` file of `directory` (default: the built-in pack), validated.

    Raises RuleError with one line naming the file, the rule and the field when anything is
    invalid, so that a typo never silently disables a rule.
    """
    root = directory if directory is not None else default_directory()
    if not root.is_dir():
        raise RuleError(
            f"rule directory not found: {root}", "pass --rules DIR with YAML rule files"
        )
    paths = sorted([*root.glob("*.yaml"), *root.glob("*.yml")])
    if not paths:
        raise RuleError(f"no rule files (*.yaml) in {root}")
    rules: list[Rule] = []
    files: dict[str, str] = {}
    for path in paths:
        shown = _shown(path)
        for rule in _load_file(path, shown):
            if rule.id in files:
                raise RuleError(
                    f'{shown}: rule "{rule.id}": field "id": already defined in {files[rule.id]}'
                )
            files[rule.id] = shown
            rules.append(rule)
    _check_references(rules, files)
    return RulePack(rules=tuple(rules), directory=root, files=files)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# libyaml's safe loader where PyYAML was built with it: the pack's six files parse in 6 ms
# instead of 50 (the same rules: tests/engine/test_engine_pack.py compares the two).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_file(path: Path, shown: str) -> list[Rule]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{shown}: cannot read the file ({exc})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise RuleError(f"{shown}:{where} invalid YAML", "check indentation and quoting") from exc
    if not isinstance(data, dict) or set(data) != {"rules"} or not isinstance(data["rules"], list):
        raise RuleError(f"{shown}: expected a mapping with one key, rules, holding a list of rules")
    return [_load_rule(entry, n, shown) for n, entry in enumerate(data["rules"], start=1)]


def _load_rule(entry: Any, number: int, shown: str) -> Rule:
    name = f'"{entry["id"]}"' if isinstance(entry, dict) and "id" in entry else f"#{number}"
    if not isinstance(entry, dict):
        raise RuleError(f"{shown}: rule {name}: expected a mapping of fields")
    try:
        return Rule.model_validate(entry)
    except ValidationError as exc:
        raise RuleError(f"{shown}: rule {name}: {_describe(exc)}") from exc


def _describe(exc: ValidationError) -> str:
    """`field "weight": expected a number between 0 and 1` from pydantic's first error."""
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"])
    msg = str(err["msg"]).removeprefix("Value error, ")
    if not loc and ": " in msg:  # model-level checks say "field: expected ..."
        loc, msg = msg.split(": ", 1)
    if err["type"] == "extra_forbidden":
        msg = "unknown field (see docs/rules.md for the schema)"
    elif err["type"] == "missing":
        msg = "expected a value: this field is required"
    elif msg.startswith("Input should be"):
        msg = "expected " + msg.removeprefix("Input should be ").strip()
    return f'field "{loc}": {msg}'


def _check_references(rules: list[Rule], files: dict[str, str]) -> None:
    for rule in rules:
        for other in rule.implied_by:
            if other not in files:
                raise RuleError(
                    f'{files[rule.id]}: rule "{rule.id}": field "implied_by": '
                    f'expected ids of rules in the pack, "{other}" is not one'
                )


def _check_ids(pack: RulePack, ids: Iterable[str], where: str) -> None:
    known = set(pack.ids)
    for rule_id in ids:
        if rule_id not in known:
            raise RuleError(
                f'unknown rule id "{rule_id}" in {where}', "`linkaudit rules list` shows the ids"
            )


def active_rules(
    pack: RulePack, config: Config, select: list[str] | None, ignore: list[str] | None
) -> list[Rule]:
    """The rules a scan runs: --select/--ignore, then the config's enabled/weight/severity."""
    _check_ids(pack, select or [], "--select")
    _check_ids(pack, ignore or [], "--ignore")
    _check_ids(pack, config.rules, "the config's [rules] table")
    chosen: list[Rule] = []
    for rule in pack.rules:
        if (select and rule.id not in select) or (ignore and rule.id in ignore):
            continue
        override = config.rules.get(rule.id)
        if override is not None:
            if override.enabled is False:
                continue
            update: dict[str, Any] = {}
            if override.weight is not None:
                update["weight"] = override.weight
            if override.severity is not None:
                update["severity"] = override.severity
            rule = rule.model_copy(update=update)
        chosen.append(rule)
    return chosen
