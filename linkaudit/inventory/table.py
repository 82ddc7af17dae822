"""Bound Sheets -> the attribute table (linkaudit.attributes): columns to types (spec 2-3)."""

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from linkaudit.config import Config
from linkaudit.inventory.arrow import arrow, clean_cells, containing, not_plain, take
from linkaudit.inventory.chunk import Chunk
from linkaudit.inventory.context import row_context
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import AccountRecord, Problem
from linkaudit.inventory.sheet import Sheet
from linkaudit.inventory.values import Origin, Rows, normalised, result_chunks
from linkaudit.parallel import in_background, ordered_map
from linkaudit.vocab import AttrType, Kind

T = AttrType
# Spec 2 + 3: which contract column feeds which attribute type, per kind.
COLUMN_TYPES: dict[Kind, dict[str, AttrType]] = {
    Kind.COMPANIES: {
        "legal_name": T.COMPANY_NAME, "registration_number": T.REGISTRATION_NUMBER,
        "legal_representative": T.PERSON, "beneficial_owner": T.PERSON,
        "registered_address": T.ADDRESS, "business_address": T.ADDRESS, "phone": T.PHONE,
        "email": T.EMAIL, "tax_id": T.TAX_ID, "website": T.WEBSITE,
    },
    Kind.LOGINS: {"ip": T.IP, "router_mac": T.MAC, "wifi_ssid": T.WIFI_SSID},
    Kind.DEVICES: {
        "device_id": T.DEVICE_ID, "mac": T.MAC, "fingerprint": T.FINGERPRINT,
        "browser_profile": T.BROWSER_PROFILE,
    },
    Kind.PAYMENTS: {
        "card_number": T.CARD, "card_holder": T.PERSON, "billing_address": T.ADDRESS,
        "bank_account": T.BANK_ACCOUNT, "payout_account": T.PAYOUT_ACCOUNT,
    },
    Kind.LISTINGS: {
        "asin": T.ASIN, "gtin": T.GTIN, "brand": T.BRAND, "title": T.TITLE, "image_hash": T.IMAGE,
    },
    Kind.PEOPLE: {"name": T.PERSON, "email": T.EMAIL, "phone": T.PHONE},
    Kind.ADDRESSES: {"address": T.ADDRESS},
    Kind.DOCUMENTS: {"number": T.DOCUMENT},
}  # fmt: skip

# Free text where `;` and `|` are ordinary characters, never value separators.
NO_SPLIT: frozenset[AttrType] = frozenset(
    {T.TITLE, T.ADDRESS, T.COMPANY_NAME, T.BRAND, T.WIFI_SSID}
)
# Value separators (spec 2): `;` and `|`, and the forms NFKC reads as them (spec 3), such as
# the full-width `；` and `｜` a Chinese keyboard types.
_WIDE_SEPARATORS = "[\uff1b\uff5c\ufe54\u037e]"
_SEPARATORS = "[;|\uff1b\uff5c\ufe54\u037e]"


def sheet_rows(
    sheet: Sheet, accounts: dict[str, AccountRecord], config: Config, issues: Issues
) -> list[Chunk]:
    """Attribute-table chunks of one bound sheet (not the attributes or documents paths).

    Each column's values are normalised on a worker thread while the row context (account,
    marketplace, times, flags) is built on another; a column waits for the context only
    to build its chunks. The problems come out in the same order either way: the
    context's first, then each column's in column order."""
    types = COLUMN_TYPES.get(sheet.kind, {})
    wanted = [(p, t) for c, t in types.items() for p in sheet.columns.get(c, [])]
    if not wanted:
        return []
    # each column's text, taken on this thread: the workers then read shared arrays only
    texts = {p: sheet.cells(p) for p, _ in wanted}
    n = len(sheet.frame)
    chunks: list[Chunk] = []

    def contexts() -> dict[int, pd.DataFrame]:
        base = row_context(sheet, issues)
        # a shallow copy per column, taken here: a worker then touches only its own frame
        return {p: base.copy(deep=False) for p, _ in wanted}

    with in_background(contexts, rows=n) as context:

        def column(job: tuple[int, AttrType]) -> tuple[list[Chunk], Issues]:
            position, attr = job
            found = Issues()  # merged in column order below: the same problems on any thread
            rows, raw = column_text(sheet, texts[position], position, attr, config, found)
            origin = Origin(sheet.file, sheet.headers[position], sheet.src(position))
            results = normalised(_bare_cells(sheet, rows, raw, attr, accounts), attr, origin, found)
            cells = with_context(context()[position], rows, raw)
            return result_chunks(cells, attr, origin.src, results), found

        def text_bytes(job: tuple[int, AttrType]) -> float:  # the longest texts start first
            return float(texts[job[0]].array.nbytes)

        jobs = sorted(wanted, key=lambda pt: pt[0])
        done = ordered_map(column, jobs, rows=n, cost=text_bytes)
    for made, found in done:
        chunks.extend(made)
        issues.merge(found)
    return chunks


