"""Document numbers (spec 2.9, 3): licence, statement or ID numbers written on evidence.

Canonical form: white space, dashes and dots removed, upper-case
(`4403 0112-ab` = `4403.0112 AB` -> `44030112AB`).
All-zero numbers are fillers (NOTHING). File contents are hashed by the loader, not here.
"""

from linkaudit.normalize.base import NOTHING, Norm
from linkaudit.normalize.text import all_zero, compact, final, prepare, upper


def normalize_document_number(raw: str, country: str | None = None) -> Norm:
    """A document number, compacted and upper-case."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    value = upper(compact(text))
    return NOTHING if all_zero(value) else final(value)
