"""Time expressions in folded text, resolved against the publication date (data: dates.toml and
the `claims.time` table of claims.toml).

date     := [weekday] [day-word] day [link] [month-word] month [[link] [year-word] year]
          | [day-word] day [link] (this-month | last-month)      ("الثالث من الشهر الجاري")
          | month day [, year]                                   (English)
month    := [month-word] month ([link] [year-word] year | [link] rel-year | last | this)
part     := part-word ordinal [link] year-ref | ordinal part-word link year-ref
part-word := quarter | half | N months ("the first eight months of the year")
edge     := (start-of|end-of) [link] year-ref
year     := year-cue YYYY
relative := today | yesterday | last month | this year | ...        weekday := [day-word] weekday
period   := since T (until T)? | from T until T ;  `since T` alone runs to the time of speaking.
A value keeps the precision written: YYYY, YYYY-MM or YYYY-MM-DD.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import chain

from claimtrack import lang as _lang
from claimtrack.extract import lexicon
from claimtrack.extract.lexicon import fold_form

_NON_DIGIT = re.compile(r"\D")


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A resolved time expression: `value` (a period's end), `start` for periods."""

    fstart: int
    fend: int
    value: str | None  # None: planned or expected, time unknown
    start: str | None = None
    kind: str = "point"  # point | period | since | relative | weekday | now | same | future
    is_explicit: bool = True  # written with a date, month or year (not a relative word)


def _folded(forms: list[str]) -> set[str]:
    """Return `forms` folded as the grammar matches them."""
    return {fold_form(f.rstrip("*")) for f in forms if f.strip()}


def _alt(forms: list[str]) -> str:
    folded = _folded(forms)
    if not folded:
        return "(?!)"
    return "(?:" + lexicon.alternation(folded) + ")"


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    after_gap: re.Pattern[str] | None  # `pattern` with a non-word character before it
    months: _Names
    weekdays: _Names
    days: _Names
    parts: _Names
    rel: dict[str, str]
    quarter: re.Pattern[str]
    spans: _Names  # part words of `months_part`: folded form -> size in months
    last: re.Pattern[str]
    start_of: re.Pattern[str]
    end_of: re.Pattern[str]
    since: re.Pattern[str]
    since_any: re.Pattern[str]
    until: re.Pattern[str]
    from_: re.Pattern[str]
    opens: re.Pattern[str]
    closes: re.Pattern[str]
    tail: re.Pattern[str]
    clitic_max: int  # letters the proclitics before a since word can take
    end_day: re.Pattern[str]
    whole: re.Pattern[str]
    not_after: re.Pattern[str]
    same: lexicon.Lexicon
    future: lexicon.Lexicon
    # Quick tests, each a necessary condition of the search it guards (no form folds to ""):
    opener_ends: frozenset[str]  # last letters of the since/from words (`since`, `from_`)
    not_after_ends: frozenset[str]  # last letters of the `not_after` words
    not_after_len: int  # how far back a `not_after` word (with clitics and a space) may begin
    since_words: tuple[str, ...]  # first words of the since forms (`since_any`)
    same_words: re.Pattern[str]  # any of a few words one of which each hit of `same` holds
    future_words: re.Pattern[str]  # the same for `future` (see `_anchors`)


class _Names(dict[str, int]):
    """Folded name -> number; `ends` holds the last letter of every name (None: a name is
    empty, so any text ends with one)."""

    ends: frozenset[str] | None


def _table(table: dict[str, list[str]]) -> _Names:
    names = _Names({fold_form(f): int(k) for k, forms in table.items() for f in forms})
    names.ends = None if "" in names else frozenset(k[-1] for k in names)
    return names


