"""Metric and unit of a figure, from the counted noun and the words around it (data: claims.toml).

cue    := a word of `claims.cues.<metric>.before` shortly before the number, or of `.after`
          shortly after it; the nearest wins (before on a tie, but a detainee noun right
          after the number beats a transfer, capture or residence word right before it); a
          repatriation word after a modal ("تتطلب إعادة", "must bring back") is no cue, nor a
          detention word before another reported statement for a subgroup ("..., and that
          25,000 children"). The
          after-cue is read past the next figure joined by "and" ("36 women and 59 children
          were returned") or, with no cue at all, past an apposition ("73 people, two of them
          children, were killed").
unit   := the first counted noun after the number (skipping `skip` words): person, family,
          operation, country, ton, km, thing (read as other); a function word or nothing means
          person; else other
          ("14 were raids": an operation noun after a copula).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from claimtrack import lang as _lang
from claimtrack.extract import lexicon
from claimtrack.extract.claimtime import opens_clause
from claimtrack.model import Kind, Metric, Numeral, Qualifier

if TYPE_CHECKING:
    from collections.abc import Mapping

    from claimtrack.extract.entities import Gazetteer

EVENTS = ("killed", "captured", "repatriated", "detainees")
# ("|": a table's cell border)
_WORD = re.compile(r"[^\s,.;:!?\u060c\u061b\u061f()\"'\u201c\u201d\u00ab\u00bb\[\]|]+")
_STOP = re.compile(r"[,.;:!?\u060c\u061b\u061f()\[\]|]")
_NUMERIC = re.compile(r"[0-9,.\s]*")  # a span of these holds no word that is not a number
_EARLIER_EVENTS = ("killed", "captured", "repatriated")
# An apposition between a figure and its verb: commas, spaced dashes, brackets; a sentence end.
_APPOSITION = re.compile(r",(?<!\d,)|,(?!\d)|[\u060c()]|\s[-\u2013\u2014]\s")
_SEPARATOR = re.compile(r"[,\u060c()\-\u2013\u2014]")  # (a quick test: one may begin here)
_SENTENCE_END = re.compile(r"[;:!?\u061b\u061f]|\.(?!\d)")
_SEGMENT_REACH = 120  # characters of a part of an apposition
_HEAD_REACH = 60  # characters of the number's noun phrase before an apposition
# Counts of people an event befell (held, killed, taken, returned): a subgroup of one keeps its
# metric ("12,000 detainees, among them 2,000 foreigners"), and so does "the figure" after one.
HELD = (Metric.DETAINEES, Metric.KILLED, Metric.CAPTURED, Metric.REPATRIATED)
# A subgroup of a camp's total is `other`; money and shares are never passed to a count.
_TOTALS = (Metric.CAMP_POPULATION, Metric.FAMILIES)
_OWN = (Metric.FUNDING, Metric.PERCENT)
_METRICS = {m.value: m for m in Metric}  # `Metric(cue)` without the enum's call
# Cue keys that are read as another metric at the end of `read` ("died": killed or other).
_RENAMED = {"arrivals": "other", "recaptured": "captured", "died": "other"}
# What befell people held, named by a verb right after the detainee noun: it decides.
_FATES = ("killed", "other", "died", "arrivals", "captured", "recaptured")
_MAX_NOUNS = 100_000  # bounds `Rules.nouns`
_MAX_AGE = 18  # "children under 12": an age, not a count
# A bare number (no counted noun) near a camp's name is read as its population only from
# this size up ("it will be two" in a quote about clinics is no camp's total).
_MIN_BARE_TOTAL = 100
BEFORE_WORDS = 10  # how far before the number a cue may stand
AFTER_WORDS = 6  # how far after it


@dataclass(frozen=True, slots=True)
class Rules:
    """The compiled word lists of one language (plus a gazetteer's extra cues)."""

    before: lexicon.Lexicon  # key "<metric>" | "weak" | "subgroup"
    after: lexicon.Lexicon  # key "<metric>"
    units: lexicon.Lexicon  # key unit name | "skip" | "function"
    subgroup_nouns: lexicon.Lexicon
    links: lexicon.Lexicon  # "بينهم", "of them": a subgroup of the figure before
    combatants: lexicon.Lexicon  # counted nouns that make a held figure detainees
    residents: lexicon.Lexicon  # counted nouns that can count a camp's residents
    others: lexicon.Lexicon
    bridge: lexicon.Lexicon
    anaphor: lexicon.Lexicon
    modal: lexicon.Lexicon
    rhetoric: lexicon.Lexicon
    not_before: lexicon.Lexicon
    compare: lexicon.Lexicon  # "compared with", "مقارنة ب": the figure before's measure
    opens: lexicon.Lexicon  # `claims.speakers.opens`: "that", opening reported speech
    # The forms of not_before, links, bridge and anaphor in one: a window before a number
    # where it finds nothing holds none of them (a hit of one is a hit of all at that spot).
    rare: lexicon.Lexicon
    loose_anaphor: lexicon.Lexicon  # `lexicon.loose` forms, to skip long searches (`Seen`)
    loose_events: lexicon.Lexicon
    digit_units: bool  # a `units` form begins with a digit (proclitics never do)
    joins: frozenset[str]  # "and" (`claims.joins`): "36 women and 59 children were returned"
    copula: lexicon.Lexicon  # "14 were raids": the noun after it can be the counted one
    violence: lexicon.Lexicon  # words of violence: deaths near them are people killed
    # `_noun` answers, filled as figures are read (up to `_MAX_NOUNS`: a prefix form's
    # word or a phrase's spacing can vary without end)
    nouns: dict[str, tuple[bool, bool, bool]] = field(
        default_factory=dict, compare=False, repr=False
    )


def rules(lang: str, gaz: Gazetteer | None = None) -> Rules:
    """Return the compiled rules of `lang`, extended by the gazetteer's `cues` tables."""
    if gaz is None or not gaz.cues:
        return _rules(lang)
    key = f"rules:{lang}"
    got = gaz._compiled.get(key)
    if got is None:
        got = gaz._compiled[key] = _compile(lang, gaz.cues.get(lang, {}))
    return got


@cache
def _rules(lang: str) -> Rules:
    return _compile(lang, {})


def _compile(lang: str, extra: Mapping[str, Mapping[str, tuple[str, ...]]]) -> Rules:
    data = _lang.load(lang)["claims"]
    before: dict[str, list[str]] = {}
    after: dict[str, list[str]] = {}
    for metric, spec in data["cues"].items():
        before[metric] = list(spec.get("before", ())) + list(
            extra.get(metric, {}).get("before", ())
        )
        after[metric] = list(spec.get("after", ())) + list(extra.get(metric, {}).get("after", ()))
        if spec.get("weak"):
            before["weak"] = list(spec["weak"])
        if spec.get("past"):
            before["past"] = after["past"] = list(spec["past"])
    for metric, spec in extra.items():
        if metric not in data["cues"]:
            before[metric] = list(spec.get("before", ()))
            after[metric] = list(spec.get("after", ()))
    before["subgroup"] = list(data["subgroup"]["before"])
    links = lexicon.words(data["subgroup"]["links"])
    units = {k: list(v) for k, v in data["units"].items()}
    before_lex = lexicon.build(before)
    units_lex = lexicon.build(units)
    anaphor = lexicon.words(data["anaphor"]["forms"])
    rare = [
        *data["not_before"]["forms"],
        *data["subgroup"]["links"],
        *data["bridge"]["forms"],
        *data["anaphor"]["forms"],
    ]
    return Rules(
        before=before_lex,
        after=lexicon.build(after),
        units=units_lex,
        subgroup_nouns=lexicon.words(data["subgroup"]["nouns"]),
        links=links,
        combatants=lexicon.words(data["cues"]["detainees"]["held"]),
        residents=lexicon.words(data["cues"]["residence"]["nouns"]),
        others=lexicon.words(data["others"]["forms"]),
        bridge=lexicon.words(data["bridge"]["forms"]),
        anaphor=anaphor,
        modal=lexicon.words(data["modal"]["forms"]),
        rhetoric=lexicon.words(data["rhetoric"]["forms"]),
        not_before=lexicon.words(data["not_before"]["forms"]),
        compare=lexicon.words(data.get("compare", {}).get("forms", [])),
        opens=lexicon.words(data["speakers"]["opens"]),
        rare=lexicon.words(rare),
        loose_anaphor=lexicon.loose(anaphor),
        loose_events=lexicon.loose(before_lex, _EARLIER_EVENTS),
        digit_units=any(form[0].isdigit() for form in units_lex.keys),
        copula=lexicon.words(data["copula"]["forms"]),
        violence=lexicon.words(data.get("violence", {}).get("forms", [])),
        joins=frozenset(
            lexicon.fold_form(f) for f in [*data["joins"]["words"], *data["joins"]["glued"]]
        ),
    )


class Seen:
    """Loose matches of one article, found on first need, so that a search over a long
    window (a sentence of thousands of figures) is skipped when nothing in it can hit."""

    LONG: ClassVar[int] = 2000  # shorter windows are searched directly

    def __init__(self, r: Rules, ftext: str) -> None:
        self._lex = {"anaphor": r.loose_anaphor, "events": r.loose_events}
        self._spots: dict[str, lexicon.Spots] = {}
        self._text = ftext

    def may_hit(self, name: str, start: int, end: int) -> bool:
        """Return False only when no hit of lexicon `name` can lie in `start:end`."""
        if end - start < self.LONG:
            return True
        spots = self._spots.get(name)
        if spots is None:
            spots = self._spots[name] = lexicon.Spots.of(self._lex[name], self._text)
        return spots.overlaps(start, end)


class Reading(NamedTuple):  # a tuple: built once per figure, several times faster than a dataclass
    """What the words around one number say: its unit and the cues that decide its metric."""

    # The defaults are what a bare number with no word around it reads as.
    unit: str = "person"  # person family operation country ton km other (money, percent: unread)
    cue: str | None = None  # metric named by the nearest cue, or "residence"
    alt_cue: str | None = None  # the nearest event cue on the other side / earlier in the sentence
    is_subgroup: bool = False
    is_linked: bool = False  # a subgroup of the figure before ("بينهم ألفا أجنبي", "2,000 of them")
    is_combatant: bool = False  # the counted noun is fighters or suspects ("hold 10,000 militants")
    is_resident: bool = True  # no counted noun, or one that can count residents ("people", "نازح")
    has_noun: bool = False  # a counted noun follows
    is_others: bool = False  # "آخرين" / "others" follows
    has_bridge: bool = False  # "تضم" / "comprising" links it to the figure before
    has_anaphor: bool = False  # "العدد" / "the number" before it
    drop: bool = False  # rhetoric, an age, a counter
    is_compared: bool = False  # a bare figure "compared with" the one before: its measure


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text, start, end)]


