"""The attribute table: the one representation between loading and the rules.

One row per (account, attribute type, value occurrence), as a pandas DataFrame with these
columns (ATTRIBUTE_COLUMNS), produced by `linkaudit.inventory` and read by `linkaudit.engine`:

  account_id  category   the account the value belongs to
  type        category   an AttrType value (spec 3)
  value       str        canonical value (normalised; for hashed rows, the hash)
  raw         str        the text as it was in the file (after NFKC cleaning)
  src         category   provenance prefix; the full provenance is src + str(line),
                         e.g. "logins.csv:" + "3", "payments.xlsx:payments!B" + "7"
  line        int32      line (text files) or row (workbooks) of the value
  marketplace category   the row's marketplace (listings, attributes) or "" when it has none
  first_seen  datetime64[ns] (NaT when unknown)
  last_seen   datetime64[ns] (NaT when unknown)
  weak        bool       weak evidence only (CGNAT IP, last-4-only card)
  flags       category   comma-joined Norm.flags plus loader facts (`cloud` from a login's
                         source label, `provider:Aliyun`), "" when none
  hashed      bool       value is a keyed hash (spec 2.10): exact-match rules only

The text columns of few distinct values are categorical (CATEGORICAL, below).
Rows never hold an invalid, empty or placeholder value: those become data problems.
"""

from collections.abc import Iterable

import pandas as pd

ATTRIBUTE_COLUMNS: tuple[str, ...] = (
    "account_id", "type", "value", "raw", "src", "line", "marketplace",
    "first_seen", "last_seen", "weak", "flags", "hashed",
)  # fmt: skip


# Columns of few distinct values held as pandas categoricals (sorted str categories): an
# int8/int16 code a row instead of the text. Compare, filter, sort and group them as str
# columns; for text operations (`+`, Arrow kernels) convert first (`.astype("str")`).
CATEGORICAL: tuple[str, ...] = ("account_id", "type", "src", "marketplace", "flags")


def category_dtype(labels: Iterable[object] = ()) -> pd.CategoricalDtype:
    """The dtype of a categorical column holding these labels (sorted str categories)."""
    return pd.CategoricalDtype(pd.Index(sorted({str(v) for v in labels}), dtype="str"))


def _as_category(column: pd.Series) -> pd.Series:
    text = column.astype("str")
    return text.astype(category_dtype(text.unique()))


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with the attribute table's dtypes (categorical columns as CATEGORICAL)."""
    out = frame.astype({c: t for c, t in empty_table().dtypes.items() if c not in CATEGORICAL})
    for name in CATEGORICAL:
        out[name] = _as_category(out[name])
    return out


def join_tables(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """Attribute tables one after the other (categories merged: pd.concat of categoricals
    with different categories would fall back to object columns)."""
    joined = pd.concat(tables, ignore_index=True)
    for name in CATEGORICAL:
        if not isinstance(joined[name].dtype, pd.CategoricalDtype):
            joined[name] = _as_category(joined[name])
    return joined


def empty_table() -> pd.DataFrame:
    """An attribute table with no rows and the right dtypes."""
    return pd.DataFrame(
        {
            "account_id": pd.Series([], dtype=category_dtype()),
            "type": pd.Series([], dtype=category_dtype()),
            "value": pd.Series([], dtype=str),
            "raw": pd.Series([], dtype=str),
            "src": pd.Series([], dtype=category_dtype()),
            "line": pd.Series([], dtype="int32"),
            "marketplace": pd.Series([], dtype=category_dtype()),
            "first_seen": pd.Series([], dtype="datetime64[ns]"),
            "last_seen": pd.Series([], dtype="datetime64[ns]"),
            "weak": pd.Series([], dtype=bool),
            "flags": pd.Series([], dtype=category_dtype()),
            "hashed": pd.Series([], dtype=bool),
        }
    )


def provenance(src: str, line: int) -> str:
    """`logins.csv:3` from the table's src and line columns."""
    return f"{src}{line}"


def provenances(frame: pd.DataFrame) -> pd.Series:
    """Each row's provenance (`logins.csv:3`) from a frame's src and line columns."""
    return frame["src"].astype("str") + frame["line"].astype("str")
