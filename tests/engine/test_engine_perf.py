"""Performance: a 1M-row attribute table is matched without all-pairs work."""

import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from linkaudit.attributes import conform
from linkaudit.config import Config
from linkaudit.engine import evaluate
from linkaudit.engine.rules import load_pack
from linkaudit.inventory.model import AccountRecord, Inventory
from linkaudit.vocab import Status

ACCOUNTS = 2000
SITES = np.array(["US", "UK", "DE", "FR", "JP"])


def _frame(
    account: np.ndarray, kind: str, value: np.ndarray, market: np.ndarray | str = ""
) -> pd.DataFrame:
    n = len(account)
    seen = pd.Timestamp("2026-01-01") + pd.to_timedelta(np.arange(n) % 300, unit="D")
    return pd.DataFrame(
        {
            "account_id": np.char.add("acc-", account.astype(str)),
            "type": kind,
            "value": value,
            "raw": value,
            "src": f"{kind}.csv:",
            "line": np.arange(2, n + 2, dtype="int32"),
            "marketplace": market,
            "first_seen": seen,
            "last_seen": seen,
            "weak": False,
            "flags": "",
            "hashed": False,
        }
    )


def synthetic_table(rows: int = 1_000_000, seed: int = 7) -> pd.DataFrame:
    """~1M canonical rows: logins (+ derived subnets), listings, identity and devices.

    About 5% of accounts share a home IP, an email or a device with a partner; 20 ASINs and
    one office IP are listed/used by many accounts (hubs).
    """
    rng = np.random.default_rng(seed)
    logins = rows * 2 // 5
    acc = rng.integers(0, ACCOUNTS, logins)
    partner = np.where(
        rng.random(ACCOUNTS) < 0.05, rng.integers(0, ACCOUNTS, ACCOUNTS), np.arange(ACCOUNTS)
    )
    home = partner[acc]
    octets = rng.integers(1, 250, (logins, 4))
    ip = np.where(
        rng.random(logins) < 0.8,
        np.char.add(
            "36.",
            np.char.add(
                (home // 250).astype(str), np.char.add(".7.", (home % 250 + 1).astype(str))
            ),
        ),
        np.char.add(
            np.char.add(octets[:, 0].astype(str), "."),
            np.char.add(
                np.char.add(octets[:, 1].astype(str), "."),
                np.char.add(np.char.add(octets[:, 2].astype(str), "."), octets[:, 3].astype(str)),
            ),
        ),
    )
    ip[:150] = "203.0.113.7"  # an office IP behind many stores: one hub
    subnet = np.char.add(np.array([v.rsplit(".", 1)[0] for v in ip]), ".0/24")
    listing_acc = rng.integers(0, ACCOUNTS, rows // 6)
    asin = np.char.add("B0", np.char.zfill(rng.integers(0, 10**8, len(listing_acc)).astype(str), 8))
    asin[: len(asin) // 50] = np.char.add("B0HUB", (np.arange(len(asin) // 50) % 20).astype(str))
    everyone = np.arange(ACCOUNTS)
    frames = [
        _frame(acc, "ip", ip),
        _frame(acc, "ip_subnet", subnet),
        _frame(listing_acc, "asin", asin, SITES[listing_acc % len(SITES)]),
        _frame(
            everyone,
            "email",
            np.char.add(np.char.add("owner", partner.astype(str)), "@example.com"),
        ),
        _frame(everyone, "device_id", np.char.add("dev-", everyone.astype(str))),
        _frame(everyone, "company_name", np.char.add("company ", everyone.astype(str))),
        _frame(
            everyone,
            "address",
            np.char.add(np.char.add("room ", everyone.astype(str)), " road shenzhen"),
        ),
    ]
    table = pd.concat(frames, ignore_index=True)
    return conform(table)


def _inventory(table: pd.DataFrame) -> Inventory:
    accounts = {
        f"acc-{i}": AccountRecord(
            f"acc-{i}", marketplaces=(str(SITES[i % len(SITES)]),), status=Status.ACTIVE
        )
        for i in range(ACCOUNTS)
    }
    return Inventory(root=Path("synthetic"), accounts=accounts, attributes=table)


def test_million_rows_in_seconds() -> None:
    table = synthetic_table()
    assert len(table) >= 900_000
    inv, pack = _inventory(table), load_pack()
    start = time.perf_counter()
    result = evaluate(inv, pack, Config(), generated_at="2026-11-27T10:00:00Z")
    elapsed = time.perf_counter() - start
    assert any(h.value == "203.0.113.7" for h in result.hubs)
    assert result.summary.links > 0 and len(result.links) < 20_000
    assert elapsed < 10.0, f"{elapsed:.1f} s"


@pytest.mark.bench
def test_million_rows_timing_report() -> None:
    inv = _inventory(synthetic_table())
    start = time.perf_counter()
    evaluate(inv, load_pack(), Config(), generated_at="2026-11-27T10:00:00Z")
    print(f"1M rows: {time.perf_counter() - start:.2f} s")
