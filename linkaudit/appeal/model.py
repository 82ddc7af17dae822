"""The appeal's data: the request from the CLI and the draft handed to the template."""

from dataclasses import dataclass, field
from pathlib import Path

from linkaudit.result import CrossSelling, Evidence, Flag, Hub

SCENARIOS = ("own", "known", "unknown")


@dataclass(frozen=True)
class AppealRequest:
    """What the user asked for: whose appeal, which scenario, which related account."""

    account: str
    hint: str | None = None
    scenario: str = "unknown"
    related: str | None = None
    template: Path | None = None
    lang: str = "en"


@dataclass(frozen=True)
class Party:
    """An account as the letter names it, only with what the inventory holds."""

    account_id: str
    store_name: str = ""
    seller_id: str = ""
    status: str = "unknown"
    marketplaces: tuple[str, ...] = ()
    opened: str | None = None
    legal_names: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """`Store name (account-id)`, or the id alone when the store has no name."""
        return f"{self.store_name} ({self.account_id})" if self.store_name else self.account_id


@dataclass(frozen=True)
class Fact:
    """One root cause: a sentence built only from one evidence entry, flag, hub or overlap.

    Exactly one of evidence, flag, hub, cross is set: tests map every rendered root-cause
    line back to it. `others` are the other accounts the fact names.
    """

    text: str
    rule: str
    attribute: str
    sources: tuple[str, ...]
    others: tuple[str, ...] = ()
    evidence: Evidence | None = None
    flag: Flag | None = None
    hub: Hub | None = None
    cross: CrossSelling | None = None


@dataclass(frozen=True)
class Action:
    """A checklist item for the seller to confirm; never a claim that it was done."""

    text: str
    zh: str = ""  # the rule's Chinese fix text, shown in the notes when lang=zh


@dataclass(frozen=True)
class Attachment:
    """One document of the account in the inventory and what it can prove (raw text)."""

    doc_type: str
    path: str
    number: str
    issued_to: str
    issued: str
    proves: str


@dataclass(frozen=True)
class Missing:
    """Evidence a root cause needs that the account's documents do not seem to hold."""

    cause: int  # 1-based number of the root cause
    need: str


@dataclass
class Draft:
    """Everything the template renders; built once, rendered by the built-in or user template."""

    account: Party
    scenario: str
    lang: str
    generated_at: str
    values_shown: bool
    related: Party | None = None
    root_causes: list[Fact] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    prevention: list[Action] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    covered: list[str] = field(default_factory=list)  # attribute types with data
    not_covered: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)  # what the inventory lacks for the account
    notes: dict[str, str] = field(default_factory=dict)  # guidance for the seller, by section
