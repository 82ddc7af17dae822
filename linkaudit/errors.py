"""Expected failures: each is one line for the user and exit code 2 (spec section 6)."""


class LinkauditError(Exception):
    """Base of every failure a user can cause; the CLI prints it as one line and exits 2."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(LinkauditError):
    """The inventory directory or one of its files cannot be read."""


class ConfigError(LinkauditError):
    """linkaudit.toml is invalid."""


class RuleError(LinkauditError):
    """A rule file is invalid."""


class ScanFileError(LinkauditError):
    """A saved scan JSON cannot be read."""


class UsageError(LinkauditError):
    """A command was called with options that do not fit together."""
