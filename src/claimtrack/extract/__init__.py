"""The pure extraction core: `extract(text, published=..., lang=...) -> list[Claim]`.

Nothing under this package reads files (other than its packaged data), the network, the
database, the clock, the environment or stdout.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from claimtrack.model import Claim

if TYPE_CHECKING:
    from claimtrack.extract.entities import Gazetteer

__all__ = ["detect_lang", "extract"]

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
