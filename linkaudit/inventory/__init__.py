"""Read a seller's inventory directory into account records and the attribute table (spec 1-3).

load(root, config) -> Inventory     every supported file directly in root; InputError when
                                    the directory or a file cannot be read at all, a data
                                    problem (file:line, column, value, why) for everything else
coverage(inv) -> [(type, accounts, values)]   per attribute type, for `validate` and scans

The names are imported on first use: importing a light submodule (readahead, kinds) must
not import pandas, so that a scan can start reading files while pandas is imported.
"""

from typing import TYPE_CHECKING

from linkaudit.lazy import exports

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


__getattr__ = exports(__name__, _HOME)
