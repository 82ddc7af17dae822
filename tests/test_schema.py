"""The shipped JSON Schema matches the models, and real scan output validates against it."""

import json
from pathlib import Path

import jsonschema

from linkaudit.pipeline import ScanOptions, scan
from linkaudit.schema import SCHEMA_FILE, generate, shipped

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def test_shipped_schema_is_current() -> None:
    assert shipped() == json.loads(json.dumps(generate())), (
        "regenerate: python -m linkaudit.schema > linkaudit/schema/scan-1.schema.json"
    )
    assert SCHEMA_FILE.is_file()


def test_scan_output_validates() -> None:
    data = json.loads(scan(SAMPLE, ScanOptions(generated_at="2026-11-27T10:00:00Z")).to_json())
    jsonschema.validate(data, shipped())
    assert list(data)[:4] == ["schema", "generated_at", "inventory", "summary"]
    for sev in data["summary"]["by_severity"]:
        assert sev in ("critical", "high", "medium", "low")


def test_schema_rejects_a_renamed_field() -> None:
    data = json.loads(scan(SAMPLE, ScanOptions(generated_at="2026-11-27T10:00:00Z")).to_json())
    data["summary"].pop("links")
    try:
        jsonschema.validate(data, shipped())
    except jsonschema.ValidationError:
        return
    raise AssertionError("a scan without summary.links must not validate")
