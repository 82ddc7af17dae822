"""The JSON Schema of the scan result (spec 5), shipped in the package.

`scan-1.schema.json` is generated from linkaudit.result.ScanResult; a test checks that the
shipped file matches the models and that real scan output validates against it. Regenerate
with `python -m linkaudit.schema > linkaudit/schema/scan-1.schema.json`.
"""

import json
from pathlib import Path

SCHEMA_FILE = Path(__file__).with_name("scan-1.schema.json")


def generate() -> dict[str, object]:
    """The schema as the models define it (serialisation mode, `schema` key by alias)."""
    from linkaudit.result import SCHEMA_ID, ScanResult

    schema = ScanResult.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = f"https://linkaudit.invalid/{SCHEMA_ID}"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def shipped() -> dict[str, object]:
    data: dict[str, object] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return data
