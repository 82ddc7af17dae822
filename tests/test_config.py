"""linkaudit.toml: defaults, validation and one-line errors naming file, line and field."""

from pathlib import Path

import pytest

from linkaudit.config import Config, load_config
from linkaudit.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "linkaudit.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()


def test_full_config(tmp_path: Path) -> None:
    cfg = load_config(
        write(
            tmp_path,
            """
[defaults]
country = "cn"
[columns.logins]
"Login IP" = "ip"
[[allow]]
type = "address"
value = "Prep Center"
reason = "3PL"
expires = "2027-06-30"
[[approved]]
accounts = ["a", "b"]
reason = "case 1"
[rules.shared-login-ip]
weight = 0.5
[scan]
hub_threshold = 20
""",
        )
    )
    assert cfg.defaults.country == "CN"
    assert cfg.columns["logins"]["Login IP"] == "ip"
    assert cfg.allow[0].expires is not None and cfg.approved[0].accounts == ["a", "b"]
    assert cfg.rules["shared-login-ip"].weight == 0.5 and cfg.scan.hub_threshold == 20


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("[scan]\nhub_threshold = 1\n", 2, "scan.hub_threshold"),
        ('[defaults]\ncountry = "China"\n', 2, "defaults.country"),
        ("[scan]\n\nhub_treshold = 5\n", 3, "scan.hub_treshold"),
        ('[[allow]]\ntype = "nonsense"\nvalue = "x"\nreason = "y"\n', 2, "allow.0.type"),
        ("[rules.x]\nweight = 3\n", 2, "rules.x.weight"),
        # the second [[allow]] / [[approved]] table, not the first one's line
        (
            '[[allow]]\ntype = "ip"\nvalue = "x"\nreason = "y"\n\n'
            '[[allow]]\ntype = "nonsense"\nvalue = "x"\nreason = "y"\n',
            7,
            "allow.1.type",
        ),
        (
            '[[approved]]\naccounts = ["a", "b"]\nreason = "x"\n'
            '[[approved]]\naccounts = ["a", "b"]\nreason = 5\n',
            6,
            "approved.1.reason",
        ),
        # a missing field: the line of its table
        ('[[allow]]\ntype = "ip"\nvalue = "x"\n', 1, "allow.0.reason"),
        (
            '[[allow]]\ntype = "ip"\nvalue = "x"\n'
            '[[allow]]\ntype = "ip"\nvalue = "z"\nreason = "y"\n',
            1,
            "allow.0.reason",
        ),
        ('[columns.nokind]\n"x" = "ip"\n', 1, "columns.nokind"),
    ],
)
def test_invalid_config_names_file_line_and_field(
    tmp_path: Path, text: str, line: int, field: str
) -> None:
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path, text))
    message = str(err.value)
    assert f"linkaudit.toml:{line}:" in message and field in message
    assert "\n" not in message


def test_toml_syntax_error_names_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path, "[scan]\nhub_threshold = = 3\n"))
    message = str(err.value)
    assert "linkaudit.toml:2: " in message and "(column 17)" in message
    assert "\n" not in message


def test_explicit_missing_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path, tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("[rules.x]\nweight = true\n", "rules.x.weight"),
        ('[rules.x]\nenabled = "no"\n', "rules.x.enabled"),
        ("[rules.x]\nenabled = 0\n", "rules.x.enabled"),
        ("[scan]\nhub_threshold = 2.5\n", "scan.hub_threshold"),
        ("[scan]\nhub_threshold = true\n", "scan.hub_threshold"),
        ("[limits]\nmax_file_mb = true\n", "limits.max_file_mb"),
    ],
)
def test_wrong_types_are_errors_not_coerced(tmp_path: Path, text: str, field: str) -> None:
    """A boolean is not a weight and a string is not a boolean: no silent coercion."""
    with pytest.raises(ConfigError, match=field.replace(".", r"\.")):
        load_config(write(tmp_path, text))


def test_whole_numbers_are_accepted_where_numbers_are(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, "[rules.x]\nweight = 1\n[limits]\nmax_file_mb = 10\n"))
    assert cfg.rules["x"].weight == 1.0 and cfg.limits.max_file_mb == 10.0
