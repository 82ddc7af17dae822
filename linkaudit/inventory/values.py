"""Cleaned cells -> attribute-table rows: each distinct value is normalised once (spec 3).

`cells` is a frame with columns raw, line and, for phones, country while values are
normalised, and with the row context (account_id, marketplace, first_seen, last_seen, flags:
loader facts) when their chunks are built. Hot catalogue types go through the
vectorised kernels of `fast` where those agree with the registry.
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from linkaudit.inventory.arrow import arrow, keep_rows, series, take
from linkaudit.inventory.chunk import Chunk, build, size
from linkaudit.inventory.fast import KERNELS, Fast, fast_subnets
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.model import Problem
from linkaudit.normalize import DERIVED, NORMALIZERS, Norm
from linkaudit.vocab import AttrType

Rows = npt.NDArray[np.intp]
SAMPLE = 256  # kernel rows re-checked against the registry on every run


@dataclass(frozen=True)
class Origin:
    """Where a column of cells came from, for provenance and problems."""

    file: str
    column: str  # the header as the user wrote it
    src: str  # provenance prefix


@dataclass
class Result:
    """Normalised values of some rows of `cells` (rows None = all rows)."""

    rows: Rows | None
    value: pa.ChunkedArray
    weak: npt.NDArray[np.bool_]
    flags: pa.ChunkedArray | None


def normalised(cells: pd.DataFrame, attr: AttrType, origin: Origin, issues: Issues) -> list[Result]:
    """The canonical values of one column of cells, problems reported to `issues`. Reads
    only the cells' raw, line and (phones) country columns: no other row context."""
    if cells.empty:
        return []
    return _normalise(cells, attr, origin, issues)


def result_chunks(
    cells: pd.DataFrame, attr: AttrType, src: str, results: list[Result]
) -> list[Chunk]:
    """Attribute-table chunks of normalised() results; `cells` now with the row context."""
    chunks = [_chunk(cells, attr, src, r) for r in results]
    for result in results:
        chunks.extend(_derived(cells, attr, src, result))
    return [c for c in chunks if size(c)]


def _normalise(cells: pd.DataFrame, attr: AttrType, origin: Origin, issues: Issues) -> list[Result]:
    kernel = KERNELS.get(attr)
    if kernel is None or "country" in cells:
        return [_registry(cells, np.arange(len(cells)), attr, origin, issues)]
    raw = arrow(cells["raw"])
    fast = kernel(raw)
    # the usual column has every row handled: then no list of its rows is built (80 MB on
    # 10^7 rows, twice: once to sample them, once to keep them)
    every = bool(fast.handled.all())
    handled = None if every else np.flatnonzero(fast.handled)
    if not _agrees(fast, raw, attr, handled):
        return [_registry(cells, np.arange(len(cells)), attr, origin, issues)]
    if fast.problem_rows is not None and fast.problem_rows.any():
        bad = np.flatnonzero(fast.problem_rows)
        _report(cells, bad, [fast.problem] * len(bad), [True] * len(bad), attr, origin, issues)
    if handled is None:
        return [Result(None, fast.value, np.zeros(len(cells), dtype=bool), None)]
    done = Result(handled, keep_rows(fast.value, handled), np.zeros(len(handled), bool), None)
    rest = np.flatnonzero(~fast.handled)
    return [done, _registry(cells, rest, attr, origin, issues)]


def _agrees(
    fast: Fast, raw: pa.ChunkedArray, attr: AttrType, handled: npt.NDArray[np.intp] | None
) -> bool:
    """True when the registry gives the kernel's answer on an even sample of its rows
    (`handled`: the rows it handled, None for every row)."""
    count = len(fast.handled) if handled is None else len(handled)
    if not count:
        return True
    normalizer = NORMALIZERS[attr]
    picks = np.linspace(0, count - 1, min(SAMPLE, count)).astype(int)
    for i in picks if handled is None else handled[picks]:
        bad = fast.problem_rows is not None and bool(fast.problem_rows[i])
        expected = Norm(fast.value[int(i)].as_py(), fast.problem if bad else None)
        if normalizer(raw[int(i)].as_py(), None) != expected:
            return False
    return True


