"""Folding of Arabic and Latin text for matching, with a map back to the original offsets.

Folding removes harakat and tatweel, unifies alef/hamza forms, alef maqsura and taa marbuta,
turns Arabic-Indic and Extended Arabic-Indic digits into ASCII, the Arabic separators into
`,` `.` `%`, odd spaces into a plain space and dashes into `-`, and lowercases Latin letters.
Matching runs on the folded text; spans are mapped back with `Folded.span`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
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
# The table as (character, replacement) pairs: `str.replace` per pair is many times faster than
# `str.translate` on non-ASCII text, and no replacement is itself replaced, so the order is free.
_PAIRS = tuple((chr(k), v) for k, v in _TABLE.items() if chr(k) != v and k >= 128)
_CAPITALS = tuple((chr(k), v) for k, v in _TABLE.items() if chr(k) != v and k < 128)  # A-Z


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and the breakpoints that map its offsets back to the original."""

    text: str
    original: str
    _marks: tuple[int, ...] = ()  # folded offsets at which dropped characters were removed
    _shifts: tuple[int, ...] = ()  # characters removed up to and including each mark
    _origins: tuple[int, ...] = ()  # original offset of each mark: mark + shift

    def to_original(self, pos: int) -> int:
        """Return the original offset of folded offset `pos` (a span start or end)."""
        if not self._marks:
            return pos
        i = bisect_right(self._marks, pos) - 1
        return pos if i < 0 else pos + self._shifts[i]

    def to_folded(self, pos: int) -> int:
        """Return the smallest folded offset whose original offset is at least `pos`."""
        if not self._marks:
            return pos
        i = bisect_right(self._origins, pos) - 1
        if i < 0:
            return min(pos, self._marks[0])
        nxt = self._marks[i + 1] if i + 1 < len(self._marks) else len(self.text)
        return min(pos - self._shifts[i], nxt)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span to the original text, excluding dropped marks at its edges only
        where they follow the span's last character."""
        marks = self._marks
        if not marks:  # nothing was dropped: offsets are the original's
            return (start, start) if end <= start else (start, end)
        i = bisect_right(marks, start) - 1  # as `to_original`, without the calls
        o_start = start if i < 0 else start + self._shifts[i]
        if end <= start:
            return o_start, o_start
        # The end is the position after the last kept character, plus any marks that belong to it
        # (tanween on the last letter is part of the word).
        i = bisect_right(marks, end - 1) - 1
        o_end = end if i < 0 else end + self._shifts[i]
        original = self.original
        while o_end < len(original) and original[o_end] in _DROPPED:
            o_end += 1
        return o_start, o_end


_last: tuple[str, Folded] | None = None  # the numeral engine and the claim layer fold one text


def fold(text: str) -> Folded:
    """Return `text` folded for matching, with the offset map back to `text`."""
    global _last
    last = _last
    if last is not None and last[0] == text:
        return last[1]
    folded = _fold(text)
    _last = (text, folded)
    return folded


def _fold(text: str) -> Folded:
    if text.isascii():  # only capitals to fold, which is all that `lower` changes in ASCII
        return Folded(text.lower(), text)
    mapped = text
    ascii_part = text.encode("ascii", "ignore")
    if ascii_part != ascii_part.lower():  # one pass finds whether any capital is there
        for src, dst in _CAPITALS:
            if src in mapped:
                mapped = mapped.replace(src, dst)
    for src, dst in _PAIRS:
        if src in mapped:
            mapped = mapped.replace(src, dst)
    # `in` per mark is far faster than `_DROPPED_RE` scanning the text: most texts have none
    present = [ch for ch in _DROPPED if ch in mapped]
    if not present:
        return Folded(mapped, text)
    parts: list[str] = []
    marks: list[int] = []
    shifts: list[int] = []
    removed = 0
    last = 0
    for start, end in _dropped_runs(mapped, present):
        parts.append(mapped[last:start])
        removed += end - start
        marks.append(start - (removed - (end - start)))
        shifts.append(removed)
        last = end
    parts.append(mapped[last:])
    origins = tuple(m + k for m, k in zip(marks, shifts, strict=True))
    return Folded("".join(parts), text, tuple(marks), tuple(shifts), origins)


_FEW_DROPPED = 64  # up to this many marks, `str.find` finds them faster than `_DROPPED_RE`


def occurrences(text: str, words: Iterable[str]) -> list[int]:
    """Return where every occurrence of `words` in `text` begins, sorted."""
    at = []
    for w in words:
        j = text.find(w)
        while j >= 0:
            at.append(j)
            j = text.find(w, j + 1)
    at.sort()
    return at


def _dropped_runs(text: str, present: list[str]) -> list[tuple[int, int]]:
    """Return the (start, end) of each run of dropped characters in `text`, in order;
    `present` lists the dropped characters that occur in it."""
    if sum(text.count(ch) for ch in present) > _FEW_DROPPED:
        return [m.span() for m in _DROPPED_RE.finditer(text)]
    runs: list[tuple[int, int]] = []
    for i in occurrences(text, present):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs
