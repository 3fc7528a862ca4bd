"""What a number is, read from its context: a year, an identifier, an age, a clock time, or the
two ends of a change rather than a range.

    identifier := id-cue [" " | "(" | "#" | ":" | "-" | "."] digits     (not before a counted noun)
                | "+" digits | "0" digit digits | 8+ digits | digits glued to Latin letters
                | digits inside an e-mail address or URL
    year       := year-cue 4digits | 4digits year-mark | 4digits (where bare years are years)
                  -- but 4digits counted-noun is a count (`2000 people`)
    change     := change-verb (up to 5 words, no punctuation) from-word X (to | "-") Y

All the cue words come from `lang/*/numerals.toml`.
"""

from __future__ import annotations

from typing import Any

from claimtrack.extract import numwords as w
from claimtrack.extract.numtokens import CLAUSE_BREAK, MAX_DIGITS, Tokens, is_year
from claimtrack.model import Kind

_ID_GAP = frozenset(" \t(#:-.")
_PHONE_GAP = frozenset(" -")


def context_kind(
    tk: Tokens,
    s: int,
    i: int,
    j: int,
    kind: Kind,
    *,
    scaled: bool,
    ranged: bool,
    other_is_year: bool,
    lang: str,
) -> Kind:
    """Return the kind implied by cues around the number spanning atoms s..j (digits from i)."""
    first = tk.a[i]
    if kind not in (Kind.COUNT, Kind.YEAR) and not tk.has(s - 1, w.AGE):
        return kind
    prev = s - 1
    has_prev = prev >= 0 and tk.gap(prev, s) in ("", " ")
    counted = tk.counts_next(j)
    if first.raw is not None and is_identifier(tk, i, prev, scaled=scaled, counted=counted):
        return Kind.IDENTIFIER
    if has_prev and w.AGE in tk.a[prev].roles:
        return Kind.DURATION
    if has_prev and w.TCUE in tk.a[prev].roles:
        return Kind.TIME
    yearish = is_year(first) and not scaled and (not ranged or other_is_year)
    opened = ranged and s == i - 1 and w.RSTART in tk.a[s].roles  # "between 2019 and 2021"
    if yearish and (s == i or opened):
        lex = w.lexicon()
        cued = has_prev and w.YCUE in tk.a[prev].roles
        if kind is Kind.YEAR:
            return Kind.YEAR
        if cued and not (counted and lex.counted_beats_cue.get(lang, False)):
            return Kind.YEAR
        if lex.bare_years.get(lang, False) and not counted:
            return Kind.YEAR
        if ranged and not counted:
            return Kind.YEAR
    return kind


def is_identifier(tk: Tokens, i: int, prev: int, *, scaled: bool, counted: bool) -> bool:
    """Return whether the digits at atom i name something rather than count it."""
    at = tk.a[i]
    raw = at.raw or ""
    t = tk.t
    if prev >= 0 and w.IDCUE in tk.a[prev].roles and not scaled and not counted:
        between = t[tk.a[prev].end : at.cstart]
        if len(between) <= 4 and all(c in _ID_GAP for c in between):
            return True
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        return True
    if raw.isdigit() and len(raw) >= 8:
        return True
    before = t[at.cstart - 1] if at.cstart else " "
    after = t[at.end] if at.end < len(t) else " "
    if before in "+@/#_" or (before.isascii() and before.isalpha()):
        return True
    glued = i + 1 < tk.n and tk.a[i + 1].cstart == at.end
    if after in "@_" or (after.isascii() and after.isalpha() and not glued):
        return True
    if (
        before == "-"
        and at.cstart >= 2
        and t[at.cstart - 2].isascii()
        and t[at.cstart - 2].isalpha()
    ):
        return True
    lo = max(0, at.start - 60)
    hi = min(len(t), at.end + 60)
    left = t.rfind(" ", lo, at.start)
    right = t.find(" ", at.end, hi)
    run = t[left + 1 if left >= 0 else lo : right if right >= 0 else hi]
    return "@" in run or "://" in run or "www." in run


def identifier_bounds(tk: Tokens, i: int, j: int, value: Any) -> tuple[int, int, Any]:
    """Return (folded start, last atom, value) of an identifier at atoms i..j, taking in a
    leading "+" and, for a phone number (`+963 ...`, `0933 ...`), the digit groups after it."""
    t = tk.t
    at = tk.a[i]
    start = at.start - 1 if at.start and t[at.start - 1] == "+" else at.start
    raw = at.raw or ""
    if start < at.start or (len(raw) > 1 and raw[0] == "0"):
        while (
            j + 1 < tk.n
            and tk.a[j + 1].raw is not None
            and tk.a[j + 1].cstart - tk.a[j].end == 1
            and t[tk.a[j].end] in _PHONE_GAP
        ):
            j += 1
    if j > i and all(tk.a[k].raw for k in range(i, j + 1)):
        digits = "".join((tk.a[k].raw or "").replace(" ", "") for k in range(i, j + 1))
        value = int(digits[:MAX_DIGITS])
    return start, j, value


def is_change(tk: Tokens, s: int) -> bool:
    """Return whether a change verb (`rose`, `ارتفع`, `went up`) stands at most six words before
    atom s in its clause, so that `from X to Y` there gives two figures, not a range."""
    return tk.cue_before(s, w.lexicon().changes)


def is_elided_age(tk: Tokens, age_end: int, s: int, kind: Kind) -> bool:
    """Return whether a counted range at atom s repeats, with its noun left out, an age range
    ending at folded offset `age_end` in the same clause ("... and the children's between 3
    and 11")."""
    if kind is not Kind.COUNT or age_end < 0 or not tk.has(s, w.RSTART):
        return False
    between = tk.t[age_end : tk.a[s].cstart]
    return not CLAUSE_BREAK.search(between) and len(between.split()) <= 4


def is_full_support(tk: Tokens, s: int, j: int, value: object) -> bool:
    """Return whether a 100% at atoms s..j only says "fully" (`يدعمكم 100%`, `100% support`)."""
    if value != 100 or (tk.near(j, j + 1) and tk.has(j + 1, w.PARTITIVE)):
        return False  # "يدعم 100% من احتياجات المخيم" is a share
    words = w.lexicon().wholehearted
    return tk.word_after(j, words) or tk.cue_before(s, words)
