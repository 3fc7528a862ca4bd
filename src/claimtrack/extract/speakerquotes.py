"""Speech the layout of the text attributes, with no speech verb in the sentence: the paragraphs
of an interview opened by a label ("Hasan: ...") and a quote running over several sentences of
a paragraph, said by who the sentence opening or closing it names.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from claimtrack.extract import speakerwords
from claimtrack.extract.speakerwords import Speech

# A label opening a paragraph of an interview ("Hasan: ...", "Rudaw: ..."): one to four words
_LABEL = re.compile(r"[ \t]*([^\W\d_]+(?:[ .'-]{1,2}[^\W\d_]+){0,3})[ \t]*:(?=[ \t])")
# A paragraph that ends in a question ("... today?", "... اليوم؟")
_QUESTION = re.compile(r"[?\u061f][\"'\u00bb)]*\s*$")
_QUOTE_SPAN = 2000  # a quote is followed within a paragraph of at most this many characters
_QUOTE_SENTENCES = 6  # ... and up to this many sentences on
_OPEN_QUOTES = '"\u00ab'  # a quote opening a sentence (curly quotes are folded to straight)


class Labels:
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
    def read(
        cls,
        sp: Speech,
        ftext: str,
        spans: list[tuple[int, int]],
        original: Callable[[int, int], str],
        persons: dict[str, str],
    ) -> Labels:
        """Return the labelled paragraphs of the folded text `ftext` split into sentences
        `spans` (`original` maps folded offsets to the text as written; a person a label
        names is noted in `persons`, last name -> speaker)."""
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
            paragraphs: dict[int, str | None] = {}
            for k, a, b, _asks in found:
                hit = sp.names.match_at(ftext, a, b)
                if hit is not None and hit[1] == b:
                    paragraphs[k] = hit[0]
            labels = cls(paragraphs)
            labels.starts = starts
            return labels
        answerers: dict[str, str | None] = {}
        for _, a, b, _asks in found:
            w = ftext[a:b]
            if w not in askers and w not in answerers and 2 * tally[w][0] < tally[w][1]:
                answerers[w] = _label_name(
                    sp, ftext, original, persons, a, b, answerers, tally[w][1]
                )
        paragraphs = {}
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
    sp: Speech,
    ftext: str,
    original: Callable[[int, int], str],
    persons: dict[str, str],
    a: int,
    b: int,
    answerers: dict[str, str | None],
    n: int,
) -> str | None:
    """Return who an answer label `ftext[a:b]` of `n` paragraphs names: a known name, a
    personal name in Latin script as written, or the last name of a person named by a label
    before or in the text; in a script without capitals, one to three words that open two
    answers or more, as written ("همرين حسن")."""
    hit = sp.names.match_at(ftext, a, b)
    if hit is not None and hit[1] == b:
        return hit[0]
    written = " ".join(original(a, b).split())
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
            persons.setdefault(words[-1].casefold(), written)
            return written
        return None
    last = words[0].casefold()
    for name in answerers.values():
        if name and name.casefold().endswith(" " + last):
            return name
    return persons.get(last)


def quote_opened_at(ftext: str, spans: list[tuple[int, int]], i: int) -> int:
    """Return the sentence, in its paragraph, where a quote sentence `i` opens inside
    opened (len(spans) when it opens inside none)."""
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


def quote_closed_by(ftext: str, spans: list[tuple[int, int]], i: int) -> int | None:
    """Return the sentence that closes a quote sentence `i` is in, in its paragraph ('"We ran
    12 clinics. Today we run four," said Amal Saeed.'), if any."""
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
            return j
    return None


def opens_quote_after(ftext: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Whether sentence `i` opens with a quote right after sentence `i - 1`, in its paragraph
    ('"...," said Hanna Lindqvist. "At least 62 children died."')."""
    return ftext[spans[i][0]] in _OPEN_QUOTES and "\n" not in ftext[spans[i - 1][1] : spans[i][0]]
