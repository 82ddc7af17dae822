"""The loaded inventory -> the rows of the pseudonymised copy (accounts, attributes kinds).

Every value of a type outside CLEAR is replaced by its keyed hash, derived values (the
IP's /24 or /64, the card's last-4 key, a document's content hash) included: they are
rows of the attribute table already, so they are hashed as their own values and the
loader never derives from a hash. `weak` and the flags the account rules read are kept.
"""

import hashlib
from collections.abc import Sequence

import pandas as pd

from linkaudit.engine.model import Rule
from linkaudit.engine.rows import regex_flag
from linkaudit.inventory.model import Inventory
from linkaudit.pseudonymise.keys import keyed_hash
from linkaudit.vocab import AttrType, Status

# Public listing data: kept in clear so the catalogue rules (similar-title included) work.
CLEAR: frozenset[AttrType] = frozenset(
    {AttrType.ASIN, AttrType.GTIN, AttrType.BRAND, AttrType.TITLE, AttrType.IMAGE}
)
ATTRIBUTE_HEADERS = [
    "account_id", "type", "value", "marketplace", "first_seen", "last_seen", "hashed", "weak",
    "flags",
]  # fmt: skip
ACCOUNT_HEADERS = ["account_id", "marketplaces", "status", "opened"]
_PRIVATE_FLAGS = ("file:",)  # a document's path may name a person or a company


def is_hashed_type(attr: str) -> bool:
    """True for every type but public catalogue data (unknown future types are hashed)."""
    return attr not in {t.value for t in CLEAR}


def hash_values(table: pd.DataFrame, key: bytes) -> pd.Series:
    """The value column with every non-catalogue value replaced by its keyed hash."""
    hashed = table["type"].map(is_hashed_type).astype(bool)
    pairs = table.loc[hashed, ["type", "value"]]
    codes, uniques = pd.factorize(pairs["type"].astype("str") + "\x00" + pairs["value"])
    digests = [keyed_hash(key, *str(u).split("\x00", 1)) for u in uniques]
    out = table["value"].astype("str").copy()
    out.loc[hashed] = pd.Series([digests[c] for c in codes], index=pairs.index, dtype="str")
    return out


def attribute_rows(inv: Inventory, key: bytes, rules: Sequence[Rule]) -> pd.DataFrame:
    """The attributes kind of the copy, sorted; raw text and provenance are never written."""
    table = inv.attributes
    hashed = table["type"].map(is_hashed_type).astype(bool)
    frame = pd.DataFrame(
        {
            "account_id": table["account_id"].astype("str"),
            "type": table["type"].astype("str"),
            "value": hash_values(table, key),
            "marketplace": table["marketplace"].astype("str"),
            "first_seen": _iso(table["first_seen"]),
            "last_seen": _iso(table["last_seen"]),
            "hashed": hashed.map({True: "true", False: "false"}),
            "weak": table["weak"].map({True: "true", False: "false"}),
            "flags": _flags(table, hashed, rules),
        }
    )
    frame = frame.drop_duplicates()
    return frame.sort_values(ATTRIBUTE_HEADERS, kind="stable").reset_index(drop=True)


def _iso(times: pd.Series) -> pd.Series:
    text: pd.Series = times.dt.strftime("%Y-%m-%dT%H:%M:%S").fillna("").astype("str")
    return text


def _flags(table: pd.DataFrame, hashed: pd.Series, rules: Sequence[Rule]) -> pd.Series:
    """Loader flags without private ones, plus the value_regex classes of hashed values."""
    kept = {
        text: ",".join(f for f in text.split(",") if f and not f.startswith(_PRIVATE_FLAGS))
        for text in table["flags"].unique()
    }
    flags = table["flags"].map(kept).astype("str")
    for attr, pattern in sorted(_regexes(rules)):
        rows = hashed & (table["type"] == attr)
        if not rows.any():
            continue
        matches = rows & table["value"].str.contains(pattern, regex=True)
        tag = regex_flag(pattern)
        flags.loc[matches] = (flags.loc[matches] + "," + tag).str.strip(",")
    return flags


def _regexes(rules: Sequence[Rule]) -> set[tuple[str, str]]:
    """(type, value_regex) of every rule that filters values by a regular expression.

    A rule cannot run its regex on a hash, so the copy records, per hashed value, which of
    the pack's regexes its canonical form matched (spec 2.10: exact-match rules still work).
    """
    found: set[tuple[str, str]] = set()
    for rule in rules:
        if rule.match.value_regex:
            found.update((a.value, rule.match.value_regex) for a in rule.attributes)
    return found


def account_rows(inv: Inventory) -> pd.DataFrame:
    """The accounts kind of the copy: id, marketplaces, status, opened date only.

    Store names and seller ids identify the seller and are never written; accounts seen
    only in other kinds stay that way (the copy's attribute rows name them).
    """
    rows = [
        {
            "account_id": r.account_id,
            "marketplaces": ";".join(r.marketplaces),
            "status": "" if r.status is Status.UNKNOWN else r.status.value,
            "opened": r.opened or "",
        }
        for r in inv.accounts.values()
        if r.source
    ]
    frame = pd.DataFrame(rows, columns=ACCOUNT_HEADERS)
    return frame.sort_values("account_id", kind="stable").reset_index(drop=True)


def fingerprint(key: bytes) -> str:
    """A short, non-reversible label of the key, so two copies can be told apart."""
    return hashlib.sha256(b"linkaudit-key-id\x00" + key).hexdigest()[:8]