def _registry(
    cells: pd.DataFrame, rows: Rows, attr: AttrType, origin: Origin, issues: Issues
) -> Result:
    """The registry normaliser on each distinct (raw, country) of `rows`, mapped back."""
    normalizer = NORMALIZERS[attr]
    raw = series(take(arrow(cells["raw"]), rows))
    if "country" in cells:
        keys = raw + "\x1f" + series(take(arrow(cells["country"]), rows))
        codes, uniques = pd.factorize(keys)
        pairs = [str(u).rsplit("\x1f", 1) for u in uniques]
        norms = [normalizer(text, country or None) for text, country in pairs]
    else:
        codes, uniques = pd.factorize(raw)
        norms = [normalizer(str(u), None) for u in uniques]
    keep_u = np.array([n.value is not None for n in norms], dtype=bool)
    problems_u = np.array([n.problem is not None for n in norms], dtype=bool)
    if problems_u.any():
        bad = np.flatnonzero(problems_u[codes])
        whys = [norms[codes[i]].problem or "" for i in bad]
        kept = keep_u[codes[bad]].tolist()
        _report(cells, rows[bad], whys, kept, attr, origin, issues)
    keep = np.flatnonzero(keep_u[codes])
    kept_codes = pa.array(codes[keep])
    value = pa.array([n.value or "" for n in norms], pa.large_string()).take(kept_codes)
    weak = np.array([n.weak for n in norms], dtype=bool)[codes[keep]]
    flags = None
    if any(n.flags for n in norms):
        flags = pa.array([",".join(n.flags) for n in norms], pa.large_string()).take(kept_codes)
    return Result(
        rows[keep], pa.chunked_array([value]), weak, pa.chunked_array([flags]) if flags else None
    )


def _report(
    cells: pd.DataFrame,
    rows: Rows,
    whys: list[str],
    kept: list[bool],
    attr: AttrType,
    origin: Origin,
    issues: Issues,
) -> None:
    raw = cells["raw"]
    lines = cells["line"]

    def make(i: int) -> Problem:
        row = int(rows[i])
        why = whys[i] + ("; value still used" if kept[i] else "")
        where = f"{origin.src}{int(lines.iloc[row])}"
        return Problem(where, origin.column, str(raw.iloc[row]), why, attribute=attr.value)

    issues.add_bulk(origin.file, origin.column, len(rows), make)


def _chunk(cells: pd.DataFrame, attr: AttrType, src: str, result: Result) -> Chunk:
    flags = None
    if result.flags is not None:
        loader = cells["flags"] if result.rows is None else cells["flags"].iloc[result.rows]
        flags = arrow(_join_flags(loader.reset_index(drop=True), series(result.flags)))
    return build(cells, result.rows, attr.value, src, result.value, result.weak, flags)


def direct_rows(
    cells: pd.DataFrame, attr: AttrType, src: str, value: pd.Series, hashed: pd.Series
) -> Chunk:
    """Chunk for values that need no normaliser (documents' hashes, the attributes kind)."""
    weak = np.zeros(len(cells), dtype=bool)
    hashes = hashed.to_numpy(dtype=bool)
    return build(cells, None, attr.value, src, arrow(value), weak, None, hashes)


def _join_flags(loader: pd.Series, norm: pd.Series) -> pd.Series:
    """Comma-joined flags; either side may be empty."""
    both = (loader + "," + norm).where(norm != "", loader)
    return both.where(loader != "", norm)


def _derived(cells: pd.DataFrame, attr: AttrType, src: str, result: Result) -> list[Chunk]:
    """Rows of derived types (ip -> ip_subnet), one chunk per position in the derived lists."""
    derive = DERIVED.get(attr)
    if derive is None or not len(result.value):
        return []
    rows = np.arange(len(result.value)) if result.rows is None else result.rows
    if attr is AttrType.IP:
        subnets = fast_subnets(result.value)
        if subnets is not None:  # every value a plain IPv4 address: no per-value work
            value, weak = subnets
            part = Result(rows, value, weak, None)
            return [_chunk(cells, AttrType.IP_SUBNET, src, part)]
    codes, uniques = pd.factorize(series(result.value))
    derived = [derive(str(u)) for u in uniques]
    chunks = []
    for k in range(max((len(d) for d in derived), default=0)):
        has = np.array([len(d) > k for d in derived], dtype=bool)[codes]
        for dtype in sorted({d[k][0] for d in derived if len(d) > k}):
            pick = np.array([len(d) > k and d[k][0] == dtype for d in derived])[codes] & has
            values = pa.array([d[k][1] if len(d) > k else "" for d in derived], pa.large_string())
            weak = np.array([len(d) > k and d[k][2] for d in derived], dtype=bool)
            sub = np.flatnonzero(pick)
            taken = pc.take(values, pa.array(codes[sub]))
            part = Result(rows[sub], pa.chunked_array([taken]), weak[codes[sub]], None)
            chunks.append(_chunk(cells, dtype, src, part))
    return chunks
