"""The inventory directory -> Sheets: which files are read, as which kind (spec 1)."""

from collections.abc import Callable
from pathlib import Path

from linkaudit.config import Config
from linkaudit.errors import InputError
from linkaudit.inventory import readahead
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.jsonfile import read_json, read_jsonl
from linkaudit.inventory.kinds import kind_of, known_kinds, not_inventory
from linkaudit.inventory.model import Problem
from linkaudit.inventory.sheet import Sheet
from linkaudit.inventory.textfile import read_delimited
from linkaudit.inventory.workbook import read_workbook
from linkaudit.vocab import SUFFIXES

_OTHER_TABLES = (".xls", ".xlsm", ".xlsb", ".ods", ".numbers")
MB = 1024 * 1024


def inventory_files(root: Path, issues: Issues) -> list[Path]:
    """Supported files directly in root, sorted; InputError when there are none."""
    if not root.exists():
        raise InputError(
            f"inventory directory not found: {root}",
            "check the path, or create a starter inventory with `linkaudit init DIR`",
        )
    if not root.is_dir():
        raise InputError(f"not a directory: {root}", "pass the inventory directory, not a file")
    found = []
    for path in _entries(root):
        if not_inventory(path):
            continue
        suffix = path.suffix.lower()
        if not path.is_file():
            _refuse_non_file(path, suffix)
            continue
        if suffix in SUFFIXES:
            found.append(path)
        elif suffix in _OTHER_TABLES:
            issues.note(f"{path.name}: {suffix} is not supported: save it as .xlsx or .csv")
    if not found:
        raise InputError(
            f"no inventory file in {root} (expected {' '.join(SUFFIXES)} files named after a kind)",
            "create a starter inventory with `linkaudit init DIR`",
        )
    return found


def _entries(root: Path) -> list[Path]:
    try:
        return sorted(root.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise InputError(f"{root}: cannot list the inventory directory ({exc.strerror})") from exc


def _refuse_non_file(path: Path, suffix: str) -> None:
    """An inventory file that cannot be read (a broken link, a directory, a pipe) is an error:
    skipping it would audit part of the data and report "no link" for the rest."""
    if suffix not in SUFFIXES or kind_of(path.stem) is None:
        return  # not named like an inventory file: not ours
    if path.is_symlink() and not path.exists():
        why = "a broken symbolic link"
    elif path.is_dir():
        why = "a directory, not a file"
    else:
        why = "not a regular file"
    raise InputError(f"{path.name}: cannot read the file ({why})", "fix or remove it")


def read_file(
    path: Path,
    config: Config,
    encoding: str | None,
    issues: Issues,
    progress: Callable[[str], None] | None = None,
) -> list[Sheet]:
    """The Sheets of one file; a file of unknown kind is a warning naming the known kinds."""
    name, suffix = path.name, path.suffix.lower()
    kind = kind_of(path.stem)
    multi = suffix in (".xlsx", ".json")  # may hold several kinds
    if kind is None and not multi:
        why = f"unknown kind {path.stem!r}: file skipped; known kinds: {known_kinds()}"
        issues.add(Problem(name, "", "", why))
        return []
    _check_size(path, config)
    if progress is not None:
        progress(f"reading {name}")
    if suffix == ".xlsx":
        return read_workbook(path, name, kind, config.limits, issues)
    early = readahead.take(path)
    data = early.data if early is not None else _read_bytes(path)
    if suffix == ".json":
        return read_json(data, name, kind, encoding, issues)
    assert kind is not None
    if suffix in (".jsonl", ".ndjson"):
        return [read_jsonl(data, name, kind, encoding, issues)]
    parsed = early.parsed if early is not None else None
    sheet = read_delimited(data, name, kind, suffix, encoding, issues, parsed)
    return [sheet] if sheet is not None else []


def _check_size(path: Path, config: Config) -> None:
    limit = config.limits.max_file_mb
    size = path.stat().st_size
    if size > limit * MB:
        raise InputError(
            f"{path.name}: {size / MB:.0f} MB is over the {limit:g} MB file limit",
            "raise [limits] max_file_mb in linkaudit.toml",
        )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read the file ({exc.strerror})") from exc
