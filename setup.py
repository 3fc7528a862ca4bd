"""Build hook: compile the extraction core with mypyc where it can (README, Dependencies).

The .py files stay the source of truth. Without mypyc or a C compiler, or with
CLAIMTRACK_PURE=1, the same modules install as plain Python and behave the same.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup

# The whole extraction core but its __init__ (which checks the build), fully typed; Makefile's
# NATIVE lists the same files. `make bench` says which mode ran.
COMPILED = sorted(
    str(path)
    for path in Path("src/claimtrack/extract").glob("*.py")
    if path.name != "__init__.py"
)


def ext_modules() -> list:
    """Return the mypyc extensions of COMPILED, or none (pure Python) when that cannot work."""
    if os.environ.get("CLAIMTRACK_PURE"):
        return []
    try:
        from mypyc.build import mypycify

        exts = mypycify(COMPILED, opt_level="3", group_name="claimtrack.extract.native")
    except (Exception, SystemExit) as e:  # no mypy, or mypyc exits on a type error
        print(f"claimtrack: not compiling with mypyc ({e!r}); pure Python", file=sys.stderr)
        return []
    for ext in exts:
        ext.optional = True  # no working C compiler: keep the pure-Python modules
    return exts


setup(ext_modules=ext_modules())
