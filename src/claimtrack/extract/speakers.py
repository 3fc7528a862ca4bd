"""Who states a figure: a known body or person named next to a speech verb or "according to".

speaker := according-to NAME | VERB ... NAME | NAME ... VERB  (within a few words)
         | according-to STATEMENT | VERB with no name   -> the speaker named before
         | according-to BODY ("the ministry")           -> the body of the speaker before
         | VERB with an unnamed subject from somewhere  -> it ("Iraqi security official")
         | VERB with a subject of its own not named     -> none ("قال مصدر", "Germany said")
A sentence with no speech verb is the previous sentence's speaker's when it continues that
report (`claims.speakers.between`), or a body's it names that the next sentence names as
speaker; else it has none. A name after the word opening the reported speech ("إن", "that")
is said, not the speaker; a passive or a `weak` form that is another word here ("ما بين",
"put at") is no speech verb. Known names map to canonical ones, a body named as the text
names it (`claims.speakers.names`, `national`); an English personal name next to a speech
verb is kept as written, and its last name alone later is the same person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from claimtrack.extract import lexicon, speakerwords
from claimtrack.extract.lexicon import Hit
from claimtrack.extract.speakerwords import Speech

# A comma-enclosed insertion between a name and its verb
_INSERT = re.compile(r"\s*[,\u060c][^,.;\u060c\u061b]{1,120}[,\u060c]\s*")
# The word after a name: the word, a clause mark right after it, and the spaces after that
_WORD_AFTER = re.compile(r"\s+(\w+)([,.;:\u060c\u061b]|$)?\s*")
# The same insertion right before a speech verb
_INSERT_BEFORE = re.compile(r"[,\u060c](?!\d)[^,.;\u060c\u061b]{1,120}[,\u060c]\s*$")
_CLAUSE = re.compile(r"[,\u060c;\u061b:]|(?<![A-Z])\.")
_MATCH_END = re.Match.end  # `map(_MATCH_END, finditer(...))`: the ends of the matches
# A label opening a paragraph of an interview ("Hasan: ...", "Rudaw: ..."): one to four words
_LABEL = re.compile(r"[ \t]*([^\W\d_]+(?:[ .'-]{1,2}[^\W\d_]+){0,3})[ \t]*:(?=[ \t])")
# A paragraph that ends in a question ("... today?", "... اليوم؟")
_QUESTION = re.compile(r"[?\u061f][\"'\u00bb)]*\s*$")
_QUOTE_SPAN = 2000  # a quote is followed within a paragraph of at most this many characters
_QUOTE_SENTENCES = 6  # ... and up to this many sentences on
# An acronym in brackets right before a speech verb, and its form as written
_ACRONYM_BEFORE = re.compile(r"\(([^()\s]{2,10})\)\s*$")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]*[A-Z0-9]")
_DATELINE = re.compile(r"[ \t]*-")  # a dash after a place opening the text: a dateline
_APPOSED_END = re.compile(r"\s*[,\u060c]")  # the comma closing an apposition
_OPEN_QUOTES = '"\u00ab'  # a quote opening a sentence (curly quotes are folded to straight)


class _Starts:
    """Where a word of the speaker lexicons may begin in a sentence `ftext[start:end]`.

    A lexicon matches at p only where its forms as prefixes (no `(?!\\w)`) match at p too, so
    one scan of the sentence for every form of every lexicon (`any_word_at`, found as
    `word_after`) finds each such p; trying a lexicon at those few places alone gives what
    `Lexicon.find` gives in the sentence or any part of it, without a scan of its own."""

    __slots__ = ("at", "ftext")

    def __init__(self, sp: Speech, ftext: str, start: int, end: int) -> None:
        self.ftext = ftext
        # Every such place but the text's start follows a non-word character (`word_after`).
        self.at = list(map(_MATCH_END, sp.word_after.finditer(ftext, max(start - 1, 0), end)))
        if start == 0 and sp.any_word_at.match(ftext, 0, end):
            self.at.insert(0, 0)

    def first_start(self, start: int, end: int) -> int | None:
        """Return the first place in `ftext[start:end]` where a word of a lexicon may begin."""
        i = bisect_left(self.at, start)
        return self.at[i] if i < len(self.at) and self.at[i] < end else None

    def find(
        self, lex: lexicon.Lexicon, start: int, end: int, *, first: bool = False
    ) -> list[lexicon.Hit]:
        """Return `lex.find(ftext, start, end)` (with `first`, only its first hit)."""
        at = self.at
        lo, hi = bisect_left(at, start), bisect_left(at, end)
        if lo == hi or lex.pattern is None:
            return []
        ft, match, key_of = self.ftext, lex.pattern.match, lex.key_of
        hits = []
        pos = start  # where `finditer` would search on from
        for p in at[lo:hi]:
            if p >= pos and (m := match(ft, p, end)):
                pos = m.end()
                key = key_of(m)
                if key is not None:
                    hits.append(Hit(p, pos, key))
                    if first:
                        break
        return hits

    def first(self, lex: lexicon.Lexicon, start: int, end: int) -> lexicon.Hit | None:
        """Return `lex.first(ftext, start, end)`."""
        hits = self.find(lex, start, end, first=True)
        return hits[0] if hits else None


class SpeakerTrack:
    """The speakers of an article's sentences, asked for in text order (`at`).

    A sentence with no speech verb and no "according to" keeps the last speaker (and may
    take it, `_continues`); any other sentence either names a speaker or passes the last one
    on. So the last speaker before a sentence is the one named by the nearest sentence before
    it that names one, found by walking back: each sentence is read once when asked for, and
    the next one at most once more ahead of time (`_next_gives`)."""

    def __init__(
        self,
        ftext: str,
        spans: list[tuple[int, int]],
        original: Callable[[int, int], str],
        *,
        lang: str,
    ) -> None:
        self.ftext, self.spans, self.original = ftext, spans, original
        # An article with no personal name written anywhere spares writing out each sentence.
        self.has_persons = (
            speakerwords.persons().has_name.search(original(0, len(ftext))) is not None
        )
        self.speech = speakerwords.speech(lang)
        self.known = 0  # sentences before this one are accounted for in `last`
        self.last: str | None = None
        self.last_at = -1  # the sentence that named `last`
        self.persons: dict[str, str] = {}  # a person's last name (folded) -> the speaker
        self._starts_of: dict[int, _Starts] = {}  # sentence -> its `_Starts`, once made
        self._ahead: tuple[tuple[int, str | None], tuple[str | None, bool]] | None = None
        self._labels: _Labels | None = None  # the interview's answer labels, once read

    def _starts(self, i: int) -> _Starts:
        """Return the `_Starts` of sentence `i`."""
        st = self._starts_of.get(i)
        if st is None:
            st = self._starts_of[i] = _Starts(self.speech, self.ftext, *self.spans[i])
        return st

    def _read(
        self, i: int, previous: str | None, *, named_only: bool = False
    ) -> tuple[str | None, bool]:
        if self._ahead is not None and self._ahead[0] == (i, previous):
            return self._ahead[1]  # read ahead (`_next_gives`) with the same speaker before
        starts = self._starts(i)
        if not starts.at:  # no word of any lexicon: no speech verb, no "according to"
            return None, False
        s, e = self.spans[i]
        original = None if self.has_persons else ""  # "": no personal name to look for
        return _find_speaker(
            self.speech, starts, original, s, e, previous, self.original, self.persons,
            named_only=named_only,
        )  # fmt: skip

    def at(self, i: int) -> str | None:
        """Return the speaker of the claims in sentence `i` (after every sentence asked for)."""
        labels = self._labels
        if labels is None:
            labels = self._labels = _Labels.read(self)
        if labels.paragraphs:
            label = labels.of(i)
            if label is not None:  # a paragraph of an interview: an answer's or a question's
                spk, attributed = self._read(i, label[1])
                self.known = i + 1
                if attributed:
                    return spk  # "Hasan: The UN says 50,000 ...": the UN's
                return label[1]
        for j in range(i - 1, self.known - 1, -1):
            spk, attributed = self._read(j, None, named_only=True)
            if attributed and spk and not _is_unnamed(self.speech, spk):
                self.last, self.last_at = spk, j
                break
        self.known = i + 1
        spk, attributed = self._read(i, self.last)
        if attributed:
            if spk and not _is_unnamed(self.speech, spk):  # "local sources" is not carried
                self.last, self.last_at = spk, i
            return spk
        if self.last and self.last_at == i - 1 and self._continues(i, self.last):
            return self.last  # "... the SDF said. It holds 10,000 fighters. It added that ..."
        quoted = self._quote_closed_by(i)
        if quoted is not None:
            return quoted
        if self.last and self.last_at < i and self._quote_opened_at(i) <= self.last_at:
            return self.last  # 'Jihan Hanan said: "We have 40,000 people. 12,000 are children."'
        if (
            self.last
            and self.last_at == i - 1
            and self.ftext[self.spans[i][0]] in _OPEN_QUOTES
            and "\n" not in self.ftext[self.spans[i - 1][1] : self.spans[i][0]]
        ):
            return self.last  # '"...," said Hanna Lindqvist. "At least 62 children died."'
        return self._named_then_speaks(i)

    def _quote_opened_at(self, i: int) -> int:
        """Return the sentence, in its paragraph, where a quote sentence `i` opens inside
        opened (len(spans) when it opens inside none)."""
        ftext, spans = self.ftext, self.spans
        s = spans[i][0]
        para = ftext.rfind("\n", max(0, s - _QUOTE_SPAN), s) + 1
        if para == 0 and s > _QUOTE_SPAN:
            return len(spans)
        head = ftext[para:s]
        if head.count('"') % 2:
            q = head.rindex('"')
        elif head.count("\u00ab") > head.count("\u00bb"):
            q = head.rindex("\u00ab")
        else:
            return len(spans)
        q += para
        k = i - 1
        while k >= 0 and spans[k][0] > q:
            k -= 1
        return max(k, 0)

    def _quote_closed_by(self, i: int) -> str | None:
        """Return the speaker named in the sentence that closes a quote sentence `i` is in
        ('"We ran 12 clinics. Today we run four," said Amal Saeed.'), in its paragraph."""
        ftext, spans = self.ftext, self.spans
        s, e = spans[i]
        para = ftext.rfind("\n", max(0, s - _QUOTE_SPAN), s) + 1
        if para == 0 and s > _QUOTE_SPAN:
            return None
        head = ftext[para:e]
        straight = head.count('"') % 2
        depth = head.count("\u00ab") - head.count("\u00bb")
        if not straight and depth <= 0:
            return None
        for j in range(i + 1, min(len(spans), i + 1 + _QUOTE_SENTENCES)):
            a, b = spans[j]
            if "\n" in ftext[spans[j - 1][1] : a]:
                return None
            part = ftext[a:b]
            straight = (straight + part.count('"')) % 2
            depth += part.count("\u00ab") - part.count("\u00bb")
            if not straight and depth <= 0:
                spk, attributed = self._read(j, None)
                return spk if attributed else None
        return None

    def background(self, start: int) -> bool:
        """Whether the clause at `start` describes a place in passing, the outlet's own words
        in anyone's sentence (", home to just under 39,000 people,", "، الذي يضم 4500")."""
        bg = self.speech.background
        if bg.pattern is None:
            return False
        while start < len(self.ftext) and self.ftext[start] == " ":
            start += 1
        return bg.match_at(self.ftext, start) is not None

    def _named_then_speaks(self, i: int) -> str | None:
        """Return the speaker of sentence `i` with no speech verb: the body it names when the
        next sentence, in the same paragraph, names that body as its speaker ("أخرجت إدارة
        المخيم 12 عائلة. ووفق أرقام الإدارة ...")."""
        if not self._same_paragraph(i):
            return None
        starts = self._starts(i)
        s, e = self.spans[i]
        named = {h.key for h in starts.find(self.speech.names, s, e)}
        if not named:
            return None
        # read after the last speaker (as `at` reads it next) when that one cannot be carried
        # into `named`
        spk = self._next_gives(i, None if self.last in named else self.last)
        return spk if spk in named else None

    def _continues(self, i: int, speaker: str) -> bool:
        """Whether sentence `i`, with no speech verb, right after one of `speaker` is theirs
        too: it opens with a subject pronoun (`between.alone`), or it continues the report (it
        names the speaker, or opens as `between` says) and the next sentence, in the same
        paragraph, gives `speaker` too (names or carries it); never after `between.not`."""
        s, e = self.spans[i]
        if "\n" in self.ftext[self.spans[i - 1][1] : s]:
            return False
        sp = self.speech
        words = self.ftext[s : min(e, s + 40)].split()[:2]
        opens = {" ".join(words[:1]).strip(",\u060c"), " ".join(words).strip(",\u060c")}
        if opens & sp.between_not:
            return False
        if opens & sp.between_alone:
            return True  # "... the SDF said. It detained 42 suspects."
        opening = sp.between_any or opens & sp.between_opens
        if not opening and all(h.key != speaker for h in self._starts(i).find(sp.names, s, e)):
            return False
        return self._next_gives(i, speaker) == speaker

    def _same_paragraph(self, i: int) -> bool:
        """Whether a sentence follows sentence `i` in its paragraph."""
        return (
            i + 1 < len(self.spans)
            and "\n" not in self.ftext[self.spans[i][1] : self.spans[i + 1][0]]
        )

    def _next_gives(self, i: int, previous: str | None) -> str | None:
        """Return the speaker the sentence after `i` gives, after `previous`, when it is in
        the same paragraph and attributed (kept for `at` to read it again)."""
        if not self._same_paragraph(i):
            return None
        read = self._read(i + 1, previous)
        self._ahead = ((i + 1, previous), read)
        spk, attributed = read
        return spk if attributed else None


