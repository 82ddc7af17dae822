"""The attribute table: the one representation between loading and the rules.

One row per (account, attribute type, value occurrence), as a pandas DataFrame with these
columns (ATTRIBUTE_COLUMNS), produced by `linkaudit.inventory` and read by `linkaudit.engine`:

  account_id  str        the account the value belongs to
  type        str        an AttrType value (spec 3)
  value       str        canonical value (normalised; for hashed rows, the hash)
  raw         str        the text as it was in the file (after NFKC cleaning)
  src         str        provenance prefix; the full provenance is src + str(line),
                         e.g. "logins.csv:" + "3", "payments.xlsx:payments!B" + "7"
  line        int32      line (text files) or row (workbooks) of the value
  marketplace str        the row's marketplace (listings, attributes) or "" when the row has none
  first_seen  datetime64[ns] (NaT when unknown)
  last_seen   datetime64[ns] (NaT when unknown)
  weak        bool       weak evidence only (CGNAT IP, last-4-only card)
  flags       str        comma-joined Norm.flags plus loader facts (`cloud` from a login's
                         source label, `provider:Aliyun`), "" when none
  hashed      bool       value is a keyed hash (spec 2.10): exact-match rules only

Rows never hold an invalid, empty or placeholder value: those become data problems.
"""

import pandas as pd

ATTRIBUTE_COLUMNS: tuple[str, ...] = (
    "account_id", "type", "value", "raw", "src", "line", "marketplace",
    "first_seen", "last_seen", "weak", "flags", "hashed",
)  # fmt: skip


def empty_table() -> pd.DataFrame:
    """An attribute table with no rows and the right dtypes."""
    return pd.DataFrame(
        {
            "account_id": pd.Series([], dtype=str),
            "type": pd.Series([], dtype=str),
            "value": pd.Series([], dtype=str),
            "raw": pd.Series([], dtype=str),
            "src": pd.Series([], dtype=str),
            "line": pd.Series([], dtype="int32"),
            "marketplace": pd.Series([], dtype=str),
            "first_seen": pd.Series([], dtype="datetime64[ns]"),
            "last_seen": pd.Series([], dtype="datetime64[ns]"),
            "weak": pd.Series([], dtype=bool),
            "flags": pd.Series([], dtype=str),
            "hashed": pd.Series([], dtype=bool),
        }
    )


def provenance(src: str, line: int) -> str:
    """`logins.csv:3` from the table's src and line columns."""
    return f"{src}{line}"
