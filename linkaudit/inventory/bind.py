"""Bind a Sheet's headers to contract columns (spec 1-2) and clean its account ids."""

import numpy as np

from linkaudit.config import Config
from linkaudit.inventory.arrow import clean_cells
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.kinds import (
    accepted_account_id_headers,
    fold_header,
    resolve_headers,
    unknown_targets,
)
from linkaudit.inventory.model import Problem
from linkaudit.inventory.sheet import Sheet


def bind(sheet: Sheet, config: Config, issues: Issues) -> bool:
    """Resolve headers and account ids in place; False (problem recorded) to skip the sheet.

    A sheet without an account_id column is skipped with a problem of level "error"
    rather than stopping the scan: the other files are still audited (spec 2).
    """
    label = sheet.file if sheet.sheet is None else f"{sheet.file}:{sheet.sheet}"
    user_map = config.columns.get(sheet.kind, {})
    for target in unknown_targets(sheet.kind, user_map):
        issues.note(f"config [columns.{sheet.kind.value}]: {target!r} is not a column of this kind")
    resolved = resolve_headers(sheet.kind, sheet.headers, user_map)
    unused: list[str] = []
    for position, (header, column) in enumerate(zip(sheet.headers, resolved, strict=True)):
        if column is None:
            if header.strip():
                unused.append(header)
            continue
        sheet.columns.setdefault(column, []).append(position)
    ids = sheet.columns.get("account_id")
    if ids:  # without account_id the "header" may be a row of data: never echo it
        for header in unused:
            issues.note(f"{label}: column {header!r} is not used by any rule")
    if not ids:
        why = (
            "no account_id column: file skipped; accepted headers: "
            f"{accepted_account_id_headers()} (or map yours under [columns.{sheet.kind.value}])"
        )
        issues.add(Problem(label, "account_id", "", why, level="error"))
        return False
    exact = [p for p in ids if fold_header(sheet.headers[p]) == "accountid"]
    sheet.columns["account_id"] = [exact[0] if exact else ids[0]]
    _drop_rows_without_id(sheet, issues)
    return True


def _drop_rows_without_id(sheet: Sheet, issues: Issues) -> None:
    position = sheet.columns["account_id"][0]
    ids = clean_cells(sheet.cells(position))
    missing = (ids == "").to_numpy()
    if missing.any():
        filled = (sheet.frame != "").to_numpy().sum(axis=1) > 0
        for row in np.flatnonzero(missing & filled):
            where = sheet.where(position, int(row))
            issues.add(
                Problem(where, sheet.headers[position], "", "no account_id: row skipped"),
                file=sheet.file,
            )
        keep = np.flatnonzero(~missing)
        sheet.frame = sheet.frame.iloc[keep].reset_index(drop=True)
        sheet.lines = sheet.lines[keep]
        ids = ids.iloc[keep].reset_index(drop=True)
    sheet.account_ids = ids
