"""What loading produces: account records, the attribute table, data problems and notes."""

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from linkaudit.vocab import Status


@dataclass(frozen=True, slots=True)
class Problem:
    """A data problem: a value that could not be used, or a file-level warning.

    `where` is the provenance (`logins.csv:7`, `payments.xlsx:payments!B7`, or just a file
    name for file-level problems); `raw` is masked by whoever prints it when sensitive.
    """

    where: str
    column: str
    raw: str
    why: str
    attribute: str | None = None
    level: str = "warning"  # "warning" (value skipped) or "error" (file skipped)


@dataclass(frozen=True, slots=True)
class AccountRecord:
    account_id: str
    store_name: str = ""
    marketplaces: tuple[str, ...] = ()
    status: Status = Status.UNKNOWN
    opened: str | None = None  # ISO date
    seller_id: str = ""
    country: str | None = None  # from companies.country (ISO alpha-2)
    legal_names: tuple[str, ...] = ()  # raw legal names, for --hint and reports
    source: str = ""  # provenance of the accounts row, "" when only seen in other kinds


@dataclass
class Inventory:
    root: Path
    accounts: dict[str, AccountRecord]
    attributes: pd.DataFrame  # see linkaudit.attributes
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # files read, relative to root
    documents: list[dict[str, str]] = field(default_factory=list)  # documents rows (raw)
    hashed: bool = False  # the inventory is a pseudonymised copy (spec 2.10)
    candidates: list[str] = field(default_factory=list)  # accounts from `check --candidate`
