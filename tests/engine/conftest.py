"""Engine test helpers: inventories built from simple tuples through the real normalisers."""

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from linkaudit.config import Config
from linkaudit.engine import evaluate
from linkaudit.engine.rules import RulePack, load_pack
from linkaudit.engine.table import RawValue, build_table
from linkaudit.inventory.model import AccountRecord, Inventory
from linkaudit.result import ScanResult
from linkaudit.vocab import AttrType, Status

Row = tuple[str, str, str] | RawValue
GENERATED = "2026-11-27T10:00:00Z"


def raw_value(row: Row) -> RawValue:
    """(account, type, raw) or a RawValue with seen dates, marketplace and flags."""
    if isinstance(row, RawValue):
        return row
    account, kind, raw = row
    return RawValue(account, AttrType(kind), raw)


def make_inventory(
    rows: Iterable[Row],
    accounts: dict[str, AccountRecord] | None = None,
    market: str = "US",
) -> Inventory:
    """An Inventory of these rows; accounts not given are active on `market`."""
    values = [raw_value(r) for r in rows]
    records = dict(accounts or {})
    for value in values:
        records.setdefault(
            value.account_id,
            AccountRecord(value.account_id, marketplaces=(market,), status=Status.ACTIVE),
        )
    return Inventory(root=Path("inventory"), accounts=records, attributes=build_table(values))


@pytest.fixture(scope="session")
def pack() -> RulePack:
    return load_pack()


Scan = Callable[..., ScanResult]


@pytest.fixture
def scan(pack: RulePack) -> Scan:
    """scan(inventory, config=None, **evaluate options) with a fixed generated_at."""

    def run(inv: Inventory, config: Config | None = None, **options: object) -> ScanResult:
        options.setdefault("generated_at", GENERATED)
        return evaluate(inv, pack, config or Config(), **options)  # type: ignore[arg-type]

    return run
