"""Package names imported on first use (PEP 562), so that a light submodule can be imported
without the heavy ones its package re-exports."""

import importlib
from collections.abc import Callable
from typing import Any


def exports(package: str, home: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: each name in `home` is taken from the submodule
    `home` names, on first use; any other name is an AttributeError (the import system then
    imports a submodule of that name, if there is one)."""

    def getattr_(name: str) -> Any:
        submodule = home.get(name)
        if submodule is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{submodule}"), name)

    return getattr_