class _Labels:
    """The paragraphs of an interview opened by a label ("Hasan: ...", "رووداو: ..."): those
    of a label that mostly asks (its paragraphs end in a question mark) are the questions, the
    outlet's own; those of a label that names a person or a known body are that one's answers.
    With no asking label there is no interview, and only a known name as the label speaks
    ("المرصد السوري لحقوق الإنسان: ارتفاع عدد القتلى إلى 50")."""

    __slots__ = ("paragraphs", "starts")

    def __init__(self, paragraphs: dict[int, str | None]) -> None:
        self.paragraphs = paragraphs  # first sentence of a paragraph -> its speaker
        self.starts: list[int] = []  # first sentence of every paragraph

    @classmethod
    def read(cls, track: SpeakerTrack) -> _Labels:
        ftext, spans = track.ftext, track.spans
        if ": " not in ftext and ":\t" not in ftext:
            return cls({})
        found: list[tuple[int, int, int, bool]] = []  # sentence, label start, end, asks
        starts = []
        for k, (s, e) in enumerate(spans):
            if k and "\n" not in ftext[spans[k - 1][1] : s]:
                continue
            starts.append(k)
            m = _LABEL.match(ftext, s, e)
            if m is None:
                continue
            nl = ftext.find("\n", s)
            para_end = len(ftext) if nl < 0 else nl
            asks = _QUESTION.search(ftext, max(s, para_end - 4), para_end) is not None
            found.append((k, m.start(1), m.end(1), asks))
        tally: dict[str, list[int]] = {}
        for _, a, b, asks in found:
            t = tally.setdefault(ftext[a:b], [0, 0])
            t[0] += asks
            t[1] += 1
        askers = {w for w, (q, n) in tally.items() if n >= 2 and 2 * q >= n}
        if not askers:
            # no interview: a known name before a colon still speaks ("UNHCR: 2,000 left")
            paragraphs = {}
            for k, a, b, _asks in found:
                hit = track.speech.names.match_at(ftext, a, b)
                if hit is not None and hit[1] == b:
                    paragraphs[k] = hit[0]
            labels = cls(paragraphs)
            labels.starts = starts
            return labels
        answerers: dict[str, str | None] = {}
        for _, a, b, _asks in found:
            w = ftext[a:b]
            if w not in askers and w not in answerers and 2 * tally[w][0] < tally[w][1]:
                answerers[w] = _label_name(track, a, b, answerers, tally[w][1])
        paragraphs: dict[int, str | None] = {}
        for k, a, b, _asks in found:
            w = ftext[a:b]
            if w in askers:
                paragraphs[k] = None
            elif answerers.get(w):
                paragraphs[k] = answerers[w]
        labels = cls(paragraphs)
        labels.starts = starts
        return labels

    def of(self, i: int) -> tuple[int, str | None] | None:
        """Return (first sentence, speaker) of the labelled paragraph sentence `i` is in."""
        k = self.starts[bisect_left(self.starts, i + 1) - 1] if self.starts else 0
        if k in self.paragraphs:
            return k, self.paragraphs[k]
        return None


