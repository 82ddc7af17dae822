"""One malloc heap for every thread, chosen before numpy's import starts a thread."""

import subprocess
import sys
from pathlib import Path

import pytest

from linkaudit import heap


class FakeLibc:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def mallopt(self, param: int, value: int) -> int:
        self.calls.append((param, value))
        return 1


def test_one_heap_asks_glibc_for_one_arena(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in heap.MALLOC_ENV:
        monkeypatch.delenv(name, raising=False)
    fake = FakeLibc()
    heap.one_heap(fake)  # type: ignore[arg-type]
    assert fake.calls == [(-8, 1)]  # M_ARENA_MAX
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")  # the user's own choice is kept
    fake.calls.clear()
    heap.one_heap(fake)  # type: ignore[arg-type]
    assert fake.calls == []


def test_one_heap_only_below_the_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "listings.csv").write_bytes(b"x" * 100)
    (tmp_path / "sub").mkdir()  # not a file: not counted
    assert heap.input_bytes(tmp_path) == 100
    assert heap.input_bytes(tmp_path / "missing") == 0
    called: list[bool] = []
    monkeypatch.setattr(heap, "one_heap", lambda: called.append(True))
    monkeypatch.setattr(heap, "HEAP_ONLY_BELOW", 101)
    heap.one_heap_for(tmp_path)
    assert called == [True]
    monkeypatch.setattr(heap, "HEAP_ONLY_BELOW", 100)  # a large inventory: glibc's heaps
    heap.one_heap_for(tmp_path)
    assert called == [True]


def test_the_commands_choose_the_heap_before_numpy_is_imported(tmp_path: Path) -> None:
    (tmp_path / "accounts.csv").write_text("account_id\nA1\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import linkaudit.heap as heap, linkaudit.cli as cli\n"
        "seen = []\n"
        "heap.one_heap = lambda lib=None: seen.append('numpy' in sys.modules)\n"
        "cli._read_ahead(Path(sys.argv[1]), None)\n"
        "print(seen[0], 'numpy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    # chosen first; the read-ahead then imports numpy (and tunes the rest of malloc)
    assert out.stdout.strip() == "False True"


def test_the_heap_module_imports_no_numpy() -> None:
    code = "import sys, linkaudit.heap, linkaudit.cli; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
