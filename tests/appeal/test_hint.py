"""--hint: prefix of a store, legal or seller name, folded, ranked by link strength."""

import pytest

from linkaudit.appeal.hint import candidates, fold, resolve
from linkaudit.errors import UsageError
from linkaudit.inventory.model import Inventory
from linkaudit.result import ScanResult

from .helpers import draft

Seed = tuple[ScanResult, Inventory]


def test_fold_width_and_case() -> None:
    assert fold("ＨＯＮＥＳＴ Home") == fold("honesthome") == "honesthome"


def test_three_letters_resolve_to_the_strongest_link(seed: Seed) -> None:
    result, inv = seed
    found = candidates("Hon", "mingyue-de", inv.accounts, result)
    assert [c.account_id for c in found] == ["oldseller-closed", "honest-fr"]
    account, warnings = resolve("hon", "mingyue-de", inv.accounts, result)
    assert account == "oldseller-closed"
    assert warnings == [
        "--hint 'hon' matches 2 accounts: oldseller-closed (0.35), honest-fr (0.00); "
        "using oldseller-closed"
    ]


@pytest.mark.parametrize(("hint", "expected"), [
    ("ＨＯＮＥ", "honest-fr"),  # full-width store name and hint
    ("dongguan", "oldseller-closed"),  # legal name
    ("ayma", "oldseller-closed"),  # seller id
    ("Mingyue L", "mingyue-us"),  # inner space folded
])  # fmt: skip
def test_hint_matches_every_name(seed: Seed, hint: str, expected: str) -> None:
    result, inv = seed
    assert resolve(hint, "mingyue-de", inv.accounts, result)[0] == expected


def test_an_unlinked_match_is_used_with_a_warning(seed: Seed) -> None:
    result, inv = seed
    account, warnings = resolve("hone", "mingyue-de", inv.accounts, result)
    assert account == "honest-fr"
    assert warnings == [
        "--hint 'hone' resolved to honest-fr, which no evidence links to mingyue-de"
    ]


def test_a_hint_matching_nothing_is_a_usage_error(seed: Seed) -> None:
    with pytest.raises(UsageError, match="matches no store"):
        draft(seed, "mingyue-de", hint="Zzz")


def test_the_hint_never_matches_the_appealing_account(seed: Seed) -> None:
    result, inv = seed
    assert [c.account_id for c in candidates("明月", "mingyue-de", inv.accounts, result)] == []


def test_the_draft_uses_the_resolved_account(seed: Seed) -> None:
    built, text, _ = draft(seed, "mingyue-de", hint="Hon", scenario="own")
    assert built.related is not None and built.related.account_id == "oldseller-closed"
    assert (
        "That account is ours: Hongtu Outdoor DE (oldseller-closed), seller ID AYMAHPUIUGFVXR"
        in text
    )