def _label_name(
    track: SpeakerTrack, a: int, b: int, answerers: dict[str, str | None], n: int
) -> str | None:
    """Return who an answer label `ftext[a:b]` of `n` paragraphs names: a known name, a
    personal name in Latin script as written, or the last name of a person named by a label
    before or in the text; in a script without capitals, one to three words that open two
    answers or more, as written ("همرين حسن")."""
    sp, ftext = track.speech, track.ftext
    hit = sp.names.match_at(ftext, a, b)
    if hit is not None and hit[1] == b:
        return hit[0]
    written = " ".join(track.original(a, b).split())
    words = written.split()
    if words and written[:1].isalpha() and written[:1].upper() == written[:1].lower():
        folded = ftext[a:b].split()
        if n >= 2 and len(words) <= 3 and not any(w in sp.function for w in folded):
            return written
        return None
    if not words or not written[:1].isupper() or words[0] in speakerwords.persons().not_names:
        return None
    if len(words) >= 2:
        if speakerwords.persons().has_name.fullmatch(written):
            track.persons.setdefault(words[-1].casefold(), written)
            return written
        return None
    last = words[0].casefold()
    for name in answerers.values():
        if name and name.casefold().endswith(" " + last):
            return name
    return track.persons.get(last)


def _gap_words(ftext: str, a: int, b: int) -> int:
    return len(ftext[a:b].split()) if b >= a else 99


