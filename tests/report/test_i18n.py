"""Chinese output has no English UI text; every vocabulary word has both languages."""

import re

import pytest

from linkaudit.report import FORMATS, RenderOptions, i18n, render
from linkaudit.vocab import AttrType, Severity, Status

from .extract import html_text, xlsx_cells
from .scans import sample

HUMAN_FORMATS = sorted(set(FORMATS) - {"json"})  # json is data, never translated


def _visible(fmt: str, out: str | bytes) -> str:
    if isinstance(out, bytes):
        return "\n".join(f"{sheet}\n{value}" for sheet, _, value, _ in xlsx_cells(out))
    return html_text(out) if fmt == "html" else out


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
def test_chinese_output_contains_no_english_ui_string(fmt: str) -> None:
    text = _visible(fmt, render(sample(), fmt, RenderOptions(lang="zh")))
    leaked = [
        s
        for s in i18n.english_strings()
        if re.search(rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])", text)
    ]
    assert leaked == []


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
def test_chinese_output_uses_chinese_severities_and_rule_titles(fmt: str) -> None:
    text = _visible(fmt, render(sample(), fmt, RenderOptions(lang="zh")))
    assert "严重" in text
    assert "同一登录 IP" in text or fmt in ("table", "markdown")  # titles of evidence
    assert "Same login IP" not in text


def test_english_output_has_english_rule_titles() -> None:
    out = render(sample(), "markdown", RenderOptions(lang="en"))
    assert "same login IP 203.0.113.7" in out
    assert "同一登录" not in out


def test_vocabulary_is_translated_completely() -> None:
    assert set(i18n.SEVERITY) == {s.value for s in Severity}
    assert set(i18n.STATUS) == {s.value for s in Status}
    assert set(i18n.ATTRIBUTE) == {a.value for a in AttrType}


def test_every_message_has_both_languages_and_the_same_placeholders() -> None:
    for key, msg in i18n.MESSAGES.items():
        assert msg.en and msg.zh, key
        assert re.findall(r"{\w+}", msg.en) == re.findall(r"{\w+}", msg.zh) or sorted(
            re.findall(r"{\w+}", msg.en)
        ) == sorted(re.findall(r"{\w+}", msg.zh)), key


def test_counts_use_english_plurals() -> None:
    assert i18n.count("links", 1, "en") == "1 link"
    assert i18n.count("links", 2, "en") == "2 links"
    assert i18n.count("links", 2, "zh") == "2 条关联"
