"""Integer codes for the strings matching compares: hash each string column once, then work
on int64 arrays (sorting beats hash tables on large arrays of random keys)."""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from linkaudit.inventory.arrow import arrow

Codes = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]


def code(values: pd.Series) -> tuple[Codes, pa.ChunkedArray]:
    """Codes 0..n-1 in order of first appearance, and the n distinct strings by code."""
    codes, uniques = pd.factorize(values)
    return np.asarray(codes, np.int64), arrow(pd.Series(uniques, dtype="str"))


def runs(key: Codes) -> tuple[Codes, Mask]:
    """A stable sort order of key and, in that order, where each run of equal keys starts."""
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    start = np.ones(len(key), dtype=bool)
    start[1:] = ordered[1:] != ordered[:-1]
    return order, start


def first_of_each(key: Codes) -> Mask:
    """True at the first occurrence of each distinct key (drop_duplicates keep="first")."""
    order, start = runs(key)
    first = np.zeros(len(key), dtype=bool)
    first[order[start]] = True
    return first


@dataclass(frozen=True)
class Coded:
    """Occurrence rows as codes: value and scope per row, and the strings they stand for."""

    value: Codes
    scope: Codes
    values: pa.ChunkedArray
    scopes: pa.ChunkedArray

    def strings(self, codes: Codes) -> npt.NDArray[np.object_]:
        """The values these codes stand for, as Python strings (for a few rows only)."""
        picked = self.values.take(pa.array(codes, pa.int64()))
        return np.asarray(picked.to_numpy(zero_copy_only=False), dtype=object)

    def scope_strings(self, codes: Codes) -> npt.NDArray[np.object_]:
        picked = self.scopes.take(pa.array(codes, pa.int64()))
        return np.asarray(picked.to_numpy(zero_copy_only=False), dtype=object)

    def subset(self, rows: npt.NDArray[np.intp]) -> "Coded":
        return Coded(self.value[rows], self.scope[rows], self.values, self.scopes)