def read(
    r: Rules,
    ftext: str,
    num: Numeral,
    fstart: int,
    fend: int,
    *,
    floor: int,
    ceil: int,
    clause_start: int,
    clause_end: int,
    sentence_start: int,
    seen: Seen | None = None,
) -> Reading:
    """Read the words around one number (`fstart:fend` in folded text) within its sentence.

    `floor`/`ceil` bound the search (sentence edges or the neighbouring figures). The words
    before the number are split once and shared by the tests below; those after it as far as
    a test needs them. Money and percent figures, whose metric and unit their kind decides
    (`decide`), are read only for `drop` and `is_linked`; their other fields keep the
    defaults of a bare number (`Reading`'s field defaults)."""
    last = _last_words(ftext, floor, fstart, BEFORE_WORDS)  # nearest first
    n_last = len(last)
    win_start = _start_of(last, BEFORE_WORDS, floor)  # the cue window before the number
    near = _start_of(last, 3, floor)
    stop = min(ceil, clause_end)
    kind = num.kind

    # A count is dropped for a `not_before` word in its cue window (an age), any other figure
    # only for one in its last three words (a search from further back finds those too).
    # The tests of `r.rare` words (marked "rare window") all search windows that end at the
    # number and begin at or after `rare_from`; one search rules them all out (a long clause
    # is left to `seen`). A new such test must keep to that, or widen `rare_from`.
    rare_from = min(win_start, clause_start, max(floor, fstart - 30))
    # (to `fend`: a qualifier of the span may hold an anaphor, "تجاوز عددهم ثلاثين ألفاً")
    may_have_rare = fstart - rare_from >= Seen.LONG or r.rare.has(ftext, rare_from, fend)
    drop_from = max(win_start if kind == Kind.COUNT else near, clause_start)
    drop = may_have_rare and r.not_before.has(ftext, drop_from, fstart)  # rare window
    if (
        kind == Kind.PERCENT
        and num.value == 100
        and r.rhetoric.has(ftext, _start_of(last, 6, floor), min(ceil, fend + 40))
    ):
        drop = True
    if (
        kind == Kind.COUNT
        and num.qualifier == Qualifier.UNDER
        and num.value <= _MAX_AGE
        and last
        and (
            r.subgroup_nouns.match_at(ftext, last[0][0]) is not None
            or r.copula.match_at(ftext, last[0][0]) is not None
        )
    ):  # an age: "boys under 18", "83 percent of them are under 12"
        drop = True
    is_linked = False
    if floor > sentence_start:  # only a figure after another can be its subgroup
        next2 = _first_words(ftext, fend, stop, 2)
        is_linked = (
            may_have_rare and r.links.has(ftext, max(near, clause_start), fstart)  # rare window
        ) or (bool(next2) and r.links.has(ftext, next2[0][0], next2[-1][1]))
    if kind != Kind.COUNT:
        return Reading(is_linked=is_linked, drop=drop)

    # Unit: the counted noun (inside the span when a qualifier follows it: "ألف امرأة تقريبا").
    unit, has_noun, is_subgroup = "person", False, False
    is_others = False
    noun_is = (False, False, False)  # `_noun` of the counted noun
    if r.digit_units or not _NUMERIC.fullmatch(ftext, fstart, fend):  # else no word to read
        for ws, we in _words(ftext, fstart, fend):
            if ftext[ws].isdigit() and not r.digit_units:  # "10", "000": no counted noun
                continue
            key, end = r.units.match_at(ftext, ws) or (None, we)
            if key is not None and key not in ("skip", "function"):
                unit, has_noun = key, True
                noun_is = _noun(r, ftext, ws, end)
                is_subgroup = noun_is[0]
    pos = fend
    for k, m in enumerate(islice(_WORD.finditer(ftext, fend, stop), 0 if has_noun else 5)):
        ws, we = m.span()
        # (a single space holds no stop)
        if (ws != pos + 1 or ftext[pos] != " ") and _STOP.search(ftext, pos, ws):
            break
        key, end = r.units.match_at(ftext, ws) or (None, we)  # key None: no `units` word
        if r.subgroup_nouns.match_at(ftext, ws) is not None:
            is_subgroup, has_noun = True, True
            if key == "skip":  # "90 Iraqi families": read on
                pos = end
                continue
            break
        if key is None:
            if k == 0 and r.others.has(ftext, ws, we + 1):
                is_others = True
                break
            unit = "other"
            has_noun = True
            break
        if key == "skip":
            pos = end
            continue
        if key == "function":
            if r.others.has(ftext, ws, end):
                is_others = True
            elif (
                r.copula.match_at(ftext, ws) is not None  # (only `skip` words before it)
                and _counts_operations(r, ftext, end, stop)  # "14 were partnered raids"
            ):
                unit, has_noun = "operation", True
            break
        unit, has_noun = key, True
        noun_is = _noun(r, ftext, ws, end)
        if noun_is[0]:
            is_subgroup = True
        break
    _, is_combatant, is_resident = noun_is
    is_resident = not has_noun or is_resident

    # Cues before: nearest first.
    cue: str | None = None
    cue_dist = 10**6
    for start, end, key in reversed(r.before.find_keyed(ftext, win_start, fstart)):
        if key == "subgroup":
            if start >= clause_start and _count_after(last, end) <= 8:
                is_subgroup = True
            continue
        if key in ("weak", "past"):
            continue
        if key == "repatriated" and _is_modal(r, ftext, start, floor):
            continue
        if (
            key == "detainees"
            and start < clause_start
            and is_subgroup
            and opens_clause(ftext, clause_start, fstart, r.opens, r.joins)
        ):  # another statement: "... remain in detention, and that over 25,000 children in al-Hol"
            break
        cue = key
        cue_dist = _count_after(last, end)
        if start < clause_start:  # in an earlier clause: a cue after the number wins
            cue_dist += AFTER_WORDS + 1
        break
    # Cues after, within the clause; past the next figure when only a counted noun and "and"
    # stand between them ("36 women and 59 children were brought home").
    alt_cue: str | None = None
    after_stop = stop
    if ceil < clause_end and _joined_next(r, ftext, fend, ceil):
        # (as far as a cue can count: a few words more than AFTER_WORDS for a phrase)
        reach = _first_words(ftext, fend, clause_end, AFTER_WORDS + 4)
        after_stop = reach[-1][1] if len(reach) == AFTER_WORDS + 4 else clause_end
    h = r.after.first(ftext, fend, after_stop)
    near_after = False  # an after-cue within AFTER_WORDS words
    if h is not None:
        # Words from the number to the cue (more than AFTER_WORDS: too far).
        words_after = _first_words(ftext, fend, after_stop, AFTER_WORDS + 1)
        dist = sum(ws < h.start for ws, _we in words_after)
        if h.key == "detainees":  # "20 prisoners escaped", "5 detainees died", "surrendered"
            # (or the verb right after a detainee noun further on: "100 attackers and
            # inmates had been killed")
            h2 = r.after.first(ftext, h.end, after_stop)
            if h2 is not None and h2.key in _FATES:
                d2 = sum(ws < h2.start for ws, _we in words_after)
                if (dist == 0 and d2 <= 3) or len(_words(ftext, h.end, h2.start)) <= 1:
                    h, dist = h2, d2
        if h.key == "past":
            h = None
        elif h.key == "residence":  # "are held in SDF prisons": the place decides
            h2 = r.after.first(ftext, h.end, after_stop)
            if h2 is None or h2.key != "detainees":  # "remain in SDF-run detention facilities"
                h2 = r.before.first(ftext, h.end, after_stop)
            if (
                h2 is not None
                and h2.key == "detainees"
                and len(_words(ftext, h.end, h2.start)) <= 3
            ):
                h = h2
        if h is not None and dist <= AFTER_WORDS:
            if dist < cue_dist or (
                # "نقلت 150 معتقلاً", "holds 3,000 prisoners": people held, moved or taken
                dist == cue_dist == 0
                and h.key == "detainees"
                and cue in ("repatriated", "captured", "residence")
                and (r.units.match_at(ftext, h.start) or ("",))[0] == "person"
            ):
                alt_cue = cue if cue in EVENTS else None
                cue, cue_dist = h.key, dist
            elif h.key in EVENTS:
                alt_cue = h.key
            near_after = True
    if not near_after and cue_dist > AFTER_WORDS:
        # "At least 73 people, two of them children, have been killed": the verb after an
        # apposition (no cue of the figure's own clause before it, none near after it).
        key = _across_apposition(r, ftext, fend)
        if key is not None:
            alt_cue = cue if cue in EVENTS else None
            cue, cue_dist = key, AFTER_WORDS
    if (
        alt_cue is None
        and win_start > sentence_start
        and (
            seen is None
            or win_start - sentence_start < Seen.LONG
            or seen.may_hit("events", sentence_start, win_start)
        )
    ):
        # An event word earlier in the sentence ("غادرت الدفعة ... وضمت 87 عائلة").
        for start, _end, key in reversed(r.before.find_keyed(ftext, sentence_start, win_start)):
            if key in _EARLIER_EVENTS and not (
                key == "repatriated" and _is_modal(r, ftext, start, sentence_start)
            ):
                alt_cue = key
                break

    if cue in _RENAMED or alt_cue in _RENAMED:
        violent = None
        if "died" in (cue, alt_cue):  # (the sentence up to the end of the clause or figure)
            violent = r.violence.has(ftext, sentence_start, max(clause_end, ceil))
        cue, alt_cue = _rename(cue, violent), _rename(alt_cue, violent)
        if alt_cue not in EVENTS:
            alt_cue = None
    bridge = (
        r.bridge.first(ftext, max(floor, fstart - 30), fstart)  # rare window
        if may_have_rare and n_last <= 6
        else None
    )
    # (only counted nouns between the figure before and the bridge: "3,751 عائلة تضم", not
    # "17 ألفاً و800 عائلة، في حين يضم المخيمان")
    has_bridge = bridge is not None and _only_nouns(r, ftext, floor, bridge.start)
    # "The number" in the clause, or in the cue window when that reaches further back (a
    # search from further back finds the other's hits too; `seen` skips a long clause).
    anaphor_from = min(win_start, clause_start)
    has_anaphor = (
        may_have_rare
        and (
            anaphor_from < clause_start
            or seen is None
            or seen.may_hit("anaphor", clause_start, fend)
        )
        and r.anaphor.has(ftext, anaphor_from, fend)  # rare window (and the span)
    )
    return Reading(
        unit=unit,
        cue=cue,
        alt_cue=alt_cue,
        is_subgroup=is_subgroup,
        is_linked=is_linked,
        is_combatant=is_combatant,
        is_resident=is_resident,
        has_noun=has_noun,
        is_others=is_others,
        has_bridge=has_bridge,
        has_anaphor=has_anaphor,
        drop=drop,
        is_compared=(
            cue is None
            and not has_noun
            and floor > sentence_start
            and r.compare.has(ftext, max(near, clause_start), fstart)
        ),
    )


