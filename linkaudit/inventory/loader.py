"""load() and coverage(), exported by linkaudit.inventory (see its docstring)."""

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from linkaudit import parallel
from linkaudit.config import Config
from linkaudit.inventory import readahead
from linkaudit.inventory.accounts import build_accounts
from linkaudit.inventory.arrow import constant_array, labelled
from linkaudit.inventory.bind import bind
from linkaudit.inventory.chunk import Chunk, concat, forget
from linkaudit.inventory.discover import inventory_files, read_file
from linkaudit.inventory.documents import document_records, file_rows
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import AccountRecord, Inventory
from linkaudit.inventory.prenormalised import attribute_kind_rows
from linkaudit.inventory.sheet import Sheet
from linkaudit.inventory.table import sheet_rows
from linkaudit.memory import release, tune_allocator
from linkaudit.timing import stage
from linkaudit.vocab import AttrType, Kind


def load(
    root: Path,
    config: Config,
    *,
    encoding: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Inventory:
    """The inventory in `root`: account records, the attribute table, problems and notes.

    Raises InputError (one line naming the path and what to do) when the directory is
    missing or holds no supported file, or a file cannot be parsed at all.
    """
    issues = Issues()
    sheets: list[Sheet] = []
    files: list[str] = []
    with stage("load"):
        paths = inventory_files(root, issues)
        # large arrays reused, not faulted in afresh: see linkaudit.memory
        tune_allocator(sum(_size(p) for p in paths))
        try:
            for path in paths:
                read = read_file(path, config, encoding, issues, progress)
                if read:
                    files.append(path.name)
                sheets.extend(s for s in read if bind(s, config, issues))
        finally:
            readahead.stop()  # whatever it read that was not taken is dropped
        accounts = build_accounts(sheets, config, issues)
    if progress is not None:
        progress("normalising values")
    chunks: list[Chunk] = []
    documents: list[dict[str, str]] = []
    with stage("normalise"):
        try:
            for made, found, records in _normalised(sheets, root, accounts, config):
                chunks.extend(made)
                issues.merge(found)
                documents.extend(records)
            table = concat(chunks)
        finally:
            constant_array.cache_clear()  # shared within this table only
            forget()
        release()  # the loader's temporaries, before the rules' peaks
    return Inventory(
        root=root,
        accounts=accounts,
        attributes=table,
        problems=issues.finish(),
        notes=issues.notes,
        files=files,
        documents=documents,
        hashed=bool(table["hashed"].any()),
    )


_Normalised = tuple[list[Chunk], Issues, list[dict[str, str]]]
# The most rows of a large sheet normalised beside the largest one (see _normalised).
BESIDE_ROWS = 500_000


def _normalised(
    sheets: list[Sheet], root: Path, accounts: dict[str, AccountRecord], config: Config
) -> list[_Normalised]:
    """Each sheet's chunks, problems and document records, in sheet order.

    Small sheets (a company file, a device list) are mostly per-value Python and pandas
    overhead, large ones numpy and Arrow kernels on worker threads: the small ones are
    normalised in the background meanwhile. So is a large sheet of at most a quarter of
    the largest one's rows and at most BESIDE_ROWS (200k logins beside 2M listings): its
    kernels, one column after another on the background thread, fill the gaps the largest
    sheet's columns leave on the cores, instead of running after it with a core idle (a
    larger one's temporaries would add to the largest sheet's memory peak). Each sheet
    reports to its own Issues, merged in sheet order by the caller, so problems, notes and
    caps come out as on one thread."""
    rows = [len(sheet.frame) for sheet in sheets]
    most = max(rows, default=0)
    small = {
        i
        for i, n in enumerate(rows)
        if n < parallel.PARALLEL_ROWS or (4 * n <= most and n <= BESIDE_ROWS)
    }
    large_rows = sum(n for i, n in enumerate(rows) if i not in small)

    def one(sheet: Sheet) -> _Normalised:
        found = Issues()
        _drop_unread(sheet)
        if sheet.kind is Kind.ATTRIBUTES:
            return attribute_kind_rows(sheet, config, found), found, []
        made = sheet_rows(sheet, accounts, config, found)
        records: list[dict[str, str]] = []
        if sheet.kind is Kind.DOCUMENTS:
            records = document_records(sheet)
            made = made + file_rows(sheet, root, config, found)
        sheet.frame = pd.DataFrame()  # release the text early: the table remains
        return made, found, records

    def small_ones() -> dict[int, _Normalised]:
        return {i: one(sheets[i]) for i in sorted(small)}

    with parallel.in_background(small_ones, rows=large_rows) as early:
        done: dict[int, _Normalised] = {}
        for i, sheet in enumerate(sheets):
            if i not in small:
                done[i] = one(sheet)
                release()  # the sheet's text, handed back: concat's arrays cannot reuse it
        done.update(early())
    return [done[i] for i in range(len(sheets))]


# Contract columns nothing reads once accounts are built: a seller's own SKUs are not
# compared (a SKU is the seller's code; the same product across stores is its ASIN, GTIN
# or title).
_UNREAD = frozenset({"sku"})


def _drop_unread(sheet: Sheet) -> None:
    """Let go of the columns normalising will not read (unbound ones, a listing's SKU):
    on a large file they are hundreds of MB held until the whole sheet is normalised.
    The others keep their positions as names."""
    read = {p for name, found in sheet.columns.items() if name not in _UNREAD for p in found}
    if len(read) < sheet.frame.shape[1]:
        sheet.frame = sheet.frame[sorted(read)]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone since it was listed: read_file reports it
        return 0


def coverage(inv: Inventory) -> list[tuple[str, int, int]]:
    """(type, accounts with a usable value, usable values) for every type, sorted by type."""
    table = inv.attributes
    accounts, names = labelled(table["account_id"])
    kinds, types = labelled(table["type"])
    seen: dict[str, tuple[int, int]] = {}
    # per type, a mask of the type column's codes, then its accounts' codes counted: no
    # string is read and no row list is built
    for k, attr in enumerate(types):
        mine = kinds == k
        rows = int(np.count_nonzero(mine))
        if rows:
            held = np.bincount(accounts[mine].astype(np.intp), minlength=len(names))
            seen[attr] = (int(np.count_nonzero(held)), rows)
    return [(attr, *seen.get(attr, (0, 0))) for attr in sorted(t.value for t in AttrType)]
