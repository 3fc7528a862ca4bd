"""Word lists from the data files compiled into one regex each, matched on folded text.

A form is folded with `fold()` on load; spaces match any run of spaces; a trailing `*` lets the
form match any word that begins with it. Arabic forms also match behind the proclitics of the
Arabic data (و ف, then ب ل ك), and forms that begin with its article "ال" also match as "لل".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache

from claimtrack import lang as _lang
from claimtrack.extract.normalize import fold

_ARABIC = re.compile(r"[\u0600-\u06ff]")


@dataclass(frozen=True, slots=True)
class _Proclitics:
    """Letters glued before an Arabic word (`numerals.clitics` of the Arabic data)."""

    conj: str  # conjunctions, first
    prep: str  # then prepositions
    article: str  # the definite article
    prep_article: str  # a preposition + the article as written ("ل" + "ال")

    @property
    def pattern(self) -> str:
        return f"(?:[{self.conj}]?[{self.prep}]?)"


@cache
def _proclitics() -> _Proclitics:
    table = _lang.load("ar")["numerals"]["clitics"]
    return _Proclitics(
        "".join(table["conjunctions"]),
        "".join(table["prepositions"]),
        table["article"][0],
        table["preposition_article"][0],
    )


@dataclass(slots=True, unsafe_hash=True)  # not frozen: a frozen __init__ is 3x slower
class Hit:
    """One match of a lexicon in folded text: offsets and the key of the matched form (treat
    as immutable; equal and hashed by value like a frozen dataclass)."""

    start: int
    end: int
    key: str

    # Written out: mypyc compiles this one, the generated dataclass __init__ runs interpreted.
    def __init__(self, start: int, end: int, key: str) -> None:
        self.start, self.end, self.key = start, end, key


@cache  # (the same forms recur in many word lists)
def fold_form(form: str) -> str:
    """Return a data form folded and with single spaces."""
    return " ".join(fold(form.strip()).text.split())


def alternation(forms: Iterable[str]) -> str:
    """Return a regex for any of the folded `forms`, longest first; a space matches `\\s+`.

    The alternation is shaped as a trie (one branch per next character), which stdlib `re`
    runs several times faster than a flat list; the preference order stays longest first."""
    ordered = sorted(dict.fromkeys(forms), key=len, reverse=True)
    return _trie([list(f) for f in ordered])


_WORD = re.compile(r"\w")
_END = "(?!\\w)"  # token closing an exact form: no word character follows


def _token(tok: str) -> str:
    return "\\s+" if tok == " " else tok if tok == _END else re.escape(tok)


def _overlap(a: str, b: str) -> bool:
    """Return whether distinct trie tokens `a` and `b` (a character, `_END`, or "" for the end
    of a prefix form) can both match at one position; characters are never whitespace."""
    if not a or not b:
        return True
    if a == _END or b == _END:
        other = b if a == _END else a
        return other == " " or _WORD.match(other) is None
    return False


def _trie(seqs: list[list[str]]) -> str:
    """Return the alternation of token sequences `seqs`, keeping their order of preference.

    Sequences with the same first token share a branch, unless a branch in between could
    match at the same place (then the order would change, and the sequence opens a new one)."""
    groups: list[tuple[str, list[list[str]]]] = []
    for seq in seqs:
        head = seq[0] if seq else ""
        for h, rests in reversed(groups):
            if h == head:
                rests.append(seq[1:])
                break
            if _overlap(h, head):
                groups.append((head, [seq[1:]]))
                break
        else:
            groups.append((head, [seq[1:]]))
    items = [_token(head) + _trie(rests) if head else "" for head, rests in groups]
    if len(items) == 1:
        return items[0]
    return "(?:" + "|".join(items) + ")"


def _root(seqs: list[list[str]]) -> str:
    """Return `_trie(seqs)` with the branches of each Unicode block behind a look-ahead of
    their first characters: sre tries a node's branches one by one, and a word then skips
    another script's branches in one test. (Distinct first characters never match at one
    place, so their order is free.)"""
    blocks: dict[int, list[list[str]]] = {}
    for seq in seqs:
        blocks.setdefault(ord(seq[0]) >> 8, []).append(seq)
    if len(blocks) == 1:
        return _trie(seqs)
    gated = []
    for group in blocks.values():
        first = "".join(re.escape(ch) for ch in dict.fromkeys(seq[0] for seq in group))
        gated.append(f"(?=[{first}]){_trie(group)}")
    return "(?:" + "|".join(gated) + ")"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled forms of a table `key -> [forms]`; `find` returns hits with their keys."""

    pattern: re.Pattern[str] | None
    keys: dict[str, str] = field(default_factory=dict)
    clitics: bool = False  # whether forms match behind proclitics
    shortest: int = 0  # length of the shortest form: a shorter span has no hit

    def key_of(self, m: re.Match[str]) -> str | None:
        """Return the key of a match of `pattern` (None: its form is not one of this lexicon's).

        Group 1 is the form as matched, without proclitics or the rest of a prefix form's word;
        a multi-word form may be matched with other spaces than its folded one."""
        core = m[1]
        key = self.keys.get(core)
        if key is None:
            key = self.keys.get(" ".join(core.split()))
        return key

    def match_at(self, text: str, pos: int, end: int | None = None) -> tuple[str, int] | None:
        """Return the key and end of a hit starting at `pos` (within `text[:end]`), or None."""
        if self.pattern is None:
            return None
        m = self.pattern.match(text, pos) if end is None else self.pattern.match(text, pos, end)
        if m is None:
            return None
        key = self.key_of(m)
        return None if key is None else (key, m.end())

    def find_keyed(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, str]]:
        """Return `find(text, start, end)` as (start, end, key) triples, for hot loops (no
        `Hit` objects)."""
        end = len(text) if end is None else end
        if self.pattern is None or end - start < self.shortest:
            return []
        hits = []
        for m in self.pattern.finditer(text, start, end):
            key = self.key_of(m)
            if key is not None:
                hits.append((m.start(), m.end(), key))
        return hits

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Return every non-overlapping hit in `text[start:end]`, leftmost-longest."""
        return [Hit(s, e, key) for s, e, key in self.find_keyed(text, start, end)]

    def first(self, text: str, start: int = 0, end: int | None = None) -> Hit | None:
        """Return the first hit of `find(text, start, end)`, searching no further."""
        end = len(text) if end is None else end
        if self.pattern is None or end - start < self.shortest:
            return None
        key_of = self.key_of
        search = self.pattern.search
        m = search(text, start, end)  # as `finditer`: matches are never empty
        while m is not None:
            key = key_of(m)
            if key is not None:
                return Hit(m.start(), m.end(), key)
            m = search(text, m.end(), end)
        return None

    def has(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Return whether `find(text, start, end)` has a hit (`first` without its `Hit`)."""
        end = len(text) if end is None else end
        if self.pattern is None or end - start < self.shortest:
            return False
        key_of = self.key_of
        search = self.pattern.search
        m = search(text, start, end)
        while m is not None:
            if key_of(m) is not None:
                return True
            m = search(text, m.end(), end)
        return False

    def find_spans(self, text: str, spans: list[tuple[int, int]]) -> list[list[Hit]]:
        """Return `[self.find(text, s, e) for s, e in spans]` from one pass over `text`.

        `spans` are sorted and disjoint. A span gives the same hits in the whole text as alone
        unless a match crosses one of its edges or a word character follows it (the pattern's
        `(?!\\w)` then looks past its end); such spans are searched alone."""
        out: list[list[Hit]] = [[] for _ in spans]
        if self.pattern is None or not spans:
            return out
        if 2 * sum(e - s for s, e in spans) < spans[-1][1] - spans[0][0]:
            return [self.find(text, s, e) for s, e in spans]  # sparse: search each alone
        starts = [s for s, _ in spans]
        n = len(text)
        redo = {i for i, (_, e) in enumerate(spans) if e < n and not text[e].isspace()}
        for m in self.pattern.finditer(text, spans[0][0], spans[-1][1]):
            ms, me = m.span()
            i = bisect_right(starts, ms) - 1
            if i >= 0 and me <= spans[i][1]:
                key = self.key_of(m)
                if key is not None:
                    out[i].append(Hit(ms, me, key))
                continue
            j = max(i, 0)
            while j < len(spans) and spans[j][0] < me:
                if spans[j][1] > ms:
                    redo.add(j)
                j += 1
        for i in redo:
            out[i] = self.find(text, *spans[i])
        return out

    def iter(self, text: str) -> Iterator[Hit]:
        """Yield every hit in `text`."""
        yield from self.find(text)


def build(table: Mapping[str, Iterable[str]], *, clitics: bool | None = None) -> Lexicon:
    """Compile `key -> forms` into a Lexicon (longest form first, so phrases beat prefixes).

    `clitics`: whether forms match behind proclitics (default: when a form is Arabic)."""
    exact: dict[str, str] = {}
    prefix: dict[str, str] = {}
    has_arabic = False
    for key, forms in table.items():
        for raw in forms:
            is_prefix = raw.endswith("*")
            form = fold_form(raw.rstrip("*"))
            if not form:
                continue
            variants = [form]
            if _ARABIC.search(form):
                has_arabic = True
                pro = _proclitics()
                if form.startswith(pro.article) and len(form) > len(pro.article) + 1:
                    variants.append(pro.prep_article + form[len(pro.article) :])
            for v in variants:
                (prefix if is_prefix else exact).setdefault(v, key)
    if not exact and not prefix:
        return Lexicon(None)
    # One trie of every form, exact forms first. Group 1 is the form as matched, without
    # proclitics or the rest of a prefix form's word: `Lexicon.key_of` maps it to its key.
    seqs = [[*f, _END] for f in sorted(exact, key=len, reverse=True)]
    seqs += [list(f) for f in sorted(prefix, key=len, reverse=True)]
    with_clitics = has_arabic if clitics is None else clitics
    clitics_of = _proclitics() if with_clitics else None
    lead = clitics_of.pattern if clitics_of else ""
    # The look-ahead on every first letter lets most word starts fail in one step.
    firsts = {s[0] for s in seqs} | (
        set(clitics_of.conj + clitics_of.prep) if clitics_of else set()
    )
    guard = "(?=[" + "".join(re.escape(ch) for ch in sorted(firsts)) + "])"
    pattern = re.compile(rf"(?<!\w){guard}{lead}({_root(seqs)})\w*")
    keys = {**prefix, **exact}
    return Lexicon(pattern, keys, with_clitics, min(map(len, keys)))


def lookahead(lex: Lexicon, *, after_non_word: bool = False) -> re.Pattern[str]:
    """Return a pattern whose matches end wherever `lex` matches, overlapping matches too.

    A match is empty; with `after_non_word` it is the non-word character before such a place
    (every match of a lexicon begins after one, or at the start of the text; `re` looks for
    one much faster than it tries every place)."""
    if lex.pattern is None:
        return re.compile("(?!)")
    # (`build`'s trailing `\w*` decides nothing in a look-ahead, nor its `(?<!\w)` after `\W`)
    body = lex.pattern.pattern.removesuffix(r"\w*")
    if after_non_word:
        return re.compile(r"\W(?=" + body.removeprefix(r"(?<!\w)") + ")")
    return re.compile(f"(?={body})")


def words(forms: Iterable[str]) -> Lexicon:
    """Compile a plain list of forms (every key is the form itself)."""
    return build({"_": list(forms)})


def loose(lex: Lexicon, keys: Iterable[str] | None = None) -> Lexicon:
    """Return `lex` (only its forms of `keys`) with every form as a prefix: wherever `lex`
    hits in a piece of text, a match of the loose lexicon in the whole text overlaps it."""
    want = None if keys is None else set(keys)
    forms = [f + "*" for f, k in lex.keys.items() if want is None or k in want]
    return build({"_": forms}, clitics=lex.clitics)


@dataclass(frozen=True, slots=True)
class Spots:
    """Where a lexicon matches in a text (sorted, disjoint), for `overlaps` tests."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, lex: Lexicon, text: str) -> Spots:
        if lex.pattern is None:
            return cls([], [])
        spans = [m.span() for m in lex.pattern.finditer(text)]
        return cls([a for a, _ in spans], [b for _, b in spans])

    def overlaps(self, start: int, end: int) -> bool:
        """Return whether a match overlaps `start:end`."""
        i = bisect_right(self.ends, start)
        return i < len(self.starts) and self.starts[i] < end


def nearest_before(hits: list[Hit], starts: list[int], pos: int, floor: int) -> Hit | None:
    """Return the last hit ending at or before `pos` and starting at or after `floor`."""
    i = bisect_left(starts, pos) - 1
    while i >= 0:
        h = hits[i]
        if h.start < floor:
            return None
        if h.end <= pos:
            return h
        i -= 1
    return None
