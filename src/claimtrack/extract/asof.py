"""Time expressions in folded text (matches of the `timegrammar` of the language), resolved
against the publication date, with periods merged: `since T (until T)?`, `from T until T`;
`since T` alone runs to the time of speaking. A value keeps the precision written: YYYY,
YYYY-MM or YYYY-MM-DD.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, timedelta

from claimtrack.extract.normalize import occurrences
from claimtrack.extract.timegrammar import Grammar, grammar, lookup, spaced

_NON_DIGIT = re.compile(r"\D")
_WORDY = re.compile(r"\w")
_CLOCK_TAIL = re.compile(r"\W*(?:\d{1,2}:\d{2}\W*)?")
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_YEAR_CELL = re.compile(
    rf"^[ \t]*(?P<a>{_YEAR})[ \t]*\||\|[ \t]*(?P<b>{_YEAR})[ \t]*(?=\||$)", re.MULTILINE
)


@dataclass(slots=True, unsafe_hash=True)  # not frozen: a frozen __init__ is 4x slower
class TimeExpr:
    """A resolved time expression: `value` (a period's end), `start` for periods (treat as
    immutable; equal and hashed by value like a frozen dataclass)."""

    fstart: int
    fend: int
    value: str | None  # None: planned or expected, time unknown
    start: str | None = None
    kind: str = "point"  # point | period | since | relative | weekday | now | same | future
    # | heading (a day heading the entries of a live page)
    is_explicit: bool = True  # written with a date, month or year (not a relative word)

    # Written out: mypyc compiles this one, the generated dataclass __init__ runs interpreted.
    def __init__(
        self,
        fstart: int,
        fend: int,
        value: str | None,
        start: str | None = None,
        kind: str = "point",
        is_explicit: bool = True,
    ) -> None:
        self.fstart, self.fend, self.value = fstart, fend, value
        self.start, self.kind, self.is_explicit = start, kind, is_explicit


def _month_before(pub: date, month: int, *, strict: bool) -> int:
    if month < pub.month or (month == pub.month and not strict):
        return pub.year
    return pub.year - 1


def _rel_year(g: Grammar, s: str, pub: date) -> int:
    return pub.year - 1 if g.last.search(s) else pub.year


def _resolve(g: Grammar, m: re.Match[str], s: int, e: int, pub: date) -> TimeExpr | None:
    """Return the time of grammar match `m`, which is `ftext[s:e]`, or None."""
    kind = m.lastgroup  # the alternative that matched: its group closes last
    if kind == "date":
        dd = m.group("dd")
        day = lookup(g.days, dd) or int(_NON_DIGIT.sub("", dd) or 0)
        month = lookup(g.months, m.group("dm"))
        if not month or not 1 <= day <= 31:
            return None
        if dy := m.group("dy"):
            y = int(dy)
        else:
            y = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
        return _day(s, e, y, month, day)
    if kind == "rdate":
        rdd = m.group("rdd")
        day = lookup(g.days, rdd) or int(_NON_DIGIT.sub("", rdd) or 0)
        first = pub.replace(day=1)
        if g.rel.get(spaced(m.group("rmon"))) == "last_month":
            first = (first - timedelta(days=1)).replace(day=1)
        return _day(s, e, first.year, first.month, day) if 1 <= day <= 31 else None
    if kind == "mdate":
        month = lookup(g.months, m.group("mdm"))
        day = int(m.group("mdd"))
        if not month or not 1 <= day <= 31:
            return None
        y = (
            int(m.group("mdy"))
            if m.group("mdy")
            else (pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1)
        )
        return _day(s, e, y, month, day)
    if kind == "week" or kind == "week2":
        n = "w" if kind == "week" else "x"
        month = lookup(g.months, m.group(f"{n}m"))
        ordinal = m.group("wo") or m.group("wo2")
        nth = lookup(g.parts, ordinal) or 1
        if not month:
            return None
        y = int(m.group(f"{n}y")) if m.group(f"{n}y") else _month_before(pub, month, strict=False)
        days = calendar.monthrange(y, month)[1]
        last_day = days if g.last.fullmatch(spaced(ordinal)) else min(days, 7 * nth)
        start = date(y, month, last_day - 6).isoformat()
        return TimeExpr(s, e, date(y, month, last_day).isoformat(), start, "period")
    if kind == "code":
        size, nth = g.codes[spaced(m.group("cw"))]
        y = int(m.group("cy"))
        last_m = size * nth
        end = date(y, last_m, calendar.monthrange(y, last_m)[1])
        return TimeExpr(s, e, end.isoformat(), date(y, last_m - size + 1, 1).isoformat(), "period")
    if kind == "part" or kind == "part2":
        n = "p" if kind == "part" else "q"
        pw = m.group("pw") or m.group("pw2")
        po = lookup(g.parts, m.group("po") or m.group("po2")) or 1
        size = 3 if g.quarter.fullmatch(spaced(pw)) else (lookup(g.spans, pw) or 6)
        last_m = min(12, po * size)
        first_m = last_m - size + 1
        if m.group(f"{n}y"):
            y = int(m.group(f"{n}y"))
        elif m.group(f"{n}r"):
            y = _rel_year(g, m.group(f"{n}r"), pub)
        else:  # "the first quarter" with no year: the latest such part over by publication
            y = (
                pub.year
                if (last_m, calendar.monthrange(pub.year, last_m)[1]) <= (pub.month, pub.day)
                else pub.year - 1
            )
        end = date(y, last_m, calendar.monthrange(y, last_m)[1])
        return TimeExpr(s, e, end.isoformat(), date(y, first_m, 1).isoformat(), "period")
    if kind == "edge":
        ew = spaced(m.group("ew"))
        is_start = bool(g.start_of.fullmatch(ew))
        if m.group("ey"):
            y = int(m.group("ey"))
            return TimeExpr(s, e, str(y) if is_start else f"{y}-12-31")
        y = _rel_year(g, m.group("er"), pub)
        return TimeExpr(s, e, f"{y}-01" if is_start else f"{y}-12-31", None, "point", False)
    if kind == "month":
        month = lookup(g.months, m.group("mm"))
        if not month:
            return None
        if m.group("mn"):  # "نيسان المقبل": planned, time unknown
            return TimeExpr(s, e, None, None, "future", False)
        if m.group("my"):
            y = int(m.group("my"))
        elif m.group("mr"):
            y = _rel_year(g, m.group("mr"), pub)
        elif m.group("mmark") or m.group("ml") or m.group("mt") or m.group("mlb"):
            y = _month_before(pub, month, strict=bool(m.group("ml") or m.group("mlb")))
        else:
            return None  # a bare month name is too often another word ("may", "مارس")
        return _month(g, s, e, y, month, spaced(m.group("mmark")), pub)
    if kind == "rel":
        key = g.rel.get(spaced(m.group("rel")))
        if key is None:
            return None
        return _relative(s, e, key, pub)
    if kind == "wd":
        wd = lookup(g.weekdays, m.group("wdn"))
        if not wd:
            return None
        back = (pub.isoweekday() - wd) % 7
        if back == 0 and (m.group("wlb") or m.group("wla")):  # "last Friday" said on a Friday
            back = 7
        return TimeExpr(s, e, (pub - timedelta(days=back)).isoformat(), None, "weekday", False)
    if kind == "year":
        return TimeExpr(s, e, m.group("yy"))
    return None


def _month(g: Grammar, s: int, e: int, y: int, month: int, mark: str, pub: date) -> TimeExpr:
    """Return a month: its last day after "the end of", a period when whole and past."""
    if mark:
        last = date(y, month, calendar.monthrange(y, month)[1])
        if g.end_day.search(mark):
            return TimeExpr(s, e, last.isoformat())
        if g.whole.search(mark) and last < pub:
            return TimeExpr(s, e, last.isoformat(), f"{y}-{month:02d}-01", "period")
    return TimeExpr(s, e, f"{y}-{month:02d}")


def _day(s: int, e: int, y: int, month: int, day: int) -> TimeExpr | None:
    try:
        return TimeExpr(s, e, date(y, month, day).isoformat())
    except ValueError:
        return None


def _relative(s: int, e: int, key: str, pub: date) -> TimeExpr | None:
    if (found := _relative_value(key, pub)) is None:
        return None
    value, kind = found
    return TimeExpr(s, e, value, None, kind, False)


def _relative_value(key: str, pub: date) -> tuple[str, str] | None:
    """Return the value and kind of the relative time `key` said on `pub`."""
    if key == "today":
        return pub.isoformat(), "now"
    if key == "nowadays":
        return pub.strftime("%Y-%m"), "now"
    if key == "yesterday":
        return (pub - timedelta(days=1)).isoformat(), "relative"
    if key == "day_before_yesterday":
        return (pub - timedelta(days=2)).isoformat(), "relative"
    if key.startswith("years_ago_"):  # "قبل عامين", "two years ago": that year
        return str(pub.year - int(key.rsplit("_", 1)[1])), "relative"
    if key.startswith("days_ago_"):  # "قبل يومين", "three days ago"
        return (pub - timedelta(days=int(key.rsplit("_", 1)[1]))).isoformat(), "relative"
    if key == "last_week":
        return (pub - timedelta(days=7)).strftime("%Y-%m"), "relative"
    if key == "this_week":
        return pub.isoformat(), "relative"
    if key == "last_month":
        return (pub.replace(day=1) - timedelta(days=1)).strftime("%Y-%m"), "relative"
    if key == "this_month":
        return pub.strftime("%Y-%m"), "relative"
    if key == "last_year":
        return str(pub.year - 1), "relative"
    if key == "whole_last_year":
        return f"{pub.year - 1}-12-31", "relative"
    if key == "this_time_last_year":
        return f"{pub.year - 1}-{pub.month:02d}", "relative"
    if key == "this_year":
        return str(pub.year), "relative"
    return None


def find_times(
    ftext: str,
    published: date | None,
    lang: str,
    *,
    same_in: list[tuple[int, int]] | None = None,
) -> list[TimeExpr]:
    """Return the time expressions of folded `ftext`, periods merged, in order.

    `same_in`: look for "the same time" and `future` words only in these sorted spans
    (default: all)."""
    if published is None:
        return []
    g = grammar(lang)
    atoms = _atoms(g, ftext, published)
    if "|" in ftext:
        atoms = sorted(atoms + _year_cells(ftext, published), key=lambda t: t.fstart)
    since_at = occurrences(ftext, g.since_words)
    out: list[TimeExpr] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        lo = max(0, a.fstart - 40)
        opener = None
        if _last_letter(ftext, lo, a.fstart) in g.opener_ends:  # else neither can match
            head = ftext[lo : a.fstart]
            opener = g.since.search(head) or g.from_.search(head)
        o_start = a.fstart - len(opener.group()) if opener else a.fstart
        if opener or g.opens.match(ftext, a.fstart):
            end = _period_end(g, ftext, a, atoms[i + 1] if i + 1 < len(atoms) else None, published)
            if end is not None:
                out.append(TimeExpr(o_start, end.fend, end.value, a.value, "period"))
                i += 2 if end is not None and end.kind != "tail" else 1
                continue
        elif _is_month(a):
            # "in September and October", "خلال شهري أيلول وتشرين الأول": to the second's end
            end = _period_end(g, ftext, a, None, published)
            if end is not None:
                out.append(TimeExpr(a.fstart, end.fend, end.value, a.start or a.value, "period"))
                i += 1
                continue
        hi = min(a.fend, a.fstart + 8)
        k = bisect_left(since_at, lo)
        if k < len(since_at) and since_at[k] < hi:  # `since_any` needs one in ftext[lo:hi]
            lead = _tail_words(ftext[lo : a.fstart], 5) + ftext[a.fstart : hi]
            if g.since_any.search(lead):
                out.append(TimeExpr(a.fstart, a.fend, published.isoformat(), a.value, "since"))
                i += 1
                continue
        out.append(a)
        i += 1
    sinced = {t.fstart for t in out if t.kind == "since"}
    out.extend(_open_since(g, ftext, since_at, atoms, sinced, published))
    spans = [(0, len(ftext))] if same_in is None else same_in
    for words, lex, value, kind in (
        (g.same_words, g.same, "", "same"),
        (g.future_words, g.future, None, "future"),
    ):
        if not (held := _spans_holding(ftext, spans, words)):  # a hit holds one of `words`
            continue
        hits = [lex.find(ftext)] if same_in is None else lex.find_spans(ftext, held)
        for h in (h for hs in hits for h in hs):
            out.append(TimeExpr(h.start, h.end, value, None, kind, False))
    out.sort(key=lambda t: t.fstart)
    return out


def _is_month(t: TimeExpr) -> bool:
    """Return whether `t` is one month (YYYY-MM, or a whole month as a period)."""
    if t.kind == "point":
        return t.value is not None and len(t.value) == 7
    return t.kind == "period" and t.start is not None and t.start[:7] == (t.value or "")[:7]


def _last_letter(text: str, start: int, end: int) -> str:
    """Return the last letter of `text[start:end]` that is not a space ("" if none)."""
    j = end - 1
    while j >= start and text[j].isspace():
        j -= 1
    return text[j] if j >= start else ""


def _atoms(g: Grammar, ftext: str, pub: date) -> list[TimeExpr]:
    """Return the times of `g.pattern.finditer(ftext)` not right after a `not_after` word
    (with `g.gap`, of `g.pattern.finditer(" " + ftext)`: a match there takes in the character
    before its time, so that it starts where the time starts in `ftext`).

    A day alone on its line in the week before `pub` heads the entries of a live page (kind
    "heading"): the times after it are resolved against that day."""
    out = []
    ref = pub
    shift = 1 if g.gap else 0  # (offsets in `" " + ftext` are one past those in `ftext`)
    for m in g.pattern.finditer(" " + ftext if g.gap else ftext):
        s, e = m.start(), m.end() - shift
        t = _resolve(g, m, s, e, ref)
        if t is None:
            continue
        lo = max(0, s - g.not_after_len)
        if _last_letter(ftext, lo, s) in g.not_after_ends and g.not_after.search(ftext[lo:s]):
            continue
        if t.kind == "point" and t.value and len(t.value) == 10 and _alone(ftext, s, t.fend):
            day = date.fromisoformat(t.value)
            if pub - timedelta(days=7) <= day <= pub:
                ref = day
                t = replace(t, kind="heading")
        out.append(t)
    return out


def _year_cells(ftext: str, pub: date) -> list[TimeExpr]:
    """Return the years that fill a cell of a table row ("2019 | 73,000 | UN"): each dates
    the figures of its row."""
    out = []
    for m in _YEAR_CELL.finditer(ftext):
        y = m.group("a") or m.group("b")
        if int(y) <= pub.year:
            s = m.start("a") if m.group("a") else m.start("b")
            out.append(TimeExpr(s, s + 4, y))
    return out


def _alone(text: str, start: int, end: int) -> bool:
    """Return whether `text[start:end]` stands alone on its line (but for punctuation and a
    time of day after it: "22 January 2022, 19:05")."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return not _WORDY.search(text, a, start) and bool(
        _CLOCK_TAIL.fullmatch(text, end, len(text) if b < 0 else b)
    )


