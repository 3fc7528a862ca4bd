"""The pure extraction core: `extract(text, published=..., lang=...) -> list[Claim]`.

Nothing under this package reads files (other than its packaged data), the network, the
database, the clock, the environment or stdout.
"""

from __future__ import annotations

import re
from datetime import date

from claimtrack.model import Claim, Metric, Qualifier

__all__ = ["extract"]

_PLAIN = re.compile(r"\d[\d,]*")


def extract(text: str, *, published: date | None, lang: str) -> list[Claim]:
    """Return every quantitative claim in `text`; spans index `text`; relative times use `published`."""
    # Placeholder until the numeral engine and claim layer land: plain digit runs only.
    claims = []
    for m in _PLAIN.finditer(text):
        value = float(m.group().replace(",", ""))
        claims.append(
            Claim(
                value=value,
                qualifier=Qualifier.EXACT,
                unit="other",
                metric=Metric.OTHER,
                span=m.group(),
                start=m.start(),
                end=m.end(),
                sentence=text[max(0, m.start() - 80) : m.end() + 80],
                as_of=published.isoformat() if published else None,
            )
        )
    return claims
