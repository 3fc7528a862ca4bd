"""The pure extraction core: `extract(text, published=..., lang=...) -> list[Claim]`.

Nothing under this package reads files (other than its packaged data, and at import the
timestamps of its own compiled build, `stale_compiled`), the network, the database, the
clock, the environment or stdout.
"""

from __future__ import annotations

import os
import re
from datetime import date
from importlib.machinery import EXTENSION_SUFFIXES
from typing import TYPE_CHECKING

from claimtrack.model import Claim

if TYPE_CHECKING:
    from claimtrack.extract.entities import Gazetteer

__all__ = ["detect_lang", "extract"]


def stale_compiled() -> list[str]:
    """Return the modules here compiled by mypyc (setup.py) before their source last changed."""
    here, suffix = os.path.dirname(__file__), EXTENSION_SUFFIXES[0]
    stale = []
    for name in os.listdir(here):
        module = name.removesuffix(suffix)
        source = os.path.join(here, module + ".py")
        # (1 s of slack: a wheel install writes both in any order)
        if (
            name != module
            and os.path.exists(source)
            and os.path.getmtime(source) > os.path.getmtime(os.path.join(here, name)) + 1
        ):
            stale.append(module)
    return stale


# A compiled module older than its .py would run the old code instead of the edited one.
if _stale := stale_compiled():
    raise ImportError(
        f"claimtrack.extract: {', '.join(sorted(_stale))} compiled before their last edit;"
        " run `make` to rebuild (or delete src/claimtrack/extract/*.so for pure Python)"
    )

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_lang(text: str) -> str:
    """Return "ar" when Arabic letters outnumber Latin ones in the first 2000 characters."""
    head = text[:2000]
    return "ar" if len(_ARABIC.findall(head)) >= len(_LATIN.findall(head)) else "en"


def extract(
    text: str,
    *,
    published: date | None,
    lang: str | None,
    gazetteer: Gazetteer | None = None,
) -> list[Claim]:
    """Return every quantitative claim in `text`; spans index `text`; times use `published`."""
    from claimtrack.extract.claims import build_claims
    from claimtrack.extract.entities import default_gazetteer
    from claimtrack.extract.numerals import find_numerals

    lang = lang or detect_lang(text)
    numerals = find_numerals(text, lang=lang)
    return build_claims(
        text, numerals, published=published, lang=lang, gaz=gazetteer or default_gazetteer()
    )
