"""Fuzzing (issue item 7): arbitrary small files and arbitrary text never raise anything
but a LinkauditError; the normalisers' own properties live in tests/normalize."""

import contextlib
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkaudit.config import Config
from linkaudit.errors import LinkauditError
from linkaudit.inventory import load
from linkaudit.normalize import DERIVED, NORMALIZERS, SIMILARITY, TOKENS
from linkaudit.pipeline import ScanOptions, scan

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
NAMES = ["accounts.csv", "logins.jsonl", "x.json", "companies.xlsx", "devices.tsv",
         "attributes.csv", "documents.csv", "payments.txt"]  # fmt: skip
HEADERS = {
    "accounts.csv": b"account_id,status,marketplaces\n",
    "logins.jsonl": b'{"account_id": "a", "ip": "',
    "x.json": b'{"logins": [{"account_id": ',
    "devices.tsv": b"account_id\tmac\tfingerprint\n",
    "attributes.csv": b"account_id,type,value,hashed,weak,flags,first_seen\n",
    "documents.csv": b"account_id,path,number\n",
    "payments.txt": b"account_id;card_number;bank_account\n",
}
# bytes that matter to the parsers: delimiters, quotes, brackets, BOMs, NULs, UTF-8 lead bytes
LIKELY_BYTES = st.lists(
    st.sampled_from([b",", b";", b"\t", b"|", b'"', b"\n", b"\r", b"{", b"}", b"[", b"]", b":",
                     b"a", b"1", b".", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xe6\x9d\x8e",
                     b"\xc3", b"../", b"/etc/passwd", b"ip", b"true", b"203.0.113.7"]),
    max_size=60,
).map(b"".join)  # fmt: skip
CONTENT = st.one_of(st.binary(max_size=400), LIKELY_BYTES)


def _xlsx(cells: list[str]) -> bytes:
    """A minimal workbook whose shared strings are fuzzed text."""
    strings = "".join(f"<si><t>{c}</t></si>" for c in cells)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("xl/workbook.xml", "<workbook/>")
        book.writestr("xl/sharedStrings.xml", f"<sst>{strings}</sst>")
    return buffer.getvalue()


def _load_or_refuse(root: Path) -> None:
    with contextlib.suppress(LinkauditError):
        load(root, Config())


@pytest.mark.parametrize("name", NAMES)
@SETTINGS
@given(data=CONTENT)
def test_any_small_file_loads_or_is_refused(tmp_path: Path, name: str, data: bytes) -> None:
    root = tmp_path / "inv"
    root.mkdir(exist_ok=True)
    for old in root.iterdir():
        old.unlink()
    (root / name).write_bytes(HEADERS.get(name, b"") + data)
    _load_or_refuse(root)


@SETTINGS
@given(cells=st.lists(st.text(max_size=20), max_size=6), raw=st.binary(max_size=200))
def test_any_small_workbook_loads_or_is_refused(
    tmp_path: Path, cells: list[str], raw: bytes
) -> None:
    root = tmp_path / "inv"
    root.mkdir(exist_ok=True)
    for data in (_xlsx(cells), b"PK\x03\x04" + raw):
        (root / "companies.xlsx").write_bytes(data)
        _load_or_refuse(root)


@settings(SETTINGS, max_examples=20)
@given(data=LIKELY_BYTES)
def test_the_whole_scan_survives_fuzzed_logins(tmp_path: Path, data: bytes) -> None:
    root = tmp_path / "inv"
    root.mkdir(exist_ok=True)
    (root / "logins.csv").write_bytes(b"account_id,ip,seen_at,source\na,203.0.113.7,," + data)
    (root / "accounts.csv").write_bytes(b"account_id,status\nb,active\n" + data)
    with contextlib.suppress(LinkauditError):
        scan(root, ScanOptions(generated_at="2026-11-27T00:00:00Z"))


@pytest.mark.parametrize("kind", sorted(NORMALIZERS, key=str))
@SETTINGS
@given(text=st.text(max_size=60))
def test_every_normaliser_and_derivation_is_total(kind: str, text: str) -> None:
    norm = NORMALIZERS[kind](text, None)  # type: ignore[index]
    derive = DERIVED.get(kind)  # type: ignore[call-overload]
    if derive is not None and norm.value is not None:
        derive(norm.value)


@pytest.mark.parametrize("kind", sorted(SIMILARITY, key=str))
@SETTINGS
@given(a=st.text(max_size=60), b=st.text(max_size=60))
def test_every_similarity_and_token_function_is_total(kind: str, a: str, b: str) -> None:
    assert 0.0 <= SIMILARITY[kind](a, b) <= 1.0  # type: ignore[index]
    assert all(isinstance(t, str) for t in TOKENS[kind](a))  # type: ignore[index]
