"""Golden files: each fixture in each format and language, compared exactly.

Regenerate with `pytest tests/report --update-golden` and review the diff. xlsx goldens hold
the extracted cell values (sheet!cell [type] value), not the zip bytes.
"""

from pathlib import Path

import pytest

from linkaudit.report import FORMATS, RenderOptions, render
from linkaudit.report.i18n import LANGS

from .extract import xlsx_dump
from .scans import SCANS

GOLDEN = Path(__file__).parent / "golden"


def golden_path(scan: str, fmt: str, lang: str) -> Path:
    """tests/report/golden/<fixture>.<fmt>[.zh], plus .txt for the xlsx cell dump."""
    name = f"{scan}.{fmt}" + (".zh" if lang == "zh" else "") + (".txt" if fmt == "xlsx" else "")
    return GOLDEN / name


def _comparable(out: str | bytes) -> bytes:
    # text is compared as its UTF-8 bytes so that the CSV BOM and CRLF line ends count too
    return xlsx_dump(out).encode() if isinstance(out, bytes) else out.encode()


# json is language-neutral: one golden per fixture
CASES = [(f, s, lang) for f in sorted(FORMATS) for s in sorted(SCANS) for lang in LANGS]
CASES = [case for case in CASES if not (case[0] == "json" and case[2] == "zh")]


@pytest.mark.parametrize(("fmt", "scan", "lang"), CASES)
def test_output_matches_golden_file(fmt: str, scan: str, lang: str, update_golden: bool) -> None:
    actual = _comparable(render(SCANS[scan](), fmt, RenderOptions(lang=lang)))
    path = golden_path(scan, fmt, lang)
    if update_golden:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(actual)
        return
    assert path.exists(), f"{path.name} is missing: run pytest tests/report --update-golden"
    assert actual.decode() == path.read_bytes().decode(), f"{path.name} differs (--update-golden)"


def test_no_stale_golden_files() -> None:
    expected = {golden_path(scan, fmt, lang).name for fmt, scan, lang in CASES}
    assert {p.name for p in GOLDEN.iterdir() if not p.name.startswith(".")} == expected