def _bare_cells(
    sheet: Sheet,
    rows: Rows | None,
    raw: pd.Series,
    attr: AttrType,
    accounts: dict[str, AccountRecord],
) -> pd.DataFrame:
    """What normalising reads: raw text, line and, for phones, the account's country."""
    lines = sheet.lines if rows is None else sheet.lines[rows]
    cells = pd.DataFrame({"raw": raw, "line": pd.Series(lines, dtype="int32")}, copy=False)
    if attr is T.PHONE:
        ids = sheet.ids() if rows is None else sheet.ids().iloc[rows]
        cells["country"] = _countries(ids.reset_index(drop=True), accounts)
    return cells


def _countries(ids: pd.Series, accounts: dict[str, AccountRecord]) -> pd.Series:
    lookup = {a: (r.country or "") for a, r in accounts.items()}
    return ids.map(lookup).fillna("").astype("str")


def column_text(
    sheet: Sheet,
    text: pd.Series,
    position: int,
    attr: AttrType,
    config: Config,
    issues: Issues,
) -> tuple[Rows | None, pd.Series]:
    """The non-empty cells of one column (`text`, the sheet's column at `position`) and the
    sheet row of each (None: every row, in order): too-long cells dropped with a problem,
    multi-valued cells (`a;b`, `a|b`) split, every value cleaned (spec 2-3)."""
    values = arrow(text)
    lengths = pc.binary_length(values).to_numpy(zero_copy_only=False)
    limit = config.limits.max_cell_chars
    suspects = np.flatnonzero(lengths > limit)  # bytes >= characters: count those exactly
    if len(suspects):
        lengths = lengths.copy()
        exact = pc.utf8_length(values.take(pa.array(suspects)))
        lengths[suspects] = exact.to_numpy(zero_copy_only=False)
    too_long = np.flatnonzero(lengths > limit)
    for row in too_long:
        why = f"longer than {limit} characters ([limits] max_cell_chars): skipped"
        raw = str(text.iloc[row])[:80] + "…"
        issues.add(
            Problem(sheet.where(position, int(row)), sheet.headers[position], raw, why, attr.value),
            file=sheet.file,
        )
    usable = (lengths > 0) & (lengths <= limit)
    # the usual column has every row usable and nothing to split: no row list is built
    rows: Rows | None = None if bool(usable.all()) else np.flatnonzero(usable)
    parts = text if rows is None else text.iloc[rows]
    if attr not in NO_SPLIT:  # a split reorders and repeats rows: a row list from here on
        rows, parts = _split(rows, parts)
    cleaned = clean_cells(parts.reset_index(drop=True))
    keep = (cleaned != "").to_numpy()
    if keep.all():
        return rows, cleaned
    kept = np.flatnonzero(keep)
    return (kept if rows is None else rows[kept]), cleaned.iloc[kept].reset_index(drop=True)


def with_context(base: pd.DataFrame, rows: Rows | None, raw: pd.Series) -> pd.DataFrame:
    """The row context of `rows` (None: every row) with their raw text beside it."""
    cells = base.copy(deep=False) if rows is None else base.iloc[rows].reset_index(drop=True)
    cells["raw"] = raw
    return cells


def _split(rows: np.ndarray | None, parts: pd.Series) -> tuple[np.ndarray | None, pd.Series]:
    """Multi-valued cells split; `rows` (None: every row) are the parts' rows in the sheet."""
    many = _separated(arrow(parts))
    if not many.any():
        return rows, parts
    if rows is None:
        rows = np.arange(len(parts))
    single = np.flatnonzero(~many)
    exploded = (
        parts.iloc[np.flatnonzero(many)].reset_index(drop=True).str.split(_SEPARATORS, regex=True)
    )
    exploded = exploded.explode()  # type: ignore[assignment]
    new_rows = np.concatenate([rows[single], rows[np.flatnonzero(many)][exploded.index.to_numpy()]])
    new_parts = pd.concat(
        [parts.iloc[single].reset_index(drop=True), exploded.astype("str").reset_index(drop=True)],
        ignore_index=True,
    )
    return new_rows, new_parts


def _separated(values: pa.ChunkedArray) -> np.ndarray:
    """Rows holding a value separator; only rows with non-ASCII text can hold a wide one."""
    many = containing(values, ";|")
    odd = np.flatnonzero(not_plain(values))
    if len(odd):
        wide = pc.match_substring_regex(take(values, odd), _WIDE_SEPARATORS)
        many[odd[np.asarray(wide.to_numpy(zero_copy_only=False), dtype=bool)]] = True
    return many
