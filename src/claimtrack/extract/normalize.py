"""Folding of Arabic and Latin text for matching, with a map back to the original offsets.

Folding removes harakat and tatweel, unifies alef/hamza forms, alef maqsura and taa marbuta,
turns Arabic-Indic and Extended Arabic-Indic digits into ASCII, the Arabic separators into
`,` `.` `%`, odd spaces into a plain space and dashes into `-`, and lowercases Latin letters.
Matching runs on the folded text; spans are mapped back with `Folded.span`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Characters dropped from the folded text (harakat, superscript alef, tatweel, invisible marks).
_DROPPED = (
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640"
    "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff\u00ad"
)
_DROPPED_RE = re.compile(f"[{_DROPPED}]+")


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for digits in ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"):
        for i, ch in enumerate(digits):
            table[ord(ch)] = str(i)
    pairs = {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        "٬": ",", "٫": ".", "٪": "%", "،": "،",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
        "ی": "ي", "ک": "ك",
    }  # fmt: skip
    for src, dst in pairs.items():
        table[ord(src)] = dst
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    return table


_TABLE = _table()


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and the breakpoints that map its offsets back to the original."""

    text: str
    original: str
    _marks: tuple[int, ...] = ()  # folded offsets at which dropped characters were removed
    _shifts: tuple[int, ...] = ()  # characters removed up to and including each mark

    def to_original(self, pos: int) -> int:
        """Return the original offset of folded offset `pos` (a span start or end)."""
        if not self._marks:
            return pos
        i = bisect_right(self._marks, pos) - 1
        return pos if i < 0 else pos + self._shifts[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span to the original text, excluding dropped marks at its edges only
        where they follow the span's last character."""
        o_start = self.to_original(start)
        if end <= start:
            return o_start, o_start
        # The end is the position after the last kept character, plus any marks that belong to it
        # (tanween on the last letter is part of the word).
        o_end = self.to_original(end - 1) + 1
        while o_end < len(self.original) and self.original[o_end] in _DROPPED:
            o_end += 1
        return o_start, o_end


def fold(text: str) -> Folded:
    """Return `text` folded for matching, with the offset map back to `text`."""
    mapped = text.translate(_TABLE)
    if not _DROPPED_RE.search(mapped):
        return Folded(mapped, text)
    parts: list[str] = []
    marks: list[int] = []
    shifts: list[int] = []
    removed = 0
    last = 0
    for m in _DROPPED_RE.finditer(mapped):
        parts.append(mapped[last : m.start()])
        removed += m.end() - m.start()
        marks.append(m.start() - (removed - (m.end() - m.start())))
        shifts.append(removed)
        last = m.end()
    parts.append(mapped[last:])
    return Folded("".join(parts), text, tuple(marks), tuple(shifts))
