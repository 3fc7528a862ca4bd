"""Atoms of the numeral engine: digit runs and lexicon words found in folded text, and the
adjacency helpers the grammars (numerals, dates, kinds) share.

An atom is one digit group or one lexicon form with its proclitics (و، ف، ب، ل، ك، ال) split off:
`conj` marks a joining و/ف, `definite` an article. Digits keep their folded spelling (`raw`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from claimtrack.extract import numwords as w
from claimtrack.extract.normalize import Folded

MAX_DIGITS = 15
# thousands grouped by spaces: 1-3 digits, then exact groups of three, no more digits after
_SPACED = re.compile(r"\d{1,3}(?: \d{3})+(?![.,]?\d| \d)")
_NEXT_WORD = re.compile(r" ?([^\W\d_]+)")
_DIGIT_SEP = re.compile(r"(?<=\d)[.,](?=\d)")
CLAUSE_BREAK = re.compile(r"[.،,؛;:!?؟\n()«»\"]")
TANWEEN = frozenset("\u064b\u064c\u064d")  # an indefinite noun's case ending: "ألفاً" is singular
_PREV_WORD = re.compile(r"([^\W\d_]+) ?$")
_GAP_MARKS = frozenset(("-", "/", ":", ",", "،"))  # what may stand between two atoms
_NO_ROLES: dict[str, Any] = {}  # never written
# Bounds `Lexicon.analysed` against endless spacing variants of multi-word forms.
_MAX_ANALYSED = 100_000
ADDRESS_MARKS = ("@", "://", "www.")  # an e-mail or web address


@dataclass(slots=True)
class Atom:
    start: int  # folded offset of the word (after its clitics)
    end: int
    cstart: int  # folded offset including clitics
    roles: dict[str, Any]
    conj: bool = False
    definite: bool = False
    raw: str | None = None  # digits as written (folded)
    val: Any = None  # digits value
    alt: Any = None  # digits value when a scale follows ("1.500 مليون" -> 1.5)

    # Written out: mypyc compiles this one, the generated dataclass __init__ runs interpreted.
    def __init__(
        self,
        start: int,
        end: int,
        cstart: int,
        roles: dict[str, Any],
        conj: bool = False,
        definite: bool = False,
        raw: str | None = None,
        val: Any = None,
        alt: Any = None,
    ) -> None:
        self.start, self.end, self.cstart, self.roles = start, end, cstart, roles
        self.conj, self.definite, self.raw, self.val, self.alt = conj, definite, raw, val, alt


def digit_pieces(raw: str) -> list[tuple[int, int, Any, Any]]:
    """Return (offset, end, value, value-if-scale-follows) for a digit run with separators.

    `1,500` and `1.500` are thousands, `1.5` and `1,5` decimals, `10 000` thousands grouped by
    spaces (the tokeniser only joins exact groups of three); anything else splits into pieces.
    """
    if raw.isdigit():
        if len(raw) > MAX_DIGITS:
            return [(0, len(raw), int(raw[:MAX_DIGITS]), None)]
        return [(0, len(raw), int(raw), None)]
    if " " in raw:
        return [(0, len(raw), int(raw.replace(" ", "")[:MAX_DIGITS]), None)]
    parts = raw.replace(".", " . ").replace(",", " , ").split()
    groups, seps = parts[::2], parts[1::2]
    tail3 = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
    kinds = set(seps)
    joined = "".join(groups)
    if len(joined) <= MAX_DIGITS:
        if kinds == {","} and tail3:
            return [(0, len(raw), int(joined), None)]
        if kinds == {"."} and tail3:
            alt = Decimal(raw) if len(seps) == 1 else None
            return [(0, len(raw), int(joined), alt)]
        if len(seps) == 1:
            return [(0, len(raw), w._number(raw.replace(",", ".")), None)]
        last = seps[-1]
        lead = seps[:-1]
        if (
            len(set(lead)) == 1
            and lead[0] != last
            and len(groups[0]) <= 3
            and all(len(g) == 3 for g in groups[1:-1])
        ):
            return [(0, len(raw), w._number("".join(groups[:-1]) + "." + groups[-1]), None)]
    pieces = []
    pos = 0
    for i, g in enumerate(groups):
        pieces.append((pos, pos + len(g), int(g[:MAX_DIGITS]), None))
        pos += len(g) + (1 if i < len(seps) else 0)
    return pieces


def tokenize(folded: str) -> list[Atom]:
    """Return the atoms of a folded text, in order."""
    lex = w.lexicon()
    analysed = lex.analysed
    atoms: list[Atom] = []
    append = atoms.append
    skip = 0  # end of a space-grouped number read past the regex match
    for start, end in _spans(folded, lex):
        if start < skip:
            continue
        text = folded[start:end]
        split = analysed.get(text)
        if split is not None:  # a word met before: the common case
            off, roles, conj, definite = split
            append(Atom(start + off, end, start, roles, conj, definite))
            continue
        if not text[0].isdecimal():  # a word (`\d` is a decimal digit; no form starts with one)
            split = _split(text, lex)
            if split is None:  # the regex matched a form the lexicon has under another spacing
                continue
            if len(analysed) < _MAX_ANALYSED:
                analysed[text] = split
            off, roles, conj, definite = split
            append(Atom(start + off, end, start, roles, conj, definite))
            continue
        raw = text
        if len(raw) <= 3 and folded.startswith(" ", end) and raw.isdigit():
            sm = _SPACED.match(folded, start)
            if sm and not (start and folded[start - 1] in ".,"):
                raw, skip = sm.group(), sm.end()
        conj = False
        cstart = start
        prev = folded[start - 1] if start else ""
        if prev in lex.clitic_letters and (start < 2 or not folded[start - 2].isalpha()):
            conj = prev in lex.conj_letters
            cstart = start - 1
        if raw.isdigit() and len(raw) <= MAX_DIGITS:  # as `digit_pieces`, without the call
            append(Atom(start, start + len(raw), cstart, {}, conj, False, raw, int(raw)))
            continue
        for off, end, val, alt in digit_pieces(raw):
            append(Atom(start + off, start + end, cstart, {}, conj, False, raw[off:end], val, alt))
            cstart = start + end + 1
            conj = False
    return atoms


def _spans(folded: str, lex: w.Lexicon) -> list[tuple[int, int]]:
    """Return the (start, end) of every digit run and word, scanning left to right as
    `digits|word` would (see `numwords.lexicon`)."""
    spans: list[tuple[int, int]] = []
    append = spans.append  # a list, not a generator: cheaper per token
    word, scan, word_starts = lex.word, lex.scan, lex.word_starts
    n = len(folded)
    pos = 0
    while pos < n:
        if folded[pos] in word_starts:  # a word here has no character of its own before it
            m = word.match(folded, pos)
            if m is not None:
                append((pos, m.end()))
                pos = m.end()
                continue
        for m in scan.finditer(folded, pos):
            # group 1 is a token after the character `scan` stood on; without it, the match is
            # a digit run that this character begins (`numwords.lexicon` explains `scan`)
            span = m.span(1) if m.lastindex else m.span()
            append(span)
            end = span[1]
            if end < n and folded[end] in word_starts:
                pos = end  # a word may be glued to this token: look there first
                break
        else:
            break
    return spans


def _split(text: str, lex: w.Lexicon) -> tuple[int, dict[str, Any], bool, bool] | None:
    """Return (offset of the atom in `text`, roles, conj, definite) for a matched word: the
    shortest clitic prefix whose remainder is a form (an article stays with the word)."""
    full = text if text.isalpha() else w.key(text)  # a form may hold spaces
    for k in range(len(full)):
        roles = lex.words.get(full[k:])
        if roles is not None:
            break
    else:
        return None
    prefix = full[:k]
    definite = bool(prefix) and prefix.endswith(lex.articles)
    keep = 0
    if definite:
        keep = 1 if prefix.endswith(lex.articles[-1]) else len(lex.articles[0])
    conj = bool(prefix) and prefix[0] in lex.conj_letters
    return len(prefix) - keep, roles, conj, definite


class Tokens:
    """The atoms of one folded text with the adjacency tests every grammar uses."""

    def __init__(self, folded: Folded, atoms: list[Atom]) -> None:
        self.f = folded
        self.t = folded.text
        self.a = atoms
        self.n = len(atoms)
        # whether the text holds an e-mail or web address mark anywhere (set here, not cached
        # on first use: writing to `__dict__` later unspecialises every attribute read after)
        self.has_address = any(map(self.t.__contains__, ADDRESS_MARKS))

    def gap(self, i: int, j: int) -> str | None:
        """Return "" (glued), " ", or the punctuation between atoms i and j; None if apart."""
        a, b = self.a[i].end, self.a[j].cstart
        if a >= b:
            return ""
        if b - a == 1:  # the common case: one character
            ch = self.t[a]
            if ch == " " or ch == "\t":
                return " "
            return ch if ch in _GAP_MARKS else None
        if b - a > 6:  # before slicing: atoms of sparse text lie far apart
            return None
        s = self.t[a:b]
        if "\n" in s:
            return None
        core = s.strip(" \t")
        if not core:
            return " "
        if core in _GAP_MARKS:
            return core
        return None

    def near(self, i: int, j: int) -> bool:
        """Return whether atoms i and j both exist and are glued or one space apart."""
        if not (0 <= i < self.n and 0 <= j < self.n):
            return False
        a, b = self.a[i].end, self.a[j].cstart
        if a >= b:
            return True
        if b - a == 1:  # as `gap`, without the call
            return self.t[a] in " \t"
        return self.gap(i, j) in ("", " ")

    def roles(self, i: int) -> dict[str, Any]:
        """Return the roles of atom i, none if there is no atom i."""
        return self.a[i].roles if 0 <= i < self.n else _NO_ROLES

    def has(self, i: int, role: str) -> bool:
        """Return whether atom i exists and plays `role`."""
        return 0 <= i < self.n and role in self.a[i].roles

    def counts_next(self, k: int) -> bool:
        """Return whether atom k is followed by a counted noun (`2000 people`, `1950 عائلة`)."""
        return self.word_after(k, w.lexicon().counted)

    def word_after(self, k: int, words: frozenset[str]) -> bool:
        """Return whether the word right after atom k (one space at most) is one of `words`."""
        m = _NEXT_WORD.match(self.t, self.a[k].end)
        return m is not None and m.group(1) in words

    def word_before(self, k: int, words: frozenset[str]) -> bool:
        """Return whether the word right before atom k (one space at most) is one of `words`."""
        start = self.a[k].cstart
        m = _PREV_WORD.search(self.t, max(0, start - 30), start)
        return m is not None and m.group(1) in words

    def words_after(self, k: int, n: int) -> list[str]:
        """Return up to `n` words after atom k, in its clause."""
        end = self.a[k].end
        return CLAUSE_BREAK.split(self.t[end : end + 80], maxsplit=1)[0].split()[:n]

    def has_tanween(self, k: int) -> bool:
        """Return whether atom k carries tanween in the original text."""
        start, end = self.f.span(self.a[k].start, self.a[k].end)
        return not TANWEEN.isdisjoint(self.f.original[start:end])

    def cue_before(self, s: int, words: frozenset[str], span: int = 6) -> bool:
        """Return whether one of `words` (one or two words, maybe with a joining و/ف) stands at
        most `span` words before atom s, in the same clause."""
        start = self.a[s].cstart
        before = _DIGIT_SEP.sub("", self.t[max(0, start - 100) : start])
        clause = CLAUSE_BREAK.split(before)[-1].split()[-span:]
        conj = w.lexicon().conj_letters
        for k, word in enumerate(clause):
            if word[0] in conj and word not in words:
                word = word[1:]
            if word in words or (k + 1 < len(clause) and f"{word} {clause[k + 1]}" in words):
                return True
        return False


def is_year(at: Atom) -> bool:
    """Return whether an atom is four plain digits in the year window (1900-2100)."""
    return at.raw is not None and len(at.raw) == 4 and at.raw.isdigit() and 1900 <= at.val <= 2100
