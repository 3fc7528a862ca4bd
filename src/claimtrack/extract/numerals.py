"""Find number expressions (counts, money, percentages, and the years, dates, ordinals... that
are not quantities) in Arabic and English text.

Matching runs on folded text (`normalize.fold`); `numtokens` turns it into atoms (digits, number
words, scale words, qualifiers, cues), and a small left-to-right grammar combines them:

    number   := group (scale ["و"|"and"] group)* ["و" fraction [scale]]
    group    := digits | words | fraction | unit "عشر" | unit hundred | hundreds
    words    := unit "و" tens | hundreds "و" (unit | tens | unit "و" tens) | tens "-" unit
              -- a weak one before a partitive ends the number: "مئة وأحد من", "hundred and one of"
    range    := [start] number (middle | "و" | "-") number     (the scale may be shared)
              -- after a change verb, "from X to Y" is two numerals (`numkinds.is_change`)
    numeral  := [qualifier] [currency] (number | range) [currency | percent] [qualifier]
              | [qualifier] (number ratio number | fraction share)     -- percent: "one in five"
    dual     := a scale word that is also a dual, with no number before it and no tanween
                ("ألفا عائلة" 2000, "مليوني دولار"); "ألفاً", "سبعين ألفا" are the singular

Dates, clock times and ordinal compounds are read by `numdates`; the kind of a plain number
(year, identifier, age, time) from its context by `numkinds`. All words come from
`lang/*/numerals.toml` and `dates.toml` (loaded by `numwords`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimtrack.extract import numdates, numkinds
from claimtrack.extract import numwords as w
from claimtrack.extract.normalize import Folded, fold
from claimtrack.extract.numkinds import (
    COUNT,
    DATE,
    DURATION,
    IDENTIFIER,
    MONEY,
    ORDINAL,
    PERCENT,
    TIME,
    VAGUE,
    YEAR,
)
from claimtrack.extract.numtokens import Atom, Tokens, is_year, tokenize
from claimtrack.model import Kind, Numeral, Qualifier

# Bound once, as the kinds in `numkinds` (an Enum member lookup is slow in Python 3.11).
EXACT, OVER, UNDER, RANGE = Qualifier.EXACT, Qualifier.OVER, Qualifier.UNDER, Qualifier.RANGE


@dataclass(slots=True)
class _Num:
    first: int  # atom index
    last: int
    value: Any
    scaled: bool
    last_scale: int | None
    weak: bool
    frac_only: bool

    # Written out: mypyc compiles this one, the generated dataclass __init__ runs interpreted.
    def __init__(
        self,
        first: int,
        last: int,
        value: Any,
        scaled: bool,
        last_scale: int | None,
        weak: bool,
        frac_only: bool,
    ) -> None:
        self.first, self.last, self.value, self.scaled = first, last, value, scaled
        self.last_scale, self.weak, self.frac_only = last_scale, weak, frac_only


class _Parser(Tokens):
    """Grammar over the atoms of one text; `run` returns the numerals in order."""

    def __init__(self, folded: Folded, atoms: list[Atom], lang: str) -> None:
        super().__init__(folded, atoms)
        self.lang = lang
        self.out: list[Numeral] = []
        self.age_end = -1  # folded end of the last age range ("ages between 26 and 35")
        self.id_end = -1  # folded end of the last identifier ("Phases 5, 6 and 7")
        self.one_age_end = -1  # folded end of the last single age ("aged 12 or 13")

    # -- helpers ------------------------------------------------------------------------------
    def emit(
        self,
        s: int,
        e: int,
        value: Any,
        kind: Kind,
        qualifier: Qualifier = EXACT,
        low: Any = None,
        high: Any = None,
        unit: str | None = None,
    ) -> None:
        start, end = self.f.span(s, e)
        if qualifier is OVER and low is None:
            low = value
        if qualifier is UNDER and high is None:
            high = value
        self.out.append(
            Numeral(  # positional, in field order: a third cheaper than keywords here
                float(value),
                qualifier,
                kind,
                start,
                end,
                self.f.original[start:end],
                None if low is None else float(low),
                None if high is None else float(high),
                unit,
            )
        )

    # -- numbers --------------------------------------------------------------------------------
    def number(self, i: int) -> _Num | None:
        """Parse `number` at atom i (see the module grammar)."""
        at = self.a[i]
        r = at.roles
        total: Any = 0
        cur: Any = 0
        parts: list[str] = []
        last: int | None = None
        scaled = False
        fracs = False
        if at.raw is not None:
            cur, parts = at.val, ["digits"]
        elif NUM_ROLE in r and not at.definite:
            cur, parts = r[NUM_ROLE], [_order(r[NUM_ROLE])]
        elif w.DUAL in r and not at.definite and not (w.SCALE in r and self.has_tanween(i)):
            total, last, scaled = 2 * r[w.DUAL], r[w.DUAL], True  # "ألفا عائلة", not "ألفاً"
        elif w.SCALE in r and w.GLUED not in r and not at.definite:
            if r[w.SCALE] < 1000:
                cur, parts = r[w.SCALE], ["hundreds"]
            else:
                total, last, scaled = r[w.SCALE], r[w.SCALE], True
        elif w.FRAC in r and not at.definite:
            cur, parts = r[w.FRAC], ["frac"]
        else:
            return None
        j = i
        while j + 1 < self.n:
            k = j + 1
            g = self.gap(j, k)
            b = self.a[k]
            conj = b.conj
            if g in ("", " ") and w.CONJ in b.roles and not b.conj:
                if k + 1 < self.n and self.gap(k, k + 1) in ("", " "):
                    k += 1
                    b = self.a[k]
                    conj = True
                else:
                    break
            elif g not in ("", " ", "-"):
                break
            br = b.roles
            if w.GLUED in br and g != "":
                break
            if g == "-" and not (
                parts and parts[-1] == "tens" and NUM_ROLE in br and br[NUM_ROLE] < 10
            ):
                break
            ok = False
            if (
                conj
                and cur == 0
                and total
                and (fracs or (w.FRAC not in br and self.scale_after(k, last)))
            ):
                break  # "مليون ونصف و..." ends here; "ألف و100 مليون" is a new number
            if b.raw is not None:
                if conj and cur == 0 and total and b.val < last and _whole(total):
                    cur, parts, ok = b.val, ["digits"], True
            elif b.definite and not (parts and parts[-1] == "frac"):
                ok = False
            elif w.SCALE in br or w.DUAL in br or w.PLURAL in br:
                s: Any = br.get(w.SCALE) or br.get(w.DUAL) or br.get(w.PLURAL)
                dual = w.DUAL in br and w.SCALE not in br
                plural = w.SCALE not in br and w.DUAL not in br
                if s < 100 and not conj and cur and not dual and parts[-1] != "frac":
                    cur, parts, ok = cur * s, ["hundreds"], True
                elif s < 1000:
                    if not conj and 0 < cur < 100 and not dual and "hundreds" not in parts:
                        if at.raw is None or parts != ["digits"] or plural is False:
                            cur, parts, ok = cur * 100, ["hundreds"], True
                    elif conj and cur == 0 and total and (last is None or s < last):
                        cur, parts, ok = (2 if dual else 1) * s, ["hundreds"], True
                elif not conj and cur and not dual and (last is None or s < last):
                    if parts == ["digits"] and self.a[j].alt is not None:
                        cur = self.a[j].alt
                    total, cur, parts, last, scaled, ok = total + cur * s, 0, [], s, True, True
                elif not conj and cur == 0 and total == last and s > last and not dual:
                    total, last, ok = total * s, s, True  # "ألف مليار"
                elif conj and cur == 0 and total and not plural and s < last:
                    total, last, ok = total + (2 if dual else 1) * s, s, True
            elif NUM_ROLE in br:
                v = br[NUM_ROLE]
                o = _order(v)
                if w.ART in br and not self.joins_next(k):
                    ok = False
                elif w.WEAK in br and self.has(k + 1, w.PARTITIVE) and self.near(k, k + 1):
                    ok = False  # "a hundred and one of them" (folded "وأحد" is also "واحد")
                elif conj:
                    if cur == 0 and total and v < last:
                        cur, parts, ok = v, [o], True
                    elif (
                        parts and parts[-1] == "unit" and o == "tens" and "tens" not in parts
                    ) or (parts == ["hundreds"] and v < 100):
                        cur, ok = cur + v, True
                        parts.append(o)
                elif parts and parts[-1] == "unit" and v == 10 and self.a[j].raw is None:
                    cur, ok = cur + 10, True
                    parts[-1] = "teen"
                elif cur == 0 and total and v < last and g == " ":
                    cur, parts, ok = v, [o], True  # "three thousand seven hundred"
                elif (parts and parts[-1] == "tens" and o == "unit" and "unit" not in parts) or (
                    parts == ["hundreds"] and v < 100 and g == " "
                ):
                    cur, ok = cur + v, True
                    parts.append(o)
            elif w.FRAC in br:
                f = br[w.FRAC]
                if conj and cur == 0 and total and last:
                    total, ok, fracs = total + f * last, True, True
                    nxt = k + 1
                    if (
                        nxt < self.n
                        and self.a[nxt].roles.get(w.SCALE) == last
                        and self.gap(k, nxt) == " "
                    ):
                        k = nxt
                elif conj and cur and not total and "frac" not in parts:
                    cur, ok = cur + f, True
                    parts.append("frac")
            if not ok:
                break
            j = k
        value = total + cur
        frac_only = not scaled and parts == ["frac"]
        weak = i == j and w.WEAK in r and not scaled
        return _Num(i, j, value, scaled, last if scaled and cur == 0 else None, weak, frac_only)

    def is_change(self, s: int, rng_start: bool, by_word: bool) -> bool:
        """Return whether the range at atom s ("from X to Y") follows a change verb."""
        if rng_start:
            return self.has(s - 1, w.CHFROM) and numkinds.is_change(self, s - 1)
        return by_word and numkinds.is_change(self, s)

    def ratio(self, num: _Num) -> tuple[float, int] | None:
        """Return (percent, last atom) when `num` opens a share "X in Y" / "X out of Y" with
        X < Y <= 100, both plain numbers, Y not a duration, time, sum or a count of events
        ("2 in 3 days", "2 in 3 raids")."""
        j = num.last
        if not (self.has(j + 1, w.RATIO) and self.near(j, j + 1) and self.near(j + 1, j + 2)):
            return None
        other = self.number(j + 2)
        if other is None or num.scaled or other.scaled or num.frac_only or other.frac_only:
            return None
        if not 0 < num.value < other.value <= 100:
            return None
        k = other.last + 1
        if self.near(other.last, k) and any(
            role in self.a[k].roles
            for role in (w.DUR, w.TPOST, w.PCT, w.CURPOST, w.SCALE, w.RATIO_STOP)
        ):
            return None
        return round(float(num.value) / float(other.value) * 100, 1), other.last

    def or_age(self, s: int) -> bool:
        """Return whether the number at atom s is another age after one: "aged 12 or 13",
        "aged 11 and 13", "بعمر 11 و13" (not before a counted noun: "aged 11 and 13 children")."""
        at = self.a[s]
        if self.one_age_end < 0 or not 0 < at.cstart - self.one_age_end <= 6:
            return False
        if at.conj:
            joined = at.cstart - self.one_age_end == 1
        else:
            word = self.t[self.one_age_end : at.cstart].strip(" ")
            lex = w.lexicon()
            joined = word in lex.alternatives or w.CONJ in lex.words.get(word, {})
        return joined and not self.counts_next(s)

    def listed_id(self, s: int, j: int) -> bool:
        """Return whether the small plain number at atoms s..j goes on a list of identifiers
        ("Phases 5, 6 and 7", "Page 2 of 5"): only a comma, a joining word or "of" stands after
        the last one."""
        at = self.a[s]
        if self.id_end < 0 or at.raw is None or len(at.raw) > 3 or s != j:
            return False
        if self.id_end > at.cstart or at.cstart - self.id_end > 8 or self.counts_next(j):
            return False
        between = self.t[self.id_end : at.cstart]
        if not between.strip(" ,،"):
            return True
        k = s - 1  # a joining word: "and", a separate "و"; "of": "Page 2 of 5"
        return (
            (w.CONJ in self.a[k].roles or w.PARTITIVE in self.a[k].roles)
            and not self.t[self.id_end : self.a[k].cstart].strip(" ,،")
            and self.near(k, s)
        )

    def joins_next(self, k: int) -> bool:
        """Return whether atom k is followed by a number or scale word it belongs with."""
        if not self.near(k, k + 1) or self.a[k + 1].definite:
            return False
        r = self.a[k + 1].roles
        return NUM_ROLE in r or w.SCALE in r or w.PLURAL in r

    def scale_after(self, k: int, last: int | None) -> bool:
        """Return whether atom k is followed by a scale word at least as large as `last`."""
        if last is None or not self.near(k, k + 1):
            return False
        r = self.a[k + 1].roles
        s: Any = r.get(w.SCALE) or r.get(w.DUAL) or r.get(w.PLURAL)
        return bool(s) and s >= last

    # -- the main loop --------------------------------------------------------------------------
    def run(self) -> list[Numeral]:
        nxt = 0  # the atom after the last expression read
        for i, at in enumerate(self.a):
            if i >= nxt and (at.raw is not None or not _STARTS.isdisjoint(at.roles)):
                nxt = self.step(i)
        return self.out

    def step(self, i: int) -> int:
        """Read the expression that may begin at atom i (digits or a word with a role in
        `_STARTS`); return the atom after it."""
        at = self.a[i]
        r = at.roles
        if w.WEEKDAY in r:
            k = i + 1
            if k < self.n and self.gap(i, k) in (" ", ",", "،"):
                d = numdates.date(self, k)
                if d:
                    self.emit(at.start, self.a[d[1]].end, d[0], DATE)
                    return d[1] + 1
            return i + 1
        if at.raw is not None or not numdates.STARTS.isdisjoint(r):  # else no date, no time
            d = numdates.date(self, i)
            if d:
                self.emit(at.start, self.a[d[1]].end, d[0], DATE)
                return d[1] + 1
            j = numdates.clock(self, i)
            if j is not None:
                self.emit(at.start, self.a[j].end, at.val, TIME)
                return j + 1
        if w.ORD in r or (NUM_ROLE in r and at.definite and r[NUM_ROLE] < 100):
            if NUM_ROLE in r and not at.definite:
                pass  # a cardinal that is also listed as an ordinal: read as a number
            else:
                v, j = numdates.ordinal(self, i)
                kind = TIME if self.has(i - 1, w.TCUE) and self.near(i - 1, i) else ORDINAL
                self.emit(at.start, self.a[j].end, v, kind)
                return j + 1
        if w.VAGUE in r and not (w.SCALE in r and not at.definite):
            j = i
            unit = None
            if self.has(j + 1, w.CURPOST) and self.near(j, j + 1):
                j += 1
                unit = self.a[j].roles[w.CURPOST]
            s = self.prefix(i)
            self.emit(
                self.a[s].start,
                self.a[j].end,
                r[w.VAGUE],
                VAGUE,
                qualifier=OVER,
                unit=unit,
            )
            return j + 1
        num = self.number(i)
        if num is None:
            return i + 1
        return self.finish(num)

    def prefix(self, i: int) -> int:
        """Return the first atom of the qualifier/currency words right before atom i."""
        s = i
        if self.has(s - 1, w.CURPRE) and self.near(s - 1, s):
            s -= 1
        if self.has(s - 1, w.QPRE) and self.near(s - 1, s):
            s -= 1
        return s

    def finish(self, num: _Num) -> int:
        """Attach qualifiers, range, currency, percent and kind to a parsed number; emit it."""
        i, j = num.first, num.last
        first = self.a[i]
        s = i
        unit = None
        qual = EXACT
        kind = COUNT
        before = self.roles(s - 1)
        if w.CURPRE in before and self.near(s - 1, s):
            s -= 1
            unit = before[w.CURPRE]
            before = self.roles(s - 1)
        if w.QPRE in before and self.near(s - 1, s):
            s -= 1
            qual = Qualifier(before[w.QPRE])
            if unit is None and self.has(i - 1, w.CURPRE) and self.near(s, i):
                unit = self.a[i - 1].roles[w.CURPRE]
            before = self.roles(s - 1)
        low = high = None
        value = num.value
        ratio = self.ratio(num) if w.RATIO in self.roles(j + 1) else None
        if ratio is not None:  # "one in five", "واحد من كل خمسة"
            value, j = ratio
            self.emit(
                self.a[s].start, self.a[j].end, value, PERCENT, qualifier=qual, unit="percent"
            )
            return j + 1
        # range
        rng_start = w.RSTART in before and self.near(s - 1, s)
        k = j + 1
        other = None
        by_word = False  # "X to Y", "X إلى Y"
        if k < self.n:
            g = self.gap(j, k)
            b = self.a[k]
            if rng_start and b.conj and g in ("", " "):
                other = self.number(k)
            elif (rng_start and g in ("", " ") and w.CONJ in b.roles and self.near(k, k + 1)) or (
                g in ("", " ") and w.RMID in b.roles and self.near(k, k + 1)
            ):
                other = self.number(k + 1)
                by_word = w.RMID in b.roles
            elif g == "-" and first.raw is not None and b.raw is not None:
                other = self.number(k)
        if other is not None and self.is_change(s, rng_start, by_word):
            value = _share_scale(num, other)
            other = None
        if other is not None and not other.weak and not other.frac_only:
            lo, hi = value, other.value
            if not num.scaled and other.last_scale and lo * other.last_scale <= hi:
                lo = lo * other.last_scale
            if lo < hi:
                if rng_start:
                    s -= 1
                low, high, value = lo, hi, (lo + hi) / 2
                qual = RANGE
                j = other.last
            elif rng_start:
                pass
        if num.weak and qual is EXACT and low is None and not num.scaled:
            return j + 1
        if num.frac_only and low is None:
            if not numkinds.share_of(self, j) or (self.has(i - 1, w.ORD) and self.near(i - 1, i)):
                return j + 1  # "half an hour"; "the first half of the year" is a period
            kind, unit, value = PERCENT, "percent", round(float(value) * 100, 1)
        # after the number
        k = j + 1
        gap = self.gap(j, k) if k < self.n and kind is COUNT else None
        if gap == "-" and w.DUR in self.a[k].roles:
            kind, j = DURATION, k  # "nine-year-old", "a three-day visit"
        elif gap in ("", " "):
            b = self.a[k]
            br = b.roles
            if w.PCT in br:
                kind, unit, j = PERCENT, "percent", k
            elif w.CURPOST in br:
                kind, unit, j = MONEY, br[w.CURPOST], k
            elif w.ORDSUF in br and self.gap(j, k) == "" and first.raw is not None:
                kind, j = ORDINAL, k
            elif w.DUR in br and (w.GLUED not in br):
                kind, j = DURATION, k
            elif w.TPOST in br:
                kind, j = TIME, k
            elif w.YPOST in br and (w.GLUED not in br or self.gap(j, k) == ""):
                kind = YEAR
        if unit and kind is COUNT:
            kind = MONEY
        elif kind is COUNT and j == i and low is None and is_year(first):
            k = j + 1  # a split year: "the 2025-26 financial year", "2022/23"
            if k < self.n and self.gap(j, k) in ("-", "/") and _next_year(first, self.a[k]):
                kind, j = YEAR, k
        # qualifier after (possibly past one word: "ألف امرأة تقريباً")
        k = j + 1
        if k < self.n and qual is EXACT and w.QPOST in self.a[k].roles:
            between = self.t[self.a[j].end : self.a[k].cstart]
            parts = between.split()
            if self.gap(j, k) in ("", " ") or (
                len(parts) == 1 and len(between) < 20 and parts[0].isalpha()
            ):
                qual = Qualifier(self.a[k].roles[w.QPOST])
                j = k
        kind = numkinds.context_kind(
            self,
            s,
            i,
            j,
            kind,
            scaled=num.scaled,
            ranged=low is not None,
            other_is_year=other is not None and is_year(self.a[other.first]),
            lang=self.lang,
        )
        if kind is COUNT and self.word_after(j, w.lexicon().repetitions):
            return j + 1  # "three times", "أكثر من 3 مرات": how often, not how many
        if (
            kind is COUNT
            and qual is UNDER
            and not num.scaled
            and value <= MAX_UNDER_AGE
            and self.word_before(s, w.lexicon().young)
            and not self.counts_next(j)
        ):
            kind = DURATION  # "children under 18", "الأطفال دون 18"
        if kind is COUNT and qual is EXACT and not num.scaled:
            if self.listed_id(s, j):
                kind = IDENTIFIER  # "Phases 5, 6 and 7", "المرحلتين 2 و3"
            elif numkinds.is_reference(self, s, i, j) or numkinds.is_parent_of(self, s):
                return j + 1  # "the two camps", "a mother of five"
            if numkinds.is_apposed_age(self, s, j, value) or self.or_age(s):
                kind = DURATION  # "Ahmed Ali, 24, said", "aged 12 or 13"
        if kind is DURATION and self.has(s - 1, w.AGE) and qual is not RANGE:
            self.one_age_end = self.a[j].end
        if qual is RANGE and kind is DURATION and self.has(s - 1, w.AGE):
            self.age_end = self.a[j].end
        elif qual is RANGE and numkinds.is_elided_age(self, self.age_end, s, kind):
            kind = DURATION  # "ages between 26 and 35 and the children's between 3 and 11"
        if kind is PERCENT and qual is EXACT and numkinds.is_full_support(self, s, j, value):
            return j + 1  # rhetorical: "we support them 100%" is not a figure
        if kind is IDENTIFIER and qual is EXACT:
            start, end, j, value = numkinds.identifier_bounds(self, i, j, value)
            self.emit(start, end, value, kind)
            self.id_end = end
            return j + 1
        if qual is RANGE:
            self.emit(
                self.a[s].start,
                self.a[j].end,
                value,
                kind,
                qualifier=qual,
                low=low,
                high=high,
                unit=unit,
            )
        else:
            self.emit(self.a[s].start, self.a[j].end, value, kind, qualifier=qual, unit=unit)
        return j + 1


NUM_ROLE = w.NUM
MAX_UNDER_AGE = 21  # "children under 18" is an age; "children under 500" is not
# The roles a word needs to begin a date, ordinal, vague amount or number in `step`.
_STARTS = frozenset((w.WEEKDAY, w.MONTH, w.ORD, w.NUM, w.VAGUE, w.DUAL, w.SCALE, w.FRAC))


def _order(v: int) -> str:
    if v < 10:
        return "unit"
    if v < 20:
        return "teen"
    if v < 100:
        return "tens"
    return "hundreds"


def _share_scale(num: _Num, other: _Num) -> Any:
    """Return the first figure of "from X to Y million": X times the scale when that brings it
    nearer Y (`from 3 to 5 million`), else X (`from 700 to 1 million`)."""
    value = num.value
    if num.scaled or not other.last_scale or not value or not other.value:
        return value
    scaled = value * other.last_scale
    return scaled if _ratio(scaled, other.value) < _ratio(value, other.value) else value


def _ratio(a: Any, b: Any) -> float:
    a, b = float(a), float(b)
    return max(a, b) / min(a, b)


def _next_year(year: Atom, b: Atom) -> bool:
    """Return whether atom b is the two last digits of the year after `year` ("2025-26")."""
    return b.raw is not None and len(b.raw) == 2 and b.val == (year.val + 1) % 100


def _whole(value: Any) -> bool:
    return value == int(value)


def find_numerals(text: str, *, lang: str) -> list[Numeral]:
    """Return every number expression in `text`, in order, non-overlapping; spans index `text`."""
    folded = fold(text)
    atoms = tokenize(folded.text)
    if not atoms:
        return []
    return _Parser(folded, atoms, lang).run()
