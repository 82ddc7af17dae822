"""The loader's safety net around the vectorised kernels (inventory/values.py): a kernel's
answer is checked against the registry on a sample of the rows it handled, and a kernel
that disagrees is dropped for the whole column."""

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from linkaudit.config import Config
from linkaudit.inventory import fast, load, values
from linkaudit.inventory.fast import Fast

ACCOUNTS = "account_id,store_name,marketplace\nA1,One,US\nA2,Two,US\n"
ASINS = ["b0abc12345", "B0ABC12346", "not-an-asin", "b0zzz99999"] * 5


def _listing_values(root: Path) -> list[str]:
    table = load(root, Config()).attributes
    return sorted(table.loc[table["type"] == "asin", "value"].astype(str))


def _write(root: Path, asins: list[str] = ASINS) -> None:
    (root / "accounts.csv").write_text(ACCOUNTS, encoding="utf-8")
    rows = [f"A{k % 2 + 1},US,{asin}" for k, asin in enumerate(asins)]
    (root / "listings.csv").write_text(
        "account_id,marketplace,asin\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )


@pytest.mark.parametrize("claims_all", [True, False])
def test_a_kernel_that_disagrees_with_the_registry_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, claims_all: bool
) -> None:
    _write(tmp_path)
    expected = _listing_values(tmp_path)  # the real kernel, checked against the registry
    assert "B0ABC12345" in expected and "b0abc12345" not in expected

    def lower_case(raw: pa.ChunkedArray) -> Fast:  # wrong: ASINs are upper-cased
        handled = pc.starts_with(pc.ascii_lower(raw), "b0").to_numpy(zero_copy_only=False)
        if claims_all:
            handled[:] = True
        return Fast(handled.astype(bool), pc.ascii_lower(raw))

    monkeypatch.setitem(fast.KERNELS, fast.AttrType.ASIN, lower_case)
    assert _listing_values(tmp_path) == expected


@pytest.mark.parametrize("claims_all", [True, False])
def test_a_kernel_that_agrees_is_used_on_the_rows_it_handles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, claims_all: bool
) -> None:
    asins = [a for a in ASINS if a.lower().startswith("b0")]  # all of the kernel's shape
    _write(tmp_path, asins)
    expected = _listing_values(tmp_path)
    real = fast.KERNELS[fast.AttrType.ASIN]
    seen: list[int] = []

    def spy(raw: pa.ChunkedArray) -> Fast:
        answer = real(raw)
        if not claims_all:  # every other row left to the registry, its value garbage
            answer.handled[::2] = False
            mask = pa.array(answer.handled)
            answer.value = pa.chunked_array([pc.if_else(mask, answer.value.combine_chunks(), "?")])
        seen.append(int(answer.handled.sum()))
        return answer

    left: list[int] = []  # rows the registry normalised
    registry = values._registry

    def counted(cells, rows, attr, origin, issues):  # type: ignore[no-untyped-def]
        if attr is fast.AttrType.ASIN:
            left.append(len(rows))
        return registry(cells, rows, attr, origin, issues)

    monkeypatch.setitem(fast.KERNELS, fast.AttrType.ASIN, spy)
    monkeypatch.setattr(values, "_registry", counted)
    assert _listing_values(tmp_path) == expected
    unhandled = 0 if claims_all else len(asins[::2])
    assert seen == [len(asins) - unhandled]
    assert left == ([unhandled] if unhandled else [])  # only the rows it left
