"""The documents kind (spec 2.9): evidence files hashed, never read outside the inventory."""

import hashlib
from pathlib import Path, PureWindowsPath

import pandas as pd

from linkaudit.config import Config
from linkaudit.inventory.chunk import Chunk
from linkaudit.inventory.context import row_context
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import Problem
from linkaudit.inventory.sheet import Cells, Sheet
from linkaudit.inventory.values import direct_rows
from linkaudit.normalize.base import clean
from linkaudit.vocab import AttrType

MB = 1024 * 1024
_KEPT = ("doc_type", "path", "number", "issued_to", "issued")


def document_records(sheet: Sheet) -> list[dict[str, str]]:
    """The raw documents rows (Inventory.documents), with their provenance as `source`."""
    ids = sheet.ids().tolist()
    kept = {name: p for name in _KEPT if (p := sheet.first(name)) is not None}
    cells = Cells(sheet)
    records = []
    for row, account_id in enumerate(ids):
        record = {"account_id": account_id}
        for name, position in kept.items():
            record[name] = clean(str(cells(position, row)))
        record["source"] = sheet.where(sheet.columns["account_id"][0], row)
        records.append(record)
    return records


def file_rows(sheet: Sheet, root: Path, config: Config, issues: Issues) -> list[Chunk]:
    """DOCUMENT rows `sha256:<hex>` for each readable referenced file (flag `file:<path>`)."""
    position = sheet.first("path")
    if position is None:
        return []
    base = row_context(sheet, issues)
    hashes: dict[str, str | None] = {}
    keep, values, flags = [], [], []
    texts = sheet.cells(position).tolist()
    for row, text in enumerate(texts):
        path = clean(str(text))
        if not path:
            continue
        where = sheet.where(position, row)
        if path not in hashes:
            hashes[path] = _hash(root, path, config, issues, where, sheet.headers[position])
        digest = hashes[path]
        if digest is not None:
            keep.append(row)
            values.append(f"sha256:{digest}")
            flags.append(f"file:{_relative(path).as_posix()}")
    if not keep:
        return []
    cells = base.iloc[keep].reset_index(drop=True)
    cells["raw"] = pd.Series([clean(str(texts[r])) for r in keep], dtype="str")
    cells["flags"] = pd.Series(flags, dtype="str")
    value = pd.Series(values, dtype="str")
    hashed = pd.Series([False] * len(keep))
    return [direct_rows(cells, AttrType.DOCUMENT, sheet.src(position), value, hashed)]


def _hash(
    root: Path, text: str, config: Config, issues: Issues, where: str, column: str
) -> str | None:
    """The file's sha256, or None with a problem: outside the inventory, missing, too big."""
    target = inside_inventory(root, text)
    if target is None:
        why = "refused: outside the inventory directory (use a path relative to it)"
        issues.add(Problem(where, column, text, why))  # a path, named so it can be fixed
        return None
    if not target.is_file():
        issues.add(Problem(where, column, text, f"document file not found: {text}"))
        return None
    limit = config.limits.max_document_mb
    if target.stat().st_size > limit * MB:
        why = f"document larger than {limit:g} MB ([limits] max_document_mb): not compared"
        issues.add(Problem(where, column, text, why))
        return None
    digest = hashlib.sha256()
    with target.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def inside_inventory(root: Path, text: str) -> Path | None:
    """The resolved path when it stays inside root (after following symlinks), else None."""
    if Path(text).is_absolute() or PureWindowsPath(text).anchor:  # C:, a share, a rooted \x
        return None
    base = root.resolve()
    target = (base / _relative(text)).resolve()
    if target != base and base not in target.parents:
        return None
    return target


def _relative(text: str) -> Path:
    """The path as written; with backslashes it is a Windows path, read by its parts
    (`documents\\b.pdf` -> documents/b.pdf): inventories are often made on Windows."""
    return Path(*PureWindowsPath(text).parts) if "\\" in text else Path(text)
