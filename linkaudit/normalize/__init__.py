"""One pure normaliser per attribute type (spec 3), and the registries the pipeline uses.

NORMALIZERS[type](raw, country) -> Norm    never raises
DERIVED[type](canonical) -> [(type, value, weak)] values derived from a canonical one
                                           (ip -> ip_subnet; card -> its weak last-4 key)
SIMILARITY[type](a, b) -> float in [0, 1]  fuzzy types only; 0 when a guard forbids a match
                                           (two flats in one building are not one address)
TOKENS[type](canonical) -> [str]           blocking keys for fuzzy types: only values sharing
                                           a token are ever compared

The names are imported on first use: importing a light submodule (`base`, for `clean`)
must not import every normaliser, so that a scan's read-ahead thread starts sooner.
"""

from typing import TYPE_CHECKING

from linkaudit.lazy import exports

if TYPE_CHECKING:
    from linkaudit.normalize.base import NOTHING, Norm, Normalizer, clean, is_placeholder
    from linkaudit.normalize.registry import DERIVED, NORMALIZERS, SIMILARITY, TOKENS

__all__ = [
    "DERIVED",
    "NORMALIZERS",
    "NOTHING",
    "SIMILARITY",
    "TOKENS",
    "Norm",
    "Normalizer",
    "clean",
    "is_placeholder",
]

_HOME = {
    "DERIVED": "registry",
    "NORMALIZERS": "registry",
    "SIMILARITY": "registry",
    "TOKENS": "registry",
    "NOTHING": "base",
    "Norm": "base",
    "Normalizer": "base",
    "clean": "base",
    "is_placeholder": "base",
}


__getattr__ = exports(__name__, _HOME)
