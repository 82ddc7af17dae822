"""linkaudit.toml as pydantic models (spec section 4)."""

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from linkaudit.errors import ConfigError
from linkaudit.vocab import CONFIG_NAME, AttrType, Kind, Severity


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Defaults(_Strict):
    country: str | None = Field(None, description="ISO country for phone numbers without a code")
    lang: str = "en"

    @field_validator("country")
    @classmethod
    def _upper(cls, v: str | None) -> str | None:
        if v is not None and (len(v.strip()) != 2 or not v.strip().isalpha()):
            raise ValueError("expected a two-letter ISO country code such as CN or US")
        return v.strip().upper() if v else v

    @field_validator("lang")
    @classmethod
    def _lang(cls, v: str) -> str:
        if v not in ("en", "zh"):
            raise ValueError('expected "en" or "zh"')
        return v


class Allow(_Strict):
    """A value shared for a legitimate reason: never evidence while the allowance holds."""

    type: AttrType
    value: str
    reason: str
    expires: date | None = None
    owner: str | None = None


class Approved(_Strict):
    """Accounts the marketplace approved to operate together: reported, marked, never failing."""

    accounts: Annotated[list[str], Field(min_length=2)]
    reason: str


# strict=True: TOML values have real types, so `weight = true` or `enabled = "no"` is a
# mistake to report, never a value to coerce (a boolean would become the weight 1.0)
class RuleOverride(_Strict):
    enabled: Annotated[bool, Field(strict=True)] | None = None
    weight: Annotated[float, Field(ge=0.0, le=1.0, strict=True)] | None = None
    severity: Severity | None = None


class ScanSettings(_Strict):
    hub_threshold: Annotated[int, Field(ge=2, strict=True)] = 10
    group_severity: Severity = Severity.MEDIUM


class Limits(_Strict):
    """Size limits on what is read; raise them here or with --max-file-mb."""

    max_file_mb: Annotated[float, Field(gt=0, strict=True)] = 2048.0
    max_cell_chars: Annotated[int, Field(gt=0, strict=True)] = 100_000
    max_xlsx_inflated_mb: Annotated[float, Field(gt=0, strict=True)] = 1024.0
    max_document_mb: Annotated[float, Field(gt=0, strict=True)] = 50.0


class Config(_Strict):
    defaults: Defaults = Defaults()
    columns: dict[Kind, dict[str, str]] = {}
    allow: list[Allow] = []
    approved: list[Approved] = []
    rules: dict[str, RuleOverride] = {}
    scan: ScanSettings = ScanSettings()
    limits: Limits = Limits()
    path: str | None = None


def load_config(inventory: Path, explicit: Path | None = None) -> Config:
    """The config from --config FILE, else DIR/linkaudit.toml, else the defaults."""
    path = explicit if explicit is not None else inventory / CONFIG_NAME
    if not path.is_file():
        if explicit is not None:
            raise ConfigError(f"config file not found: {path}", "check the --config path")
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"invalid config {path}: cannot read it ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        # `Invalid value (at line 2, column 17)` -> `FILE:2: Invalid value (column 17)`,
        # the FILE:LINE: form of every other config error
        found = _TOML_AT.search(str(exc))
        at = f"{path}:{found[1]}" if found else str(path)
        why = _TOML_AT.sub(f"(column {found[2]})", str(exc)) if found else str(exc)
        raise ConfigError(f"invalid config {at}: {why}", "fix the TOML syntax") from exc
    try:
        return Config.model_validate({**data, "path": str(path)})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        line = _line_of(path.read_text(encoding="utf-8-sig"), err["loc"])
        at = f"{path}:{line}" if line else str(path)
        raise ConfigError(f"invalid config {at}: {where}: {err['msg']}") from exc


_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def _line_of(text: str, loc: tuple[int | str, ...]) -> int | None:
    """The line of the innermost key of `loc` found (after its table header), for error
    messages: an index n after a key is that key's (n+1)th `[[key]]` table, and a field
    that is missing is reported at its table's header."""
    lines = [line.strip() for line in text.splitlines()]
    found: int | None = None
    start = 0
    for depth, key in enumerate(loc):
        if isinstance(key, int):
            if found is None:
                break
            tables = [n for n in range(found, len(lines)) if lines[n] == lines[found]]
            if key >= len(tables):
                break
            found = start = tables[key]
            continue
        last = depth == len(loc) - 1
        in_table = True  # a key is assigned in its own table, before the next header
        for number in range(start, len(lines)):
            line = lines[number]
            is_header = line.startswith("[")
            header = is_header and key in [
                part.strip().strip('"') for part in line.strip("[]").split(".")
            ]
            in_table = in_table and (number == start or not is_header)
            assignment = in_table and line.split("=")[0].strip().strip('"') == key
            if header or (last and assignment):
                found = start = number
                break
        else:
            break
    return None if found is None else found + 1