def _find_speaker(
    sp: Speech,
    starts: _Starts,
    original: str | None,
    start: int,
    end: int,
    previous: str | None,
    surface: Callable[[int, int], str] | None,
    persons: dict[str, str],
    *,
    named_only: bool = False,
) -> tuple[str | None, bool]:
    """Return (speaker, is_attributed) of the sentence `starts.ftext[start:end]`.

    `original` is the sentence as written, for personal names (None: read it from `surface`;
    "": no personal name can occur); `previous` the last speaker; `surface` maps folded
    offsets to the text as written; `persons` (last name -> speaker) is read and filled, so
    that a later "وأوضح أحمد" or "Haj Ali added" finds the full name. With `named_only`, a
    speaker that is not named (`_is_unnamed`, or none) may be given as (None, False)."""
    ftext = starts.ftext
    according = starts.find(sp.according, start, end)
    verbs = starts.find(sp.verbs, start, end)
    if verbs:
        verbs = [v for v in verbs if _speaks(sp, ftext, v, start, end, surface)]
    if not according and not verbs:
        if sp.authored is not None and " by " in ftext[start:end]:
            # "Data compiled by OCHA show 40,000": the author of the figures
            for m in sp.authored.finditer(ftext, start, end):
                hit = sp.names.match_at(ftext, m.end(), end)
                if hit is not None:
                    return hit[0], True
        return None, False
    names = starts.find(sp.names, start, end)
    if names and names[0].start == start and _DATELINE.match(ftext, names[0].end):
        names = names[1:]  # "بغداد – أعلن مجلس القضاء": where the story is filed, not who speaks
    if previous and names:
        names = [_short_for(sp, ftext, n, previous) for n in names]
    if original is None:
        assert surface is not None
        original = surface(start, end)
    for cue in [*according, *verbs]:
        found = _named_after(sp, starts, cue.end, end, names, surface, persons)
        if found:
            return found, True
    if named_only and previous is None and not names and not persons and original == "":
        return None, False  # no name, known person or personal name: what follows names none
    for acc in according:
        for n in names:
            if n.start >= acc.end and _gap_words(ftext, acc.end, n.start) <= 5:
                return _remember(persons, ftext, n, _official(sp, starts, n, acc.end)), True
        if sp.by and names and surface is not None:
            by = _by_name(sp, ftext, acc.end, end, names, surface)
            if by:
                return by, True
        for st in starts.find(sp.statement, acc.end, min(end, acc.end + 30)):
            if st.start >= acc.end:
                tail = [n for n in names if n.start >= st.end and n.start - st.end < 20]
                if tail or previous:
                    return (tail[0].key if tail else previous), True
        body = starts.first(sp.bodies, acc.end, min(end, acc.end + 30)) if previous else None
        if body and previous and _gap_words(ftext, acc.end, body.start) <= 1:
            # "according to the department", after "a State Department official said"
            return sp.body_of.get(previous, previous), True
        person = _person(original, sp, persons)
        if person:
            return person, True
        unnamed = _unnamed(sp, ftext, acc.end, end)
        if unnamed:
            return unnamed, True
        if sp.according_carry and surface is not None:
            # "according to a monthly camp report", "according to the North-East Syria NGO
            # Forum": a source of its own, not the speaker named before
            new = _according_new(sp, ftext, acc.end, end, surface)
            if new is not None and all(
                any(a.start <= v.start < a.end for a in according) for v in verbs
            ):
                return new or None, True
    if not verbs:
        return None, False
    if surface is not None:
        for v in verbs:
            acronym = _ACRONYM_BEFORE.search(ftext, max(start, v.start - 16), v.start)
            if acronym:
                # "The national anti-terrorism prosecutor's office (PNAT) estimates": the body
                # as the text names it last ("The Syrian Observatory ... (SOHR) said" -> SOHR)
                a, b = acronym.span(1)
                written = surface(a, b)
                if _ACRONYM.fullmatch(written):
                    hit = sp.names.match_at(ftext, a, b)
                    return (hit[0] if hit and hit[1] == b else written), True
    best: tuple[int, str] | None = None
    # a name after the word opening the reported speech is what is said, not who says it
    said = None
    if names and names[-1].start >= verbs[0].end:  # a name after the first verb (in order)
        said = sp.opens_word.search(ftext, verbs[0].end, end)
    for v in verbs:
        for n in names:
            if said and n.start >= said.start():
                continue
            if n.start >= v.end:
                if ftext[v.start : v.end] in sp.listener:
                    continue  # "officials told the Observatory": who hears it
                if _CLAUSE.search(ftext, v.end, n.start):
                    continue  # "the spokesman added, calling on the coalition"
                d = _gap_words(ftext, v.end, n.start)
            elif _INSERT.fullmatch(ftext, n.end, v.start) or _INSERT.fullmatch(
                ftext, _official_end(sp, ftext, n), v.start
            ):
                d = 1  # "The Observatory, which relies on sources, said"; "A UN official, ..."
            else:
                d = _gap_words(ftext, n.end, v.start) + 1
            if d <= 6 and (best is None or d < best[0]):
                best = (d, _remember(persons, ftext, n, _official(sp, starts, n, start)))
    person = _person(original, sp, persons)
    if best and (person is None or best[0] <= 1):
        return best[1], True
    if person:
        return person, True
    if best:
        return best[1], True
    for v in verbs if persons else ():  # "Abbas said", "وأوضح الحسن أن": the last name of a
        before = ftext[max(start, v.start - 30) : v.start].split()[-1:]  # person named before
        written = surface(v.start - 30, v.start).split()[-1:] if surface and before else []
        if before and written and written[0][:1].isupper() and before[0] in persons:
            return persons[before[0]], True
        after = ftext[v.end : v.end + 40].split()[:2]
        if len(after) == 2 and after[0] in persons and sp.opens_word.fullmatch(after[1]):
            return persons[after[0]], True
    if named_only and previous is None:  # what follows gives an unnamed source or none
        return None, False
    if _new_subject(sp, ftext, verbs, start, end, surface):
        # the unnamed source before the verb, in its clause; after it when that clause joins
        # another ("..., and Kurdish officials have urged": the figure is not theirs)
        v = verbs[0]
        marks = list(map(_MATCH_END, _CLAUSE.finditer(ftext, max(start, v.start - 60), v.start)))
        cut = marks[-1] if marks else max(start, v.start - 60)
        first = ftext[cut : v.start].split()[:1]
        pos = v.end if first and first[0] in sp.joins else cut
        return _unnamed(sp, ftext, pos, end), True
    return previous, previous is not None


