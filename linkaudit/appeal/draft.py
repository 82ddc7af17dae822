"""draft_appeal: scan the inventory, check the evidence, build the draft and render it."""

from difflib import get_close_matches
from pathlib import Path

from linkaudit.appeal.actions import cause_actions, prevention, scenario_action
from linkaudit.appeal.causes import root_causes
from linkaudit.appeal.checks import check
from linkaudit.appeal.documents import attachments, missing
from linkaudit.appeal.facts import Names
from linkaudit.appeal.hint import link_scores, resolve
from linkaudit.appeal.hygiene import gaps
from linkaudit.appeal.model import SCENARIOS, AppealRequest, Draft, Party
from linkaudit.appeal.phrases import NOUNS
from linkaudit.appeal.render import notes, render, template_source
from linkaudit.appeal.text import plain
from linkaudit.errors import UsageError
from linkaudit.inventory.model import Inventory
from linkaudit.pipeline import ScanOptions, scan_with_inventory
from linkaudit.result import ScanResult
from linkaudit.vocab import AttrType

# Derived types say nothing the base type does not; they are left out of the coverage list.
_COVERAGE = [t.value for t in AttrType if t is not AttrType.IP_SUBNET]


def known_account(account: str, inv: Inventory, what: str = "account") -> str:
    """The account id, or UsageError naming the closest ids in the inventory."""
    if account in inv.accounts:
        return account
    close = get_close_matches(account, sorted(inv.accounts), n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else "see the account_id column of accounts"
    raise UsageError(f"unknown {what} {account!r} in {inv.root}", hint)


def party(inv: Inventory, account: str) -> Party:
    """What the inventory knows of an account, for the letter."""
    record = inv.accounts[account]
    return Party(account, record.store_name, record.seller_id, record.status.value,
                 record.marketplaces, record.opened, record.legal_names)  # fmt: skip


def _related(
    request: AppealRequest, result: ScanResult, inv: Inventory
) -> tuple[str | None, list[str]]:
    warnings: list[str] = []
    related = request.related
    if request.hint:
        found, warnings = resolve(request.hint, request.account, inv.accounts, result)
        if related is not None and related != found:
            warnings.append(f"--hint resolved to {found}; using --related {related}")
        related = related or found
    if related is None:
        return None, warnings
    related = known_account(related, inv, "related account")
    if related == request.account:
        raise UsageError(
            "the related account is the appealing account", "pass another --related ID"
        )
    if related not in link_scores(result, request.account):
        warnings.append(f"no evidence in the inventory links {request.account} to {related}")
    return related, warnings


def _namer(inv: Inventory) -> Names:
    """`id (store name, status)` for the other accounts a sentence names."""

    def name(account: str) -> str:
        record = inv.accounts.get(account)
        if record is None:
            return plain(account)
        about = ", ".join(p for p in (record.store_name, record.status.value) if p)
        return plain(f"{account} ({about})")

    return name


def _validate(request: AppealRequest) -> None:
    if request.scenario not in SCENARIOS:
        raise UsageError(f"unknown --scenario {request.scenario!r}", "use own, known or unknown")
    if request.lang not in ("en", "zh"):
        raise UsageError(f"unknown --lang {request.lang!r}", "use en or zh")


def build_draft(
    result: ScanResult, inv: Inventory, request: AppealRequest
) -> tuple[Draft, list[str]]:
    """The draft of one appeal and the warnings of the evidence check (no rendering)."""
    _validate(request)
    account = known_account(request.account, inv)
    related, warnings = _related(request, result, inv)
    if request.scenario != "unknown" and related is None:
        raise UsageError(f"--scenario {request.scenario} needs the related account",
                         "pass --related ID or --hint LETTERS")  # fmt: skip
    warnings += check(result, inv, account, {account, related or account}, result.values_shown)
    me, other = party(inv, account), party(inv, related) if related else None
    causes = root_causes(result, inv.attributes, account, related, _namer(inv))
    attached = attachments(inv.documents, account, result.values_shown)
    covered = set(inv.attributes.loc[inv.attributes["account_id"] == account, "type"])
    draft = Draft(
        account=me, scenario=request.scenario, lang=request.lang, related=other,
        generated_at=result.generated_at, values_shown=result.values_shown,
        root_causes=causes,
        actions=[scenario_action(request.scenario, me, other),
                 *cause_actions(causes, result, account)],
        prevention=prevention(causes, result),
        attachments=attached, missing=missing(causes, attached), warnings=warnings,
        covered=[NOUNS.get(t, t) for t in _COVERAGE if t in covered],
        not_covered=[NOUNS.get(t, t) for t in _COVERAGE if t not in covered],
        gaps=[f.detail or f.rule for f in gaps(result, account)],
        notes=notes(request.lang),
    )  # fmt: skip
    return draft, warnings


def draft_appeal(
    directory: Path, opts: ScanOptions, request: AppealRequest
) -> tuple[str, list[str]]:
    """The Markdown plan-of-action draft for `request.account` and one-line warnings.

    The template is read before the (slower) scan so that a bad --template fails at once.
    """
    _validate(request)
    template_source(request.template)
    result, inv = scan_with_inventory(directory, opts)
    draft, warnings = build_draft(result, inv, request)
    return render(draft, request.template), warnings
