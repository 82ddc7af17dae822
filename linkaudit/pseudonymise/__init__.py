"""`linkaudit hash`: a pseudonymised copy of an inventory to share with an auditor (spec 2.10).

write_hashed(directory, out, key_file, options) -> one-line summary
keyed_hash(key, type, value) -> "h:" + 32 hex   HMAC-SHA256 of the canonical value
is_keyed_hash(text) -> bool                      what `keyed_hash` writes
"""

from pathlib import Path
from typing import TYPE_CHECKING

from linkaudit.pseudonymise.keys import HASH_PREFIX, is_keyed_hash, keyed_hash, read_key

if TYPE_CHECKING:
    from linkaudit.pipeline import ScanOptions

__all__ = ["HASH_PREFIX", "is_keyed_hash", "keyed_hash", "read_key", "write_hashed"]


def write_hashed(
    directory: Path, out: Path, key_file: Path, opts: "ScanOptions", *, new_key: bool = False
) -> str:
    """Write the pseudonymised copy of `directory` to `out`; the summary line for stderr.

    Imported lazily: the engine uses `is_keyed_hash` and must not pull in the writer.
    """
    from linkaudit.pseudonymise.write import write_copy

    return write_copy(directory, out, key_file, opts, new_key=new_key)
