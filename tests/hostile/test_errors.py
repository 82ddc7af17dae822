"""Hostile inputs that stop a command: exit 2, one line naming the file, input untouched.

docs/safety.md lists every case; each test here is one row of its decision table.
"""

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from .helpers import LOGINS, assert_clean_error, run, snapshot, write

Build = Callable[[Path], None]


def _dir_named_like_a_file(root: Path) -> None:
    write(root, {"logins.csv": LOGINS})
    (root / "accounts.csv").mkdir()  # what a root-run test can do instead of chmod 000


def _broken_link(root: Path) -> None:
    write(root, {"accounts.csv": "account_id\nacme-us\n"})
    (root / "logins.csv").symlink_to(root / "gone" / "logins.csv")


def _fifo(root: Path) -> None:
    write(root, {"accounts.csv": "account_id\nacme-us\n"})
    os.mkfifo(root / "logins.csv")  # reading it would block forever


# (id, files or builder, extra args, names the message must contain)
CASES: list[tuple[str, dict[str, str | bytes] | Build, list[str], list[str]]] = [
    ("truncated-json", {"logins.json": '[\n{"account_id": "a", "ip": "203.0.113.7"},\n{"acc'},
     [], ["logins.json", "line 3"]),
    ("truncated-json-object", {"inventory.json": '{"logins": [{"account_id": "a"}'},
     [], ["inventory.json", "line 1"]),
    ("binary-garbage-csv", {"logins.csv": bytes(range(256)) * 64}, [], ["logins.csv"]),
    ("xlsx-that-is-text", {"payments.xlsx": "account_id,card\nacme-us,4111111111111111\n"},
     [], ["payments.xlsx", "not an XLSX"]),
    ("xlsx-that-is-another-zip", {"payments.xlsx": bytes.fromhex("504b0506" + "00" * 18)},
     [], ["payments.xlsx"]),
    ("unreadable-file-directory", _dir_named_like_a_file, [], ["accounts.csv"]),
    ("unreadable-file-broken-link", _broken_link, [], ["logins.csv", "broken"]),
    ("unreadable-file-fifo", _fifo, [], ["logins.csv"]),
    ("invalid-toml-syntax", {"logins.csv": LOGINS, "linkaudit.toml": "[defaults\ncountry = 1\n"},
     [], ["linkaudit.toml:1:"]),
    ("invalid-toml-value", {"logins.csv": LOGINS, "linkaudit.toml": "[limits]\nmax_file_mb = -1\n"},
     [], ["linkaudit.toml", "max_file_mb"]),
    ("invalid-toml-unknown-key", {"logins.csv": LOGINS, "linkaudit.toml": "[scan]\nhubs = 3\n"},
     [], ["linkaudit.toml", "hubs"]),
    ("unclosed-quote-csv", {"logins.csv": 'account_id,ip\na,203.0.113.7\nb,"203.0.113.8\n'},
     [], ["logins.csv", "line 3"]),
    ("file-over-size-limit", {"logins.csv": LOGINS * 200,
                              "linkaudit.toml": "[limits]\nmax_file_mb = 0.001\n"},
     [], ["logins.csv", "max_file_mb"]),
    ("unknown-encoding", {"logins.csv": LOGINS}, ["--encoding", "klingon"], ["klingon"]),
    ("wrong-encoding", {"logins.csv": "account_id,ip\n李,203.0.113.7\n".encode("gbk")},
     ["--encoding", "utf-8"], ["logins.csv", "line 2"]),
]  # fmt: skip


@pytest.mark.parametrize(("files", "extra", "names"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_scan_stops_with_one_line(
    tmp_path: Path, files: dict[str, str | bytes] | Build, extra: list[str], names: list[str]
) -> None:
    root = tmp_path / "inventory"
    root.mkdir()
    if callable(files):
        files(root)
    else:
        write(root, files)
    before = snapshot(root)
    assert_clean_error(run("scan", root, *extra), *names)
    assert snapshot(root) == before


def test_missing_directory(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    assert_clean_error(run("scan", missing), str(missing), "not found")
    assert not missing.exists()


def test_empty_directory(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    assert_clean_error(run("scan", root), str(root), "no inventory file")
    assert snapshot(root) == {}


def test_directory_is_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, {"logins.csv": LOGINS}) / "logins.csv"
    before = path.read_bytes()
    assert_clean_error(run("validate", path), str(path), "not a directory")
    assert path.read_bytes() == before


def test_invalid_rules_directory(tmp_path: Path) -> None:
    root = write(tmp_path / "inventory", {"logins.csv": LOGINS})
    assert_clean_error(run("scan", root, "--rules", tmp_path / "no-rules"), "no-rules")


def test_invalid_rule_file_names_file_and_field(tmp_path: Path) -> None:
    root = write(tmp_path / "inventory", {"logins.csv": LOGINS})
    rules = write(tmp_path / "rules", {"bad.yaml": "rules:\n  - id: x\n    kind: pair\n"})
    before = snapshot(tmp_path)
    assert_clean_error(run("scan", root, "--rules", rules), "bad.yaml", '"x"')
    assert snapshot(tmp_path) == before


def test_rules_are_data_never_code(tmp_path: Path) -> None:
    """A YAML tag that would run Python under yaml.load is an invalid rule file, not a call."""
    marker = tmp_path / "pwned"
    evil = f'rules: !!python/object/apply:os.system ["touch {marker}"]\n'
    rules = write(tmp_path / "rules", {"evil.yaml": evil})
    root = write(tmp_path / "inventory", {"logins.csv": LOGINS})
    assert_clean_error(run("scan", root, "--rules", rules), "evil.yaml")
    assert not marker.exists()


def test_template_is_sandboxed(tmp_path: Path) -> None:
    """An appeal template reaching for Python internals is refused by the sandbox."""
    from .helpers import sample_copy

    root = sample_copy(tmp_path)
    evil = "{{ draft.__class__.__mro__[1].__subclasses__() }}"
    template = write(tmp_path / "t", {"evil.j2": evil}) / "evil.j2"
    before = snapshot(root)
    result = run("appeal", root, "mingyue-de", "--template", template)
    assert_clean_error(result, "evil.j2")
    assert snapshot(root) == before