def asks_residents(r: Rules, ftext: str, start: int, end: int) -> bool:
    """Return whether the question `ftext[start:end]` asks how many live in a place (a
    residence cue, no subgroup noun: "How many people live in al-Hol today?")."""
    if end <= start or ftext[end - 1] not in "?\u061f":
        return False
    return names_residents(r, ftext, start, end)


def names_residents(r: Rules, ftext: str, start: int, end: int) -> bool:
    """Return whether `ftext[start:end]` speaks of a place's residents (a residence cue, no
    subgroup noun: "Al-Hol population", "عدد قاطني مخيم الهول")."""
    hit = any(k == "residence" for _s, _e, k in r.before.find_keyed(ftext, start, end)) or any(
        k == "residence" for _s, _e, k in r.after.find_keyed(ftext, start, end)
    )
    return hit and not r.subgroup_nouns.has(ftext, start, end)


def _only_nouns(r: Rules, ftext: str, start: int, end: int) -> bool:
    """Return whether every word of `ftext[start:end]` is a counted noun or a number."""
    for ws, _we in _words(ftext, start, end):
        if ftext[ws].isdigit():
            continue
        hit = r.units.match_at(ftext, ws)
        if hit is None or hit[0] == "function":
            return False
    return True


def _rename(cue: str | None, violent: bool | None) -> str | None:
    """Return the metric key of a cue key that names no metric of its own."""
    if cue == "died":
        return "killed" if violent else "other"
    return _RENAMED.get(cue, cue) if cue else cue