# A capitalised name as written: capitalised words, joined by a few lowercase ones
_CAPITALISED = re.compile(
    r"\s*(?:the\s+)?([A-Z][\w'-]*(?:\s+(?:(?:of|for|and|on|in|the)\s+)*[A-Z][\w'-]*)+)"
)


def _according_new(
    sp: Speech, ftext: str, pos: int, end: int, surface: Callable[[int, int], str]
) -> str | None:
    """Return the source "according to" at `pos` names when it is not the speaker named
    before: a name of two capitalised words or more as written, ending the clause or before
    a function word ("the North-East Syria NGO Forum, a coordination body"), else "" for
    any other source; None when it may be that speaker (`according_carry`: "according to
    him", "according to the statement")."""
    words = ftext[pos : min(end, pos + 40)].split()[:2]
    if not words or words[0].strip(",.") in sp.according_carry:
        return None
    if len(words) > 1 and " ".join(words).strip(",.") in sp.according_carry:
        return None
    written = surface(pos, min(end, pos + 120))
    m = _CAPITALISED.match(written)
    if m is None:
        return ""
    name = m.group(1)
    rest = written[m.end() :]
    after = rest.split()[:1]
    if rest[:1] in ",.;:)" or (after and after[0] in sp.function) or not rest.strip():
        first = name.split()[0]
        if first not in speakerwords.persons().not_names or name.split()[-1][:1].isupper():
            return " ".join(name.split())
    return ""


