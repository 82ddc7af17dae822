"""Read a seller's inventory directory into account records and the attribute table (spec 1-3).

load(root, config) -> Inventory     every supported file directly in root; InputError when
                                    the directory or a file cannot be read at all, a data
                                    problem (file:line, column, value, why) for everything else
coverage(inv) -> [(type, accounts, values)]   per attribute type, for `validate` and scans

The names are imported on first use: importing a light submodule (readahead, kinds) must
not import pandas, so that a scan can start reading files while pandas is imported.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linkaudit.inventory.loader import coverage, load
    from linkaudit.inventory.model import AccountRecord, Inventory, Problem

__all__ = ["AccountRecord", "Inventory", "Problem", "coverage", "load"]

_HOME = {
    "load": "loader",
    "coverage": "loader",
    "AccountRecord": "model",
    "Inventory": "model",
    "Problem": "model",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
