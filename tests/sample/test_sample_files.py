"""The synthetic demo inventory (sample_data/) is reproducible and says what it plants.

These tests read the files directly, without linkaudit's loader: they check the sample itself
(determinism, encodings, spreadsheet cell types, the README's tables, the answer key), and
that no value is shared between the estate's clusters except the documented negative controls.
Engine-level acceptance tests read sample_data/expected.yaml.
"""

from __future__ import annotations

import csv
import hashlib
import io
import ipaddress
import json
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data"
SCRIPT = SAMPLE / "make_sample.py"
NOT_GENERATED = {"README.md", "make_sample.py"}
GBK_FILE = "公司信息.csv"


def _generate(out: Path) -> dict[str, bytes]:
    subprocess.run([sys.executable, str(SCRIPT), str(out)], check=True, capture_output=True)
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], ...]:
    first = _generate(tmp_path_factory.mktemp("run1"))
    second = _generate(tmp_path_factory.mktemp("run2"))
    return first, second


@pytest.fixture(scope="module")
def expected() -> dict[str, object]:
    data = yaml.safe_load((SAMPLE / "expected.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _committed() -> dict[str, bytes]:
    return {
        p.relative_to(SAMPLE).as_posix(): p.read_bytes()
        for p in sorted(SAMPLE.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and p.name not in NOT_GENERATED
    }


def _xlsx_cells(data: bytes) -> list[list[tuple[str, object]]]:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [[(c.data_type, c.value) for c in row] for ws in wb.worksheets for row in ws.iter_rows()]


# --- determinism ---------------------------------------------------------------------------


def test_generator_is_deterministic(generated: tuple[dict[str, bytes], ...]) -> None:
    first, second = generated
    assert sorted(first) == sorted(second)
    for name in first:
        assert first[name] == second[name], f"{name} differs between two runs"


def test_committed_files_are_what_the_generator_writes(
    generated: tuple[dict[str, bytes], ...],
) -> None:
    first, _ = generated
    committed = _committed()
    assert sorted(committed) == sorted(first), "stale or missing files in sample_data/"
    for name, data in first.items():
        if name.endswith(".xlsx"):
            # openpyxl's XML may change between its versions; the cells must not
            assert _xlsx_cells(committed[name]) == _xlsx_cells(data), name
        else:
            assert committed[name] == data, f"{name}: run `python sample_data/make_sample.py`"


# --- formats and encodings -----------------------------------------------------------------


def test_gbk_file_is_gbk_not_utf8() -> None:
    raw = (SAMPLE / GBK_FILE).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gbk")
    header = text.splitlines()[0].split(",")
    assert header[:3] == ["账号ID", "公司名称", "统一社会信用代码"]
    assert "法定代表人" in header and "国家" in header


def test_xlsx_has_numeric_cells() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(SAMPLE / "payments.xlsx")
    ws = wb["payments"]
    numbers = [
        c.value
        for row in ws.iter_rows(min_row=2)
        for c in row
        if c.data_type == "n" and c.value is not None
    ]
    assert 6222020200112233 in numbers  # 16-digit bank account
    assert 4111111111111111 in numbers  # 16-digit card
    assert any(isinstance(v, int) and len(str(v)) == 11 for v in numbers)  # 11-digit wallet


def test_jsonl_and_bom() -> None:
    for n, line in enumerate((SAMPLE / "logins.jsonl").read_text("utf-8").splitlines(), 1):
        assert isinstance(json.loads(line), dict), f"logins.jsonl:{n}"
    assert (SAMPLE / "billing.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_every_kind_is_present() -> None:
    names = {p.name for p in SAMPLE.iterdir()}
    for name in (
        "accounts.csv",
        GBK_FILE,
        "logins.jsonl",
        "network.csv",
        "devices.csv",
        "payments.xlsx",
        "billing.csv",
        "listings.csv",
        "people.csv",
        "addresses.csv",
        "documents.csv",
        "attributes.csv",
        "linkaudit.toml",
        "expected.yaml",
    ):
        assert name in names, name


def test_shared_utility_bill_is_byte_identical() -> None:
    a = (SAMPLE / "documents/xinda-uk_utility_bill_2026-04.pdf").read_bytes()
    b = (SAMPLE / "documents/xinda-de_address_proof.pdf").read_bytes()
    assert a == b
    digests = defaultdict(list)
    for p in (SAMPLE / "documents").iterdir():
        digests[hashlib.sha256(p.read_bytes()).hexdigest()].append(p.name)
    shared = [v for v in digests.values() if len(v) > 1]
    assert shared == [sorted(shared[0])] and len(shared[0]) == 2  # only that pair


def test_config_parses() -> None:
    import tomllib

    cfg = tomllib.loads((SAMPLE / "linkaudit.toml").read_text("utf-8"))
    assert cfg["defaults"]["country"] == "CN"
    assert cfg["columns"]["logins"] == {"Login IP": "ip"}
    assert len(cfg["allow"]) == 3 and len(cfg["approved"]) == 1


# --- README and answer key -----------------------------------------------------------------


def _readme_section(title: str) -> str:
    text = (SAMPLE / "README.md").read_text("utf-8")
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert m, f"README.md has no section '## {title}'"
    return m.group(1)


def _table_rows(section: str) -> list[list[str]]:
    rows = []
    for line in section.splitlines():
        if line.startswith("|") and not re.match(r"^\|[\s|:-]+\|$", line):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows[1:]  # without the header row


def test_readme_says_synthetic() -> None:
    head = (SAMPLE / "README.md").read_text("utf-8")[:600].lower()
    assert "synthetic" in head


def test_readme_bad_values_match_expected_and_files(expected: dict[str, object]) -> None:
    rows = _table_rows(_readme_section("Planted bad values"))
    assert rows, "the README's bad-values table is empty"
    found = set()
    for row in rows:
        where = row[0].strip("`")
        file, line = where.rsplit(":", 1)
        value = row[2].strip("`")
        path = SAMPLE / file
        assert path.is_file(), f"README names {file}, which does not exist"
        text = path.read_bytes().decode("utf-8-sig")
        assert value in text.splitlines()[int(line) - 1], f"{where} does not hold {value}"
        found.add((file, int(line), value))
    bad = expected["bad_values"]
    assert isinstance(bad, list)
    assert found == {(b["file"], b["line"], str(b["value"])) for b in bad}


def test_files_named_in_readme_tables_exist() -> None:
    text = (SAMPLE / "README.md").read_text("utf-8")
    names = set(
        re.findall(r"`([\w\-./\u4e00-\u9fff]+\.(?:csv|jsonl|xlsx|toml|yaml|pdf|txt))", text)
    )
    assert names
    missing = {
        n
        for n in names
        if not (SAMPLE / n).exists() and n != "documents/haiyun-it_bank_statement_2026-08.pdf"
    }
    assert not missing, missing
    assert not (SAMPLE / "documents/haiyun-it_bank_statement_2026-08.pdf").exists()


def test_expected_accounts_are_in_accounts_csv(expected: dict[str, object]) -> None:
    with (SAMPLE / "accounts.csv").open(encoding="utf-8", newline="") as f:
        rows = {r["account_id"]: r for r in csv.DictReader(f)}
    assert len(rows) >= 12
    markets = {m for r in rows.values() for m in r["marketplaces"].split(";")} - {"EU"}
    assert len(markets) >= 5
    statuses = [r["status"] for r in rows.values()]
    assert statuses.count("planned") >= 1 and statuses.count("closed") == 1
    assert {"suspended", "under_review"} & set(statuses)
    assert rows[expected["planned_account"]]["status"] == "planned"  # type: ignore[index]
    assert rows[expected["closed_account"]]["status"] == "closed"  # type: ignore[index]
    mentioned = set()
    for key in ("links", "negative_controls"):
        for item in expected[key]:  # type: ignore[attr-defined]
            mentioned.update(item["accounts"])
    assert mentioned <= set(rows)


# --- the clusters share nothing but the documented negative controls ----------------------
# A crude, independent normalisation (not linkaudit's): good enough to catch an accidental
# shared value between stores that the README calls unrelated.

CLUSTER = {
    **dict.fromkeys(
        ["xinda-us", "xinda-uk", "xinda-de", "xinda-ca", "jiayue-us", "xinda-jp-planned"], "X"
    ),
    **dict.fromkeys(["mingyue-us", "mingyue-de", "oldseller-closed"], "M"),
    **dict.fromkeys(["haiyun-uk", "haiyun-it", "bluefin-fr"], "H"),
    **dict.fromkeys(["kestrel-us", "kestrel-us-2"], "K"),
    "xdtrade-it": "T",
    "pengcheng-jp": "P",
}
PLACEHOLDERS = {"", "n/a", "none", "-", "0", "unknown", "无", "000-000-0000", "null"}
LEGAL = {"co", "ltd", "limited", "llc", "gmbh", "inc", "company"}


def _clean(v: object) -> str:
    text = unicodedata.normalize("NFKC", "" if v is None else str(v))
    return re.sub("[\u200b-\u200f\ufeff]", "", text).strip()


def _canon(kind: str, raw: object) -> list[str]:
    v = _clean(raw)
    if v.casefold() in PLACEHOLDERS:
        return []
    low = v.casefold()
    if kind == "ip":
        try:
            ip = ipaddress.ip_address(v)
        except ValueError:
            return []
        if ip.version == 4 and (
            ip in ipaddress.ip_network("10.0.0.0/8")
            or ip in ipaddress.ip_network("192.168.0.0/16")
            or ip in ipaddress.ip_network("100.64.0.0/10")
        ):
            return []
        net = ipaddress.ip_network(f"{ip}/{24 if ip.version == 4 else 64}", strict=False)
        return [f"ip:{ip}", f"subnet:{net}"]
    if kind == "mac":
        h = re.sub(r"[^0-9a-f]", "", low)
        return [f"mac:{h}"] if len(h) == 12 else []
    if kind == "phone":
        d = re.sub(r"\D", "", v)
        d = d[4:] if d.startswith("0086") else d[2:] if d.startswith("86") else d
        return [f"phone:{d}"]
    if kind == "email":
        if "@" not in low:
            return []
        local, dom = low.split("@", 1)
        dom = "gmail.com" if dom == "googlemail.com" else dom
        local = local.split("+")[0]
        if dom == "gmail.com":
            local = local.replace(".", "")
        return [f"email:{local}@{dom}"]
    if kind in ("person", "company"):
        toks = [t for t in re.split(r"[^\w]+", low) if t and (kind == "person" or t not in LEGAL)]
        return [f"{kind}:{' '.join(sorted(toks) if kind == 'person' else toks)}"]
    if kind == "address":
        return [f"address:{re.sub(r'[^0-9a-z一-龥]', '', low)}"]
    if kind == "card":
        d = re.sub(r"[^0-9*]", "", v)
        return [f"card:{d[:6] if d[:6].isdigit() else '*'}{d[-4:]}"]
    if kind == "gtin":
        return [f"gtin:{v.zfill(14)}"]
    compact = re.sub(r"[\s-]", "", low)
    return [f"{kind}:{compact}"]


def _facts() -> list[tuple[str, str, str]]:
    """(account, canonical value, provenance) for every compared value in the sample."""
    out: list[tuple[str, str, str]] = []

    def add(acc: str, kind: str, raw: object, where: str) -> None:
        for part in re.split(r"[;|]", _clean(raw)) if kind not in ("address", "title") else [raw]:
            out.extend((acc, c, where) for c in _canon(kind, part))

    def rows(name: str, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
        text = (SAMPLE / name).read_bytes().decode(encoding)
        return list(csv.DictReader(io.StringIO(text)))

    cols = {
        "公司名称": "company",
        "统一社会信用代码": "reg",
        "法定代表人": "person",
        "受益人": "person",
        "注册地址": "address",
        "经营地址": "address",
        "电话": "phone",
        "邮箱": "email",
        "税号": "tax",
        "网站": "web",
    }
    for r in rows(GBK_FILE, "gbk"):
        for col, kind in cols.items():
            add(r["账号ID"], kind, r[col], GBK_FILE)
    for line in (SAMPLE / "logins.jsonl").read_text("utf-8").splitlines():
        r = json.loads(line)
        add(r["account_id"], "ip", r["ip"], "logins.jsonl")
        add(r["account_id"], "mac", r.get("router_mac"), "logins.jsonl")
        add(r["account_id"], "ssid", r.get("wifi_ssid"), "logins.jsonl")
    for r in rows("network.csv"):
        add(r["Store ID"], "ip", r["Login IP"], "network.csv")
    for r in rows("devices.csv"):
        for kind in ("device_id", "mac", "fingerprint", "browser_profile"):
            add(r["account_id"], kind, r[kind], "devices.csv")
    openpyxl = pytest.importorskip("openpyxl")
    ws = openpyxl.load_workbook(SAMPLE / "payments.xlsx")["payments"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2, values_only=True):
        r = dict(zip(header, row, strict=True))
        acc = str(r["account_id"])
        add(acc, "card", r["card_number"], "payments.xlsx")
        add(acc, "person", r["card_holder"], "payments.xlsx")
        add(acc, "address", r["billing_address"], "payments.xlsx")
        add(acc, "bank", r["bank_account"], "payments.xlsx")
        add(acc, "payout", r["payout_account"], "payments.xlsx")
    for r in rows("billing.csv"):
        add(r["account_id"], "card", r["card_number"], "billing.csv")
        add(r["account_id"], "person", r["card_holder"], "billing.csv")
        add(r["account_id"], "bank", r["iban"], "billing.csv")
    for r in rows("people.csv"):
        for kind in ("person", "email", "phone"):
            add(r["account_id"], kind, r["name" if kind == "person" else kind], "people.csv")
    for r in rows("addresses.csv"):
        add(r["account_id"], "address", r["address"], "addresses.csv")
    for r in rows("listings.csv"):
        for kind, col in (
            ("asin", "asin"),
            ("gtin", "gtin"),
            ("brand", "brand"),
            ("title", "title"),
            ("image", "image_hash"),
        ):
            add(r["account_id"], kind, r[col], "listings.csv")
    for r in rows("documents.csv"):
        add(r["account_id"], "docno", r["number"], "documents.csv")
        path = SAMPLE / r["path"]
        if path.is_file():
            add(
                r["account_id"],
                "docfile",
                hashlib.sha256(path.read_bytes()).hexdigest(),
                "documents.csv",
            )
    for r in rows("attributes.csv"):
        add(r["account_id"], r["type"], r["value"], "attributes.csv")
    return out


# values deliberately shared across clusters (negative controls), by canonical value
ALLOWED_CROSS_CLUSTER = {
    "address:prepcenter1200commercewayrenonv89502us",  # allow-listed 3PL prep centre
    "card:*4242",  # last-4-only card (weak at most)
}


def test_clusters_share_only_documented_values(expected: dict[str, object]) -> None:
    resale = next(
        n
        for n in expected["negative_controls"]  # type: ignore[attr-defined]
        if "resold" in n["note"]
    )
    resale_asin, resale_gtin = re.search(r"ASIN (\w+) / GTIN (\d+)", resale["note"]).groups()
    allowed = ALLOWED_CROSS_CLUSTER | {
        f"asin:{resale_asin.casefold()}",
        f"gtin:{resale_gtin.zfill(14)}",
    }
    seen: dict[str, set[str]] = defaultdict(set)
    for acc, value, _ in _facts():
        seen[value].add(acc)
    leaks = {
        v: sorted(accs)
        for v, accs in seen.items()
        if len({CLUSTER[a] for a in accs}) > 1 and v not in allowed
    }
    assert not leaks, f"values shared between unrelated clusters: {leaks}"


def test_seed_pair_shares_only_the_recycled_ip(expected: dict[str, object]) -> None:
    seed = expected["seed"]
    assert isinstance(seed, dict)
    per: dict[str, set[str]] = defaultdict(set)
    for acc, value, _ in _facts():
        per[acc].add(value)
    a, b = seed["accounts"]
    shared = per[a] & per[b]
    ip = ipaddress.ip_address(seed["ip"])
    assert shared == {f"ip:{ip}", f"subnet:{ipaddress.ip_network(f'{ip}/24', strict=False)}"}