def _is_unnamed(sp: Speech, name: str) -> bool:
    """Whether `name` is one `_unnamed` gives ("Iraqi security official")."""
    *adjectives, noun = name.split()
    return (
        noun in sp.unnamed_names[0]
        and bool(adjectives)
        and adjectives[0] in sp.unnamed_names[1]
        and all(w in sp.unnamed_names[2] for w in adjectives)
    )


def _unnamed(sp: Speech, ftext: str, pos: int, end: int) -> str | None:
    """Return an unnamed source in `ftext[pos:end]` up to the reported speech, described by
    who it is: "Iraqi security official" for "مسؤول أمني عراقي" or "an Iraqi security
    official"; None for one not said to be from anywhere ("مصدر أمني", "an official").

    unnamed := [who | what]... noun [who | what]...   (at least one `who`)"""
    stop = sp.opens.search(ftext, pos, min(end, pos + 120))
    words = [w.strip(",.\u060c") for w in ftext[pos : stop.start() if stop else end].split()]
    for i, w in enumerate(words[:12]):
        noun = sp.unnamed_nouns.get(w)
        if noun is None:
            continue
        who: list[str] = []
        what: list[str] = []
        for side in (words[i + 1 : i + 4], words[max(0, i - 3) : i][::-1]):
            for x in side:
                if x in sp.unnamed_who:
                    who.append(sp.unnamed_who[x])
                elif x in sp.unnamed_what:
                    what.append(sp.unnamed_what[x])
                else:
                    break
        if who:
            return " ".join([*dict.fromkeys(who), *dict.fromkeys(what), noun])
        return None
    return None


def _speaks(
    sp: Speech,
    ftext: str,
    v: lexicon.Hit,
    start: int,
    end: int,
    surface: Callable[[int, int], str] | None,
) -> bool:
    """Whether a speech-verb hit is used as one.

    not := a passive ("12 bodies were found", "it was announced")
         | a `weak` form ("ما بين 10 و12", "put at 70,000") with no reported speech opening
           within three words and no capitalised subject right before it ("Khaled Ibrahim put")"""
    if sp.passive:
        before = ftext[max(start, v.start - 12) : v.start].split()[-1:]
        if before and before[0] in sp.passive:
            return False
    # a `weak` form spanning the whole verb
    weak = sp.weak.match_at(ftext, v.start, v.end)
    if weak is None or weak[1] != v.end:
        return True
    if any(sp.opens_word.fullmatch(w) for w in ftext[v.end : min(end, v.end + 60)].split()[:3]):
        return True
    written = surface(max(start, v.start - 30), v.start).split()[-1:] if surface else []
    return bool(written) and written[0][:1].isupper()


def _new_subject(
    sp: Speech,
    ftext: str,
    verbs: list[lexicon.Hit],
    start: int,
    end: int,
    surface: Callable[[int, int], str] | None,
) -> bool:
    """Whether a speech verb has a subject of its own that is not the speaker named before.

    new := an unnamed source next to the verb ("قال مصدر", "an official said", "said a source")
         | a clause opening with an indefinite article ("A post on social media says")
         | a sentence opening with a contrast and a subject of its own ("لكن منظمة حقوق")
         | a capitalised word in the verb's clause not in `carry` ("Germany announced")
    | one to three words, the first not in `carry`, between the verb and the reported speech
      ("وقالت ألمانيا إن", "وقالت إدارة مخيم الجدعة إن")
    A pronoun, "the statement", "the official" or a verb alone ("وأضاف") carries the speaker."""
    if sp.contrast is not None and verbs:
        # "لكن منظمة حقوق ... وتقول إن", "But aid groups say": another party speaks
        m = sp.contrast.match(ftext, start, end)
        if m and any(
            w.strip(',\u060c"') not in sp.carry and w not in sp.function
            for w in ftext[m.end() : verbs[0].start].split()
        ):
            return True
    for v in verbs:
        if sp.indefinite:
            # "A separate post circulating on social media says": a subject of its own
            lo = max(start, v.start - 100)
            marks = list(map(_MATCH_END, _CLAUSE.finditer(ftext, lo, v.start)))
            if marks or lo == start:
                first = ftext[marks[-1] if marks else lo : v.start].split()[:1]
                if first and first[0] in sp.indefinite:
                    return True
        lo = max(start, v.start - 40)
        marks = list(map(_MATCH_END, _CLAUSE.finditer(ftext, lo, v.start)))
        cut = marks[-1] if marks else lo  # after the last clause mark before the verb
        before = ftext[cut : v.start].split()[-3:]
        after3 = ftext[v.end : min(end, v.end + 50)].split()[:3]
        for ws in (before, after3):
            for i, w in enumerate(ws):
                if w.strip(",") not in sp.anonymous or (i and ws[i - 1] in sp.carry):
                    continue
                # "مصدر في الوزارة", "an official at the ministry": the body named before
                return not (i + 1 < len(ws) and ws[i + 1] in sp.of)
        # "وقالت ألمانيا إن": a verb opening its clause, then one unknown word before the
        # reported speech (with a subject before the verb, "He told delegates that", it is not)
        # ... or up to three such words ("وقالت إدارة مخيم الجدعة إن")
        subject = ftext[v.end : min(end, v.end + 60)].split()[:4]
        first = subject[0].strip(",\u060c") if subject else ""
        if (
            not before
            and first not in sp.carry
            and first not in sp.function
            and any(sp.opens_word.fullmatch(w) for w in subject[1:])
        ):
            said = next(k for k, w in enumerate(subject) if k and sp.opens_word.fullmatch(w))
            if not any(w.strip(",\u060c") in sp.function for w in subject[:said]):
                return True
        if surface is not None and cut < v.start:
            written = surface(cut, v.start).split()[-5:]
            if any(w[:1].isupper() and w.casefold() not in sp.carry for w in written):
                return True
        if (
            surface is not None
            and not before
            and _subject_before_insert(sp, ftext, v, start, surface)
        ):
            return True
    return False


