"""Run the real CLI on hostile inventories and prove the input was left untouched."""

import hashlib
import os
import shutil
from pathlib import Path

from typer.testing import CliRunner, Result

from linkaudit.cli import app

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_data"
LOGINS = "account_id,ip\nacme-us,203.0.113.7\nacme-uk,203.0.113.7\n"
runner = CliRunner()


def run(*args: str | Path) -> Result:
    """`linkaudit ARGS` in-process, exceptions caught as the CLI catches them."""
    return runner.invoke(app, [str(a) for a in args])


def snapshot(root: Path) -> dict[str, str]:
    """Every entry under root -> sha256 of its bytes, link target, or `dir` (links not followed)."""
    found: dict[str, str] = {}
    for base, dirs, files in os.walk(root, followlinks=False):
        for name in [*dirs, *files]:
            path = Path(base) / name
            rel = str(path.relative_to(root))
            if path.is_symlink():
                found[rel] = "link:" + os.readlink(path)
            elif path.is_dir():
                found[rel] = "dir"
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[rel] = "special"
    return found


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write files (text as UTF-8) under root, creating it."""
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return root


def sample_copy(tmp_path: Path) -> Path:
    """A private copy of sample_data (commands never run on the original)."""
    target = tmp_path / "inventory"
    shutil.copytree(SAMPLE, target, symlinks=True)
    return target


def assert_clean_error(result: Result, *names: str) -> str:
    """Exit 2, exactly one stderr line `linkaudit: error: ...` naming every name, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("linkaudit: error: "), lines[0]
    assert "LINKAUDIT_DEBUG" not in lines[0], lines[0]  # a LinkauditError, not a caught bug
    for name in names:
        assert name in lines[0], (name, lines[0])
    assert_no_traceback(result)
    return lines[0]


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
