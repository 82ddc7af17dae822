"""The secret key and the keyed hash: HMAC-SHA256 of a canonical value (spec 2.10).

A plain hash of a phone number can be reversed by hashing every phone number; a keyed
hash cannot without the key, which never leaves the user's machine.
"""

import hashlib
import hmac
import os
import re
import secrets
import string
from pathlib import Path

from linkaudit.errors import InputError

HASH_PREFIX = "h:"
HASH_HEX = 32  # 128 bits: collisions are out of reach for any inventory
MIN_KEY_BYTES = 16
_HASH = re.compile(rf"^{HASH_PREFIX}[0-9a-f]{{{HASH_HEX}}}$")
_MAKE_KEY = 'make one with: python -c "import secrets;print(secrets.token_hex(32))" > key.txt'


def keyed_hash(key: bytes, attr: str, value: str) -> str:
    """`h:` + 32 hex of HMAC-SHA256(key, type NUL value): equal canonical values, equal hashes.

    The type is part of the message, so one text never hashes alike as two types.
    """
    digest = hmac.new(key, f"{attr}\x00{value}".encode(), hashlib.sha256).hexdigest()
    return HASH_PREFIX + digest[:HASH_HEX]


def is_keyed_hash(text: str) -> bool:
    """True for a value written by keyed_hash (`h:` + 32 lower-case hex digits)."""
    return _HASH.match(text) is not None


def read_key(path: Path) -> bytes:
    """The key material of a key file: hex text is decoded, anything else used as bytes.

    InputError when the file is missing, unreadable or holds fewer than 16 bytes.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"key file not found: {path}", _MAKE_KEY) from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read the key file ({exc.strerror})", _MAKE_KEY) from exc
    text = data.strip()
    key = _from_hex(text) if text else b""
    if key is None:
        key = text
    if len(key) < MIN_KEY_BYTES:
        raise InputError(
            f"{path}: the key file holds {len(key)} bytes of key material, "
            f"at least {MIN_KEY_BYTES} are needed",
            _MAKE_KEY,
        )
    return key


def _from_hex(text: bytes) -> bytes | None:
    try:
        decoded = text.decode("ascii")
    except UnicodeDecodeError:
        return None
    if len(decoded) % 2 or any(c not in string.hexdigits for c in decoded):
        return None
    return bytes.fromhex(decoded)


def create_key(path: Path) -> None:
    """Write a fresh random 32-byte key as hex, readable by the owner only; never overwrite."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise InputError(
            f"key file already exists: {path}", "drop --new-key to use it, or choose a new path"
        ) from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot create the key file ({exc.strerror})") from exc
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(32) + "\n")
