"""Helpers for appeal tests: render a draft, cut it into sections."""

from linkaudit.appeal import AppealRequest, build_draft
from linkaudit.appeal.model import Draft
from linkaudit.appeal.render import render
from linkaudit.inventory.model import Inventory
from linkaudit.result import ScanResult


def draft(
    seed: tuple[ScanResult, Inventory], account: str, **options: object
) -> tuple[Draft, str, list[str]]:
    """The draft, its Markdown and its warnings."""
    result, inv = seed
    built, warnings = build_draft(result, inv, AppealRequest(account, **options))  # type: ignore[arg-type]
    return built, render(built), warnings


def section(text: str, heading: str) -> list[str]:
    """The non-empty lines of one `## heading` section, notes (block quotes) left out."""
    lines, inside = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            inside = line.startswith(f"## {heading}")
            continue
        if inside and line.strip() and not line.startswith(">") and not line.startswith("  >"):
            lines.append(line)
    return lines