def _spans_holding(
    text: str, spans: list[tuple[int, int]], words: re.Pattern[str]
) -> list[tuple[int, int]]:
    """Return those of `spans` (sorted, disjoint) in which one of `words` occurs."""
    return [(s, e) for s, e in spans if words.search(text, s, e)]


def _period_end(
    g: Grammar, ftext: str, a: TimeExpr, b: TimeExpr | None, pub: date
) -> TimeExpr | None:
    """Return the end of a period opened by `a` ("from" `a` "until" `b`), or None.

    The end is the next atom `b` after an "until" word, or a bare month after "and"/"و"
    (kind "tail"); a month end names its last day."""
    if b is not None and b.kind != "now" and b.value:
        gap = ftext[a.fend : b.fstart]
        if g.until.match(gap) or (not gap.strip() and g.closes.match(ftext, b.fstart)):
            if len(b.value) == 7:
                y, mo = int(b.value[:4]), int(b.value[5:])
                last = date(y, mo, calendar.monthrange(y, mo)[1])
                return TimeExpr(b.fstart, b.fend, last.isoformat(), None, b.kind)
            return b
    m = g.tail.match(ftext, a.fend)
    if m is None or (b is not None and b.fstart < m.end()):
        return None
    month = lookup(g.months, m.group("tm"))
    if not month:
        return None
    y = int(m.group("ty")) if m.group("ty") else _month_before(pub, month, strict=False)
    last = date(y, month, calendar.monthrange(y, month)[1])
    return TimeExpr(m.start(), m.end(), last.isoformat(), None, "tail")