@cache
def grammar(lang: str) -> _Grammar:
    """Return the compiled time grammar of `lang`."""
    data = _lang.load(lang)
    dates = data["dates"]
    clitic, clitic_max = _proclitics(data["numerals"].get("clitics", {}))
    # "and" written onto the next word closes a period ("بين كانون الثاني وآذار")
    glued_and = _alt(data["claims"]["joins"].get("glued", []))
    t = data["claims"]["time"]
    months = _table(dates["months"])
    weekdays = _table(dates["weekdays"])
    days = _table(dates["day_ordinals"])
    parts = _table(t["part_ordinals"])
    rel = {fold_form(f): key for key, forms in t["relative"].items() for f in forms}
    month = _alt(list(months))
    weekday = _alt(list(weekdays))
    dayord = _alt(list(days))
    link = _alt(t["link"] + dates.get("day_month_links", {}).get("forms", []))
    year_w = _alt(t["year_words"])
    month_w = _alt(t["month_words"])
    day_w = _alt(t["day_words"])
    last = _alt(t["last"])
    this = _alt(t["this"])
    rel_year = (
        rf"(?:(?:{year_w})\s+(?:{last}|{this})|(?:{this})\s+(?:{year_w})|(?:{last})\s+(?:{year_w}))"
    )
    relmonth = _alt([*t["relative"].get("this_month", []), *t["relative"].get("last_month", [])])
    relw = _alt(
        list(t["relative"].get("today", [])) + [f for k, v in t["relative"].items() for f in v]
    )
    year = r"(?:19[5-9]\d|20\d\d)(?!\d)"
    nxt = _alt(t.get("next", []))
    yrel = rf"(?:{rel_year}|{_alt(t.get('the_year', []))}(?!\s+(?:{last}|{this}|{nxt})))"
    # An optional part is written `(?:x|)`: it matches as `(?:x)?` and stdlib re runs it faster.
    yref = rf"(?:(?:{year_w}\s+|)(?P<{{n}}y>{year})|(?P<{{n}}r>{yrel}))"
    spans = _table(t.get("months_part", {}))
    partw = _alt(t["quarter"] + t["half"] + list(spans))
    pord = _alt([f for v in t["part_ordinals"].values() for f in v])
    part_art = _alt(t.get("part_articles", []))
    markers = _alt(t["markers"] + t["since"] + t["from"] + t["until"] + t["start_of"] + t["end_of"])
    glued = _alt([f for f in t["markers"] if f.endswith("-")])  # "mid-2022", "mid-July"
    S = r"\s+"
    sep = r"\s*[,\u060c]?\s*"
    alts = [
        # day month [year]
        rf"(?P<date>(?:{day_w}{S}|)(?:(?P<dwd>{weekday}){sep}|)(?:{day_w}{S}|)"
        rf"(?P<dd>\d{{1,2}}(?:st|nd|rd|th|)|{dayord}){S}(?:{link}{S}|)(?:{month_w}{S}|)"
        rf"(?P<dm>{month})(?:{sep}(?:{link}{S}|)(?:{year_w}{S}|)(?P<dy>{year})|)"
        rf"(?:{S}\({month}\)|))",
        # day of this or last month
        rf"(?P<rdate>(?:{day_w}{S}|)(?P<rdd>\d{{1,2}}|{dayord}){S}(?:{link}{S}|)(?P<rmon>{relmonth}))",
        # month day[, year] (English)
        rf"(?P<mdate>(?P<mdm>{month}){S}(?P<mdd>\d{{1,2}})(?:st|nd|rd|th|)(?!\d)(?:{sep}(?P<mdy>{year})|))",
        # part of a year
        rf"(?P<part>(?P<pw>{partw}){S}(?P<po>{pord})(?:{S}(?:{link}{S}|)"
        + yref.format(n="p")
        + "|))",
        rf"(?P<part2>(?:{part_art}{S}|)(?P<po2>{pord}){S}(?P<pw2>{partw})(?:{S}{link}{S}"
        + yref.format(n="q")
        + "|))",
        # start / end of a year
        rf"(?P<edge>(?P<ew>{_alt(t['start_of'] + t['end_of'])}){S}(?:{link}{S}|)"
        + yref.format(n="e")
        + ")",
        # month [year | rel-year | last | this]
        rf"(?P<month>(?:(?P<mmark>(?:{markers}|{month_w}){S}(?:{month_w}{S}|)|{glued})|)"
        rf"(?:(?P<mlb>{last}){S}|)(?P<mm>{month})(?!\s+\d{{1,2}}(?!\d))"
        rf"(?:{S}\({month}\)|)"
        rf"(?:{sep}(?:{link}{S}|)(?:{year_w}{S}|)(?P<my>{year})"
        rf"|{S}(?:{link}{S}|)(?P<mr>{rel_year})|{S}(?P<ml>{last})|{S}(?P<mt>{this})|))",
        # relative words
        rf"(?P<rel>{relw})",
        # weekday
        rf"(?P<wd>(?:(?P<wlb>{last}){S}|)(?:{day_w}{S}|)(?P<wdn>{weekday})(?:{S}(?P<wla>{last})|))",
        # year with a cue
        rf"(?P<year>(?:(?:{year_w}|{markers}){S}|{glued})(?P<yy>{year}))",
    ]
    # Every alternative begins with a digit or one of these words: a cheap test run first.
    # A word that begins an alternative only before more of it is tested with the start of that
    # more (a marker before a year or month, a year word before a year...): such words are
    # common ("في", "in", "the"), and a plain test passes them only for the whole pattern to fail.
    edge_w = [*t["start_of"], *t["end_of"]]
    plain = (
        [*weekdays, *days, *months, *t["quarter"], *t["half"], *spans]
        + [f for v in t["part_ordinals"].values() for f in v]
        + [f for v in t["relative"].values() for f in v]
        + [f for f in t["markers"] if f.endswith("-")]  # glued: "mid-2022"
    )
    lead = "|".join(
        [
            r"\d",
            _alt(plain),
            rf"{_alt(t['markers'] + t['since'] + t['from'] + t['until'])}{S}"
            rf"(?:{month_w}{S}|)(?:{last}{S}|)(?:\d|{month})",  # `month`, `year`
            rf"{year_w}{S}\d",  # `year`
            rf"(?:{month_w}|{last}|{day_w}|{_alt(edge_w)}){S}",  # `month`, `wd`, `date`, `edge`
            rf"{part_art}{S}{pord}",  # `part2`
        ]
    )
    lead_forms = [  # the words of `lead`
        *plain,
        *t["markers"] + t["since"] + t["from"] + t["until"],
        *t["year_words"] + t["month_words"] + t["last"] + t["day_words"] + edge_w,
        *t.get("part_articles", []),
    ]
    until = _alt(t["until"])
    same = lexicon.words(t["same"])
    future = lexicon.words(t.get("future", []))
    # (all lead words in one trie first: it fails fastest at the many places with none)
    body = rf"{clitic}(?=\d|{_alt(lead_forms)})(?={lead})(?:{'|'.join(alts)})(?!\w)"
    # Stdlib re scans fast for a set of first characters, never for a lookbehind: past the
    # start, a time is found with the non-word character before it, which a match cannot end
    # with (it ends before one), when every time begins with a word character.
    after_gap = None
    if all(re.match(r"\w", f) for f in _folded(lead_forms)):
        after_gap = re.compile(rf"\W{body}")
    return _Grammar(
        pattern=re.compile(rf"(?<!\w){body}"),
        after_gap=after_gap,
        months=months,
        weekdays=weekdays,
        days=days,
        parts=parts,
        rel=rel,
        quarter=re.compile(_alt(t["quarter"])),
        spans=spans,
        last=re.compile(last),
        start_of=re.compile(_alt(t["start_of"])),
        end_of=re.compile(_alt(t["end_of"])),
        since=re.compile(rf"(?<!\w){clitic}{_alt(t['since'])}\s*$"),
        since_any=re.compile(rf"(?<!\w){clitic}{_alt(t['since'])}(?!\w)"),
        until=re.compile(rf"^\s*{clitic}{_alt(t['until'])}\s*$"),
        from_=re.compile(rf"(?<!\w){clitic}{_alt(t['from'])}\s*$"),
        opens=re.compile(rf"{clitic}{_alt(t['since'] + t['from'])}\s"),
        closes=re.compile(rf"{clitic}{until}\s|{glued_and}(?=\S)"),
        # the end of a period written as a bare month after "and"/"و" ("بين كانون الثاني وآذار")
        tail=re.compile(
            rf"\s*(?:{clitic}{until}\s+|{glued_and})(?:{month_w}{S}|)(?P<tm>{month})"
            rf"(?:{sep}(?P<ty>{year})|)(?!\w)"
        ),
        clitic_max=clitic_max,
        end_day=re.compile(_alt(t.get("end_day", []))),
        whole=re.compile(_alt(t.get("whole", []))),
        not_after=re.compile(rf"(?<!\w){clitic}{_alt(t.get('not_after', []))}\s+$"),
        same=same,
        future=future,
        opener_ends=frozenset(f[-1] for f in _folded(t["since"] + t["from"]) if f),
        not_after_ends=frozenset(f[-1] for f in _folded(t.get("not_after", [])) if f),
        not_after_len=max((len(f) for f in _folded(t.get("not_after", []))), default=0) + 4,
        since_words=tuple({f.split()[0] for f in _folded(t["since"]) if f}),
        same_words=_anchors(same),
        future_words=_anchors(future),
    )


