"""JSON (.json list or object of kinds) and JSON Lines (.jsonl, .ndjson) -> Sheets (spec 1).

Records keep the physical line where they start, like rows of a CSV file.
"""

import json
import re
from typing import Any

import numpy as np

from linkaudit.errors import InputError
from linkaudit.inventory.decode import detect
from linkaudit.inventory.issues import Issues
from linkaudit.inventory.kinds import kind_of, known_kinds
from linkaudit.inventory.model import Problem
from linkaudit.inventory.sheet import Sheet, cell_text, text_frame
from linkaudit.mask import FREE_TEXT
from linkaudit.vocab import Kind

_WS = re.compile(r"[ \t\r\n]*")
_DECODER = json.JSONDecoder()

Located = list[tuple[int, Any]]  # (line, record)
_NOT_RECORD = "not a record (a JSON object)"


def read_json(
    data: bytes, name: str, kind: Kind | None, encoding: str | None, issues: Issues
) -> list[Sheet]:
    """Sheets from a .json file: a list of records (kind from the file name) or {kind: [...]}."""
    text = detect(data, name, encoding)[0].removeprefix("\ufeff")
    try:
        groups = _parse(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: line {exc.lineno}: invalid JSON ({exc.msg})", "fix the file or re-export it"
        ) from exc
    sheets: list[Sheet] = []
    for key, records in groups:
        target = kind if key is None else kind_of(key)
        if target is None:
            label = f"{name}: key {key!r}" if key is not None else name
            _unknown(label, issues)
            continue
        sheets.append(_sheet(records, name, target, issues))
    return sheets


def read_jsonl(data: bytes, name: str, kind: Kind, encoding: str | None, issues: Issues) -> Sheet:
    """A Sheet from JSON Lines: one object per line; a broken line is a problem, not fatal."""
    text = detect(data, name, encoding)[0].removeprefix("\ufeff")
    records: Located = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            issues.add(
                Problem(
                    f"{name}:{number}", "", line.strip()[:80], f"invalid JSON: {exc.msg}", FREE_TEXT
                ),
                file=name,
            )
    return _sheet(records, name, kind, issues)


def _unknown(label: str, issues: Issues) -> None:
    issues.add(Problem(label, "", "", f"unknown kind; known kinds: {known_kinds()}"))


def _parse(text: str) -> list[tuple[str | None, Located]]:
    """[(None, records)] for a list, [(key, records), ...] for an object of lists."""
    lines = _LineCounter(text)
    i = _WS.match(text, 0).end()  # type: ignore[union-attr]
    if text.startswith("[", i):
        records, i = _array(text, i, lines)
        groups: list[tuple[str | None, Located]] = [(None, records)]
    elif text.startswith("{", i):
        groups, i = _object(text, i, lines)
    else:
        raise json.JSONDecodeError("expected a list of records or an object of kinds", text, i)
    i = _WS.match(text, i).end()  # type: ignore[union-attr]
    if i != len(text):
        raise json.JSONDecodeError("extra data after the JSON value", text, i)
    return groups


class _LineCounter:
    """Line of increasing offsets in one pass over the text."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def at(self, offset: int) -> int:
        if offset < self.pos:
            return self.text.count("\n", 0, offset) + 1
        self.line += self.text.count("\n", self.pos, offset)
        self.pos = offset
        return self.line


def _array(text: str, i: int, lines: _LineCounter) -> tuple[Located, int]:
    items: Located = []
    i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", i):
        return items, i + 1
    while True:
        value, end = _DECODER.raw_decode(text, i)
        items.append((lines.at(i), value))
        i = _WS.match(text, end).end()  # type: ignore[union-attr]
        if text.startswith(",", i):
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        elif text.startswith("]", i):
            return items, i + 1
        else:
            raise json.JSONDecodeError("expected ',' or ']'", text, i)


def _object(text: str, i: int, lines: _LineCounter) -> tuple[list[tuple[str | None, Located]], int]:
    groups: list[tuple[str | None, Located]] = []
    i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
    if text.startswith("}", i):
        return groups, i + 1
    while True:
        key, i = _DECODER.raw_decode(text, i)
        i = _WS.match(text, i).end()  # type: ignore[union-attr]
        if not isinstance(key, str) or not text.startswith(":", i):
            raise json.JSONDecodeError("expected a kind name and ':'", text, i)
        i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        if not text.startswith("[", i):
            raise json.JSONDecodeError(f"the value of {key!r} must be a list of records", text, i)
        records, i = _array(text, i, lines)
        groups.append((key, records))
        i = _WS.match(text, i).end()  # type: ignore[union-attr]
        if text.startswith(",", i):
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        elif text.startswith("}", i):
            return groups, i + 1
        else:
            raise json.JSONDecodeError("expected ',' or '}'", text, i)


def _sheet(records: Located, name: str, kind: Kind, issues: Issues) -> Sheet:
    """Records -> Sheet; headers are the keys in first-seen order; non-objects are problems."""
    headers: dict[str, None] = {}
    kept: Located = []
    for line, record in records:
        if not isinstance(record, dict):
            issues.add(
                Problem(f"{name}:{line}", "", str(record)[:80], _NOT_RECORD, FREE_TEXT),
                file=name,
            )
            continue
        headers.update(dict.fromkeys(str(k) for k in record))
        kept.append((line, record))
    names = list(headers)
    columns = [[cell_text(r.get(h)) for _, r in kept] for h in names]
    lines = np.asarray([line for line, _ in kept], dtype=np.int32)
    return Sheet(kind, name, names, text_frame(columns), lines)
