"""Read and parse an inventory's text files on a thread while linkaudit is still importing.

A scan spends its first half second or more importing pandas, pydantic, the normalisers
and the engine, on one core. Reading a CSV file and parsing it with pyarrow needs none of
them, and both release the GIL for nearly all of their time: so `scan` and `check` start
this thread first (start()), and the loader asks it for each file (take()) before reading
the file itself. On the M bench the loader then finds listings.csv (200 MB) parsed.

The thread does the UTF-8 fast path's work of textfile.py with the same functions
(csvparse.py), on the same bytes, so the loader builds the same Sheet from it. Anything
else (another encoding, a JSON or XLSX file, a file that failed here, a file changed since)
is read by the loader as before. It is an optimisation only: take() returning None always
works.
"""

import codecs
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from linkaudit.inventory.csvparse import Parsed, parse_utf8, sniff_delimiter, utf8_head
from linkaudit.inventory.kinds import kind_of, not_inventory
from linkaudit.memory import tune_allocator
from linkaudit.vocab import SUFFIXES, TEXT_SUFFIXES

# Files above the default file-size limit (limits.max_file_mb) are left to the loader: it
# refuses them unless linkaudit.toml raises the limit, and reading them first would hold
# gigabytes for nothing.
MAX_BYTES = 2048 << 20


@dataclass(frozen=True)
class Early:
    """A file as the thread read it: its bytes, and pyarrow's parse of them (None when the
    file is not UTF-8, whose encoding the loader detects, or has no header)."""

    data: bytes
    parsed: Parsed | None


def _identity(stat: os.stat_result) -> tuple[int, int, int, int]:
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


class ReadAhead:
    """One thread reading the text files of one directory, in the loader's order."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.paths, self.total = _listing(root)
        self._ready = {path: threading.Event() for path in self.paths}
        self._found: dict[Path, tuple[tuple[int, int, int, int], Early]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="linkaudit-readahead", daemon=True)

    def start(self) -> "ReadAhead":
        # before Arrow's first buffer (the pool is chosen by the input's size), and before
        # the thread's first malloc: a thread started earlier would keep an arena of its own
        tune_allocator(self.total)
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            for path in self.paths:
                if self._stop.is_set():
                    break
                try:
                    before = _identity(path.stat())
                    if before[2] <= MAX_BYTES:
                        early = _read(path)
                        if not self._stop.is_set():  # else nobody will take it
                            self._found[path] = (before, early)
                except Exception:
                    pass
                finally:
                    self._ready[path].set()
        finally:
            for event in self._ready.values():
                event.set()

    def take(self, path: Path) -> Early | None:
        """The file at `path` as read here, once: None when it was not (or it has changed
        since: the loader then reads what is there now)."""
        ready = self._ready.get(path)
        if ready is None:
            return None
        ready.wait()
        found = self._found.pop(path, None)
        if found is None:
            return None
        identity, early = found
        try:
            same = _identity(path.stat()) == identity
        except OSError:
            return None
        return early if same else None

    def stop(self) -> None:
        """Read no further file and drop what was not taken."""
        self._stop.set()
        self._found.clear()


def _listing(root: Path) -> tuple[list[Path], int]:
    """The text files of known kinds in root, in the loader's order, and the size of every
    file the loader will read (what it tunes the allocator by)."""
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name)
    except OSError:
        return [], 0
    paths, total = [], 0
    for path in entries:
        suffix = path.suffix.lower()
        if not_inventory(path) or suffix not in SUFFIXES:
            continue
        try:
            if not path.is_file():
                continue
            total += path.stat().st_size
        except OSError:
            continue
        if suffix in TEXT_SUFFIXES and kind_of(path.stem) is not None:
            paths.append(path)
    return paths, total


def _read(path: Path) -> Early:
    data = path.read_bytes()
    head = utf8_head(data)
    if head is None:
        return Early(data, None)
    delimiter = sniff_delimiter(head, path.suffix.lower())
    return Early(data, parse_utf8(data.removeprefix(codecs.BOM_UTF8), head, delimiter))


_lock = threading.Lock()
_current: ReadAhead | None = None


def start(root: Path) -> None:
    """Start reading root's text files ahead of the loader (replacing any earlier start)."""
    global _current
    with _lock:
        if _current is not None:
            _current.stop()
        _current = ReadAhead(root).start()


def take(path: Path) -> Early | None:
    """The file at `path` read ahead, or None: read it yourself."""
    current = _current
    return current.take(path) if current is not None else None


def stop() -> None:
    """Done loading: stop reading ahead and drop what was not taken."""
    global _current
    with _lock:
        if _current is not None:
            _current.stop()
        _current = None
