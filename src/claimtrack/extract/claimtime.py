"""Which time a figure describes: the choice among the time expressions of its sentence.

`claims.build_claims` finds a sentence's times (`asof.find_times`), marks those of speaking
(`after_verb`, `stated`) and those that belong to a neighbouring figure (`right_after`), and
asks `as_of` for each figure: its clause's time, else its part of the sentence's, else the
last sentence's or the last statement's, else the publication date.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from claimtrack.extract import lexicon
from claimtrack.extract.asof import TimeExpr
from claimtrack.extract.speakerwords import speech_verbs
from claimtrack.model import Metric

if TYPE_CHECKING:
    from claimtrack.extract.claims import _Figure

T = TypeVar("T")
#: Figures of events: with no time of their own they take the last sentence's.
EVENTS = (Metric.KILLED, Metric.CAPTURED, Metric.REPATRIATED, Metric.OPERATIONS)
#: In a "sentence" longer than twice this (a run-on text with no full stops), a figure's
#: time is looked for this many characters around it only, so time stays linear in its length.
TIME_REACH = 1000


def near(items: list[T], lo: int, hi: int, *, key: Callable[[T], int]) -> list[T]:
    """Return the items of `items` (in text order by `key`) whose place is in lo..hi."""
    return items[bisect_left(items, lo, key=key) : bisect_right(items, hi, key=key)]


def after_verb(ft: str, s: int, pos: int, lang: str) -> bool:
    """Return whether a speech verb stands in the three words before `pos`."""
    words = ft[max(s, pos - 300) : pos].split()  # (three words fit in 300 characters)
    lo = pos - len(" ".join(words[-3:])) - 1 if words else pos
    return bool(speech_verbs(lang).find(ft, max(s, lo), pos))


def stated(
    ft: str,
    sentence: tuple[int, int],
    t: TimeExpr,
    figs: list[_Figure],
    verbs: list[lexicon.Hit],
    opens: lexicon.Lexicon,
    *,
    reach: int = 8,
) -> bool:  # (`figs` and `verbs`, the sentence's, in text order)
    """Return whether time `t` is when a statement was made: a speech verb stands in the
    `reach` (eight) words before it with no figure and no word opening the reported speech between
    them ("قالت الإدارة، أمس، إن", "said on Monday"), or in the four words after it when no
    figure of the sentence comes before that verb ("On Monday, CENTCOM said 300 ...")."""
    s, e = sentence
    pos = t.fstart
    lo = max(s, pos - 300)  # (eight words fit in 300 characters but for the longest)
    words = ft[lo:pos].split()
    lo = max(lo, pos - len(" ".join(words[-reach:])) - 1 if words else pos)
    i = bisect_right(verbs, pos, key=lambda v: v.start) - 1
    while i >= 0 and verbs[i].end > pos:
        i -= 1
    if i >= 0 and verbs[i].start >= lo:
        v = verbs[i]
        k = bisect_left(figs, pos, key=lambda f: f.fstart) - 1  # the last figure before `pos`
        if not (k >= 0 and figs[k].fend > v.start) and not opens.has(ft, v.end, pos):
            return True
    after = ft[t.fend : min(e, t.fend + 120)].split()[:4]
    hi = min(e, t.fend + len(" ".join(after)) + 2 if after else t.fend)
    j = bisect_left(verbs, t.fend, key=lambda v: v.start)
    if j == len(verbs) or verbs[j].end > hi:
        return False
    # (before every figure of the sentence: a figure's time stands after it)
    return figs[0].fstart >= verbs[j].start


def opens_clause(ft: str, a: int, b: int, opens: lexicon.Lexicon, joins: frozenset[str]) -> bool:
    """Return whether the clause `ft[a:b]` begins with a word opening reported speech,
    after a join at most ("وأن الدفعة", "and that the camp")."""
    toks = ft[a : min(b, a + 40)].split(maxsplit=2)[:2]
    if not toks:
        return False
    p = ft.index(toks[0], a)
    if opens.match_at(ft, p) is not None:
        return True
    if len(toks) == 2 and toks[0] in joins:
        return opens.match_at(ft, ft.index(toks[1], p + len(toks[0]))) is not None
    return False


def _pool(
    real: list[TimeExpr],
    fig: _Figure,
    clause: tuple[int, int],
    semis: list[int],
    sentence: tuple[int, int],
) -> list[TimeExpr]:
    """Return the times of `real` in the figure's clause, else in its part between
    semicolons, else in the earlier parts of its sentence."""
    a, b = clause
    pool = [t for t in real if a <= t.fstart < b]
    if real and not pool:
        a, b = _segment(semis, *sentence, fig.fstart)
        pool = [t for t in real if a <= t.fstart < b] or [t for t in real if t.fstart < b]
    return pool


def right_after(ft: str, pos: int, t: TimeExpr) -> bool:
    """Return whether time `t` follows `pos` (the end of a figure) with one word at most
    between them (its noun): the time of that figure."""
    return pos <= t.fstart and len(ft[pos : t.fstart].split()) <= 1


def _segment(semis: list[int], s: int, e: int, pos: int) -> tuple[int, int]:
    """Return the part of a sentence `s:e` between semicolons (at `semis`) that holds `pos`."""
    i = bisect_left(semis, pos)
    return (semis[i - 1] + 1 if i else s), (semis[i] if i < len(semis) else e)


def span_distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def as_of(
    fig: _Figure,
    ci: int,
    metric: Metric,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    semis: list[int],
    timed: list[tuple[TimeExpr, int]],
    speech: list[TimeExpr],
    anchor: str | None,
    pub: str | None,
    fig_clauses: set[int],
    speech_at: set[int],
    *,
    event_anchor: str | None,
    said_day: str | None,
    owned: set[int] | None = None,
    said: list[TimeExpr] | None = None,
) -> tuple[str | None, str | None, TimeExpr | None]:
    """Return (as_of, as_of_start, the expression used) for one figure in clause `ci` (-1:
    none) of the sentence `sentence` (start, end; `semis`: its semicolons' offsets);
    `timed` are its times with their clauses, `fig_clauses` the clauses that hold a figure,
    `speech` its times of speaking and `speech_at` the offsets of those after a speech verb.

    A time after the figure in another clause that holds a figure of its own is that
    figure's; the figure's clause wins over its part between semicolons, and that over the
    earlier parts of the sentence (a later part is another statement). With no time, an event
    takes the last sentence's (`event_anchor`: none when another speaker states it), else a
    figure of the last dated statement's speaker its day (`said_day`), else the publication
    date ("the same time": `anchor`)."""
    real = [
        t
        for t, tc in timed
        if t.kind != "same"
        and not (t.kind == "future" and metric == Metric.FUNDING)  # a pledge: dated when made
        and not (t.kind == "future" and tc != ci)  # a plan marks the figures of its clause
        and not (t.fstart >= fig.fend and tc >= 0 and tc != ci and tc in fig_clauses)
    ]
    if speech_at:
        talk = [t for t in real if t.fstart in speech_at]
        if len(talk) < len(real):
            real = [t for t in real if t.fstart not in speech_at]
    pool = []
    if real and owned:  # another figure's own time only when there is no other
        pool = _pool([t for t in real if t.fstart not in owned], fig, clause, semis, sentence)
    if real and not pool:
        pool = _pool(real, fig, clause, semis, sentence)
    if pool:
        t = pool[0]
        if len(pool) > 1:
            t = min(pool, key=lambda t: span_distance(t.fstart, t.fend, fig.fstart, fig.fend))
        if t.kind == "since":  # to the statement before it ("said earlier this month that
            # ... had spent $117 million since 2021"), else the day of speaking (this
            # sentence's, else the last dated statement's), else `pub`
            before = [x for x in said or () if x.fend <= t.fstart]
            spoken = [x for x in speech if x.fstart in speech_at]  # (a day of speaking)
            end = before[-1].value if before else spoken[-1].value if spoken else said_day or pub
            return end, t.start, t
        return t.value, t.start, t
    if any(t.kind == "same" for t, _ in timed) and anchor:
        return anchor, None, None
    if metric in EVENTS and event_anchor:
        return event_anchor, None, None
    if said_day:
        return said_day, None, None
    return pub, None, None
