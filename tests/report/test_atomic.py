"""write_atomic: the complete new file or the previous one, never a partial file."""

import os
from pathlib import Path

import pytest

from linkaudit.errors import LinkauditError
from linkaudit.report import write_atomic


def test_writes_text_as_utf8_and_bytes_as_they_are(tmp_path: Path) -> None:
    write_atomic(tmp_path / "r.md", "账号\n")
    write_atomic(tmp_path / "r.xlsx", b"PK\x03\x04")
    assert (tmp_path / "r.md").read_bytes() == "账号\n".encode()
    assert (tmp_path / "r.xlsx").read_bytes() == b"PK\x03\x04"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md", "r.xlsx"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    target.write_text("old")
    write_atomic(target, "new")
    assert target.read_text() == "new"


def test_gets_normal_file_permissions(tmp_path: Path) -> None:
    write_atomic(tmp_path / "r.html", "<p>")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "r.html").stat().st_mode & 0o777 == 0o666 & ~mask


def test_failure_mid_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.csv"
    target.write_text("previous")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(LinkauditError, match=r"cannot write .*r\.csv: No space left on device"):
        write_atomic(target, "new content")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]


def test_interrupt_mid_write_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "r.html", "x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_missing_directory_is_a_linkaudit_error(tmp_path: Path) -> None:
    with pytest.raises(LinkauditError, match="check that the directory exists"):
        write_atomic(tmp_path / "nope" / "r.csv", "x")
