"""Sentences and clauses of folded text, as offset pairs (found once per article).

sentence := text up to `.` `!` `?` `؟` followed by a space, a quote or the end, or up to a line
break; a point after a single letter (`U.S.`), between digits (`1.5`) or after an
abbreviation of the language data (`Gen.`) ends nothing.
clause   := part of a sentence between `,` `،` `;` `؛` `:` (not a comma between digits).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from claimtrack.lang import LANGS, load

# Each alternative begins with a literal character, which lets `re` skip ahead fast; a match
# of a sentence end starts at its point or line break and takes in the spaces after it (group
# 1), where the next sentence begins.
_SENTENCE_END = re.compile(
    "(?:"
    + "|".join(rf"""{p}["'\u201d\u00bb)]*(?=\s|$)""" for p in (r"\.", "!", r"\?", "\u061f"))
    + r"|\n)(\s*)"
)
_SPACES = re.compile(r"\s*")
_CLAUSE_END = re.compile(r",(?<!\d,)|,(?!\d)|\u060c|;|\u061b|:")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each non-blank sentence of `text`, in order."""
    spans: list[tuple[int, int]] = []
    lead = _SPACES.match(text)  # (a sentence starts with no space, ends with none)
    start = lead.end() if lead else 0  # (`\s*` always matches)
    for m in _SENTENCE_END.finditer(text, start):
        at, end = m.start(), m.start(1)
        if text[at] == "\n":  # the sentence ends before it, and before spaces
            end = at
            while end > start and text[end - 1].isspace():
                end -= 1
        # Only a point after a letter that may be Latin can end an abbreviation; a line break
        # after one still ends the sentence.
        elif (
            text[at] == "."
            and at > start
            and _maybe_latin(text[at - 1])
            and _abbreviation().search(text[max(start, at - 5) : at + 1])
            and "\n" not in m[1]
        ):
            continue
        if end > start:
            spans.append((start, end))
        start = m.end()
    end = len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
    return spans


@cache
def _abbreviation() -> re.Pattern[str]:
    """Return the pattern of a text ending in an abbreviation's point: a single letter, a short
    dotted form, or a word of any language's `claims.sentences.abbreviations`."""
    words: list[str] = []
    for lang in LANGS:
        words += load(lang)["claims"].get("sentences", {}).get("abbreviations", [])
    alts = "|".join(["[A-Za-z]", "[a-z]{1,2}\\.[a-z]", *map(re.escape, words)])
    return re.compile(rf"(?:^|[\s(])(?:{alts})\.$", re.I)


def _maybe_latin(ch: str) -> bool:
    """Return whether `ch` could match `[a-z]` ignoring case (Arabic letters and non-letters
    cannot)."""
    return ch.isalpha() and not "\u0600" <= ch <= "\u06ff"


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the clauses of the sentence `text[start:end]` as (start, end) pairs."""
    spans = []
    pos = start
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        spans.append((pos, end))
    return spans or [(start, end)]


def locate(spans: list[tuple[int, int]], starts: list[int], pos: int) -> int:
    """Return the index of the span containing `pos` (or the last one starting before it)."""
    return max(0, bisect_right(starts, pos) - 1)
