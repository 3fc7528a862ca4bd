"""Build hook: compile the numeral engine with mypyc where it can (README, Dependencies).

The .py files stay the source of truth. Without mypyc or a C compiler, or with
CLAIMTRACK_PURE=1, the same modules install as plain Python and behave the same.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

# Hot, fully typed modules (Makefile's NATIVE lists them too); `make bench` says which mode ran.
COMPILED = [
    f"src/claimtrack/extract/{name}.py"
    for name in ("normalize", "numwords", "numtokens", "numkinds", "numdates", "numerals")
]


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
