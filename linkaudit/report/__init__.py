"""Reporters: one pure `render(result, options) -> str | bytes` per output format.

Reporters read only a ScanResult (never a DataFrame) and never write: the CLI writes
what they return, with `write_atomic` when the output is a file.
"""

from linkaudit.errors import UsageError
from linkaudit.report import csv_, html, json_, markdown, table, xlsx
from linkaudit.report.atomic import write_atomic
from linkaudit.report.options import Renderer, RenderOptions
from linkaudit.result import ScanResult

FORMATS: dict[str, Renderer] = {
    "table": table.render,
    "json": json_.render,
    "csv": csv_.render,
    "xlsx": xlsx.render,
    "markdown": markdown.render,
    "html": html.render,
}

BINARY_FORMATS = frozenset({"xlsx"})

__all__ = ["BINARY_FORMATS", "FORMATS", "RenderOptions", "Renderer", "render", "write_atomic"]


def render(result: ScanResult, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """Render `result` in format `fmt`; an unknown format is a UsageError listing the formats."""
    renderer = FORMATS.get(fmt)
    if renderer is None:
        known = ", ".join(FORMATS)
        raise UsageError(f'unknown format "{fmt}"', f"use one of: {known}")
    return renderer(result, options or RenderOptions())
