"""Reporters: one pure `render(result, options) -> str | bytes` per output format.

Reporters read only a ScanResult (never a DataFrame) and never write: the CLI writes
what they return, with `write_atomic` when the output is a file.
"""

import importlib

from linkaudit.errors import UsageError
from linkaudit.report.atomic import write_atomic
from linkaudit.report.options import Renderer, RenderOptions
from linkaudit.result import ScanResult

# format -> the module whose render() writes it, imported when that format is asked for
# (the HTML reporter's templates and the XLSX writer cost a JSON scan 0.1 s otherwise)
FORMATS: dict[str, str] = {
    "table": "table",
    "json": "json_",
    "csv": "csv_",
    "xlsx": "xlsx",
    "markdown": "markdown",
    "html": "html",
}

BINARY_FORMATS = frozenset({"xlsx"})

__all__ = [
    "BINARY_FORMATS", "FORMATS", "RenderOptions", "Renderer", "render", "renderer", "write_atomic",
]  # fmt: skip


def render(result: ScanResult, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """Render `result` in format `fmt`; an unknown format is a UsageError listing the formats."""
    return renderer(fmt)(result, options or RenderOptions())


def renderer(fmt: str) -> Renderer:
    """The render function of format `fmt`; an unknown format is a UsageError."""
    module = FORMATS.get(fmt)
    if module is None:
        known = ", ".join(FORMATS)
        raise UsageError(f'unknown format "{fmt}"', f"use one of: {known}")
    found: Renderer = importlib.import_module(f"linkaudit.report.{module}").render
    return found