def _subject_before_insert(
    sp: Speech, ftext: str, v: lexicon.Hit, start: int, surface: Callable[[int, int], str]
) -> bool:
    """Whether a subject before an insertion is a capitalised word not in `carry` ("Officials
    at the gathering, the first since 2019, warned"; not "The agency, which ..., said")."""
    ins = _INSERT_BEFORE.search(ftext, max(start, v.start - 130), v.start)
    if ins is None:
        return False
    marks = list(map(_MATCH_END, _CLAUSE.finditer(ftext, start, ins.start())))
    cut = marks[-1] if marks else start
    if ins.start() - cut > 60:
        return False
    first = surface(cut, ins.start()).split()[:1]
    return bool(first) and first[0][:1].isupper() and first[0].casefold() not in sp.carry


def _remember(persons: dict[str, str], ftext: str, hit: lexicon.Hit, speaker: str) -> str:
    """Return `speaker`, noting the last word of a two-word-or-longer name as its last name."""
    words = ftext[hit.start : hit.end].split()
    if len(words) >= 2 and " " in speaker:
        persons.setdefault(words[-1], speaker)
    return speaker


def _short_for(sp: Speech, ftext: str, n: lexicon.Hit, previous: str) -> lexicon.Hit:
    """Return the hit as `previous` when it is a common noun (`carry`, `bodies`) that is the
    first words of one of its forms ("وتقول الإدارة" after "الإدارة الذاتية"); not an acronym
    ("the SDF says" after the SDF General Command)."""
    if n.key == previous:
        return n
    form = ftext[n.start : n.end]
    short = form in sp.carry or (sp.bodies.match_at(ftext, n.start) or (None, -1))[1] == n.end
    if short and any(f.startswith(form + " ") for f in sp.forms_of.get(previous, ())):
        return lexicon.Hit(n.start, n.end, previous)
    return n


def _by_name(
    sp: Speech,
    ftext: str,
    pos: int,
    end: int,
    names: list[lexicon.Hit],
    surface: Callable[[int, int], str],
) -> str | None:
    """Return the author a passive names in the clause of "according to" at `pos` ("according
    to data provided to Syria Direct by the camp administration"): a known name after `by`,
    with the office of it the text names ("by the camps office of the Autonomous
    Administration")."""
    mark = _CLAUSE.search(ftext, pos, end)
    stop = mark.start() if mark else end
    for n in names:
        if not pos <= n.start < stop:
            continue
        words = ftext[pos : n.start].split()
        k = max((i for i, w in enumerate(words) if w in sp.by), default=-1)
        if k < 0:
            continue
        rest = words[k + 1 :]
        if rest[:1] == ["the"]:
            rest = rest[1:]
        if not rest:
            return n.key
        # "the camps office of the NAME": one to three lowercase words, then "of [the]"
        if 2 <= len(rest) <= 5 and "of" in rest[-2:] and surface(n.start, n.end)[:1].isupper():
            head = ftext.rindex(rest[0], pos, n.start)
            written = " ".join(surface(head, n.end).split())
            if written[:1].islower():
                return written
        return None
    return None


def _official_end(sp: Speech, ftext: str, n: lexicon.Hit) -> int:
    """Return where "official" after a name hit ends ("UN official"), else the hit's end."""
    m = _WORD_AFTER.match(ftext, n.end)
    if m and m.group(1) in sp.official_after:
        return m.end(1)
    return n.end


