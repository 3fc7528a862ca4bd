"""Who a speaker cue names: the known body, person, official or source read next to a speech
verb or "according to" in one sentence.

A known name maps to its canonical form, with "official" when the text says so ("a UN
official"); a personal name is kept as written, and its last name alone later is the same
person (`persons`, last name -> speaker, is read and filled); an unnamed source is described
by who it is ("Iraqi security official") or is none ("a source").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from claimtrack.extract import lexicon, speakerwords
from claimtrack.extract.speakerwords import Speech, Starts

# A clause mark: a comma, semicolon or colon, or a full stop not after a capital ("U.S.")
CLAUSE = re.compile(r"[,\u060c;\u061b:]|(?<![A-Z])\.")
# The word after a name: the word, a clause mark right after it, and the spaces after that
_WORD_AFTER = re.compile(r"\s+(\w+)([,.;:\u060c\u061b]|$)?\s*")
_APPOSED_END = re.compile(r"\s*[,\u060c]")  # the comma closing an apposition
_TOKEN = re.compile(r"\S+")
_MARKS = ",\u060c.:"  # the clause marks that end a cued subject (`Speech.opens`)


def gap_words(ftext: str, a: int, b: int) -> int:
    """Return how many words `ftext[a:b]` has (99 when `b` is before `a`)."""
    return len(ftext[a:b].split()) if b >= a else 99


def named_after(
    sp: Speech,
    starts: Starts,
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
    title_near = near is not None and gap_words(ftext, pos, near) <= 1
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
    if titled is None or gap_words(ftext, pos, titled.start) > 1 or len(words) > 12:
        return None
    if stop and ftext[stop.start()] in ",\u060c":
        # "المتحدث باسم قسد، فرهاد شامي، إن": a known person between commas after the title
        after = stop.end()
        while after < end and ftext[after] == " ":
            after += 1
        for n in names:
            if n.start == after and _APPOSED_END.match(ftext, n.end):
                return remember(persons, ftext, n, n.key)
        # ... or a name not in the data, as written, when the reported speech opens right
        # after it ("ويقول مدير المركز، فاضل الجبوري، إن")
        close = _APPOSED_END.search(ftext, after, min(end, after + 40))
        inner = ftext[after : close.start()].split() if close else []
        then = ftext[close.end() : min(end, close.end() + 12)].split()[:1] if close else []
        if (
            close is not None
            and surface is not None
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
        speaker = remember(persons, ftext, n, official(sp, starts, n, pos))
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


def personal_name(original: str, sp: Speech, persons: dict[str, str]) -> str | None:
    """Return a personal name in Latin script beside a speech verb in `original` (as written:
    "Abdulkarim Omar said", "said Sheikhmous Ahmed"), with "official" when the words between
    say so; its lone last name is the person `persons` remembers by it."""
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


def by_name(
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
    Administration"); with no known name in the clause, a name as written in capitals ending
    it, of something said to be made (`made`: "a brief released on Monday by the Euphrates
    Policy Institute")."""
    mark = CLAUSE.search(ftext, pos, end)
    stop = mark.start() if mark else end
    if not any(pos <= n.start < stop for n in names):
        return _made_by(sp, ftext, pos, stop, surface)
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


def _made_by(
    sp: Speech, ftext: str, pos: int, stop: int, surface: Callable[[int, int], str]
) -> str | None:
    """Return the name as written in capitals after the last `by` of `ftext[pos:stop]` when it
    ends there and a participle of `made` comes before that `by`."""
    words = list(_TOKEN.finditer(ftext, pos, stop))
    k = max((i for i, m in enumerate(words) if m[0] in sp.by), default=-1)
    if k < 1 or not any(m[0] in sp.made for m in words[:k]):
        return None
    written = surface(words[k].end(), stop)
    m = _CAPITALISED.match(written)
    if m is None or written[m.end() :].strip():
        return None
    return " ".join(m.group(1).split())


def national_alone(
    sp: Speech, ftext: str, verbs: list[lexicon.Hit], start: int, end: int
) -> str | None:
    """Return "<nationality> <body>" for a country's body named alone right before or after a
    speech verb ("..., the foreign ministry said", "said the government") when the sentence
    `ftext[start:end]` names one nationality only."""
    assert sp.national_before and sp.national_after and sp.nationality
    for v in verbs:
        m = sp.national_before.search(ftext, max(start, v.start - 40), v.start)
        m = m or sp.national_after.match(ftext, v.end, end)
        if m is None:
            continue
        nationalities = {
            sp.nationality_of[" ".join(c[1].split())]
            for c in sp.nationality.finditer(ftext, start, end)
        }
        if len(nationalities) != 1:
            return None
        return f"{nationalities.pop()} {sp.alone_body[' '.join(m[1].split())]}"
    return None