def _last_words(text: str, floor: int, end: int, n: int) -> list[tuple[int, int]]:
    """Return the last `n` words of `text[floor:end]` (or all of them), nearest first."""
    lo = end - 15 * n
    if lo > floor:
        tail = _words(text, lo, end)
        if len(tail) > n:  # the first may be cut, the last n are whole
            return tail[: -n - 1 : -1]
    return _words(text, floor, end)[: -n - 1 : -1]


def _counts_operations(r: Rules, ftext: str, start: int, stop: int) -> bool:
    """Return whether the first counted noun after `start` (past `skip` words, up to four
    words) is an operation ("[14 were] partnered raids")."""
    for m in islice(_WORD.finditer(ftext, start, stop), 4):
        hit = r.units.match_at(ftext, m.start())
        if hit is None or hit[0] != "skip":
            return hit is not None and hit[0] == "operation"
    return False


def _across_apposition(r: Rules, ftext: str, fend: int) -> str | None:
    """Return the metric named by an after-cue that opens the part of the sentence after an
    apposition to the number ("73 people, two of them children, were killed", "95 citizens -
    36 women and 59 children - were repatriated"); None when there is none.

    The number's noun phrase holds only counted nouns and joins; an apposition holds a link
    ("of them", "بينهم") or only figures, counted nouns, joins and bridges ("or"), up to seven
    words."""
    pos, first = fend, True
    for _ in range(3):
        # a longer part is no apposition; the number's noun phrase is four words at most
        end = min(len(ftext), pos + (_HEAD_REACH if first else _SEGMENT_REACH))
        quick = _SEPARATOR.search(ftext, pos, end) if first else None
        if first and quick is None:
            return None
        sep = _APPOSITION.search(ftext, max(pos, quick.start() - 1) if quick else pos, end)
        if sep is None and first:
            return None
        seg_end = sep.start() if sep else end
        if (stop := _SENTENCE_END.search(ftext, pos, seg_end)) is not None:
            seg_end, sep = stop.start(), None
        # (one word past the most a part may hold: enough to tell it is too long)
        words = [m.span() for m in islice(_WORD.finditer(ftext, pos, seg_end), 5 if first else 8)]
        if not first and words:
            h = r.after.first(ftext, words[0][0], words[min(2, len(words) - 1)][1])
            if h is not None and h.start == words[0][0] and h.key not in ("residence", "past"):
                return h.key
        if sep is None:
            return None
        plain = len(words) <= (4 if first else 7) and all(
            ftext[ws].isdigit()
            or ftext[ws:we] in r.joins
            or ((k := r.units.match_at(ftext, ws)) is not None and k[0] != "function")
            or r.bridge.match_at(ftext, ws) is not None  # "73 families, or 300 people,"
            for ws, we in words
        )
        if not (plain or (not first and r.links.has(ftext, pos, seg_end))):
            return None
        pos, first = sep.end(), False
    return None


def _joined_next(r: Rules, ftext: str, fend: int, ceil: int) -> bool:
    """Return whether only a counted noun and a join word stand between a number ending at
    `fend` and the next figure at `ceil` ("36 women and 59", "أربع نساء وثلاثة")."""
    words = _first_words(ftext, fend, ceil, 4)
    if not 1 <= len(words) <= 3 or ftext[slice(*words[-1])] not in r.joins:
        return False
    for ws, _we in words[:-1]:
        hit = r.units.match_at(ftext, ws)
        if hit is None or hit[0] == "function":
            return False
    return True


def _start_of(last: list[tuple[int, int]], k: int, floor: int) -> int:
    """Return where the `k`-th word before the number begins (`floor` if there are fewer)."""
    return last[k - 1][0] if len(last) >= k else floor


def _count_after(last: list[tuple[int, int]], pos: int) -> int:
    """Return how many of the words `last` (nearest first) end after `pos`."""
    n = 0
    for _ws, we in last:  # nearest first: ends fall
        if we <= pos:
            break
        n += 1
    return n


def _first_words(text: str, start: int, end: int, n: int) -> list[tuple[int, int]]:
    return [m.span() for m in islice(_WORD.finditer(text, start, end), n)]


def _noun(r: Rules, ftext: str, start: int, end: int) -> tuple[bool, bool, bool]:
    """Return whether the counted noun `ftext[start:end]` is a subgroup, fighters or residents."""
    # The answer depends only on the noun and on whether a word character precedes it.
    key = ftext[start - 1 : end] if start else " " + ftext[:end]
    got = r.nouns.get(key)
    if got is None:
        got = (
            r.subgroup_nouns.has(ftext, start, end),
            r.combatants.has(ftext, start, end),
            r.residents.has(ftext, start, end),
        )
        if len(r.nouns) < _MAX_NOUNS:
            r.nouns[key] = got
    return got


def _is_modal(r: Rules, ftext: str, cue_start: int, floor: int) -> bool:
    lo = _start_of(_last_words(ftext, floor, cue_start, 3), 3, floor)
    return r.modal.has(ftext, lo, cue_start)


def decide(
    reading: Reading,
    num: Numeral,
    *,
    has_camp: bool,
    camp_known: bool,
    prev_metric: Metric | None,
    prev_unit: str | None,
    prev_close: bool,
    anaphor_metric: Metric | None,
) -> tuple[Metric, str]:
    """Return (metric, unit) of a count, money or percent figure.

    `has_camp`: a camp is named in the sentence; `camp_known`: or before it; `prev_*`: the
    figure before it in the same sentence (`prev_close`: joined by a conjunction only);
    `anaphor_metric`: the metric of the last figure, for "the number"."""
    if num.kind == Kind.MONEY:
        return Metric.FUNDING, num.unit or "usd"
    if num.kind == Kind.PERCENT:
        return Metric.PERCENT, "percent"
    unit, cue = reading.unit, reading.cue
    if unit == "operation":
        return Metric.OPERATIONS, unit
    if unit in ("country", "ton", "km"):
        return Metric.OTHER, unit
    if unit == "thing":  # two car bombs, 30 buses
        return Metric.OTHER, "other"
    if (
        cue in (None, "residence")
        and reading.alt_cue
        and not (cue == "residence" and camp_known)
        and (cue == "residence" or not (prev_close and prev_metric is not None))
    ):
        cue = reading.alt_cue
    if cue == "residence" and reading.is_combatant:
        return Metric.DETAINEES, unit
    if cue is None and reading.is_linked and prev_metric is not None and prev_metric in HELD:
        return prev_metric, unit
    if cue in EVENTS:
        return _METRICS[cue], unit if unit in ("person", "family") else "person"
    if cue in ("operations",):
        return Metric.OPERATIONS, "operation"
    if cue is not None and cue not in ("residence",) and cue in _METRICS:
        return _METRICS[cue], unit
    if reading.has_bridge and prev_metric is not None and prev_unit == "family":
        if prev_metric == Metric.FAMILIES:
            return Metric.CAMP_POPULATION, unit
        return prev_metric, unit
    if cue is None and prev_close and prev_metric is not None and prev_metric.value in EVENTS:
        return prev_metric, unit
    if reading.is_linked and prev_metric is not None and prev_metric not in _OWN:
        return (Metric.OTHER if prev_metric in _TOTALS else prev_metric), unit
    if reading.is_subgroup:
        return Metric.OTHER, unit
    if reading.is_others and prev_metric is not None:
        return prev_metric, unit
    if cue == "residence" and unit == "family":
        return Metric.FAMILIES, unit
    if cue == "residence" and unit == "person":
        return (Metric.CAMP_POPULATION if camp_known else Metric.OTHER), unit
    if not reading.has_noun and reading.has_anaphor and anaphor_metric is not None:
        return anaphor_metric, unit
    if (
        prev_close
        and prev_metric is not None
        and prev_metric != Metric.OTHER
        and prev_metric not in _OWN
    ):
        return prev_metric, unit
    if unit == "family":
        return (Metric.FAMILIES if camp_known else Metric.OTHER), unit
    if (
        unit == "person"
        and has_camp
        and reading.is_resident
        and (reading.has_noun or num.value >= _MIN_BARE_TOTAL)
    ):
        return Metric.CAMP_POPULATION, unit
    if reading.is_compared and prev_metric in HELD:
        return prev_metric, unit  # "8,500 detainees, compared with more than 10,000 in 2022"
    return Metric.OTHER, unit
