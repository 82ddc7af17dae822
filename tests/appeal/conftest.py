"""A small hand-built inventory telling the seed story, scanned by the real engine.

mingyue-de logged in from a recycled cloud IP that the closed oldseller-closed used months
earlier; mingyue-us is the same company; xinda-uk and xinda-de hold one byte-identical
utility bill under two names.
"""

from pathlib import Path

import pandas as pd
import pytest

from linkaudit.attributes import conform, join_tables
from linkaudit.config import Config
from linkaudit.engine import evaluate
from linkaudit.engine.rules import load_pack
from linkaudit.engine.table import RawValue, build_table
from linkaudit.inventory.model import AccountRecord, Inventory
from linkaudit.result import ScanResult
from linkaudit.vocab import AttrType, Status

GENERATED = "2026-11-27T10:00:00Z"
BILL = "sha256:" + "ab" * 32
CLOUD = ("cloud", "provider:Aliyun ECS")

ACCOUNTS = {
    "mingyue-de": AccountRecord("mingyue-de", "明月照明德国站", ("DE",), Status.SUSPENDED,
                                "2026-06-20", "A1K4CF97OYSR2P", "CN",
                                ("Hangzhou Mingyue Trading Co., Ltd.",), "accounts.csv:9"),
    "mingyue-us": AccountRecord("mingyue-us", "Mingyue Lighting US", ("US",), Status.ACTIVE,
                                "2024-04-01", "AC9PBN81LEOUSS", "CN",
                                ("Hangzhou Mingyue Trading Co., Ltd.",), "accounts.csv:8"),
    "oldseller-closed": AccountRecord("oldseller-closed", "Hongtu Outdoor DE", ("DE",),
                                      Status.CLOSED, "2025-10-01", "AYMAHPUIUGFVXR", "CN",
                                      ("Dongguan Hongtu Outdoor Products Co., Ltd.",)),
    "honest-fr": AccountRecord("honest-fr", "ＨＯＮＥＳＴ Home FR", ("FR",), Status.ACTIVE),
    "xinda-uk": AccountRecord("xinda-uk", "鑫达家居英国站", ("UK",), Status.ACTIVE, "2024-02-20"),
    "xinda-de": AccountRecord("xinda-de", "鑫达家居欧洲站", ("DE",), Status.ACTIVE, "2024-05-10"),
}  # fmt: skip


def _login(
    account: str, ip: str, first: str, last: str, line: int, flags: tuple[str, ...] = ()
) -> RawValue:
    return RawValue(account, AttrType.IP, ip, first_seen=first, last_seen=last, flags=flags,
                    src="logins.jsonl:", line=line)  # fmt: skip


ROWS = [
    _login("mingyue-de", "192.0.2.45", "2026-07-02T15:20:00", "2026-09-10T15:45:00", 31, CLOUD),
    _login("mingyue-de", "198.51.100.23", "2026-06-20T10:00:00", "2026-06-20T10:00:00", 30),
    _login(
        "oldseller-closed", "192.0.2.45", "2026-01-05T13:00:00", "2026-02-26T16:45:00", 39, CLOUD
    ),
    _login("oldseller-closed", "116.6.231.75", "2025-10-01T09:30:00", "2025-12-09T11:00:00", 36),
    RawValue(
        "mingyue-de",
        AttrType.REGISTRATION_NUMBER,
        "91330110MA2BMY046N",
        src="公司信息.csv:",
        line=9,
    ),
    RawValue(
        "mingyue-us",
        AttrType.REGISTRATION_NUMBER,
        "91330110ma2bmy046n",
        src="公司信息.csv:",
        line=8,
    ),
    RawValue(
        "mingyue-de",
        AttrType.COMPANY_NAME,
        "Hangzhou Mingyue Trading Co., Ltd.",
        src="公司信息.csv:",
        line=9,
    ),
    RawValue(
        "mingyue-us",
        AttrType.COMPANY_NAME,
        "HANGZHOU MINGYUE TRADING CO LTD",
        src="公司信息.csv:",
        line=8,
    ),
    RawValue("honest-fr", AttrType.COMPANY_NAME, "Honest Home SARL", src="公司信息.csv:", line=12),
    RawValue(
        "xinda-uk",
        AttrType.COMPANY_NAME,
        "Shenzhen Xinda Technology Co., Ltd.",
        src="公司信息.csv:",
        line=3,
    ),
    RawValue(
        "xinda-de",
        AttrType.COMPANY_NAME,
        "Shenzhen Xinda Technology Co., Ltd.",
        src="公司信息.csv:",
        line=4,
    ),
]

DOCUMENTS = [
    {
        "account_id": "mingyue-de",
        "doc_type": "business_licence",
        "number": "91330110MA2BMY046N",
        "path": "documents/mingyue-de_business_licence.pdf",
        "issued_to": "Hangzhou Mingyue Trading Co., Ltd.",
        "source": "documents.csv:11",
    },
    {
        "account_id": "mingyue-de",
        "doc_type": "server_invoice",
        "number": "",
        "path": "documents/mingyue-de_aliyun_ecs_invoice_2026-07.txt",
        "issued_to": "Hangzhou Mingyue Trading Co., Ltd.",
        "source": "documents.csv:13",
    },
    {
        "account_id": "xinda-uk",
        "doc_type": "utility_bill",
        "number": "",
        "path": "documents/xinda-uk_utility_bill_2026-04.pdf",
        "issued_to": "Shenzhen Xinda Technology Co., Ltd.",
        "source": "documents.csv:4",
    },
    {
        "account_id": "xinda-de",
        "doc_type": "utility_bill",
        "number": "",
        "issued": "2026-10-01",
        "path": "documents/xinda-de_address_proof.pdf",
        "issued_to": "Shenzhen Xinda Technology Co., Ltd.",
        "source": "documents.csv:5",
    },
]


def _document_rows() -> pd.DataFrame:
    """The loader's DOCUMENT rows: content hash with the file, and document numbers."""
    rows = [
        ("xinda-uk", BILL, "documents.csv:", 4, "file:documents/xinda-uk_utility_bill_2026-04.pdf"),
        ("xinda-de", BILL, "documents.csv:", 5, "file:documents/xinda-de_address_proof.pdf"),
        (
            "mingyue-de",
            "sha256:" + "cd" * 32,
            "documents.csv:",
            11,
            "file:documents/mingyue-de_business_licence.pdf",
        ),
        ("mingyue-de", "91330110MA2BMY046N", "documents.csv:", 11, ""),
    ]
    frame = pd.DataFrame(rows, columns=["account_id", "value", "src", "line", "flags"])
    none = pd.Series([pd.NaT] * len(frame), dtype="datetime64[ns]")
    return frame.assign(type="document", raw=frame["value"], marketplace="", first_seen=none,
                        last_seen=none, weak=False, hashed=False)  # fmt: skip


def seed_inventory() -> Inventory:
    table = build_table(ROWS)
    docs = conform(_document_rows()[list(table.columns)])
    table = join_tables([table, docs])
    return Inventory(root=Path("inventory"), accounts=dict(ACCOUNTS), attributes=table,
                     documents=[dict(d) for d in DOCUMENTS])  # fmt: skip


@pytest.fixture(scope="session")
def seed() -> tuple[ScanResult, Inventory]:
    """The scan result and inventory of the seed story."""
    inv = seed_inventory()
    return evaluate(inv, load_pack(), Config(), generated_at=GENERATED), inv
