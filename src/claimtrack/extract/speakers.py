"""Who states each figure of an article: the speaker of each sentence, carried from one
sentence to the next.

A sentence with a speech verb or "according to" names its speaker or carries the one named
before (`speakersentence`). A sentence with none is the previous sentence's speaker's when it
continues that report (`claims.speakers.between`), when it is inside a quote that speaker
opened or that the sentence closing it names, or it is a body's it names that the next
sentence names as speaker; else it has none. In an interview, a labelled paragraph is its
label's (`speakerquotes`). Unnamed sources ("a security source") are never carried.
"""

from __future__ import annotations

from collections.abc import Callable

from claimtrack.extract import speakerwords
from claimtrack.extract.speakernames import in_latin, is_unnamed
from claimtrack.extract.speakerquotes import (
    Labels,
    opens_quote_after,
    quote_closed_by,
    quote_opened_at,
)
from claimtrack.extract.speakersentence import find_speaker
from claimtrack.extract.speakerwords import Starts


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
        self.starts = Starts(self.speech, ftext)
        self._ahead: tuple[tuple[int, str | None], tuple[str | None, bool]] | None = None
        self._labels: Labels | None = None  # the interview's answer labels, once read
        self._latin: dict[str, str] = {}  # a speaker -> its name in Latin letters (`at`)

    def _read(
        self, i: int, previous: str | None, *, named_only: bool = False
    ) -> tuple[str | None, bool]:
        """Return (speaker, is_attributed) of sentence `i` after the speaker `previous`."""
        if self._ahead is not None and self._ahead[0] == (i, previous):
            return self._ahead[1]  # read ahead (`_next_gives`) with the same speaker before
        s, e = self.spans[i]
        starts = self.starts
        if starts.first_start(s, e) is None:  # no word of any lexicon
            return None, False
        original = None if self.has_persons else ""  # "": no personal name to look for
        return find_speaker(
            self.speech, starts, original, s, e, previous, self.original, self.persons,
            named_only=named_only,
        )  # fmt: skip

    def at(self, i: int) -> str | None:
        """Return the speaker of the claims in sentence `i` (after every sentence asked for),
        a personal name in Arabic script in Latin letters when the data knows its words."""
        spk = self._speaker(i)
        if spk is None or not self.speech.latin:
            return spk
        latin = self._latin.get(spk)
        if latin is None:
            latin = self._latin[spk] = in_latin(self.speech, spk)
        return latin

    def _speaker(self, i: int) -> str | None:
        """Return the speaker of sentence `i` as read (`at`)."""
        labels = self._labels
        if labels is None:
            labels = self._labels = Labels.read(
                self.speech, self.ftext, self.spans, self.original, self.persons
            )
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
            if attributed and spk and not is_unnamed(self.speech, spk):
                self.last, self.last_at = spk, j
                break
        self.known = i + 1
        spk, attributed = self._read(i, self.last)
        if attributed:
            if spk and not is_unnamed(self.speech, spk):  # "local sources" is not carried
                self.last, self.last_at = spk, i
            return spk
        if self.last and self.last_at == i - 1 and self._continues(i, self.last):
            return self.last  # "... the SDF said. It holds 10,000 fighters. It added that ..."
        closer = quote_closed_by(self.ftext, self.spans, i)
        if closer is not None:
            spk, attributed = self._read(closer, None)
            if attributed and spk is not None:
                return spk  # '"We ran 12 clinics. Today we run four," said Amal Saeed.'
        if (
            self.last
            and self.last_at < i
            and quote_opened_at(self.ftext, self.spans, i) <= self.last_at
        ):
            return self.last  # 'Jihan Hanan said: "We have 40,000 people. 12,000 are children."'
        if self.last and self.last_at == i - 1 and opens_quote_after(self.ftext, self.spans, i):
            return self.last  # '"...," said Hanna Lindqvist. "At least 62 children died."'
        return self._named_then_speaks(i)

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
        starts = self.starts
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
        if not opening and all(h.key != speaker for h in self.starts.find(sp.names, s, e)):
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
