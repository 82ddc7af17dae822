"""Reading a saved scan (`report`, `diff`, `--baseline`)."""

import json
from pathlib import Path

from pydantic import ValidationError

from linkaudit.errors import ScanFileError
from linkaudit.result import SCHEMA_ID, ScanResult


def read_scan(path: Path) -> ScanResult:
    """A ScanResult from a file written by `scan --format json`; one-line error otherwise."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ScanFileError(f"scan file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ScanFileError(f"cannot read scan file {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ScanFileError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg})",
            "write it with `linkaudit scan DIR --format json --output FILE`",
        ) from exc
    schema = data.get("schema") if isinstance(data, dict) else None
    if not isinstance(schema, str) or not schema.startswith(SCHEMA_ID.split("/")[0] + "/"):
        raise ScanFileError(f"{path}: not a linkaudit scan (expected schema {SCHEMA_ID})")
    if schema != SCHEMA_ID:
        raise ScanFileError(f"{path}: scan schema {schema} is not supported (need {SCHEMA_ID})")
    try:
        return ScanResult.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ScanFileError(f"{path}: invalid scan at {where}: {err['msg']}") from exc
