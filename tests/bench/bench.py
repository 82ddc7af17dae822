"""Benchmark: linkaudit scan beside the two reference programs, on S, M and L inventories.

    python tests/bench/bench.py S M          # sizes to run (default: S M)
    python tests/bench/bench.py L --work /big/disk

Generates each inventory once (deterministic, cached under --work), then runs, one after
the other in the same session: read_only.py (the floor: parsing only), naive_pairs.py (the
script an analyst would write), `linkaudit scan DIR --format json --timings` and linkaudit's
loader alone (reading and normalising into the attribute table, no rules), --repeat
times (default 3) in rotating order. Prints median wall time, peak memory (max RSS of the
measured process; for the scan, the highest of its runs), the ratios of the medians, and
linkaudit's median time per stage (fuzzy, in brackets, is part of match).
The reference programs are those of ../shared/bench when present, else the copies in
tests/bench/reference/ (identical). Not part of the default test run.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
NESTED = {"fuzzy"}  # stages timed inside another (fuzzy runs inside match): not summed
SIZES = {"S": (200, 1000, 100), "M": (1000, 2000, 200), "L": (5000, 2000, 200)}

# Runs a command and prints its wall time and the peak RSS of its process tree (KiB).
_MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(repr((wall, peak, p.returncode, p.stderr[-4000:])))
"""


# Loading and normalising alone (issue 2's measure): a fresh process that builds the
# attribute table and stops, without freeing the table object by object (the CLI does not).
_LOAD = """
import os, sys
from pathlib import Path
from linkaudit.config import load_config
from linkaudit.inventory import load
root = Path(sys.argv[1])
load(root, load_config(root))
os._exit(0)  # as the CLI ends (cli.main): no object-by-object teardown of the table
"""


def reference_dir() -> Path:
    shared = HERE.parent.parent.parent / "shared" / "bench"
    return shared if (shared / "read_only.py").is_file() else HERE / "reference"


def measure(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak MiB and stderr of one command, run in a fresh measuring process."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, check=True
    )
    wall, peak_kib, code, err = eval(out.stdout.strip())
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{err}")
    return float(wall), peak_kib / 1024, str(err)


def stages(stderr: str) -> dict[str, float]:
    got = {}
    for line in stderr.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == "s":
            try:
                got[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return got


def generate(size: str, work: Path) -> Path:
    target = work / f"bench-{size}"
    if not (target / "listings.csv").is_file():
        args = [str(n) for n in SIZES[size]]
        subprocess.run(
            [sys.executable, str(reference_dir() / "make_inventory.py"), str(target), *args],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def linkaudit_cmd() -> list[str]:
    exe = shutil.which("linkaudit")
    return [exe] if exe else [sys.executable, "-m", "linkaudit"]


def _median(values: list[float]) -> float:
    return statistics.median(values)


def run_size(size: str, work: Path, naive: bool, repeat: int) -> dict[str, object]:
    """Median of `repeat` rounds; each round runs the programs one after the other, in an
    order rotated per round so that drift in the machine's speed hits every program alike."""
    inv = generate(size, work)
    ref = reference_dir()
    mb = sum(f.stat().st_size for f in inv.glob("*.csv")) / 2**20
    out = Path(tempfile.mkdtemp()) / "scan.json"
    commands = {
        "read_only": [sys.executable, str(ref / "read_only.py"), str(inv)],
        "scan": [*linkaudit_cmd(), "scan", str(inv), "--format", "json", "--output", str(out),
                 "--timings", "--quiet"],
        "load": [sys.executable, "-c", _LOAD, str(inv)],
    }  # fmt: skip
    if naive:
        commands["naive"] = [sys.executable, str(ref / "naive_pairs.py"), str(inv)]
    got: dict[str, list[tuple[float, float, str]]] = {name: [] for name in commands}
    names = list(commands)
    for n in range(repeat):
        for name in names[n % len(names) :] + names[: n % len(names)]:
            got[name].append(measure(commands[name]))
    runs = {name: sorted(results, key=lambda r: r[0]) for name, results in got.items()}
    middle = {name: results[len(results) // 2] for name, results in runs.items()}
    scan_stages = [stages(r[2]) for r in got["scan"]]
    row: dict[str, object] = {
        "size": size, "csv_mb": round(mb), "repeat": repeat,
        "read_only_s": middle["read_only"][0], "read_only_mib": middle["read_only"][1],
        "scan_s": middle["scan"][0], "scan_mib": max(r[1] for r in got["scan"]),
        "ratio_read_only": middle["scan"][0] / middle["read_only"][0],
        "load_s": middle["load"][0], "load_mib": middle["load"][1],
        "load_ratio": middle["load"][0] / middle["read_only"][0],
        "stages": {k: _median([s.get(k, 0.0) for s in scan_stages]) for k in scan_stages[0]},
        "links": json.loads(out.read_text())["summary"]["links"],
    }  # fmt: skip
    if naive:
        row.update(naive_s=middle["naive"][0], naive_mib=middle["naive"][1],
                   speedup_vs_naive=middle["naive"][0] / middle["scan"][0])  # fmt: skip
    return row


def table(rows: list[dict[str, object]]) -> str:
    head = (
        "size",
        "CSV MB",
        "read_only s",
        "naive s",
        "scan s",
        "scan/read_only",
        "naive/scan",
        "scan MiB",
        "load s",
        "load/read_only",
        "load MiB",
        "stages (s)",
    )
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        st = r["stages"]
        assert isinstance(st, dict)
        stage_text = ", ".join(
            f"({k} {v:.2f})" if k in NESTED else f"{k} {v:.2f}"
            for k, v in st.items()
            if k != "total"
        )
        naive = f"{r['naive_s']:.2f}" if "naive_s" in r else "-"
        speed = f"{r['speedup_vs_naive']:.1f}x" if "naive_s" in r else "-"
        lines.append(
            " | ".join(
                [
                    str(r["size"]),
                    str(r["csv_mb"]),
                    f"{r['read_only_s']:.2f}",
                    naive,
                    f"{r['scan_s']:.2f}",
                    f"{r['ratio_read_only']:.1f}x",
                    speed,
                    f"{r['scan_mib']:.0f}",
                    f"{r['load_s']:.2f}",
                    f"{r['load_ratio']:.1f}x",
                    f"{r['load_mib']:.0f}",
                    stage_text,
                ]
            )
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", default=["S", "M"], choices=sorted(SIZES))
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "linkaudit-bench"
    )
    parser.add_argument("--no-naive", action="store_true", help="skip naive_pairs.py (slow on L)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON as well")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size; medians shown")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        print(f"running {size} ...", file=sys.stderr)
        rows.append(run_size(size, args.work, not args.no_naive, args.repeat))
    print(table(rows))
    by_size = {str(r["size"]): r for r in rows}
    if "M" in by_size and "L" in by_size:
        ratio = float(str(by_size["L"]["scan_s"])) / float(str(by_size["M"]["scan_s"]))
        print(f"\nL scan time / M scan time: {ratio:.1f}x")
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
