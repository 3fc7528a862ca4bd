"""The speaker of one sentence: who its speech verbs or "according to" name, or the one named
before when they carry it.

speaker := according-to NAME | VERB ... NAME | NAME ... VERB  (within a few words)
         | according-to STATEMENT | VERB with no name   -> the speaker named before
         | according-to BODY ("the ministry")           -> the body of the speaker before
         | VERB with an unnamed subject from somewhere  -> it ("Iraqi security official")
         | VERB with a subject of its own not named     -> none ("قال مصدر", "Germany said")
A name after the word opening the reported speech ("إن", "that") is said, not the speaker; a
passive or a `weak` form that is another word here ("ما بين", "put at") is no speech verb.
What a cue names is read in `speakernames`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimtrack.extract import lexicon
from claimtrack.extract.speakernames import (
    CLAUSE,
    according_new,
    by_name,
    gap_words,
    has_known_person,
    known_person,
    named_after,
    national_alone,
    official,
    official_end,
    personal_name,
    remember,
    short_for,
    unnamed_source,
)
from claimtrack.extract.speakerwords import Speech, Starts

# A comma-enclosed insertion between a name and its verb
_INSERT = re.compile(r"\s*[,\u060c][^,.;\u060c\u061b]{1,120}[,\u060c]\s*")
# The same insertion right before a speech verb
_INSERT_BEFORE = re.compile(r"[,\u060c](?!\d)[^,.;\u060c\u061b]{1,120}[,\u060c]\s*$")
_MATCH_END = re.Match.end  # `map(_MATCH_END, finditer(...))`: the ends of the matches
# An acronym in brackets right before a speech verb, and its form as written
_ACRONYM_BEFORE = re.compile(r"\(([^()\s]{2,10})\)\s*$")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]*[A-Z0-9]")
_CAPITAL = re.compile(r"[A-Z]")  # what an acronym or a capitalised source begins with
_DATELINE = re.compile(r"[ \t]*-")  # a dash after a place opening the text: a dateline


def find_speaker(
    sp: Speech,
    starts: Starts,
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
    speaker that is not named (`is_unnamed`, or none) may be given as (None, False)."""
    ftext = starts.ftext
    according = starts.find(sp.according, start, end)
    verbs = starts.find(sp.verbs, start, end)
    names = None
    # whether a personal name the data knows the words of may be in it (`known_person`; None:
    # not asked yet)
    knows: bool | None = None if sp.latin else False
    if (according or verbs) and named_only and previous is None and original == "":
        # Every way below of naming a speaker needs a known name or title, a personal name
        # (written in Latin letters, or in words the data knows), a word a person is known by
        # or, with such a person, an acronym or a source written in capitals ("UN OCHA"): with
        # none of them, the sentence names none.
        names = starts.find(sp.names, start, end)
        if (
            not names
            and starts.first(sp.titles, start, end) is None
            and not any(last in ftext[start:end] for last in persons)
            and not (knows := has_known_person(sp, ftext, start, end))
            and (not persons or surface is None or not _CAPITAL.search(surface(start, end)))
        ):
            return None, False
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
    if names is None:
        names = starts.find(sp.names, start, end)
    if names and names[0].start == start and _DATELINE.match(ftext, names[0].end):
        names = names[1:]  # "بغداد – أعلن مجلس القضاء": where the story is filed, not who speaks
    if previous and names:
        names = [short_for(sp, ftext, n, previous) for n in names]
    if original is None:
        assert surface is not None
        original = surface(start, end)
    for cue in [*according, *verbs]:
        found = named_after(sp, starts, cue.end, end, names, surface, persons)
        if found is None and knows is not False:
            knows = knows or has_known_person(sp, ftext, start, end)
            if knows:
                found = known_person(sp, ftext, cue.end, end, names, surface, persons)
        if found:
            return found, True
    if named_only and previous is None and not names and not persons and original == "":
        return None, False  # no name, known person or personal name: what follows names none
    for acc in according:
        for n in names:
            if n.start >= acc.end and gap_words(ftext, acc.end, n.start) <= 5:
                return remember(persons, ftext, n, official(sp, starts, n, acc.end)), True
        if sp.by and surface is not None:
            by = by_name(sp, ftext, acc.end, end, names, surface)
            if by:
                return by, True
        for st in starts.find(sp.statement, acc.end, min(end, acc.end + 30)):
            if st.start >= acc.end:
                tail = [n for n in names if n.start >= st.end and n.start - st.end < 20]
                if tail or previous:
                    return (tail[0].key if tail else previous), True
        body = starts.first(sp.bodies, acc.end, min(end, acc.end + 30)) if previous else None
        if body and previous and gap_words(ftext, acc.end, body.start) <= 1:
            # "according to the department", after "a State Department official said"
            return sp.body_of.get(previous, previous), True
        person = personal_name(original, sp, persons)
        if person:
            return person, True
        unnamed = unnamed_source(sp, ftext, acc.end, end)
        if unnamed:
            return unnamed, True
        if sp.according_carry and surface is not None:
            # "according to a monthly camp report", "according to the North-East Syria NGO
            # Forum": a source of its own, not the speaker named before
            new = according_new(sp, ftext, acc.end, end, surface)
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
                if CLAUSE.search(ftext, v.end, n.start):
                    continue  # "the spokesman added, calling on the coalition"
                d = gap_words(ftext, v.end, n.start)
            elif _INSERT.fullmatch(ftext, n.end, v.start) or _INSERT.fullmatch(
                ftext, official_end(sp, ftext, n), v.start
            ):
                d = 1  # "The Observatory, which relies on sources, said"; "A UN official, ..."
            else:
                d = gap_words(ftext, n.end, v.start) + 1
            if d <= 6 and (best is None or d < best[0]):
                best = (d, remember(persons, ftext, n, official(sp, starts, n, start)))
    if best is None and names and sp.possessive_before is not None:
        for v in verbs:
            part = sp.possessive_before.search(ftext, max(start, v.start - 60), v.start)
            bodies = {n.key for n in names if n.end <= v.start}
            if part and len(bodies) == 1:
                return bodies.pop(), True  # "The SDF ..., the force's media center said"
    if sp.national_before is not None and (best is None or best[0] > 1):
        national = national_alone(sp, ftext, verbs, start, end)
        if national:
            return national, True  # "France repatriated ..., the foreign ministry said"
    person = personal_name(original, sp, persons)
    if best and (person is None or best[0] <= 1):
        return best[1], True
    if person:
        return person, True
    if best:
        return best[1], True
    for v in verbs if persons else ():  # "Abbas said", "وأوضح الحسن أن": the last name of a
        before = ftext[max(start, v.start - 30) : v.start].split()[-1:]  # person named before
        as_written = surface(v.start - 30, v.start).split()[-1:] if surface and before else []
        if before and as_written and as_written[0][:1].isupper() and before[0] in persons:
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
        marks = list(map(_MATCH_END, CLAUSE.finditer(ftext, max(start, v.start - 60), v.start)))
        cut = marks[-1] if marks else max(start, v.start - 60)
        first = ftext[cut : v.start].split()[:1]
        pos = v.end if first and first[0] in sp.joins else cut
        source = unnamed_source(sp, ftext, pos, end)
        if source is None and sp.group_before is not None:
            source = _group(sp, ftext, v, start)
        return source, True
    return previous, previous is not None


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
            marks = list(map(_MATCH_END, CLAUSE.finditer(ftext, lo, v.start)))
            if marks or lo == start:
                opening = ftext[marks[-1] if marks else lo : v.start].split()[:1]
                if opening and opening[0] in sp.indefinite:
                    return True
        lo = max(start, v.start - 40)
        marks = list(map(_MATCH_END, CLAUSE.finditer(ftext, lo, v.start)))
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


