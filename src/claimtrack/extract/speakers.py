"""Who states a figure: a known body or person named next to a speech verb or "according to".

speaker := according-to NAME | VERB ... NAME | NAME ... VERB  (within a few words)
         | according-to STATEMENT | VERB with no name   -> the speaker named before
Known names map to canonical ones (`claims.speakers.names`); an English personal name next to
a speech verb is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from claimtrack import lang as _lang
from claimtrack.extract import lexicon

_NAME = r"[A-Z][a-z]+(?:[ -](?:al-|el-|Al-|de |van |bin )?[A-Z][a-z']+){1,3}"
_EN_VERB = r"(?:said|says|told|added|put|estimated|stated|announced)"
_PERSON_AFTER = re.compile(rf"\b{_EN_VERB}\s+(?:[a-z-]+\s+){{0,3}}?({_NAME})")
_PERSON_BEFORE = re.compile(rf"({_NAME}),?(?:\s+[a-z-]+){{0,2}}\s+{_EN_VERB}\b")
_NOT_NAMES = {"The", "In", "On", "At", "By", "But", "And", "Syrian", "Kurdish", "Islamic"}


@dataclass(frozen=True, slots=True)
class _Speech:
    names: lexicon.Lexicon
    verbs: lexicon.Lexicon
    according: lexicon.Lexicon
    statement: lexicon.Lexicon


@cache
def _speech(lang: str) -> _Speech:
    data = _lang.load(lang)["claims"]["speakers"]
    return _Speech(
        names=lexicon.build(data["names"]),
        verbs=lexicon.words(data["verbs"]),
        according=lexicon.words(data["according"]),
        statement=lexicon.words(data["statement"]),
    )


def speech_verbs(lang: str) -> lexicon.Lexicon:
    """Return the compiled speech verbs of `lang` ("قال", "said")."""
    return _speech(lang).verbs


class SpeakerTrack:
    """The speakers of an article's sentences, asked for in text order (`at`).

    A sentence with no speech verb and no "according to" has no speaker and keeps the last
    one; any other sentence either names a speaker or passes the last one on. So the last
    speaker before a sentence is the one named by the nearest cued sentence that names one,
    found by walking back: each sentence is read at most once, and only when asked for."""

    def __init__(
        self,
        ftext: str,
        spans: list[tuple[int, int]],
        original: Callable[[int, int], str],
        *,
        lang: str,
    ) -> None:
        self.ftext, self.spans, self.original, self.lang = ftext, spans, original, lang
        # Every form as a prefix: a hit of either list is a hit here (extra hits cost time only).
        data = _lang.load(lang)["claims"]["speakers"]
        cues = _cues(lang, tuple(f.rstrip("*") + "*" for f in data["verbs"] + data["according"]))
        self.cued = [bool(hits) for hits in cues.find_spans(ftext, spans)]
        self.known = 0  # sentences before this one are accounted for in `last`
        self.last: str | None = None

    def _read(self, i: int, previous: str | None) -> tuple[str | None, bool]:
        s, e = self.spans[i]
        return find_speaker(
            self.ftext, self.original(s, e), s, e, lang=self.lang, previous=previous
        )

    def at(self, i: int) -> str | None:
        """Return the speaker of the claims in sentence `i` (after every sentence asked for)."""
        for j in range(i - 1, self.known - 1, -1):
            if self.cued[j]:
                spk, attributed = self._read(j, None)
                if attributed and spk:
                    self.last = spk
                    break
        self.known = i + 1
        if not self.cued[i]:
            return None
        spk, attributed = self._read(i, self.last)
        if attributed and spk:
            self.last = spk
        return spk if attributed else None


@cache
def _cues(lang: str, forms: tuple[str, ...]) -> lexicon.Lexicon:
    return lexicon.words(forms)


def _gap_words(ftext: str, a: int, b: int) -> int:
    return len(ftext[a:b].split()) if b >= a else 99


def find_speaker(
    ftext: str,
    original: str,
    start: int,
    end: int,
    *,
    lang: str,
    previous: str | None,
) -> tuple[str | None, bool]:
    """Return (speaker, is_attributed) of the sentence `ftext[start:end]`.

    `original` is the sentence as written (for personal names); `previous` the last speaker."""
    sp = _speech(lang)
    names = sp.names.find(ftext, start, end)
    for acc in sp.according.find(ftext, start, end):
        for n in names:
            if n.start >= acc.end and _gap_words(ftext, acc.end, n.start) <= 3:
                return n.key, True
        for st in sp.statement.find(ftext, acc.end, min(end, acc.end + 30)):
            if st.start >= acc.end:
                tail = [n for n in names if n.start >= st.end and n.start - st.end < 20]
                return (tail[0].key if tail else previous), True
        person = _person(original)
        if person:
            return person, True
    verbs = sp.verbs.find(ftext, start, end)
    if not verbs:
        return None, False
    best: tuple[int, str] | None = None
    for v in verbs:
        for n in names:
            if n.start >= v.end:
                d = _gap_words(ftext, v.end, n.start)
            else:
                d = _gap_words(ftext, n.end, v.start) + 1
            if d <= 6 and (best is None or d < best[0]):
                best = (d, n.key)
    person = _person(original)
    if best and (person is None or best[0] <= 1):
        return best[1], True
    if person:
        return person, True
    if best:
        return best[1], True
    return previous, previous is not None


def _person(original: str) -> str | None:
    for rx in (_PERSON_BEFORE, _PERSON_AFTER):
        for m in rx.finditer(original):
            name = m.group(1)
            if name.split()[0] not in _NOT_NAMES and not name.isupper():
                return name
    return None
