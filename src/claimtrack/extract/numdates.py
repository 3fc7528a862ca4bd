"""Dates, clock times and ordinal compounds in the atoms of the numeral engine.

    date    := [weekday] day [link] month ["/" month | "(" month ")"] [[","] year]
             | day (to | "-") day month ...          ("من 1 إلى 15 آذار": a span of days)
             | month day ["," year] | month ["(" month ")"] year | d/m/y | y-m-d
    day     := 1-2 digits (1-31) | ordinal ["عشر" | "و" tens]
    time    := h ":" mm [":" ss] [mark]

Month, weekday and link words come from `lang/*/dates.toml`.
"""

from __future__ import annotations

from claimtrack.extract import numwords as w
from claimtrack.extract.numtokens import Atom, Tokens, is_year

# The roles of the words a date can begin with; otherwise it begins with digits, as a time does.
STARTS = frozenset((w.MONTH, w.ORD))


def ordinal(tk: Tokens, i: int) -> tuple[int, int]:
    """Return (value, last atom) of an ordinal compound: ordinal ["عشر" | "و" tens]."""
    v = tk.a[i].roles.get(w.ORD) or tk.a[i].roles.get(w.NUM, 0)
    if tk.near(i, i + 1):
        b = tk.a[i + 1]
        bv = b.roles.get(w.NUM)
        if bv == 10 and not b.conj and v < 10:
            return v + 10, i + 1
        if bv and b.conj and b.definite and bv >= 20 and bv % 10 == 0 and v < 10:
            return v + bv, i + 1
    return v, i


def _day(tk: Tokens, i: int) -> tuple[int, int] | None:
    """Return (day, last atom) for a day number at i: digits, words or an ordinal compound."""
    at = tk.a[i]
    if at.raw is not None and at.raw.isdigit() and len(at.raw) <= 2 and 1 <= at.val <= 31:
        return at.val, i
    if w.ORD in at.roles:
        return ordinal(tk, i)
    return None


def _year_after(tk: Tokens, k: int, gaps: tuple[str, ...]) -> bool:
    """Return whether atom k+1 is a year joined to atom k by one of `gaps`, and not the count
    of a following noun (`5 June, 2019 people fled`)."""
    return (
        k + 1 < tk.n
        and tk.gap(k, k + 1) in gaps
        and is_year(tk.a[k + 1])
        and not tk.counts_next(k + 1)
    )


def date(tk: Tokens, i: int) -> tuple[int, int] | None:
    """Return (day or year, last atom) of a date starting at atom i, or None."""
    at = tk.a[i]
    if at.raw is not None and i + 2 < tk.n:
        b, c = tk.a[i + 1], tk.a[i + 2]
        if (
            b.raw
            and c.raw
            and (g1 := tk.gap(i, i + 1)) in ("/", "-")
            and g1 == tk.gap(i + 1, i + 2)
            and _numeric(at, b, c)
        ):
            return at.val, i + 2
    if w.MONTH in at.roles:
        alt = _bracketed_month(tk, i)
        if alt is not None:
            return (tk.a[alt + 1].val, alt + 1) if _year_after_bracket(tk, alt) else None
        k = i + 1
        if tk.near(i, k) and (raw := tk.a[k].raw) is not None and raw.isdigit():
            v = tk.a[k].val
            if is_year(tk.a[k]) and not tk.counts_next(k):
                return v, k
            if 1 <= v <= 31 and len(raw) <= 2:
                if _year_after(tk, k, (" ", ",")):
                    return v, k + 1
                return v, k
        return None
    day = _day(tk, i)
    if day is None:
        return None
    v, j = day
    end = _month_after(tk, j)
    if end is None:  # a span of days: "from 1 to 15 March", "1-15 March"
        k = j + 1
        if tk.has(k, w.RMID) and tk.near(j, k):
            k += 1
        elif not (k < tk.n and tk.gap(j, k) == "-"):
            return None
        if k >= tk.n or not (tk.near(k - 1, k) or tk.gap(k - 1, k) == "-"):
            return None
        other = _day(tk, k)
        if other is None or other[0] <= v:
            return None
        end = _month_after(tk, other[1])
        if end is None:
            return None
    return v, end


def _month_after(tk: Tokens, j: int) -> int | None:
    """Return the last atom of the month (and year) after a day ending at atom j, or None."""
    k = j + 1
    if tk.has(k, w.DAYLINK) and tk.near(j, k):
        k += 1
        if not tk.near(k - 1, k):
            return None
    elif not (k < tk.n and tk.gap(j, k) in ("", " ")):
        return None
    if not tk.has(k, w.MONTH):
        return None
    while k + 1 < tk.n and tk.gap(k, k + 1) == "/" and tk.has(k + 1, w.MONTH):
        k += 1
    alt = _bracketed_month(tk, k)
    if alt is not None:
        return alt + 1 if _year_after_bracket(tk, alt) else alt
    if _year_after(tk, k, (" ", ",")):
        k += 1
    return k


def _bracketed_month(tk: Tokens, k: int) -> int | None:
    """Return atom k+1 when it is the month of atom k named again in brackets: "أيار (مايو)"."""
    if not tk.has(k + 1, w.MONTH):
        return None
    t = tk.t
    a, b = tk.a[k], tk.a[k + 1]
    if t[a.end : b.cstart].strip(" ") != "(" or not t.startswith(")", b.end):
        return None
    return k + 1


def _year_after_bracket(tk: Tokens, k: int) -> bool:
    """Return whether a year follows the bracketed month at atom k: "(مايو) 2021"."""
    return (
        k + 1 < tk.n
        and tk.t[tk.a[k].end : tk.a[k + 1].cstart].strip(" ") == ")"
        and is_year(tk.a[k + 1])
        and not tk.counts_next(k + 1)
    )


def clock(tk: Tokens, i: int) -> int | None:
    """Return the last atom of a clock time `h:mm[:ss] [mark]` starting at atom i, or None."""
    at = tk.a[i]
    if at.raw is None or i + 1 >= tk.n:
        return None
    b = tk.a[i + 1]
    if b.raw is None or len(b.raw) != 2 or at.val >= 25 or tk.gap(i, i + 1) != ":":
        return None
    j = i + 1
    if j + 1 < tk.n and tk.gap(j, j + 1) == ":" and tk.a[j + 1].raw:
        j += 1
    if tk.has(j + 1, w.TPOST) and tk.near(j, j + 1):
        j += 1
    return j


def _numeric(a: Atom, b: Atom, c: Atom) -> bool:
    ra, rb, rc = a.raw, b.raw, c.raw
    if ra is None or rb is None or rc is None:
        return False
    if not (ra.isdigit() and rb.isdigit() and rc.isdigit()):
        return False
    if len(ra) == 4:
        return 1 <= b.val <= 12 and 1 <= c.val <= 31
    if len(rc) in (2, 4) and len(ra) <= 2 and len(rb) <= 2:
        return 1 <= a.val <= 31 and 1 <= b.val <= 31 and (a.val <= 12 or b.val <= 12)
    return False
