"""Dates (accounts.opened) and login times (logins.seen_at) from the shapes sellers export."""

import re
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

_CN_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?(.*)$")
_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(.*)$")
_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug)
_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


def _unify(text: str) -> str:
    """`2024年3月1日 10:00` and `2024/3/1` -> `2024-03-01 10:00` / `2024-03-01`."""
    found = _CN_DATE.match(text) or _SLASHED.match(text)
    if found is None:
        return text
    year, month, day, rest = found.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}{rest.rstrip()}".strip()


def parse_date(text: str) -> str | None:
    """An ISO date from 2024-03-01, 2024/3/1, 2024年3月1日, an ISO time or an Excel serial."""
    text = text.strip()
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        serial = float(text)
        if 20000 <= serial <= 80000:  # 1954..2119: plausible for a store's opening date
            return (_EXCEL_EPOCH + timedelta(days=int(serial))).isoformat()
        return None
    unified = _unify(text)
    try:
        return datetime.fromisoformat(unified).date().isoformat()
    except ValueError:
        return None


def parse_times(texts: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(times as datetime64[ns], rows that are non-empty but unparseable).

    ISO 8601 (`2026-03-01T10:00:00`, `2026-03-01 10:00`), `2026/3/1 10:00`,
    `2026年3月1日 10:00`, epoch seconds or milliseconds. Times with an offset are converted
    to UTC; times without one are kept as written. Each distinct text is parsed once.
    """
    uniques = pd.Series(texts.unique(), dtype="str")
    parsed = _parse_unique(uniques)
    lookup = pd.Series(parsed.to_numpy(), index=uniques.to_numpy())
    times = pd.Series(lookup.reindex(texts.to_numpy()).to_numpy(), index=texts.index)
    times = times.astype("datetime64[ns]")
    failed = times.isna() & (texts != "")
    return times, failed


def _parse_unique(texts: pd.Series) -> pd.Series:
    unified = texts.map(_unify)
    out = pd.to_datetime(unified, format="ISO8601", errors="coerce", utc=True)
    digits = texts.str.fullmatch(r"\d{9,13}(\.\d+)?") & out.isna()
    if digits.any():
        numbers = texts[digits].astype(float)
        unit_ms = numbers > 1e11
        seconds = np.where(unit_ms, numbers / 1000.0, numbers)
        out[digits] = pd.to_datetime(seconds, unit="s", utc=True)
    return out.dt.tz_convert(None)
