"""Account records (spec 2.1): accounts rows, plus every account seen only in other kinds."""

from dataclasses import dataclass, field, replace

from linkaudit.config import Config
from linkaudit.inventory.countries import parse_country
from linkaudit.inventory.dates import parse_date
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import AccountRecord, Problem
from linkaudit.inventory.sheet import Cells, Sheet
from linkaudit.normalize.base import clean
from linkaudit.vocab import (
    COUNTRY_OF_MARKETPLACE,
    MARKETPLACES,
    Kind,
    parse_marketplace,
    parse_status,
)

MAX_LISTED = 20  # account ids named in the "only in other kinds" note
_SCALARS = ("store_name", "status", "opened", "seller_id")
_SEPARATORS = str.maketrans({s: ";" for s in "|,，、/ \t"})


@dataclass
class _Draft:
    record: AccountRecord
    seen: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (text, where)


def build_accounts(sheets: list[Sheet], config: Config, issues: Issues) -> dict[str, AccountRecord]:
    """Account records by id, in first-seen order; conflicts and bad values are problems."""
    drafts: dict[str, _Draft] = {}
    for sheet in (s for s in sheets if s.kind is Kind.ACCOUNTS):
        _read_accounts(sheet, drafts, issues)
    countries, names = _company_facts(sheets, issues)
    others = [i for s in sheets for i in s.ids().unique() if i not in drafts]
    only_elsewhere = list(dict.fromkeys(others))
    for account_id in only_elsewhere:
        drafts[account_id] = _Draft(AccountRecord(account_id))
    if only_elsewhere:
        listed = ", ".join(only_elsewhere[:MAX_LISTED])
        more = (
            f" (+{len(only_elsewhere) - MAX_LISTED} more)"
            if len(only_elsewhere) > MAX_LISTED
            else ""
        )
        issues.note(
            f"{len(only_elsewhere)} account(s) only in other kinds, not in accounts "
            f"(status unknown): {listed}{more}"
        )
    return {
        account_id: replace(
            draft.record,
            country=_country(draft.record, countries.get(account_id), config),
            legal_names=tuple(names.get(account_id, ())),
        )
        for account_id, draft in drafts.items()
    }


def _country(record: AccountRecord, company: str | None, config: Config) -> str | None:
    """companies.country, else [defaults] country, else the first marketplace's country."""
    if company:
        return company
    if config.defaults.country:
        return config.defaults.country
    return COUNTRY_OF_MARKETPLACE.get(record.marketplaces[0]) if record.marketplaces else None


def _read_accounts(sheet: Sheet, drafts: dict[str, _Draft], issues: Issues) -> None:
    ids = sheet.ids().tolist()
    cells = Cells(sheet)
    for row, account_id in enumerate(ids):
        fields: dict[str, object] = {}
        seen: dict[str, tuple[str, str]] = {}
        for name in _SCALARS:
            text, where, header = _cell(cells, name, row)
            if text:
                value = _scalar(name, text, where, header, issues)
                if value is not None:
                    fields[name] = value
                    seen[name] = (text, where)
        markets = _marketplaces(cells, row, issues)
        source = sheet.where(sheet.columns["account_id"][0], row)
        if account_id not in drafts:
            record = AccountRecord(account_id, marketplaces=markets, source=source)
            drafts[account_id] = _Draft(replace(record, **fields), seen)  # type: ignore[arg-type]
        else:
            _merge(drafts[account_id], fields, seen, markets, issues, sheet.file)


def _cell(cells: Cells, name: str, row: int) -> tuple[str, str, str]:
    """(cleaned text, provenance, header) of the first non-empty cell bound to `name`."""
    sheet = cells.sheet
    for position in sheet.columns.get(name, []):
        text = clean(str(cells(position, row)))
        if text:
            return text, sheet.where(position, row), sheet.headers[position]
    return "", "", ""


def _scalar(name: str, text: str, where: str, header: str, issues: Issues) -> object:
    if name == "status":
        status = parse_status(text)
        if status is None:
            why = "unknown status: expected active, planned, under_review, suspended or closed"
            issues.add(Problem(where, header, text, why))
        return status
    if name == "opened":
        opened = parse_date(text)
        if opened is None:
            issues.add(Problem(where, header, text, "not a date (expected e.g. 2024-03-01)"))
        return opened
    return text


def _marketplaces(cells: Cells, row: int, issues: Issues) -> tuple[str, ...]:
    sheet = cells.sheet
    found: list[str] = []
    for position in sheet.columns.get("marketplaces", []):
        text = clean(str(cells(position, row)))
        for code in filter(None, text.translate(_SEPARATORS).split(";")):
            site = parse_marketplace(code)
            if site is None:
                why = f"unknown marketplace: expected one of {' '.join(MARKETPLACES)}"
                issues.add(Problem(sheet.where(position, row), sheet.headers[position], code, why))
            elif site not in found:
                found.append(site)
    return tuple(found)


def _merge(
    draft: _Draft,
    fields: dict[str, object],
    seen: dict[str, tuple[str, str]],
    markets: tuple[str, ...],
    issues: Issues,
    file: str,
) -> None:
    """A repeated account row: first wins per field, marketplaces are merged."""
    record = draft.record
    merged = record.marketplaces + tuple(m for m in markets if m not in record.marketplaces)
    updates: dict[str, object] = {"marketplaces": merged}
    for name, value in fields.items():
        if name not in draft.seen:
            updates[name] = value
            draft.seen[name] = seen[name]
        elif getattr(record, name) != value:
            first_text, first_where = draft.seen[name]
            text, where = seen[name]
            why = f"conflicts with {first_text!r} at {first_where}"
            why += f" for {record.account_id}; first kept"
            issues.add(Problem(where, name, text, why))
    draft.record = replace(record, **updates)  # type: ignore[arg-type]


def _company_facts(
    sheets: list[Sheet], issues: Issues
) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Per account: the country (first parseable companies.country) and raw legal names."""
    countries: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    for sheet in (s for s in sheets if s.kind is Kind.COMPANIES):
        cells = Cells(sheet)
        for row, account_id in enumerate(sheet.ids().tolist()):
            legal, _, _ = _cell(cells, "legal_name", row)
            if legal and legal not in names.setdefault(account_id, []):
                names[account_id].append(legal)
            text, where, header = _cell(cells, "country", row)
            if not text or account_id in countries:
                continue
            code = parse_country(text)
            if code is None:
                issues.add(Problem(where, header, text, "unknown country (use e.g. CN or China)"))
            else:
                countries[account_id] = code
    return countries, names
