"""The scan result (spec section 5): frozen pydantic models, the input of every reporter.

Within schema `linkaudit.scan/1` fields may be added but never renamed or removed.
Values in evidence, hubs, allowances and problems are already masked unless the scan was
run with --show-values (`values_shown` tells which).
"""

from pydantic import BaseModel, ConfigDict, Field

from linkaudit.vocab import Severity

SCHEMA_ID = "linkaudit.scan/1"


class _Out(BaseModel):
    # extra="ignore" when reading a saved scan: a newer minor version may add fields.
    model_config = ConfigDict(frozen=True, extra="ignore")


class Text(_Out):
    """A bilingual text."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Span(_Out):
    """When one account used a value (network and device evidence), ISO timestamps."""

    account: str
    first_seen: str | None = None
    last_seen: str | None = None


class Evidence(_Out):
    rule: str
    attribute: str
    value: str
    weight: float
    sources: list[str]
    contribution: float = 0.0  # how much this evidence adds to the link's score
    other_value: str | None = None  # the other account's value when matched fuzzily / by prefix
    similarity: float | None = None  # fuzzy matches: 0..1
    shared_by: int = 2  # accounts in the whole inventory holding this value
    spans: list[Span] = []
    weak: bool = False
    hashed: bool = False
    raw: list[str] = []  # raw spellings seen (masked like value)


class CrossSelling(_Out):
    """Linked accounts selling the same products on the same marketplace (交叉销售)."""

    marketplace: str
    overlap: int  # distinct shared products (ASIN or GTIN)
    asins: int
    gtins: int
    examples: list[str] = []  # up to 10 shared ASINs/GTINs, sorted
    newer_account: str | None = None  # the one usually told to delist
    opened: dict[str, str | None] = {}


class Link(_Out):
    accounts: list[str]  # two, sorted
    score: float
    severity: Severity
    same_marketplace: bool
    approved: bool
    evidence: list[Evidence]
    rank: int = 0
    shared_marketplaces: list[str] = []
    approval_reason: str | None = None
    cross_selling: list[CrossSelling] = []
    group: int | None = None


class Flag(_Out):
    """A single-account hygiene finding (account rules)."""

    rule: str
    attribute: str
    severity: Severity
    value: str | None = None
    detail: str | None = None
    sources: list[str] = []


class Exposure(_Out):
    """A closed or suspended account reachable through the account's group."""

    account: str
    status: str
    via_score: float


class Account(_Out):
    account_id: str
    status: str
    marketplaces: list[str]
    risk: float
    severity: Severity | None
    group: int | None
    flags: list[Flag] = []
    store_name: str = ""
    opened: str | None = None
    seller_id: str = ""
    links: int = 0
    exposure: list[Exposure] = []


class Group(_Out):
    id: int
    accounts: list[str]
    max_score: float
    has_closed_or_suspended: bool
    key: str = ""  # stable across runs: derived from the members
    size: int = 0
    min_score: float = 0.0
    closed_or_suspended: list[str] = []
    hubs: list[str] = []  # hub ids whose members are in this group


class Hub(_Out):
    """A value shared by more accounts than the hub threshold: reported once, not per pair."""

    id: str
    rule: str
    attribute: str
    value: str
    members: int
    accounts: list[str]
    severity: Severity
    weight: float
    sources: list[str] = []
    allowed: bool = False
    approved: bool = False  # every member is in one [[approved]] list: never fails a run
    hub_groups: bool = True  # the rule's hub_groups: false for shared products, joining nothing


class Allowance(_Out):
    type: str
    value: str
    reason: str
    expires: str | None = None
    expired: bool = False
    used: bool = False
    matches: int = 0  # accounts whose values the allowance covered


class Summary(_Out):
    accounts: int
    links: int
    groups: int
    by_severity: dict[str, int]
    planned_at_risk: int = 0
    approved: int = 0
    hubs: int = 0
    flags: int = 0
    problems: int = 0


class RuleInfo(_Out):
    """The rules that produced findings, so saved scans render without the rule pack."""

    id: str
    title: Text
    severity: Severity
    weight: float
    kind: str  # "pair" or "account"
    fix: Text
    explanation: Text | None = None


class ProblemOut(_Out):
    where: str
    column: str
    value: str
    why: str
    level: str = "warning"


class Coverage(_Out):
    attribute: str
    accounts: int  # accounts with at least one usable value
    values: int  # usable values (rows)


class ScanResult(_Out):
    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    schema_: str = Field(SCHEMA_ID, alias="schema")
    generated_at: str
    inventory: str
    summary: Summary
    links: list[Link]
    accounts: list[Account]
    groups: list[Group]
    notes: list[str] = []
    hubs: list[Hub] = []
    allowances: list[Allowance] = []
    rules: list[RuleInfo] = []
    coverage: list[Coverage] = []
    problems: list[ProblemOut] = []
    unavailable_rules: list[str] = []  # e.g. fuzzy rules on a hashed inventory
    values_shown: bool = False
    tool_version: str = ""

    def to_json(self) -> str:
        """The stable JSON form (spec 5): `schema` first, keys in model order."""
        return self.model_dump_json(by_alias=True, indent=2) + "\n"

    def rule(self, rule_id: str) -> RuleInfo | None:
        return next((r for r in self.rules if r.id == rule_id), None)