def official_end(sp: Speech, ftext: str, n: lexicon.Hit) -> int:
    """Return where "official" after a name hit ends ("UN official"), else the hit's end."""
    m = _WORD_AFTER.match(ftext, n.end)
    if m and m.group(1) in sp.official_after:
        return m.end(1)
    return n.end


def official(sp: Speech, starts: Starts, n: lexicon.Hit, floor: int) -> str:
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


def remember(persons: dict[str, str], ftext: str, hit: lexicon.Hit, speaker: str) -> str:
    """Return `speaker`, noting the last word of a two-word-or-longer name as its last name."""
    words = ftext[hit.start : hit.end].split()
    if len(words) >= 2 and " " in speaker:
        persons.setdefault(words[-1], speaker)
    return speaker


def short_for(sp: Speech, ftext: str, n: lexicon.Hit, previous: str) -> lexicon.Hit:
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


_CAPITALISED = re.compile(
    r"\s*(?:the\s+)?([A-Z][\w'-]*(?:\s+(?:(?:of|for|and|on|in|the)\s+)*[A-Z][\w'-]*)+)"
)


def according_new(
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


def is_unnamed(sp: Speech, name: str) -> bool:
    """Whether `name` is one `unnamed_source` gives ("Iraqi security official") or a group
    named by what it is (`groups`: "aid workers")."""
    if name in sp.groups:
        return True
    *adjectives, noun = name.split()
    return (
        noun in sp.unnamed_names[0]
        and bool(adjectives)
        and adjectives[0] in sp.unnamed_names[1]
        and all(w in sp.unnamed_names[2] for w in adjectives)
    )


def unnamed_source(sp: Speech, ftext: str, pos: int, end: int) -> str | None:
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


def known_person(
    sp: Speech,
    ftext: str,
    pos: int,
    end: int,
    names: list[lexicon.Hit],
    surface: Callable[[int, int], str] | None,
    persons: dict[str, str],
) -> str | None:
    """Return a personal name as written whose every word the data knows (`latin`) ending
    the subject of a cue at `pos`: its last two or three words before the reported speech or
    a clause mark, an addressee aside, with no known name before them ("وبحسب روجين أحمد،
    فإن", "وقالت الإدارية في المخيم ماجدة أمين لوكالتنا إن", "وقال جابر مصطفى، الرئيس المشترك
    لإدارة المخيم، إن")."""
    if not sp.latin or surface is None:
        return None
    stop = sp.opens.search(ftext, pos, min(end, pos + 120))
    if stop is None:
        return None
    words = [(m.start(), m.end()) for m in _TOKEN.finditer(ftext, pos, stop.start())]
    if words and ftext[slice(*words[-1])] in sp.addressees:
        words.pop()
    if not 2 <= len(words) <= 6:
        return None
    for n in (3, 2):
        if n <= len(words) and _latin_words(sp, [ftext[a:b] for a, b in words[-n:]]):
            if any(pos <= h.start < words[-n][0] for h in names):
                return None  # "المتحدث باسم الوزارة علي عباس": the body's (`named_after`)
            name = " ".join(surface(words[-n][0], words[-1][1]).split())
            persons.setdefault(ftext[slice(*words[-1])], name)
            return name
    return None


def has_known_person(sp: Speech, ftext: str, start: int, end: int) -> bool:
    """Whether two words in a row of `ftext[start:end]` are words of personal names the data
    knows (`known_person` may find one there)."""
    words = ftext[start:end].split()
    if sp.latin_words.isdisjoint(words):  # (its words, and with a clause mark after them)
        return False
    words = [w.rstrip(_MARKS) for w in words]
    latin = sp.latin
    return any(f"{a} {b}" in latin or (a in latin and b in latin) for a, b in pairwise(words))


def _latin_words(sp: Speech, words: list[str]) -> list[str] | None:
    """Return folded name `words` in Latin letters, one or two words at a time (`latin`), or
    None when one is not there."""
    out: list[str] = []
    k = 0
    while k < len(words):
        pair = f"{words[k]} {words[k + 1]}" if k + 1 < len(words) else ""
        if pair in sp.latin:
            out.append(sp.latin[pair])
            k += 2
        elif words[k] in sp.latin:
            out.append(sp.latin[words[k]])
            k += 1
        else:
            return None
    return out


def in_latin(sp: Speech, name: str) -> str:
    """Return a personal name of two words or more written in Arabic script in Latin letters
    ("همرين حسن" -> "Hemrin Hassan") when every word of it, or pair ("عبد الكريم"), is in
    `latin`; else `name` as it is."""
    if name.isascii():
        return name  # already in Latin letters (a known name's, or as written)
    words = [lexicon.fold_form(w) for w in name.split()]
    latin = _latin_words(sp, words) if len(words) >= 2 else None
    return " ".join(latin) if latin else name
