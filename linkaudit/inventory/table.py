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
from linkaudit.inventory.values import Origin, attribute_rows
from linkaudit.parallel import ordered_map
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
    """Attribute-table chunks of one bound sheet (not the attributes or documents paths)."""
    types = COLUMN_TYPES.get(sheet.kind, {})
    wanted = [(p, t) for c, t in types.items() for p in sheet.columns.get(c, [])]
    if not wanted:
        return []
    base = row_context(sheet, issues)
    # each column's own text and shallow copy of the context, taken on this thread: the
    # workers then read shared arrays only and never touch a frame another one uses
    inputs = {p: (sheet.cells(p), base.copy(deep=False)) for p, _ in wanted}

    def column(job: tuple[int, AttrType]) -> tuple[list[Chunk], Issues]:
        position, attr = job
        found = Issues()  # merged in column order below: the same problems on any thread
        text, context = inputs[position]
        cells = column_cells(sheet, text, position, context, attr, config, found)
        if attr is T.PHONE:
            cells["country"] = _countries(cells["account_id"], accounts)
        origin = Origin(sheet.file, sheet.headers[position], sheet.src(position))
        return attribute_rows(cells, attr, origin, found), found

    def text_bytes(job: tuple[int, AttrType]) -> float:  # the longest texts start first
        return float(inputs[job[0]][0].array.nbytes)

    jobs = sorted(wanted, key=lambda pt: pt[0])
    chunks: list[Chunk] = []
    for done, found in ordered_map(column, jobs, rows=len(base), cost=text_bytes):
        chunks.extend(done)
        issues.merge(found)
    return chunks


def _countries(ids: pd.Series, accounts: dict[str, AccountRecord]) -> pd.Series:
    lookup = {a: (r.country or "") for a, r in accounts.items()}
    return ids.map(lookup).fillna("").astype("str")


def column_cells(
    sheet: Sheet,
    text: pd.Series,
    position: int,
    base: pd.DataFrame,
    attr: AttrType,
    config: Config,
    issues: Issues,
) -> pd.DataFrame:
    """Non-empty cells of one column (`text`, the sheet's column at `position`) with their
    row context: too-long cells dropped with a problem, multi-valued cells (`a;b`, `a|b`)
    split, every value cleaned (spec 2-3)."""
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
    rows: np.ndarray | None = None if bool(usable.all()) else np.flatnonzero(usable)
    parts = text if rows is None else text.iloc[rows]
    if attr not in NO_SPLIT:  # a split reorders and repeats rows: a row list from here on
        rows, parts = _split(rows, parts)
    cells = base.copy(deep=False) if rows is None else base.iloc[rows].reset_index(drop=True)
    cells["raw"] = clean_cells(parts.reset_index(drop=True))
    keep = (cells["raw"] != "").to_numpy()
    return cells if keep.all() else cells.iloc[np.flatnonzero(keep)].reset_index(drop=True)


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
