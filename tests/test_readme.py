"""The README's command examples on sample_data/ run, and its set-up is two commands."""

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linkaudit.cli import app

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
# exit code 1 is the documented answer of these commands on the sample estate
EXPECTED_EXIT = {"check": 1}


def _commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("linkaudit ") and "sample_data/" in line]


def test_readme_has_install_scan_and_test_commands() -> None:
    assert 'pip install ".[test]"' in README
    assert "linkaudit scan sample_data/" in README
    assert "\npytest\n" in README
    assert len(_commands()) >= 10


@pytest.mark.parametrize("command", _commands())
def test_readme_command_runs(command: str, tmp_path: Path) -> None:
    shutil.copytree(REPO / "sample_data", tmp_path / "sample_data")
    args = shlex.split(command)[1:]
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, args)
    finally:
        os.chdir(cwd)
    expected = EXPECTED_EXIT.get(args[0], 0)
    assert result.exit_code == expected, f"{command}: {result.stderr or result.output}"
    assert "Traceback" not in result.output


def test_readme_appeal_example_is_the_current_golden_draft() -> None:
    embedded = README.split("<!-- appeal-example:start -->\n````markdown\n")[1]
    embedded = embedded.split("````\n<!-- appeal-example:end -->")[0]
    golden = REPO / "tests" / "appeal" / "golden" / "mingyue-de.unknown.en.md"
    assert embedded == golden.read_text(encoding="utf-8"), "paste the new golden into README.md"
