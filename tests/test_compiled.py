"""The mypyc build of the extraction core (setup.py): in step with its source, either way."""

from __future__ import annotations

import importlib
import os
import shutil
import sysconfig
from pathlib import Path

import pytest

import claimtrack.extract
from claimtrack.extract import stale_compiled

# every module setup.py compiles: all of claimtrack.extract but its __init__
MODULES = sorted(
    p.stem for p in Path(claimtrack.extract.__file__).parent.glob("*.py") if p.stem != "__init__"
)


def _pure(name: str) -> bool:
    return importlib.import_module(f"claimtrack.extract.{name}").__file__.endswith(".py")


def _has_c_compiler() -> bool:
    cc = (sysconfig.get_config_var("CC") or "").split()
    return bool(cc and shutil.which(cc[0])) or shutil.which("cc") is not None


def test_no_compiled_module_is_older_than_its_source() -> None:
    assert stale_compiled() == []


def test_the_core_is_all_compiled_or_all_pure() -> None:
    assert len({_pure(name) for name in MODULES}) == 1


@pytest.mark.skipif(
    bool(os.environ.get("CLAIMTRACK_PURE")) or not _has_c_compiler(),
    reason="pure Python is the expected build (CLAIMTRACK_PURE set, or no C compiler)",
)
def test_the_core_is_compiled_where_it_can_be() -> None:
    # setup.py falls back to pure Python quietly (a type error mypyc rejects, a failed
    # build): with a C compiler at hand, that is a bug to see here, not a slow install
    assert [name for name in MODULES if _pure(name)] == []