def _proclitics(table: dict[str, list[str]]) -> tuple[str, int]:
    """Return a pattern of the proclitics a word may take (`numerals.clitics`: a conjunction,
    then a preposition) and how many letters it can match."""
    groups = [table.get("conjunctions", []), table.get("prepositions", [])]
    classes = ["[" + "".join(re.escape(fold_form(f)) for f in g) + "]?" for g in groups if g]
    return "(?:" + "".join(classes) + ")", len(classes)


def _anchors(lex: lexicon.Lexicon) -> re.Pattern[str]:
    """Return a pattern of words one of which every hit of `lex` holds (a hit holds the words
    of its form as written): of the longest word of each form, those that hold most forms."""
    forms = [f.split() for f in lex.keys]
    covers = {
        w: {i for i, f in enumerate(forms) if any(w in x for x in f)}
        for w in {max(f, key=len) for f in forms if f}
    }
    out: list[str] = []
    left = set(range(len(forms)))
    while left:
        w = max(covers, key=lambda w: (len(covers[w] & left), len(w), w))
        out.append(w)
        left -= covers[w]
    return re.compile(lexicon.alternation(out) if out else "(?!)")


def _key(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


def _lookup(table: _Names, s: str) -> int | None:
    if (v := table.get(s)) is not None:  # keys are single-spaced: a hit needs no _key()
        return v
    s = _key(s)
    if s in table:
        return table[s]
    if table.ends is not None and (not s or s[-1] not in table.ends):
        return None  # no name is a suffix of `s`
    for k, v in table.items():  # clitic-prefixed forms ("لآذار")
        if s.endswith(k):
            return v
    return None


def _month_before(pub: date, month: int, *, strict: bool) -> int:
    if month < pub.month or (month == pub.month and not strict):
        return pub.year
    return pub.year - 1


def _rel_year(g: _Grammar, s: str, pub: date) -> int:
    return pub.year - 1 if g.last.search(s) else pub.year


def _resolve(g: _Grammar, m: re.Match[str], s: int, pub: date) -> TimeExpr | None:
    """Return the time of grammar match `m`, which begins at `s`, or None."""
    e = m.end()
    kind = m.lastgroup  # the alternative that matched: its group closes last
    if kind == "date":
        dd = m.group("dd")
        day = _lookup(g.days, dd) or int(_NON_DIGIT.sub("", dd) or 0)
        month = _lookup(g.months, m.group("dm"))
        if not month or not 1 <= day <= 31:
            return None
        if dy := m.group("dy"):
            y = int(dy)
        else:
            y = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
        return _day(s, e, y, month, day)
    if kind == "rdate":
        rdd = m.group("rdd")
        day = _lookup(g.days, rdd) or int(_NON_DIGIT.sub("", rdd) or 0)
        first = pub.replace(day=1)
        if g.rel.get(_key(m.group("rmon"))) == "last_month":
            first = (first - timedelta(days=1)).replace(day=1)
        return _day(s, e, first.year, first.month, day) if 1 <= day <= 31 else None
    if kind == "mdate":
        month = _lookup(g.months, m.group("mdm"))
        day = int(m.group("mdd"))
        if not month or not 1 <= day <= 31:
            return None
        y = (
            int(m.group("mdy"))
            if m.group("mdy")
            else (pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1)
        )
        return _day(s, e, y, month, day)
    if kind == "part" or kind == "part2":
        n = "p" if kind == "part" else "q"
        pw = m.group("pw") or m.group("pw2")
        po = _lookup(g.parts, m.group("po") or m.group("po2")) or 1
        size = 3 if g.quarter.fullmatch(_key(pw)) else (_lookup(g.spans, pw) or 6)
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
        ew = _key(m.group("ew"))
        is_start = bool(g.start_of.fullmatch(ew))
        if m.group("ey"):
            y = int(m.group("ey"))
            return TimeExpr(s, e, str(y) if is_start else f"{y}-12-31")
        y = _rel_year(g, m.group("er"), pub)
        return TimeExpr(s, e, f"{y}-01" if is_start else f"{y}-12-31", None, "point", False)
    if kind == "month":
        month = _lookup(g.months, m.group("mm"))
        if not month:
            return None
        if m.group("my"):
            y = int(m.group("my"))
        elif m.group("mr"):
            y = _rel_year(g, m.group("mr"), pub)
        elif m.group("mmark") or m.group("ml") or m.group("mt") or m.group("mlb"):
            y = _month_before(pub, month, strict=bool(m.group("ml") or m.group("mlb")))
        else:
            return None  # a bare month name is too often another word ("may", "مارس")
        return _month(g, s, e, y, month, _key(m.group("mmark")), pub)
    if kind == "rel":
        key = g.rel.get(_key(m.group("rel")))
        if key is None:
            return None
        return _relative(s, e, key, pub)
    if kind == "wd":
        wd = _lookup(g.weekdays, m.group("wdn"))
        if not wd:
            return None
        back = (pub.isoweekday() - wd) % 7
        if back == 0 and (m.group("wlb") or m.group("wla")):  # "last Friday" said on a Friday
            back = 7
        return TimeExpr(s, e, (pub - timedelta(days=back)).isoformat(), None, "weekday", False)
    if kind == "year":
        return TimeExpr(s, e, m.group("yy"))
    return None


def _month(g: _Grammar, s: int, e: int, y: int, month: int, mark: str, pub: date) -> TimeExpr:
    """Return a month: its last day after "the end of", a period when whole and past."""
    last = date(y, month, calendar.monthrange(y, month)[1])
    if mark and g.end_day.search(mark):
        return TimeExpr(s, e, last.isoformat())
    if mark and g.whole.search(mark) and last < pub:
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
    since_at = _occurrences(ftext, g.since_words)
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
            lead = _tail_words(ftext[lo : a.fstart], 4) + ftext[a.fstart : hi]
            if g.since_any.search(lead):
                out.append(TimeExpr(a.fstart, a.fend, published.isoformat(), a.value, "since"))
                i += 1
                continue
        out.append(a)
        i += 1
    out.extend(_open_since(g, ftext, since_at, atoms, published))
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


def _atoms(g: _Grammar, ftext: str, pub: date) -> list[TimeExpr]:
    """Return the times of `g.pattern.finditer(ftext)` not right after a `not_after` word
    (found as a match at 0, then with `g.after_gap`, when the grammar has it)."""
    out = []
    if g.after_gap is None:
        found = ((m, m.start()) for m in g.pattern.finditer(ftext))
    else:
        first = g.pattern.match(ftext)
        rest = g.after_gap.finditer(ftext, first.end() if first else 0)
        found = chain([(first, 0)] if first else [], ((m, m.start() + 1) for m in rest))
    for m, s in found:
        t = _resolve(g, m, s, pub)
        if t is None:
            continue
        lo = max(0, s - g.not_after_len)
        if _last_letter(ftext, lo, s) in g.not_after_ends and g.not_after.search(ftext[lo:s]):
            continue
        out.append(t)
    return out


def _occurrences(text: str, words: tuple[str, ...]) -> list[int]:
    """Return where every occurrence of `words` in `text` begins, sorted."""
    at = []
    for w in words:
        j = text.find(w)
        while j >= 0:
            at.append(j)
            j = text.find(w, j + 1)
    at.sort()
    return at


def _spans_holding(
    text: str, spans: list[tuple[int, int]], words: re.Pattern[str]
) -> list[tuple[int, int]]:
    """Return those of `spans` (sorted, disjoint) in which one of `words` occurs."""
    return [(s, e) for s, e in spans if words.search(text, s, e)]


def _period_end(
    g: _Grammar, ftext: str, a: TimeExpr, b: TimeExpr | None, pub: date
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
    month = _lookup(g.months, m.group("tm"))
    if not month:
        return None
    y = int(m.group("ty")) if m.group("ty") else _month_before(pub, month, strict=False)
    last = date(y, month, calendar.monthrange(y, month)[1])
    return TimeExpr(m.start(), m.end(), last.isoformat(), None, "tail")


def _open_since(
    g: _Grammar, ftext: str, since_at: list[int], atoms: list[TimeExpr], pub: date
) -> list[TimeExpr]:
    """Return "since" + an event ("منذ انطلاق العملية", "since the war began"): runs to `pub`.

    The since words are `g.since_any.finditer(ftext)`, tried only up to a clitic before
    `since_at`, where the first words of the since forms occur."""
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
        if k < len(atoms) and atoms[k].fstart <= m.end() + 2:
            continue  # "since" + a time: the atom itself
        out.append(TimeExpr(m.start(), m.end(), pub.isoformat(), None, "since", False))
    return out


def _tail_words(s: str, n: int) -> str:
    """Return the last `n` words of `s`, joined by spaces and followed by one ("" if none)."""
    words = s.split()
    return " ".join(words[-n:]) + " " if words else ""
