"""The options every renderer takes."""

from collections.abc import Callable
from dataclasses import dataclass

from linkaudit.result import ScanResult


@dataclass(frozen=True)
class RenderOptions:
    """How to render: language (en|zh), a cap on link rows, ANSI colour, a custom title.

    `limit` applies to the human-readable formats (table, markdown, html); the data
    exports (json, csv, xlsx) are always complete. `color` only affects `table`.
    """

    lang: str = "en"
    limit: int | None = None
    color: bool = False
    title: str | None = None


Renderer = Callable[[ScanResult, RenderOptions], str | bytes]
