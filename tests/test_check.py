"""`linkaudit check`: pre-registration checks of planned stores and candidate files."""

import json
from pathlib import Path

from typer.testing import CliRunner

from linkaudit.cli import app

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
runner = CliRunner()


def test_check_fails_on_the_planned_store_and_names_what_links_it() -> None:
    result = runner.invoke(app, ["check", str(SAMPLE)])
    assert result.exit_code == 1
    assert "xinda-jp-planned" in result.stderr and "xinda-us" in result.stderr
    assert "xinda-jp-planned" in result.stdout
    assert "phone" in result.stdout.lower()
    # only links touching the planned store are shown
    assert "mingyue-de" not in result.stdout


def test_check_threshold_above_every_link_passes() -> None:
    data = runner.invoke(app, ["check", str(SAMPLE), "--fail-on", "critical", "-f", "json"])
    links = json.loads(data.stdout)["links"]
    assert all("xinda-jp-planned" in x["accounts"] for x in links)
    critical = [x for x in links if x["severity"] == "critical"]
    assert (data.exit_code == 1) is bool(critical)


def _candidate(tmp_path: Path, phone: str, ip: str) -> Path:
    path = tmp_path / "new-store.json"
    path.write_text(
        json.dumps(
            {
                "accounts": [
                    {"account_id": "candidate-fr", "marketplaces": "FR", "store_name": "New FR"}
                ],
                "companies": [{"account_id": "candidate-fr", "phone": phone, "country": "CN"}],
                "logins": [{"account_id": "candidate-fr", "ip": ip, "seen_at": "2026-11-01"}],
            }
        ),
        encoding="utf-8",
    )
    return path


def test_candidate_sharing_the_office_phone_fails(tmp_path: Path) -> None:
    path = _candidate(tmp_path, "+86 138 0013 8000", "198.51.100.250")
    result = runner.invoke(app, ["check", str(SAMPLE), "--candidate", str(path), "-f", "json"])
    assert result.exit_code == 1, result.stderr
    links = json.loads(result.stdout)["links"]
    assert any("candidate-fr" in x["accounts"] for x in links)
    sources = [s for x in links for e in x["evidence"] for s in e["sources"]]
    assert any(s.startswith("new-store.json") for s in sources)


def test_unrelated_candidate_passes(tmp_path: Path) -> None:
    path = _candidate(tmp_path, "+33 1 23 45 67 89", "198.51.100.250")
    result = runner.invoke(
        app, ["check", str(SAMPLE), "--candidate", str(path), "--fail-on", "high"]
    )
    links_to_candidate = "candidate-fr" in result.stdout and "critical" in result.stdout.lower()
    assert result.exit_code == 0 or not links_to_candidate, result.stdout


def test_bad_candidate_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cand.txt"
    path.write_text("hello")
    result = runner.invoke(app, ["check", str(SAMPLE), "--candidate", str(path)])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_check_summary_counts_severities_in_the_scans_order() -> None:
    """by_severity keys are critical, high, medium, low in every scan JSON (spec 5)."""
    data = runner.invoke(app, ["check", str(SAMPLE), "-f", "json"])
    by_severity = json.loads(data.stdout)["summary"]["by_severity"]
    assert list(by_severity) == ["critical", "high", "medium", "low"]
