"""The time grammar of a language, compiled from its data (dates.toml and the `claims.time`
table of claims.toml); `asof` resolves its matches to dates.

date     := [weekday] [day-word] day [link] [month-word] month [[link] [year-word] year]
          | [day-word] day [link] (this-month | last-month)      ("الثالث من الشهر الجاري")
          | month day [, year]                                   (English)
month    := [month-word] month ([link] [year-word] year | [link] rel-year | last | this | next)
part     := part-word ordinal [link] year-ref | ordinal part-word link year-ref | code year
week     := ordinal week [link] month [year] | week ordinal [link] month [year]
part-word := quarter | half | N months ("the first eight months of the year")
edge     := (start-of|end-of) [link] year-ref
year     := year-cue YYYY
relative := today | yesterday | last month | this year | ...        weekday := [day-word] weekday
period   := since T (until T)? | from T until T ;  `since T` alone runs to the time of speaking.
A value keeps the precision written: YYYY, YYYY-MM or YYYY-MM-DD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimtrack import lang as _lang
from claimtrack.extract import lexicon
from claimtrack.extract.lexicon import fold_form


def _folded(forms: list[str]) -> set[str]:
    """Return `forms` folded as the grammar matches them."""
    return {fold_form(f.rstrip("*")) for f in forms if f.strip()}


def _alt(forms: list[str]) -> str:
    folded = _folded(forms)
    if not folded:
        return "(?!)"
    return "(?:" + lexicon.alternation(folded) + ")"


@dataclass(frozen=True, slots=True)
class Grammar:
    pattern: re.Pattern[str]  # a time; with `gap`, the non-word character before it first
    gap: bool
    months: Names
    weekdays: Names
    days: Names
    parts: Names
    rel: dict[str, str]
    quarter: re.Pattern[str]
    spans: Names  # part words of `months_part`: folded form -> size in months
    codes: dict[str, tuple[int, int]]  # `part_codes`: folded code -> (size in months, ordinal)
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


class Names(dict[str, int]):
    """Folded name -> number; `ends` holds the last letter of every name (None: a name is
    empty, so any text ends with one)."""

    ends: frozenset[str] | None


def _table(table: dict[str, list[str]]) -> Names:
    names = Names({fold_form(f): int(k) for k, forms in table.items() for f in forms})
    names.ends = None if "" in names else frozenset(k[-1] for k in names)
    return names


@cache
def grammar(lang: str) -> Grammar:
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
    week = _alt(t.get("week", []))
    part_codes = _codes(t.get("part_codes", {}))
    codes = _alt(list(part_codes))
    wmonth = (
        rf"(?:{month_w}{S}|)(?P<wm>{month})(?:{sep}(?:{link}{S}|)(?:{year_w}{S}|)(?P<wy>{year})|)"
    )
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
        # week of a month: "the first week of January", "الأسبوع الأول من كانون الثاني"
        rf"(?P<week>(?:{part_art}{S}|)(?P<wo>{pord}){S}{week}{S}(?:{link}{S}|){wmonth})",
        rf"(?P<week2>{week}{S}(?P<wo2>{pord}){S}(?:{link}{S}|){wmonth.replace('(?P<w', '(?P<x')})",
        # a coded part of a year: "Q3 2024", "H1-2024"
        rf"(?P<code>(?P<cw>{codes})(?:{S}|-|)(?P<cy>{year}))",
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
        rf"(?:(?P<mlb>{last}){S}|)(?P<mm>{month})(?!\.?\s+\d{{1,2}}(?!\d))"
        rf"(?:{S}\({month}\)|)"
        rf"(?:{sep}(?:{link}{S}|)(?:{year_w}{S}|)(?P<my>{year})"
        rf"|{S}(?:{link}{S}|)(?P<mr>{rel_year})|{S}(?P<ml>{last})|{S}(?P<mt>{this})|{S}(?P<mn>{nxt})|))",
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
        [*weekdays, *days, *months, *t["quarter"], *t["half"], *spans, *t.get("week", [])]
        + list(part_codes)
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
    # Stdlib re scans fast for a set of first characters, never for a lookbehind: a time is
    # found with the non-word character before it, which a match cannot end with (it ends
    # before one), when every time begins with a word character (`asof._atoms` puts a space
    # before the text for a time at its start).
    gap = all(re.match(r"\w", f) for f in _folded(lead_forms))
    return Grammar(
        pattern=re.compile(rf"\W{body}" if gap else rf"(?<!\w){body}"),
        gap=gap,
        months=months,
        weekdays=weekdays,
        days=days,
        parts=parts,
        rel=rel,
        quarter=re.compile(_alt(t["quarter"])),
        spans=spans,
        codes=part_codes,
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


def _codes(table: dict[str, dict[str, list[str]]]) -> dict[str, tuple[int, int]]:
    """Return the codes of parts of a year ("Q3": the third quarter) by folded form."""
    return {
        fold_form(f): (int(size), int(n))
        for size, by_n in table.items()
        for n, forms in by_n.items()
        for f in forms
    }


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


def spaced(s: str | None) -> str:
    """Return `s` with its words single-spaced ("" for None)."""
    return " ".join(s.split()) if s else ""


def lookup(table: Names, s: str) -> int | None:
    """Return the number of the name `s` in `table` (behind clitics too), or None."""
    if (v := table.get(s)) is not None:  # keys are single-spaced: a hit needs no spaced()
        return v
    s = spaced(s)
    if s in table:
        return table[s]
    if table.ends is not None and (not s or s[-1] not in table.ends):
        return None  # no name is a suffix of `s`
    for k, v in table.items():  # clitic-prefixed forms ("لآذار")
        if s.endswith(k):
            return v
    return None
