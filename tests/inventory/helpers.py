"""Small builders for inventory fixtures written in tmp_path."""

from pathlib import Path

from linkaudit.config import Config
from linkaudit.inventory import load
from linkaudit.inventory.model import Inventory


def write(root: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """Write text to root/name in the given encoding (no newline translation)."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def read(root: Path, config: Config | None = None, **kwargs: object) -> Inventory:
    return load(root, config or Config(), **kwargs)  # type: ignore[arg-type]


def values(inv: Inventory, attr: str) -> list[str]:
    """Sorted values of one attribute type."""
    table = inv.attributes
    return sorted(table.loc[table["type"] == attr, "value"].tolist())


def provenance(inv: Inventory, attr: str) -> dict[str, str]:
    """value -> src+line for one attribute type."""
    table = inv.attributes[inv.attributes["type"] == attr]
    return {
        v: f"{s}{n}" for v, s, n in zip(table["value"], table["src"], table["line"], strict=True)
    }
