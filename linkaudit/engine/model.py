"""The rule schema: what one entry of a `rules/*.yaml` file may say (documented in docs/rules.md).

A rule file is a mapping with one key, `rules`, holding a list of rules. Every model here
forbids unknown fields, so a typo is an error naming the file, the rule and the field.
"""

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from linkaudit.vocab import AttrType, Severity, Status

RULE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Texts(_Strict):
    """A bilingual text: `en` and `zh`, both non-empty."""

    en: str
    zh: str

    @field_validator("en", "zh")
    @classmethod
    def _non_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("expected a non-empty text")
        return v.strip()


class Match(_Strict):
    """How values are compared (pair rules) or which values raise a flag (account rules).

    type:          pair rules: `exact` (equal canonical values), `prefix` (equal network:
                   reads `ip_subnet`, the /24 or /64 derived from each IP), `fuzzy`
                   (similarity >= threshold, blocked by shared tokens).
                   account rules: `present` (the account has >= min_distinct matching
                   values) or `absent` (the account has no value of the attributes).
    threshold:     fuzzy only: the least similarity (0..1) that counts as the same value.
    equal:         fuzzy only: also match equal values (false when an exact rule covers them).
    max_block:     fuzzy only: blocking tokens held by more distinct values are ignored.
    weak:          true = only weak rows (CGNAT IP, last-4 card key); false = only strong
                   rows; omitted = both.
    require_flags: a row counts only if one of its flags matches one of these patterns
                   (shell-style: `hosting*` matches `hosting` and `hosting:aws`).
    exclude_flags: a row never counts if one of its flags matches one of these patterns.
    value_regex:   a row counts only if its canonical value matches (re.search).
    min_distinct:  present only: how many distinct matching values raise the flag.
    """

    type: Literal["exact", "prefix", "fuzzy", "present", "absent"]
    threshold: Annotated[float, Field(gt=0.0, le=1.0)] | None = None
    equal: bool = True
    max_block: Annotated[int, Field(ge=2)] = 50
    weak: bool | None = None
    require_flags: list[str] = []
    exclude_flags: list[str] = []
    value_regex: str | None = None
    min_distinct: Annotated[int, Field(ge=1)] = 1

    @field_validator("value_regex")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as exc:
                raise ValueError(f"expected a valid regular expression ({exc})") from exc
        return v


class Decay(_Strict):
    """Time decay of time-aware rules: the weight halves every `half_life_days` of gap
    between the two accounts' use of the value, and never falls below `floor` x weight."""

    half_life_days: Annotated[float, Field(gt=0)] = 90.0
    floor: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5


class ExampleRow(_Strict):
    """One value of an account-rule example: raw text, loader flags, optional type."""

    value: str
    flags: list[str] = []
    source: str | None = None  # a login's source label; `cloud`, `vps`... add the `cloud` flag
    type: AttrType | None = None


class Example(_Strict):
    """A pass (no finding) or fail (finding) case, run through the real normalisers.

    Pair rules: `a` and `b` are raw values of two accounts (of `type`, default the rule's
    first attribute); optional `a_marketplace`/`b_marketplace` (site codes, `;`-separated),
    `a_seen`/`b_seen` (ISO date, or `start/end`), `a_flags`/`b_flags` (loader flags).
    Account rules: `rows` of one account, its `status` and `marketplace`.
    """

    type: AttrType | None = None
    a: list[str] = []
    b: list[str] = []
    a_marketplace: str | None = None
    b_marketplace: str | None = None
    a_seen: str | None = None
    b_seen: str | None = None
    a_flags: list[str] = []
    b_flags: list[str] = []
    rows: list[ExampleRow] = []
    status: Status = Status.ACTIVE
    marketplace: str | None = None


class Examples(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    pass_: list[Example] = Field([], alias="pass")
    fail: list[Example] = []


PAIR_MATCHES = ("exact", "prefix", "fuzzy")
ACCOUNT_MATCHES = ("present", "absent")


class Rule(_Strict):
    """One rule of the pack (see docs/rules.md for every field and the scoring formula).

    id:          kebab-case, unique in the pack.
    kind:        `pair` compares two accounts (link evidence); `account` flags one account.
    title, explanation, fix: bilingual texts {en, zh}, both non-empty.
    attributes:  AttrType values the rule reads.
    match:       how values are compared or which values raise a flag (Match).
    scope:       `any`, `same_marketplace` or `same_region`: where both accounts must meet.
    time_aware, decay: weight decays with the gap between the two accounts' use (Decay).
    weight:      0..1, the evidence strength; required for pair rules, unused by account rules.
    severity:    the least severity a finding of this rule gets.
    implied_by:  rule ids that, when also on the link, make this rule add nothing.
    hub_groups:  whether a hub of this rule joins its members into one group.
    statuses:    account rules: only accounts in these statuses (empty = all).
    references, examples: citations; pass/fail cases run by `linkaudit rules test`.
    """

    id: str
    kind: Literal["pair", "account"]
    title: Texts
    explanation: Texts
    fix: Texts
    attributes: Annotated[list[AttrType], Field(min_length=1)]
    match: Match
    scope: Literal["any", "same_marketplace", "same_region"] = "any"
    time_aware: bool = False
    decay: Decay = Decay()
    weight: float = 0.0
    severity: Severity
    implied_by: list[str] = []
    hub_groups: bool = True
    statuses: list[Status] = []
    references: list[str] = []
    examples: Examples = Examples()

    @field_validator("id")
    @classmethod
    def _kebab(cls, v: str) -> str:
        if not RULE_ID.match(v):
            raise ValueError("expected a kebab-case id such as shared-login-ip")
        return v

    @field_validator("weight", mode="before")
    @classmethod
    def _weight(cls, v: object) -> object:
        if isinstance(v, bool) or not isinstance(v, int | float) or not 0.0 <= v <= 1.0:
            raise ValueError("expected a number between 0 and 1")
        return float(v)

    @model_validator(mode="after")
    def _consistent(self) -> "Rule":
        if self.kind == "pair" and "weight" not in self.model_fields_set:
            raise ValueError("weight: expected a number between 0 and 1 (required for pair rules)")
        allowed = PAIR_MATCHES if self.kind == "pair" else ACCOUNT_MATCHES
        if self.match.type not in allowed:
            raise ValueError(
                f"match.type: expected one of {', '.join(allowed)} for a {self.kind} rule"
            )
        if self.match.type == "fuzzy":
            if self.match.threshold is None:
                raise ValueError("match.threshold: expected a similarity between 0 and 1 for fuzzy")
            from linkaudit.normalize import SIMILARITY

            bad = [a.value for a in self.attributes if a not in SIMILARITY]
            if bad:
                raise ValueError(f"attributes: {', '.join(bad)} cannot be compared fuzzily")
        if self.match.type == "prefix" and self.attributes != [AttrType.IP_SUBNET]:
            raise ValueError("attributes: expected [ip_subnet] for a prefix match")
        return self

    @property
    def fuzzy(self) -> bool:
        return self.match.type == "fuzzy"
