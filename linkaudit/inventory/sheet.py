"""A table read from one file (or one workbook sheet): text cells with their provenance."""

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time

import numpy as np
import numpy.typing as npt
import pandas as pd

from linkaudit.vocab import Kind


@dataclass
class Sheet:
    """Rows of one kind as read: every cell is text, nothing is interpreted yet.

    `frame` has positional columns 0..n-1 matching `headers` (duplicate headers survive);
    `lines[i]` is the physical line (text files, header = line 1) or the worksheet row of
    row i; `letters` holds the worksheet column letters (workbooks only).
    """

    kind: Kind
    file: str
    headers: list[str]
    frame: pd.DataFrame
    lines: npt.NDArray[np.int32]
    sheet: str | None = None
    letters: list[str] | None = None
    # Set by binding (see bind.py): contract column -> positions, cleaned account ids.
    columns: dict[str, list[int]] = field(default_factory=dict)
    account_ids: pd.Series | None = None

    def src(self, column: int) -> str:
        """The provenance prefix of a column: `logins.csv:` or `payments.xlsx:payments!B`."""
        if self.sheet is not None and self.letters is not None:
            return f"{self.file}:{self.sheet}!{self.letters[column]}"
        return f"{self.file}:"

    def where(self, column: int, row: int) -> str:
        """The provenance of one cell (`logins.csv:7`, `payments.xlsx:payments!B7`)."""
        return f"{self.src(column)}{int(self.lines[row])}"

    def cells(self, column: int) -> pd.Series:
        """One column's text cells."""
        series: pd.Series = self.frame[column]
        return series

    def first(self, name: str) -> int | None:
        """The position of the first header bound to a contract column, if any."""
        found = self.columns.get(name)
        return found[0] if found else None

    def ids(self) -> pd.Series:
        """The cleaned account ids (set by binding)."""
        if self.account_ids is None:
            raise RuntimeError("sheet not bound")
        return self.account_ids


class Cells:
    """A sheet's cells by column position and row, each column listed once when first
    read: a pandas lookup per cell costs tens of microseconds, times every row."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self._texts: dict[int, list[object]] = {}

    def __call__(self, position: int, row: int) -> object:
        texts = self._texts.get(position)
        if texts is None:
            texts = self._texts[position] = self.sheet.cells(position).tolist()
        return texts[row]


def text_frame(columns: list[list[str]]) -> pd.DataFrame:
    """A frame of str columns, positional names, from column lists of equal length."""
    return pd.DataFrame({i: pd.Series(c, dtype="str") for i, c in enumerate(columns)})


def cell_text(value: object) -> str:
    """A JSON or workbook cell as text, without float artefacts (spec 3).

    `6222020200112233.0` -> `6222020200112233`, `13800138000.0` -> `13800138000`; lists
    become `;`-separated multi-valued cells; dates become ISO text.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ";".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, datetime | date | time):
        return _iso(value)
    return str(value)


def _iso(value: datetime | date | time) -> str:
    if isinstance(value, datetime) and value.time() == time(0) and value.tzinfo is None:
        return value.date().isoformat()
    return value.isoformat()