def _group(sp: Speech, ftext: str, v: lexicon.Hit, start: int) -> str | None:
    """Return the group of `groups` right before a speech verb that opens its clause
    ("Prosecutors say", "In the annex, aid workers estimate"; not "..., while rights groups
    estimate": the figures before are not theirs)."""
    assert sp.group_before is not None
    group = sp.group_before.search(ftext, max(start, v.start - 40), v.start)
    if group is None:
        return None
    marks = list(map(_MATCH_END, CLAUSE.finditer(ftext, start, group.start())))
    if ftext[marks[-1] if marks else start : group.start()].strip():
        return None
    return " ".join(group[1].split())


def _subject_before_insert(
    sp: Speech, ftext: str, v: lexicon.Hit, start: int, surface: Callable[[int, int], str]
) -> bool:
    """Whether a subject before an insertion is a capitalised word not in `carry` ("Officials
    at the gathering, the first since 2019, warned"; not "The agency, which ..., said")."""
    ins = _INSERT_BEFORE.search(ftext, max(start, v.start - 130), v.start)
    if ins is None:
        return False
    marks = list(map(_MATCH_END, CLAUSE.finditer(ftext, start, ins.start())))
    cut = marks[-1] if marks else start
    if ins.start() - cut > 60:
        return False
    first = surface(cut, ins.start()).split()[:1]
    return bool(first) and first[0][:1].isupper() and first[0].casefold() not in sp.carry
