"""`check --candidate FILE`: a store not yet in the inventory, described in one file.

FILE is a `.json` object whose keys are kinds (`{"accounts": [...], "logins": [...]}`) or an
`.xlsx` workbook with one sheet per kind, exactly as an inventory file of that shape. Its
accounts are treated as planned unless the file says otherwise. The inventory directory is
never written: the file is read from a private temporary copy.
"""

import dataclasses
import shutil
import tempfile
from pathlib import Path

from linkaudit.attributes import join_tables
from linkaudit.config import Config
from linkaudit.errors import InputError
from linkaudit.inventory.model import Inventory
from linkaudit.vocab import Status

CANDIDATE_SUFFIXES = (".json", ".xlsx")


def add_candidate(inv: Inventory, path: Path, config: Config, encoding: str | None) -> Inventory:
    """The inventory with the candidate store's accounts and attributes added."""
    from linkaudit import inventory as loader

    if not path.is_file():
        raise InputError(f"candidate file not found: {path}")
    if path.suffix.lower() not in CANDIDATE_SUFFIXES:
        raise InputError(
            f"candidate file {path.name}: expected .json (an object of kinds) or .xlsx",
            'e.g. {"accounts": [{"account_id": "new-fr", "marketplaces": "FR"}], ...}',
        )
    with tempfile.TemporaryDirectory(prefix="linkaudit-candidate-") as tmp:
        copy = Path(tmp) / f"candidate{path.suffix.lower()}"
        shutil.copyfile(path, copy)
        extra = loader.load(Path(tmp), config, encoding=encoding)
    clash = sorted(set(extra.accounts) & set(inv.accounts))
    if clash:
        raise InputError(
            f"candidate file {path.name}: account ids already in the inventory: {', '.join(clash)}",
            "give the candidate store a new account_id",
        )
    return _merge(inv, extra, path.name, copy.name)


def _merge(inv: Inventory, extra: Inventory, shown: str, copied: str) -> Inventory:
    accounts = dict(inv.accounts)
    for acc_id, record in extra.accounts.items():
        status = Status.PLANNED if record.status is Status.UNKNOWN else record.status
        accounts[acc_id] = dataclasses.replace(record, status=status)
    table = extra.attributes.copy()
    table["src"] = table["src"].astype("str").str.replace(copied, shown, regex=False)
    problems = [
        dataclasses.replace(p, where=p.where.replace(copied, shown)) for p in extra.problems
    ]
    notes = [n.replace(copied, shown) for n in extra.notes if "only in other kinds" not in n]
    return dataclasses.replace(
        inv,
        accounts=accounts,
        attributes=join_tables([inv.attributes, table]),
        problems=[*inv.problems, *problems],
        notes=[*inv.notes, *notes, f"candidate store(s) from {shown}: {', '.join(extra.accounts)}"],
        files=[*inv.files, shown],
        candidates=sorted(extra.accounts),
    )


def focus_accounts(inv: Inventory) -> set[str]:
    """Accounts a pre-registration check is about: the candidate's, else the planned ones."""
    if inv.candidates:
        return set(inv.candidates)
    return {a for a, r in inv.accounts.items() if r.status is Status.PLANNED}