def _official(sp: Speech, starts: _Starts, n: lexicon.Hit, floor: int) -> str:
    """Return the speaker of a name hit: "X official" after "an official of X" or before
    "official" (`official_after`) and a speech verb or a clause mark ("a UN official said",
    "according to a UN official."; not "UN official figures"): the form of the data, else
    the name and "official"; after "an official of X" only when data says."""
    form = sp.officials.get(n.key)
    if form is not None and starts.find(sp.official, max(floor, n.start - 25), n.start):
        return form
    form = form or f"{n.key} official"  # "a Syrian government official claimed"
    ftext = starts.ftext
    m = _WORD_AFTER.match(ftext, n.end)
    if m and m.group(1) in sp.official_after:
        if m.group(2):
            return form
        # "UN official figures show" is no official
        after = ftext[m.end() : m.end() + 20].split()[:1]
        if after and after[0] not in sp.official_not and sp.verbs.match_at(ftext, m.end()):
            return form
    return n.key


def _named_after(
    sp: Speech,
    starts: _Starts,
    pos: int,
    end: int,
    names: list[lexicon.Hit],
    surface: Callable[[int, int], str] | None,
    persons: dict[str, str],
) -> str | None:
    """Return the speaker named right after a cue at `pos`, up to the reported speech.

    cued := cue [title ...] [NAME ...] [PERSON]  ("إن" | "that" | "," | ".")
    With a title, the last name wins (the person, not the body: "المتحدث باسم الأسايش علي الحسن");
    two words after the last known name are a person as written. A lone last name of a person
    named before is that person."""
    ftext = starts.ftext
    near = starts.first_start(pos, min(end, pos + 160))
    # a title begins where a word of a list may: none within a word of the cue, no title
    title_near = near is not None and _gap_words(ftext, pos, near) <= 1
    if not persons and not title_near:
        return None  # no title right after the cue, and no person known by a last name alone
    stop = sp.opens.search(ftext, pos, min(end, pos + 160))
    r_end = stop.start() if stop else min(end, pos + 160)
    words = ftext[pos:r_end].split()
    if not words:
        return None
    if len(words) == 1 and words[0] in persons:
        return persons[words[0]]
    if not title_near:
        return None
    titled = starts.first(sp.titles, pos, r_end)
    if titled is None or _gap_words(ftext, pos, titled.start) > 1 or len(words) > 12:
        return None
    if stop and ftext[stop.start()] in ",\u060c":
        # "المتحدث باسم قسد، فرهاد شامي، إن": a known person between commas after the title
        after = stop.end()
        while after < end and ftext[after] == " ":
            after += 1
        for n in names:
            if n.start == after and _APPOSED_END.match(ftext, n.end):
                return _remember(persons, ftext, n, n.key)
        # ... or a name not in the data, as written, when the reported speech opens right
        # after it ("ويقول مدير المركز، فاضل الجبوري، إن")
        close = _APPOSED_END.search(ftext, after, min(end, after + 40))
        inner = ftext[after : close.start()].split() if close else []
        then = ftext[close.end() : min(end, close.end() + 12)].split()[:1] if close else []
        if (
            surface is not None
            and 2 <= len(inner) <= 3
            and then
            and sp.opens_word.fullmatch(then[0])
            and all(w.isalpha() for w in inner)
            and not any(
                w in sp.function or w in sp.carry or w in sp.title_words or w in sp.unnamed_who
                for w in inner
            )
            and not starts.first(sp.titles, after, close.start())
            and not starts.first(sp.names, after, close.start())
        ):
            name = " ".join(surface(after, close.start()).split())
            persons.setdefault(inner[-1], name)
            return name
    inside = [n for n in names if pos <= n.start and n.end <= r_end]
    rest_from = inside[-1].end if inside else titled.end
    rest = ftext[rest_from:r_end].split()
    if inside:
        # a person not in the data after a known body: the body speaks ("المتحدث باسم الوزارة
        # علي عباس" -> the ministry), and a later "وأوضح عباس" is the body too
        n = inside[-1]
        speaker = _remember(persons, ftext, n, _official(sp, starts, n, pos))
        if 2 <= len(rest) <= 3 and all(w.isalpha() for w in rest):
            persons.setdefault(rest[-1], speaker)
        return speaker
    if (
        2 <= len(rest) <= 3
        and surface is not None
        and all(w.isalpha() for w in rest)
        and not any(w in sp.function or w in sp.unnamed_who or w in sp.unnamed_what for w in rest)
        and not starts.first(sp.titles, rest_from, r_end)
    ):
        tail = ftext.rindex(rest[-2], rest_from, r_end)
        name = " ".join(surface(tail, r_end).split())
        persons.setdefault(rest[-1], name)
        return name
    return None


def _person(original: str, sp: Speech, persons: dict[str, str]) -> str | None:
    pp = speakerwords.persons()
    if not pp.has_name.search(original):
        return None
    for rx in (pp.before, pp.appos, pp.after):
        for m in rx.finditer(original):
            words = m.group(1).split()
            while len(words) > 2 and words[0].rstrip(".").casefold() in sp.title_words:
                words.pop(0)
            if not words or words[0] in pp.not_names or " ".join(words).isupper():
                continue
            name = " ".join(words)
            between = original[m.end(1) : m.end()].split() if rx is pp.before else []
            if any(w.casefold() in sp.official_words for w in between):
                return name + " official"
            key = words[-1].casefold()
            full = persons.get(key)
            if full and full != name and full.endswith(" " + name):
                return full
            if len(words) >= 2:
                persons.setdefault(key, name)
                return name
    return None
