"""Writing a report file atomically: readers see the old file or the complete new one."""

import os
import tempfile
from pathlib import Path

from linkaudit.errors import LinkauditError


def _umask_mode() -> int:
    # mkstemp creates 0600 files; a report should get the permissions of any new file
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` (text as UTF-8) to `path` via a temp file in the same directory.

    The temp file is flushed, fsynced and renamed over `path` with os.replace, so a
    crash or error mid-write leaves the previous file (or no file) and never a partial
    one. An OSError becomes a LinkauditError naming the file.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise LinkauditError(
            f"cannot write {path}: {exc.strerror}",
            "check that the directory exists and is writable",
        ) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _umask_mode())
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise LinkauditError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise
