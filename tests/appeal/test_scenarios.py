"""The three scenarios in both languages; usage errors are one line."""

import pytest

from linkaudit.errors import UsageError
from linkaudit.inventory.model import Inventory
from linkaudit.result import ScanResult

from .helpers import draft, section

Seed = tuple[ScanResult, Inventory]

EXPECTED = {
    "own": ("That account is ours: Hongtu Outdoor DE (oldseller-closed)",
            "- [ ] Reactivate the related account Hongtu Outdoor DE (oldseller-closed) before "
            "sending this appeal. Reactivated on: [[reactivation date]]."),
    "known": ("We know that account but it is not ours: [[how you know it]]",
              "- [ ] Confirm that the relationship with Hongtu Outdoor DE (oldseller-closed) has "
              "ended: [[date it ended]], [[how it ended]]; proof: [[document]]."),
    "unknown": ("as related to an account we do not know",
                "- [ ] Confirm that every login, device, payment method, document and listing of "
                "mingyue-de since 2026-06-20 was reviewed: [[who reviewed it, date]]."),
}  # fmt: skip
NOTES = {"en": "Note for you (delete before sending):", "zh": "给卖家的提示（发送前请删除）："}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("scenario", ["own", "known", "unknown"])
def test_scenario_structure(seed: Seed, scenario: str, lang: str) -> None:
    _, text, _ = draft(seed, "mingyue-de", hint="Hon", scenario=scenario, lang=lang)
    letter, first_action = EXPECTED[scenario]
    assert letter in text
    assert section(text, "2. Actions taken")[0] == first_action
    assert NOTES[lang] in text and NOTES["zh" if lang == "en" else "en"] not in text
    assert "Dear Seller Performance team," in text  # the letter stays English
    for heading in (
        "1. Root causes",
        "2. Actions taken",
        "3. Preventive measures",
        "4. Evidence to attach",
    ):
        assert f"## {heading}" in text


def test_chinese_notes_give_the_rules_chinese_fix_texts(seed: Seed) -> None:
    _, text, _ = draft(seed, "mingyue-de", hint="Hon", lang="zh")
    assert (
        "  > 每个店铺使用独立的固定宽带或专属且未被回收的 IP；不要在同一网络下登录两个店铺。"
        in text
    )
    _, english, _ = draft(seed, "mingyue-de", hint="Hon")
    assert "每个店铺使用独立的固定宽带" not in english


def test_nothing_is_claimed_as_done(seed: Seed) -> None:
    _, text, _ = draft(seed, "mingyue-de", hint="Hon", scenario="own")
    actions = section(text, "2. Actions taken")
    assert actions and all(line.startswith("- [ ] ") for line in actions)
    assert all("[[" in line for line in actions)
    letter = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))
    for word in ("We have", "we have", "has been done", "completed", "We reviewed"):
        assert word not in letter


@pytest.mark.parametrize("scenario", ["own", "known"])
def test_own_and_known_need_the_related_account(seed: Seed, scenario: str) -> None:
    with pytest.raises(UsageError, match="needs the related account"):
        draft(seed, "mingyue-de", scenario=scenario)


@pytest.mark.parametrize(("options", "message"), [
    ({"scenario": "maybe"}, "unknown --scenario 'maybe'"),
    ({"lang": "fr"}, "unknown --lang 'fr'"),
    ({"related": "mingyue-de"}, "the related account is the appealing account"),
    ({"related": "oldseller"}, "unknown related account 'oldseller'"),
])  # fmt: skip
def test_bad_options_are_usage_errors(seed: Seed, options: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        draft(seed, "mingyue-de", **options)


def test_unknown_account_suggests_close_ids(seed: Seed) -> None:
    with pytest.raises(UsageError) as caught:
        draft(seed, "mingyue-d")
    assert "\n" not in str(caught.value)
    assert (
        str(caught.value)
        == "unknown account 'mingyue-d' in inventory (did you mean mingyue-de, mingyue-us?)"
    )


def test_a_related_account_without_evidence_warns(seed: Seed) -> None:
    _, _, warnings = draft(seed, "mingyue-de", related="honest-fr", scenario="known")
    assert "no evidence in the inventory links mingyue-de to honest-fr" in warnings
