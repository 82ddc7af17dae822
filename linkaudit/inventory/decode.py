"""Text file bytes -> text: detect the encoding (spec 1) or use the one the user gave."""

import codecs

from linkaudit.errors import InputError

# Try order (libraries.md): a BOM decides; then strict UTF-8; then GB18030, which is a
# superset of GBK (what Excel writes on a Chinese Windows); then charset-normalizer.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used) for a file's bytes; InputError when nothing decodes it."""
    if encoding is not None:
        return _decode(data, name, encoding, hint=True), encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode(data, name, codec, hint=False), codec
    bomless = utf16_without_bom(data)
    if bomless is not None:
        return _decode(data, name, bomless, hint=False), bomless
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return _guess(data, name)


def utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le`/`utf-16-be` when the bytes look like UTF-16 saved without a BOM.

    ASCII in UTF-16 is valid UTF-8 full of NUL bytes, so it must be caught before UTF-8:
    a NUL in most odd (LE) or even (BE) positions and almost none in the others.
    """
    sample = data[:4096]
    if len(sample) < 4 or (len(sample) % 2 and len(data) == len(sample)):
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd >= 0.3 and zeros_even <= 0.02:
        return "utf-16-le"
    if zeros_even >= 0.3 and zeros_odd <= 0.02:
        return "utf-16-be"
    return None


def _decode(data: bytes, name: str, codec: str, *, hint: bool) -> str:
    try:
        return data.decode(codec)
    except LookupError as exc:
        raise InputError(
            f"unknown encoding {codec!r}", "pass an encoding such as utf-8 or gb18030"
        ) from exc
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        tip = "pass another --encoding" if hint else "re-save the file as UTF-8"
        raise InputError(f"{name}: line {line}: cannot decode the text as {codec}", tip) from exc


def _guess(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            f"{name}: cannot detect the text encoding (not UTF-8, UTF-16 or GBK)",
            "pass --encoding, or re-save the file as UTF-8",
        )
    return str(best), str(best.encoding)
