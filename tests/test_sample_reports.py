"""Golden files of every report format on sample_data/ (regenerate with --update-golden)."""

import io
import zipfile
from pathlib import Path

import pytest

from linkaudit.pipeline import ScanOptions, scan
from linkaudit.report import FORMATS, RenderOptions, render
from linkaudit.result import ScanResult

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="module")
def result() -> ScanResult:
    # inventory as a relative name so the golden files do not depend on the checkout path
    res = scan(SAMPLE, ScanOptions(generated_at="2026-11-27T10:00:00Z"))
    return res.model_copy(update={"inventory": "sample_data", "tool_version": "golden"})


def _xlsx_text(data: bytes) -> str:
    """Cell values of every sheet (the bytes carry zip timestamps, the cells do not)."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    out = []
    for sheet in book.worksheets:
        out.append(f"## {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            out.append("\t".join("" if v is None else str(v) for v in row))
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(result: ScanResult, fmt: str, lang: str, update_golden: bool) -> None:
    if fmt == "json" and lang == "zh":
        pytest.skip("JSON has no language")
    data = render(result, fmt, RenderOptions(lang=lang))
    text = _xlsx_text(data) if isinstance(data, bytes) else data
    if isinstance(data, bytes):
        assert zipfile.is_zipfile(io.BytesIO(data))
    path = GOLDEN / f"sample.{lang}.{fmt}{'.txt' if fmt == 'xlsx' else ''}"
    if update_golden or not path.exists():
        path.write_text(text, encoding="utf-8", newline="")
        if not update_golden:
            pytest.fail(f"golden file {path.name} was missing and has been written; rerun")
    with path.open(encoding="utf-8", newline="") as f:
        expected = f.read()
    assert text == expected, (
        f"{path.name} differs: if the change is intended, rerun with --update-golden"
    )


def test_zh_table_has_no_english_headings(result: ScanResult) -> None:
    text = render(result, "table", RenderOptions(lang="zh"))
    assert isinstance(text, str)
    for heading in ("Ranked links", "Groups", "Account hygiene", "Data notes", "Severity"):
        assert heading not in text
    assert "关联" in text
