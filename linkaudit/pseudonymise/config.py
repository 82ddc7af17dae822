"""linkaudit.toml of the pseudonymised copy: the settings that change a scan, values hashed.

Allow-list values are hashed like the table's values; an allowance of a fuzzy type
(address, company name) is written once per value it covers in the original, because a
hash has no similarity. Free text (reasons, owners) and column mappings are not copied.
"""

import json
from datetime import date

import pandas as pd

from linkaudit.config import Allow, Config
from linkaudit.engine.allow import apply_allow, canonical
from linkaudit.pseudonymise.keys import keyed_hash
from linkaudit.pseudonymise.table import is_hashed_type

ALLOW_REASON = "allowed in the original inventory (reason not copied)"
APPROVED_REASON = "approved in the original inventory (reason not copied)"


def _toml(value: object) -> str:
    """A TOML literal: JSON strings with ASCII escapes are valid TOML basic strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=True)


def _table(name: str, fields: dict[str, object], array: bool = False) -> list[str]:
    head = f"[[{name}]]" if array else f"[{name}]"
    lines = [head] + [f"{k} = {_toml(v)}" for k, v in fields.items() if v is not None]
    return [*lines, ""]


def config_text(config: Config, table: pd.DataFrame, key: bytes) -> str:
    """The copy's linkaudit.toml: defaults, scan, limits, rule overrides, allow, approved."""
    out = ["# linkaudit.toml of a pseudonymised inventory written by `linkaudit hash`.", ""]
    out += _table("defaults", config.defaults.model_dump(mode="python"))
    out += _table("scan", config.scan.model_dump(mode="python"))
    out += _table("limits", config.limits.model_dump(mode="python"))
    for rule_id, override in sorted(config.rules.items()):
        fields = override.model_dump(mode="python", exclude_none=True)
        out += _table(f"rules.{json.dumps(rule_id)}", fields)
    for entry in config.allow:
        for value in _allowed_values(entry, table, key, config.defaults.country):
            fields = {"type": entry.type.value, "value": value, "reason": ALLOW_REASON}
            out += _table("allow", {**fields, "expires": entry.expires}, array=True)
    for approved in config.approved:
        fields = {"accounts": list(approved.accounts), "reason": APPROVED_REASON}
        out += _table("approved", fields, array=True)
    return "\n".join(out)


def _allowed_values(
    entry: Allow, table: pd.DataFrame, key: bytes, country: str | None
) -> list[str]:
    """The values one allowance stands for in the copy (at least one, so it stays listed)."""
    if not is_hashed_type(entry.type.value):
        return [entry.value]
    # every entry as if unexpired: the covered values, whatever the scan date
    outcome = apply_allow(table, [entry], date.min, country, True)
    covered = sorted(set(outcome.allowed["value"].astype("str")))
    values = covered or [canonical(entry, country)]
    return sorted({keyed_hash(key, entry.type.value, v) for v in values})
