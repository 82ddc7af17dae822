"""scan(inventory, options) -> ScanResult: the one place that runs every stage in order."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from linkaudit import __version__, parallel
from linkaudit.config import Config, load_config
from linkaudit.errors import InputError
from linkaudit.inventory.model import Inventory
from linkaudit.result import Coverage, ScanResult
from linkaudit.timing import stage


@dataclass(frozen=True)
class ScanOptions:
    """What the user asked for; every field has the CLI's default."""

    rules_dir: Path | None = None
    config_path: Path | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    show_values: bool = False
    encoding: str | None = None
    candidate: Path | None = None
    generated_at: str | None = None
    progress: Callable[[str], None] | None = field(default=None, compare=False)


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def load(inventory: Path, options: ScanOptions) -> tuple[Config, Inventory]:
    """The config and the loaded inventory (plus the candidate store, when given)."""
    from linkaudit import inventory as loader
    from linkaudit.candidate import add_candidate

    config = load_config(inventory, options.config_path)
    # loader.load times its own stages: load (reading files) and normalise (the table)
    inv = loader.load(inventory, config, encoding=options.encoding, progress=options.progress)
    if options.candidate is not None:
        inv = add_candidate(inv, options.candidate, config, encoding=options.encoding)
    return config, inv


def _require_stores(inventory: Path, inv: Inventory) -> None:
    """A scan of nothing must not pass a compliance check: when every file was skipped
    (no account_id column, say) and no store was read, that is an input error (exit 2)."""
    if inv.accounts or not inv.attributes.empty:
        return
    skipped = [p for p in inv.problems if p.level == "error"]
    if skipped:
        first = skipped[0]
        raise InputError(
            f"{inventory}: no store could be read; {first.where}: {first.why}",
            "`linkaudit validate DIR` lists every problem",
        )


def scan(inventory: Path, options: ScanOptions | None = None) -> ScanResult:
    """Load, normalise, match, score and group: the whole audit of one inventory directory."""
    return scan_with_inventory(inventory, options)[0]


def scan_with_inventory(
    inventory: Path, options: ScanOptions | None = None
) -> tuple[ScanResult, Inventory]:
    """The scan and the loaded inventory it came from (the appeal needs both)."""
    from linkaudit import engine
    from linkaudit import inventory as loader
    from linkaudit.engine.rules import load_pack

    options = options or ScanOptions()
    pack = load_pack(options.rules_dir)
    config, inv = load(inventory, options)
    _require_stores(inventory, inv)
    # coverage only reads the attribute table: counted on a worker while the rules run,
    # in the moments their steps leave a core idle, not after them on one core
    with parallel.in_background(lambda: loader.coverage(inv), rows=len(inv.attributes)) as counted:
        result = engine.evaluate(
            inv,
            pack,
            config,
            show_values=options.show_values,
            select=options.select,
            ignore=options.ignore,
            generated_at=options.generated_at or now_iso(),
        )
        with stage("score"):
            coverage = [Coverage(attribute=t, accounts=a, values=v) for t, a, v in counted()]
        result = result.model_copy(
            update={
                "coverage": coverage,
                "tool_version": __version__,
                "inventory": str(inventory),
            }
        )
    return result, inv
