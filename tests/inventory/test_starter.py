"""`linkaudit init`: the starter inventory loads cleanly and its config is complete."""

import re
import tomllib
from pathlib import Path

import pytest

from linkaudit.config import Config, load_config
from linkaudit.errors import InputError
from linkaudit.inventory import coverage
from linkaudit.inventory.starter import write_starter
from linkaudit.vocab import Kind

from .helpers import read


def test_round_trip(tmp_path: Path) -> None:
    written = write_starter(tmp_path / "inv")
    names = {p.name for p in written}
    assert {f"{k.value}.csv" for k in Kind if k is not Kind.ATTRIBUTES} <= names
    inv = read(tmp_path / "inv", load_config(tmp_path / "inv"))
    assert inv.problems == []
    assert list(inv.accounts) == ["example-us"]
    assert sum(1 for _, accounts, _ in coverage(inv) if accounts) >= 20


def test_commented_config_is_valid_when_uncommented(tmp_path: Path) -> None:
    write_starter(tmp_path)
    text = (tmp_path / "linkaudit.toml").read_text()
    settings = "\n".join(
        line[2:] for line in text.splitlines() if re.match(r'# (\[|"[^"]*" =|[a-z_]+ =)', line)
    )
    config = Config.model_validate(tomllib.loads(settings))
    assert config.defaults.country == "CN" and config.allow and config.approved
    assert config.rules and config.columns


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "logins.csv").write_text("mine")
    with pytest.raises(InputError, match=r"would overwrite logins\.csv"):
        write_starter(tmp_path)
    assert (tmp_path / "logins.csv").read_text() == "mine"
    assert not (tmp_path / "accounts.csv").exists()
