"""Find number expressions (counts, money, percentages, and the years, dates, ordinals... that
are not quantities) in Arabic and English text.

Matching runs on folded text (`normalize.fold`); one compiled regex turns it into atoms (digits,
number words, scale words, qualifiers, cues), and a small left-to-right grammar combines them:

    number   := group (scale ["و"|"and"] group)* ["و" fraction [scale]]
    group    := digits | words | fraction | unit "عشر" | unit hundred | hundreds
    words    := unit "و" tens | hundreds "و" (unit | tens | unit "و" tens) | tens "-" unit
    range    := [start] number (middle | "و" | "-") number     (the scale may be shared)
    numeral  := [qualifier] [currency] (number | range) [currency | percent] [qualifier]
    date     := [weekday] day [link] month ["/" month] [year] | month day ["," year] | d/m/y

Kinds come from the context: duration units after, year/identifier/age/time cues before,
month names around, ordinal forms. All words come from `lang/*/numerals.toml` and `dates.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from claimtrack.extract import numwords as w
from claimtrack.extract.normalize import Folded, fold
from claimtrack.model import Kind, Numeral, Qualifier

_SEP_SPACES = frozenset("\u00a0\u2009\u202f\u2007")
_ID_GAP = frozenset(" \t(#:-.")
_YEARS = range(1900, 2101)
_MAX_DIGITS = 15


@dataclass(slots=True)
class _Atom:
    start: int  # folded offset of the word (after its clitics)
    end: int
    cstart: int  # folded offset including clitics
    roles: dict[str, Any]
    conj: bool = False
    definite: bool = False
    raw: str | None = None  # digits as written (folded)
    val: Any = None  # digits value
    alt: Any = None  # digits value when a scale follows ("1.500 مليون" -> 1.5)


@dataclass(slots=True)
class _Num:
    first: int  # atom index
    last: int
    value: Any
    scaled: bool
    last_scale: int | None
    weak: bool
    frac_only: bool


def _digit_pieces(raw: str) -> list[tuple[int, int, Any, Any]]:
    """Return (offset, end, value, value-if-scale-follows) for a digit run with separators."""
    if raw.isdigit():
        if len(raw) > _MAX_DIGITS:
            return [(0, len(raw), int(raw[:_MAX_DIGITS]), None)]
        return [(0, len(raw), int(raw), None)]
    parts = raw.replace(".", " . ").replace(",", " , ").split()
    groups, seps = parts[::2], parts[1::2]
    tail3 = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
    kinds = set(seps)
    joined = "".join(groups)
    if len(joined) <= _MAX_DIGITS:
        if kinds == {","} and tail3:
            return [(0, len(raw), int(joined), None)]
        if kinds == {"."} and tail3:
            alt = Decimal(raw) if len(seps) == 1 else None
            return [(0, len(raw), int(joined), alt)]
        if len(seps) == 1:
            return [(0, len(raw), w._number(raw.replace(",", ".")), None)]
        last = seps[-1]
        lead = seps[:-1]
        if (
            len(set(lead)) == 1
            and lead[0] != last
            and len(groups[0]) <= 3
            and all(len(g) == 3 for g in groups[1:-1])
        ):
            return [(0, len(raw), w._number("".join(groups[:-1]) + "." + groups[-1]), None)]
    pieces = []
    pos = 0
    for i, g in enumerate(groups):
        pieces.append((pos, pos + len(g), int(g[:_MAX_DIGITS]), None))
        pos += len(g) + (1 if i < len(seps) else 0)
    return pieces


def _tokenize(folded: str) -> list[_Atom]:
    lex = w.lexicon()
    words = lex.words
    atoms: list[_Atom] = []
    for m in lex.pattern.finditer(folded):
        raw = m.group("d")
        if raw is not None:
            start = m.start()
            conj = False
            cstart = start
            prev = folded[start - 1] if start else ""
            if prev in lex.clitic_letters and (start < 2 or not folded[start - 2].isalpha()):
                conj = prev in lex.conj_letters
                cstart = start - 1
            for off, end, val, alt in _digit_pieces(raw):
                atoms.append(
                    _Atom(start + off, start + end, cstart, {}, conj, False, raw[off:end], val, alt)
                )
                cstart = start + end + 1
                conj = False
            continue
        clitic, word = m.group("c"), w.key(m.group("w"))
        full = clitic + word
        for k in range(len(clitic) + 1):
            roles = words.get(full[k:])
            if roles is not None:
                prefix = clitic[:k]
                break
        else:  # the regex matched a form the lexicon has under another spacing
            continue
        definite = bool(prefix) and prefix.endswith(lex.articles)
        keep = 0
        if definite:
            keep = 1 if prefix.endswith(lex.articles[-1]) else len(lex.articles[0])
            keep = max(keep, 0)
        start = m.start("c") + len(prefix) - (keep if definite else 0)
        conj = bool(prefix) and prefix[0] in lex.conj_letters
        atoms.append(_Atom(start, m.end(), m.start(), roles, conj, definite))
    return atoms


class _Parser:
    """Grammar over the atoms of one text; `run` returns the numerals in order."""

    def __init__(self, folded: Folded, atoms: list[_Atom], bare_years: bool) -> None:
        self.f = folded
        self.t = folded.text
        self.a = atoms
        self.n = len(atoms)
        self.bare_years = bare_years
        self.out: list[Numeral] = []

    # -- helpers ------------------------------------------------------------------------------
    def gap(self, i: int, j: int) -> str | None:
        """Return "" (glued), " ", or the punctuation between atoms i and j; None if apart."""
        s = self.t[self.a[i].end : self.a[j].cstart]
        if not s:
            return ""
        if len(s) > 6 or "\n" in s:
            return None
        core = s.strip(" \t")
        if not core:
            return " "
        if core in ("-", "/", ":", ",", "،"):
            return core
        return None

    def near(self, i: int, j: int) -> bool:
        return 0 <= i < self.n and 0 <= j < self.n and self.gap(i, j) in ("", " ")

    def has(self, i: int, role: str) -> bool:
        return 0 <= i < self.n and role in self.a[i].roles

    def is_word_num(self, i: int) -> bool:
        at = self.a[i]
        return NUM_ROLE in at.roles and not at.definite

    def emit(self, s: int, e: int, value: Any, kind: Kind, **kw: Any) -> None:
        start, end = self.f.span(s, e)
        qual = kw.pop("qualifier", Qualifier.EXACT)
        low, high = kw.pop("low", None), kw.pop("high", None)
        if qual is Qualifier.OVER and low is None:
            low = value
        if qual is Qualifier.UNDER and high is None:
            high = value
        self.out.append(
            Numeral(
                value=float(value),
                qualifier=qual,
                kind=kind,
                start=start,
                end=end,
                text=self.f.original[start:end],
                low=None if low is None else float(low),
                high=None if high is None else float(high),
                unit=kw.pop("unit", None),
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
        elif w.SCALE in r and w.GLUED not in r and not at.definite:
            if r[w.SCALE] < 1000:
                cur, parts = r[w.SCALE], ["hundreds"]
            else:
                total, last, scaled = r[w.SCALE], r[w.SCALE], True
        elif w.DUAL in r and not at.definite:
            total, last, scaled = 2 * r[w.DUAL], r[w.DUAL], True
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
                s = br.get(w.SCALE) or br.get(w.DUAL) or br.get(w.PLURAL)
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
        s = r.get(w.SCALE) or r.get(w.DUAL) or r.get(w.PLURAL)
        return bool(s) and s >= last

    # -- dates and times ------------------------------------------------------------------------
    def day_value(self, i: int) -> tuple[int, int] | None:
        """Return (day, last atom) for a day number at i: digits, words or an ordinal compound."""
        at = self.a[i]
        if at.raw is not None and at.raw.isdigit() and len(at.raw) <= 2 and 1 <= at.val <= 31:
            return at.val, i
        if w.ORD in at.roles:
            return self.ordinal(i)
        return None

    def ordinal(self, i: int) -> tuple[int, int]:
        """Return (value, last atom) of an ordinal compound: ordinal ["عشر" | "و" tens]."""
        v = self.a[i].roles.get(w.ORD) or self.a[i].roles.get(NUM_ROLE, 0)
        j = i
        if self.near(i, i + 1):
            b = self.a[i + 1]
            bv = b.roles.get(NUM_ROLE)
            if bv == 10 and not b.conj and v < 10:
                return v + 10, i + 1
            if bv and b.conj and b.definite and bv >= 20 and bv % 10 == 0 and v < 10:
                return v + bv, i + 1
        return v, j

    def date(self, i: int) -> tuple[int, int] | None:
        """Return (day or year, last atom) of a date starting at atom i, or None."""
        at = self.a[i]
        if at.raw is not None and i + 2 < self.n:
            g1, g2 = self.gap(i, i + 1), self.gap(i + 1, i + 2)
            b, c = self.a[i + 1], self.a[i + 2]
            if g1 in ("/", "-") and g1 == g2 and b.raw and c.raw and _numeric_date(at, b, c):
                return at.val, i + 2
        if w.MONTH in at.roles:
            k = i + 1
            if self.near(i, k) and self.a[k].raw is not None and self.a[k].raw.isdigit():
                v = self.a[k].val
                if len(self.a[k].raw) == 4 and v in _YEARS:
                    return v, k
                if 1 <= v <= 31 and len(self.a[k].raw) <= 2:
                    if (
                        k + 1 < self.n
                        and self.gap(k, k + 1) in (" ", ",")
                        and _is_year(self.a[k + 1])
                    ):
                        return v, k + 1
                    return v, k
            return None
        day = self.day_value(i)
        if day is None:
            return None
        v, j = day
        k = j + 1
        if self.has(k, w.DAYLINK) and self.near(j, k):
            k += 1
            if not self.near(k - 1, k):
                return None
        elif not (k < self.n and self.gap(j, k) in ("", " ")):
            return None
        if not self.has(k, w.MONTH):
            return None
        while k + 1 < self.n and self.gap(k, k + 1) == "/" and self.has(k + 1, w.MONTH):
            k += 1
        if k + 1 < self.n and self.gap(k, k + 1) in (" ", ",") and _is_year(self.a[k + 1]):
            k += 1
        return v, k

    # -- the main loop --------------------------------------------------------------------------
    def run(self) -> list[Numeral]:
        i = 0
        while i < self.n:
            i = self.step(i)
        return self.out

    def step(self, i: int) -> int:
        at = self.a[i]
        r = at.roles
        if w.WEEKDAY in r:
            k = i + 1
            if k < self.n and self.gap(i, k) in (" ", ",", "،"):
                d = self.date(k)
                if d:
                    self.emit(at.start, self.a[d[1]].end, d[0], Kind.DATE)
                    return d[1] + 1
            return i + 1
        d = self.date(i)
        if d:
            self.emit(at.start, self.a[d[1]].end, d[0], Kind.DATE)
            return d[1] + 1
        if at.raw is not None and self.gap(i, i + 1) == ":" if i + 1 < self.n else False:
            b = self.a[i + 1]
            if b.raw is not None and len(b.raw) == 2 and at.val < 25:
                j = i + 1
                if j + 1 < self.n and self.gap(j, j + 1) == ":" and self.a[j + 1].raw:
                    j += 1
                if self.near(j, j + 1) and self.has(j + 1, w.TPOST):
                    j += 1
                self.emit(at.start, self.a[j].end, at.val, Kind.TIME)
                return j + 1
        if w.ORD in r or (NUM_ROLE in r and at.definite and r[NUM_ROLE] < 100):
            if NUM_ROLE in r and not at.definite:
                pass  # a cardinal that is also listed as an ordinal: read as a number
            else:
                v, j = self.ordinal(i)
                kind = (
                    Kind.TIME if self.near(i - 1, i) and self.has(i - 1, w.TCUE) else Kind.ORDINAL
                )
                self.emit(at.start, self.a[j].end, v, kind)
                return j + 1
        if w.VAGUE in r and not (w.SCALE in r and not at.definite):
            j = i
            unit = None
            if self.near(j, j + 1) and self.has(j + 1, w.CURPOST):
                j += 1
                unit = self.a[j].roles[w.CURPOST]
            s = self.prefix(i)
            self.emit(
                self.a[s].start,
                self.a[j].end,
                r[w.VAGUE],
                Kind.VAGUE,
                qualifier=Qualifier.OVER,
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
        if self.near(s - 1, s) and self.has(s - 1, w.CURPRE):
            s -= 1
        if self.near(s - 1, s) and self.has(s - 1, w.QPRE):
            s -= 1
        return s

    def finish(self, num: _Num) -> int:
        """Attach qualifiers, range, currency, percent and kind to a parsed number; emit it."""
        i, j = num.first, num.last
        first = self.a[i]
        s = i
        unit = None
        qual = Qualifier.EXACT
        kind = Kind.COUNT
        if self.near(s - 1, s) and self.has(s - 1, w.CURPRE):
            s -= 1
            unit = self.a[s].roles[w.CURPRE]
        if self.near(s - 1, s) and self.has(s - 1, w.QPRE):
            s -= 1
            qual = Qualifier(self.a[s].roles[w.QPRE])
            if unit is None and self.near(s, i) and self.has(i - 1, w.CURPRE):
                unit = self.a[i - 1].roles[w.CURPRE]
        low = high = None
        value = num.value
        # range
        rng_start = self.near(s - 1, s) and self.has(s - 1, w.RSTART)
        k = j + 1
        other = None
        if k < self.n:
            g = self.gap(j, k)
            b = self.a[k]
            if rng_start and b.conj and g in ("", " "):
                other = self.number(k)
            elif (rng_start and g in ("", " ") and w.CONJ in b.roles and self.near(k, k + 1)) or (
                g in ("", " ") and w.RMID in b.roles and self.near(k, k + 1)
            ):
                other = self.number(k + 1)
            elif g == "-" and first.raw is not None and b.raw is not None:
                other = self.number(k)
        if other is not None and not other.weak and not other.frac_only:
            lo, hi = value, other.value
            if not num.scaled and other.last_scale and lo * other.last_scale <= hi:
                lo = lo * other.last_scale
            if lo < hi:
                if rng_start:
                    s -= 1
                low, high, value = lo, hi, (lo + hi) / 2
                qual = Qualifier.RANGE
                j = other.last
            elif rng_start:
                pass
        if num.weak and qual is Qualifier.EXACT and low is None and not num.scaled:
            return j + 1
        if num.frac_only and low is None:
            return j + 1
        # after the number
        k = j + 1
        if k < self.n and self.gap(j, k) in ("", " "):
            b = self.a[k]
            br = b.roles
            if w.PCT in br:
                kind, unit, j = Kind.PERCENT, "percent", k
            elif w.CURPOST in br:
                kind, unit, j = Kind.MONEY, br[w.CURPOST], k
            elif w.ORDSUF in br and self.gap(j, k) == "" and first.raw is not None:
                kind, j = Kind.ORDINAL, k
            elif w.DUR in br and (w.GLUED not in br):
                kind, j = Kind.DURATION, k
            elif w.TPOST in br:
                kind, j = Kind.TIME, k
            elif w.YPOST in br and (w.GLUED not in br or self.gap(j, k) == ""):
                kind = Kind.YEAR
        if unit and kind is Kind.COUNT:
            kind = Kind.MONEY
        # qualifier after (possibly past one word: "ألف امرأة تقريباً")
        k = j + 1
        if k < self.n and qual is Qualifier.EXACT and w.QPOST in self.a[k].roles:
            between = self.t[self.a[j].end : self.a[k].cstart]
            parts = between.split()
            if self.gap(j, k) in ("", " ") or (
                len(parts) == 1 and len(between) < 20 and parts[0].isalpha()
            ):
                qual = Qualifier(self.a[k].roles[w.QPOST])
                j = k
        kind = self.context_kind(s, i, num, kind, low, high, other)
        if qual is Qualifier.RANGE:
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

    def context_kind(
        self, s: int, i: int, num: _Num, kind: Kind, low: Any, high: Any, other: _Num | None
    ) -> Kind:
        """Return the kind implied by cues before the number (year, identifier, age, time)."""
        first = self.a[i]
        if kind not in (Kind.COUNT, Kind.YEAR) and not self.has(s - 1, w.AGE):
            return kind
        prev = s - 1
        has_prev = prev >= 0 and self.gap(prev, s) in ("", " ")
        if first.raw is not None and self.is_identifier(i, prev):
            return Kind.IDENTIFIER
        if has_prev and w.AGE in self.a[prev].roles:
            return Kind.DURATION
        if has_prev and w.TCUE in self.a[prev].roles:
            return Kind.TIME
        yearish = (
            _is_year(first)
            and not num.scaled
            and (low is None or (other is not None and _is_year(self.a[other.first])))
        )
        if yearish and s == i:
            if kind is Kind.YEAR or (has_prev and w.YCUE in self.a[prev].roles) or self.bare_years:
                return Kind.YEAR
            if low is not None:
                return Kind.YEAR
        return kind

    def is_identifier(self, i: int, prev: int) -> bool:
        at = self.a[i]
        raw = at.raw or ""
        t = self.t
        if prev >= 0 and w.IDCUE in self.a[prev].roles:
            between = t[self.a[prev].end : at.cstart]
            if len(between) <= 4 and all(c in _ID_GAP for c in between):
                return True
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            return True
        if raw.isdigit() and len(raw) >= 8:
            return True
        before = t[at.cstart - 1] if at.cstart else " "
        after = t[at.end] if at.end < len(t) else " "
        if before in "+@/#_" or (before.isascii() and before.isalpha()):
            return True
        if after in "@_" or (after.isascii() and after.isalpha() and not self._glued_atom(i)):
            return True
        if (
            before == "-"
            and at.cstart >= 2
            and t[at.cstart - 2].isascii()
            and t[at.cstart - 2].isalpha()
        ):
            return True
        lo = max(0, at.start - 60)
        hi = min(len(t), at.end + 60)
        left = t.rfind(" ", lo, at.start)
        right = t.find(" ", at.end, hi)
        run = t[left + 1 if left >= 0 else lo : right if right >= 0 else hi]
        return "@" in run or "://" in run or "www." in run

    def _glued_atom(self, i: int) -> bool:
        return i + 1 < self.n and self.a[i + 1].cstart == self.a[i].end


NUM_ROLE = w.NUM


def _order(v: int) -> str:
    if v < 10:
        return "unit"
    if v < 20:
        return "teen"
    if v < 100:
        return "tens"
    return "hundreds"


def _whole(value: Any) -> bool:
    return value == int(value)


def _is_year(at: _Atom) -> bool:
    return at.raw is not None and len(at.raw) == 4 and at.raw.isdigit() and at.val in _YEARS


def _numeric_date(a: _Atom, b: _Atom, c: _Atom) -> bool:
    if not (a.raw.isdigit() and b.raw.isdigit() and c.raw.isdigit()):
        return False
    if len(a.raw) == 4:
        return 1 <= b.val <= 12 and 1 <= c.val <= 31
    if len(c.raw) in (2, 4) and len(a.raw) <= 2 and len(b.raw) <= 2:
        return 1 <= a.val <= 31 and 1 <= b.val <= 31 and (a.val <= 12 or b.val <= 12)
    return False


def find_numerals(text: str, *, lang: str) -> list[Numeral]:
    """Return every number expression in `text`, in order, non-overlapping; spans index `text`."""
    folded = fold(text)
    atoms = _tokenize(folded.text)
    if not atoms:
        return []
    lex = w.lexicon()
    return _Parser(folded, atoms, lex.bare_years.get(lang, False)).run()
