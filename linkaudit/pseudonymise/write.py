"""Write the pseudonymised copy: checks first, then every file into a temporary directory
that is renamed into place, so OUT is either complete or absent (never half written)."""

import os
import shutil
import tempfile
from pathlib import Path

from linkaudit.errors import InputError
from linkaudit.pipeline import ScanOptions, load
from linkaudit.pseudonymise.keys import create_key, read_key

README = """\
This directory is a PSEUDONYMISED copy of a linkaudit inventory, written by `linkaudit hash`
(data contract, section 2.10). It is meant to be shared with an outside auditor.

- accounts.csv    account ids, marketplaces, status and opening date (no store names).
- attributes.csv  one row per value: every sensitive, network, device, identity and finance
                  value is replaced by a keyed hash (HMAC-SHA256 of its canonical form,
                  written as h: + 32 hex digits). Catalogue data (ASIN, GTIN, brand, title,
                  image) is public listing data and kept in clear.
- linkaudit.toml  the settings that change a scan; allow-list values hashed, free text
                  (reasons, owners) not copied.

Scan it like any inventory: `linkaudit scan DIR`. Equal values have equal hashes, so every
exact-match rule finds the same links as on the original; fuzzy rules on hashed types
(similar company names, addresses) cannot run and are listed as unavailable.
The key (id {key_id}) stays with the seller: without it the hashes cannot be reversed.
"""


def write_copy(
    directory: Path, out: Path, key_file: Path, opts: ScanOptions, *, new_key: bool = False
) -> str:
    """Check the paths and the key, load the inventory, write OUT; the summary line."""
    from linkaudit.engine.rules import load_pack
    from linkaudit.pseudonymise.config import config_text
    from linkaudit.pseudonymise.table import account_rows, attribute_rows, fingerprint

    check_out(directory, out)
    if new_key:
        if _inside(key_file, directory):
            raise InputError(
                f"refusing to create the key file inside the inventory: {key_file}",
                "keep the key outside the inventory (and never share it)",
            )
        create_key(key_file)
    key = read_key(key_file)
    pack = load_pack(opts.rules_dir)
    config, inv = load(directory, opts)
    attributes = attribute_rows(inv, key, pack.rules)
    accounts = account_rows(inv)
    files = {
        "accounts.csv": accounts.to_csv(index=False, lineterminator="\n"),
        "attributes.csv": attributes.to_csv(index=False, lineterminator="\n"),
        "linkaudit.toml": config_text(config, inv.attributes, key),
        "README.txt": README.format(key_id=fingerprint(key)),
    }
    _publish(out, files)
    hashed = int((attributes["hashed"] == "true").sum())
    return (
        f"wrote {out}: {len(inv.accounts)} accounts, {len(attributes)} values "
        f"({hashed} keyed hashes, {len(attributes) - hashed} catalogue values in clear); "
        f"share {out}, never {key_file}"
    )


def _inside(path: Path, directory: Path) -> bool:
    """True when `path` (which may not exist yet) is `directory` or lies under it."""
    target, base = path.resolve(), directory.resolve()
    return target == base or base in target.parents


def check_out(directory: Path, out: Path) -> None:
    """InputError unless OUT is new (or an empty directory) and outside the inventory."""
    if _inside(out, directory):
        raise InputError(
            f"refusing to write into the inventory directory: {out}",
            "choose an output directory outside the inventory, which is read-only",
        )
    if _inside(directory, out):
        raise InputError(f"the inventory {directory} lies inside {out}", "choose a new directory")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise InputError(f"output exists and is not a directory: {out}", "choose a new path")
    if out.is_dir() and any(out.iterdir()):
        raise InputError(f"output directory is not empty: {out}", "choose a new or empty one")
    if not out.parent.is_dir():
        raise InputError(f"parent directory not found: {out.parent}", "create it first")


def _publish(out: Path, files: dict[str, str]) -> None:
    """Write every file into a temporary sibling directory, then rename it to OUT."""
    try:
        staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror}") from exc
    try:
        for name, text in files.items():
            with (staging / name).open("w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(staging, out)  # an empty OUT directory is replaced atomically
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror}") from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
