"""Build hook: compile the numeral engine with mypyc where it can (README, "Why mypyc").

The .py files stay the source of truth. Without mypyc or a C compiler, or with
CLAIMTRACK_PURE=1, the same modules install as plain Python and behave the same.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

# Hot, fully typed, self-contained modules; `tests/test_compiled.py` reports which mode runs.
COMPILED = [
    f"src/claimtrack/extract/{name}.py"
    for name in ("normalize", "numwords", "numtokens", "numkinds", "numdates", "numerals")
]


def ext_modules() -> list:
    if os.environ.get("CLAIMTRACK_PURE"):
        return []
    try:
        from mypyc.build import mypycify

        exts = mypycify(COMPILED, opt_level="3", group_name="claimtrack.extract.native")
    except (ImportError, SystemExit, Exception) as e:  # mypyc exits on a type error
        print(f"claimtrack: not compiling with mypyc ({e!r}); pure Python", file=sys.stderr)
        return []
    for ext in exts:
        ext.optional = True  # no working C compiler: keep the pure-Python modules
    return exts


setup(ext_modules=ext_modules())
