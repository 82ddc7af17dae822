"""The command line: help texts, exit codes, one-line errors (spec 6 and 7)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from linkaudit.cli import app

runner = CliRunner()
COMMANDS = [
    "scan",
    "check",
    "validate",
    "explain",
    "report",
    "diff",
    "appeal",
    "hash",
    "init",
    "rules list",
    "rules show",
    "rules validate",
    "rules test",
]


def run(*args: str) -> "typer.testing.Result":
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.exit_code == 0, result.output
    click_cmd = typer.main.get_command(app)
    for part in command.split():
        click_cmd = click_cmd.commands[part]  # type: ignore[attr-defined]
    assert click_cmd.help and len(click_cmd.help.strip()) > 20


def test_missing_directory_is_one_line_exit_2(tmp_path: Path) -> None:
    result = run("scan", str(tmp_path / "nope"))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("linkaudit: error:")
    assert "Traceback" not in result.output


def test_bad_severity_is_usage_error(sample_dir: Path) -> None:
    result = run("scan", str(sample_dir), "--fail-on", "extreme")
    assert result.exit_code == 2


def test_scan_json_is_clean_on_stdout(sample_dir: Path) -> None:
    result = run("scan", str(sample_dir), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "linkaudit.scan/1"
    assert data["summary"]["accounts"] >= 12


def test_fail_on_exit_code(sample_dir: Path) -> None:
    assert run("scan", str(sample_dir), "--fail-on", "low", "-q").exit_code == 1
    assert run("scan", str(sample_dir), "-q").exit_code == 0


def test_baseline_of_itself_never_fails(sample_dir: Path, tmp_path: Path) -> None:
    saved = tmp_path / "scan.json"
    assert run("scan", str(sample_dir), "-f", "json", "-o", str(saved)).exit_code == 0
    again = run("scan", str(sample_dir), "--fail-on", "low", "--baseline", str(saved))
    assert again.exit_code == 0, again.stderr


def test_report_and_diff_of_saved_scans(sample_dir: Path, tmp_path: Path) -> None:
    saved = tmp_path / "scan.json"
    run("scan", str(sample_dir), "-f", "json", "-o", str(saved))
    assert run("report", str(saved), "-f", "markdown").exit_code == 0
    same = run("diff", str(saved), str(saved), "--fail-on-new", "low")
    assert same.exit_code == 0 and "no changes" in same.stdout
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    result = run("report", str(broken))
    assert result.exit_code == 2 and "broken.json" in result.stderr


def test_unknown_account_exits_2(sample_dir: Path) -> None:
    result = run("explain", str(sample_dir), "no-such-store")
    assert result.exit_code == 2 and "unknown account" in result.stderr


@pytest.mark.parametrize(("lang", "shown"), [("en", "[active]"), ("zh", "[正常]")])
def test_explain_account_shows_status_in_the_language(
    sample_dir: Path, lang: str, shown: str
) -> None:
    result = run("explain", str(sample_dir), "xinda-us", "--lang", lang)
    assert result.exit_code == 0
    assert shown in result.stdout.splitlines()[0]


def test_scan_of_nothing_readable_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "companies.csv").write_text("legal_name,phone\nAcme Ltd,+1 202 555 0100\n")
    result = run("scan", str(tmp_path))
    assert result.exit_code == 2
    assert "no store could be read" in result.stderr and "companies.csv" in result.stderr
    listed = run("validate", str(tmp_path))  # validate still lists the problem
    assert listed.exit_code == 0 and "no account_id column" in listed.stdout
    (tmp_path / "logins.csv").write_text("account_id,ip\nshop-1,203.0.113.7\n")
    assert run("scan", str(tmp_path)).exit_code == 0  # one readable file is enough


def test_init_then_validate(tmp_path: Path) -> None:
    target = tmp_path / "starter"
    assert run("init", str(target)).exit_code == 0
    assert (target / "linkaudit.toml").is_file()
    result = run("validate", str(target))
    assert result.exit_code == 0, result.stderr


def test_installed_command_runs_as_a_subprocess(sample_dir: Path) -> None:
    exe = shutil.which("linkaudit")
    cmd = [exe] if exe else [sys.executable, "-m", "linkaudit"]
    proc = subprocess.run(
        [*cmd, "scan", str(sample_dir), "--limit", "5"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert "critical" in proc.stdout.lower()
    module = subprocess.run(
        [sys.executable, "-m", "linkaudit", "--help"], capture_output=True, text=True, timeout=60
    )
    assert module.returncode == 0 and "scan" in module.stdout


def test_the_process_exit_keeps_codes_and_complete_output(sample_dir: Path, tmp_path: Path) -> None:
    """main() ends the process without teardown: exit codes, files and piped output are
    still whole."""
    cmd = [sys.executable, "-m", "linkaudit", "scan", str(sample_dir)]
    out = tmp_path / "scan.json"
    failed = subprocess.run(
        [*cmd, "-f", "json", "-o", str(out), "--fail-on", "low"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert failed.returncode == 1 and "at or above low" in failed.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["links"] > 0
    piped = subprocess.run([*cmd, "-f", "json"], capture_output=True, text=True, timeout=60)
    assert piped.returncode == 0
    assert json.loads(piped.stdout)["links"]  # the whole document reached the pipe
    bad = subprocess.run([*cmd[:3], "scan", str(tmp_path / "missing")], capture_output=True,
                         text=True, timeout=60)  # fmt: skip
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_verbose_lists_problems_masked_on_stderr(sample_dir: Path) -> None:
    result = run("scan", str(sample_dir), "-f", "json", "-v")
    assert result.exit_code == 0
    assert "network.csv:8" in result.stderr and "999.1.1.1" in result.stderr
    assert "wang.fang.example.cn" not in result.stderr  # a malformed email stays masked
    assert "match" in result.stderr and "total" in result.stderr
    json.loads(result.stdout)  # stderr chatter never reaches the JSON


def test_help_stays_fast_heavy_modules_are_not_imported() -> None:
    code = (
        "import sys, linkaudit.cli; "
        "print(sorted(m for m in ('pandas', 'numpy', 'rich', 'pyarrow', 'rapidfuzz') "
        "if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stdout


def test_validate_lists_every_planted_bad_value_with_file_and_line(sample_dir: Path) -> None:
    import yaml

    expected = yaml.safe_load((sample_dir / "expected.yaml").read_text(encoding="utf-8"))
    result = run("validate", str(sample_dir))
    assert result.exit_code == 0, result.stderr
    for bad in expected["bad_values"]:
        assert f"{bad['file']}:{bad['line']}" in result.stdout, bad
    assert "Coverage" in result.stdout and "ip_subnet" in result.stdout
    data = json.loads(run("validate", str(sample_dir), "-f", "json").stdout)
    assert {p["where"] for p in data["problems"]} >= {
        f"{b['file']}:{b['line']}" for b in expected["bad_values"]
    }


def _phone_hub(tmp_path: Path, config: str = "") -> Path:
    """Four stores on one phone with hub_threshold 3: one hub, no link listed."""
    inv = tmp_path / "inv"
    inv.mkdir()
    rows = "".join(f"k{i},+86 138 0013 8000,CN\n" for i in range(1, 5))
    (inv / "companies.csv").write_text("account_id,phone,country\n" + rows, encoding="utf-8")
    accounts = "account_id,status\nk1,active\nk2,active\nk3,active\nk4,planned\n"
    (inv / "accounts.csv").write_text(accounts, encoding="utf-8")
    (inv / "linkaudit.toml").write_text("[scan]\nhub_threshold = 3\n" + config, encoding="utf-8")
    return inv


def test_a_hub_at_or_above_fail_on_fails_scan_and_check(tmp_path: Path) -> None:
    inv = _phone_hub(tmp_path)
    out = tmp_path / "scan.json"
    result = run("scan", str(inv), "-f", "json", "-o", str(out), "--fail-on", "critical")
    assert json.loads(out.read_text())["links"] == [] and result.exit_code == 1
    assert "hub" in result.stderr
    assert run("check", str(inv), "-f", "json", "-o", str(out)).exit_code == 1
    baseline = run("scan", str(inv), "-f", "json", "--fail-on", "critical", "--baseline", str(out))
    assert baseline.exit_code == 0  # nothing new since the baseline


def test_an_approved_or_allowed_hub_never_fails(tmp_path: Path) -> None:
    approved = '[[approved]]\naccounts = ["k1", "k2", "k3", "k4"]\nreason = "case 1"\n'
    inv = _phone_hub(tmp_path, approved)
    assert run("scan", str(inv), "-f", "json", "--fail-on", "low").exit_code == 0
    allowed = '[[allow]]\ntype = "phone"\nvalue = "+8613800138000"\nreason = "switchboard"\n'
    (inv / "linkaudit.toml").write_text("[scan]\nhub_threshold = 3\n" + allowed, encoding="utf-8")
    assert run("scan", str(inv), "-f", "json", "--fail-on", "low").exit_code == 0


def test_diff_reports_and_fails_on_a_new_hub(tmp_path: Path) -> None:
    inv = _phone_hub(tmp_path)
    new = tmp_path / "new.json"
    run("scan", str(inv), "-f", "json", "-o", str(new))
    data = json.loads(new.read_text())
    old = tmp_path / "old.json"
    old.write_text(json.dumps({**data, "hubs": []}), encoding="utf-8")
    result = run("diff", str(old), str(new), "-f", "json", "--fail-on-new", "critical")
    assert result.exit_code == 1
    assert [h["change"] for h in json.loads(result.stdout)["hubs"]] == ["new"]
    assert run("diff", str(new), str(new), "--fail-on-new", "low").exit_code == 0
