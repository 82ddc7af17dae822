"""Packages that re-export heavy names import them on first use (linkaudit/lazy.py)."""

import subprocess
import sys

import pytest


def _modules_after(code: str) -> set[str]:
    run = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", run], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_file_kinds_do_not_import_every_normaliser() -> None:
    """The read-ahead thread needs the file kinds, which need only `clean`: the normalisers
    (and phonenumbers, rapidfuzz) wait until a scan asks for them."""
    loaded = _modules_after("import linkaudit.inventory.kinds")
    assert "linkaudit.normalize.base" in loaded
    assert not {"linkaudit.normalize.registry", "linkaudit.normalize.contact"} & loaded
    assert not {"phonenumbers", "rapidfuzz", "pandas"} & loaded


def test_lazy_names_are_the_submodules_own() -> None:
    import linkaudit.normalize as normalize
    from linkaudit.normalize import NORMALIZERS, clean, network
    from linkaudit.normalize.base import clean as base_clean
    from linkaudit.normalize.registry import NORMALIZERS as registry_normalizers
    from linkaudit.vocab import AttrType

    assert NORMALIZERS is registry_normalizers and clean is base_clean
    assert NORMALIZERS[AttrType.IP] is network.normalize_ip  # a submodule, imported as one
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        normalize.nothing_here  # noqa: B018