def _open_since(
    g: Grammar,
    ftext: str,
    since_at: list[int],
    atoms: list[TimeExpr],
    sinced: set[int],
    pub: date,
) -> list[TimeExpr]:
    """Return "since" + an event ("منذ انطلاق العملية", "since the war began"): runs to `pub`.

    The since words are `g.since_any.finditer(ftext)`, tried only up to a clitic before
    `since_at`, where the first words of the since forms occur; one that opens the time
    of an atom (`sinced`: those atoms' starts) is that atom's ("since the attack began on
    Thursday")."""
    out = []
    k = 0
    done = 0  # end of the last since word: finditer's matches do not overlap
    starts = sorted({j - c for j in since_at for c in range(g.clitic_max + 1) if j >= c})
    for p in starts:
        if p < done or (m := g.since_any.match(ftext, p)) is None:
            continue
        done = m.end()
        while k < len(atoms) and atoms[k].fend < m.start():
            k += 1
        if k < len(atoms) and (
            atoms[k].fstart <= m.end() + 2
            or (atoms[k].fstart in sinced and atoms[k].fstart - m.end() <= 40)
        ):
            continue  # "since" + a time: the atom itself
        out.append(TimeExpr(m.start(), m.end(), pub.isoformat(), None, "since", False))
    return out


def _tail_words(s: str, n: int) -> str:
    """Return the last `n` words of `s`, joined by spaces and followed by one ("" if none)."""
    words = s.split()
    return " ".join(words[-n:]) + " " if words else ""
