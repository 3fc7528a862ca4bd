"""What a number is, read from its context: a year, an identifier, an age, a clock time, or the
two ends of a change rather than a range.

    identifier := id-cue [" " | "(" | "#" | ":" | "-" | "."] digits     (not before a counted noun)
                | "+" digits | "0" digit digits | 8+ digits | digits glued to Latin letters
                | digits inside an e-mail address or URL
    year       := year-cue 4digits | 4digits year-mark | 4digits (where bare years are years)
                  -- but 4digits counted-noun is a count (`2000 people`)
                  -- an identifier takes in its subsections: "section 40(2)(b)"
    change     := change-verb (up to 5 words, no punctuation) from-word X (to | "-") Y
    age        := Name "," [apposition-word] N ","  |  Name "(" N ")"          (N at most 120)
    share      := fraction ["of"] (share-word | definite-noun | noun definite-noun)
    reference  := determiner spelled-out-number        ("the two camps": not a count)

All the cue words come from `lang/*/numerals.toml`.
"""

from __future__ import annotations

import re
from typing import Any

from claimtrack.extract import numwords as w
from claimtrack.extract.numtokens import ADDRESS_MARKS, CLAUSE_BREAK, MAX_DIGITS, Tokens, is_year
from claimtrack.model import Kind

# The kinds bound once as names: in Python 3.11 each `Kind.COUNT` is an unspecialised lookup
# on the Enum class (about 0.07 us), and the grammar tests a score of them per number.
COUNT, MONEY, PERCENT, VAGUE, YEAR = Kind.COUNT, Kind.MONEY, Kind.PERCENT, Kind.VAGUE, Kind.YEAR
DATE, TIME, DURATION, ORDINAL = Kind.DATE, Kind.TIME, Kind.DURATION, Kind.ORDINAL
IDENTIFIER = Kind.IDENTIFIER

_ID_GAP = frozenset(" \t(#:-.")
_SUBSECTIONS = re.compile(r"(?:\([^\W_]{1,3}\))+")
_APPOSED_NAME = re.compile(r"([^\W\d_]+)\.?(?:,|\s*\() ?(?:([^\W\d_]+) )?$")  # "Sabrina B., 34,"
MAX_AGE = 120
_PHONE_GAP = frozenset(" -")
_PHONE_SEPARATORS = ("-", ".")
# A North American phone number: "(813) 529-0220", "813-529-0220", "813.529.0220".
_PHONE = re.compile(r"(?<![\d.,])(?:\(\d{3}\) ?\d{3}[-.]|\d{3}([-.])\d{3}\1)\d{4}(?![\d.,]\d|\d)")
_LIST_MARKS = (". ", ") ", "- ", ".\t", ")\t")  # after a list number at a line's start
_CELL = re.compile(r"[ \t]*(?:\||\t)")  # a table cell ends right after the number
_WORD_BEFORE = re.compile(r"([^\W\d_]+) ?$")
_HYPHENED = re.compile(r"([^\W\d_]+)")
MIN_GLUED_NAME = 5  # letters glued before digits that make a name ("Kurdistan24"), not a clitic


def context_kind(
    tk: Tokens,
    s: int,
    i: int,
    j: int,
    kind: Kind,
    *,
    scaled: bool,
    ranged: bool,
    other_is_year: bool,
    lang: str,
) -> Kind:
    """Return the kind implied by cues around the number spanning atoms s..j (digits from i)."""
    first = tk.a[i]
    prev = s - 1
    prev_roles = tk.a[prev].roles if prev >= 0 else {}
    if kind is not COUNT and kind is not YEAR and w.AGE not in prev_roles:
        return kind
    if first.raw is not None and is_identifier(tk, i, j, prev, scaled=scaled):
        return IDENTIFIER
    if kind is COUNT and _noun_after(tk, j, w.lexicon().counters):
        return IDENTIFIER  # "3400 shares", "a 38-page report": no figure
    if (w.AGE in prev_roles or w.TCUE in prev_roles) and tk.gap(prev, s) in ("", " "):
        return DURATION if w.AGE in prev_roles else TIME
    yearish = is_year(first) and not scaled and (not ranged or other_is_year)
    opened = ranged and s == i - 1 and w.RSTART in tk.a[s].roles  # "between 2019 and 2021"
    if yearish and (s == i or opened):
        if kind is YEAR:
            return YEAR
        lex = w.lexicon()
        counted = tk.counts_next(j)
        cued = w.YCUE in prev_roles and tk.gap(prev, s) in ("", " ")
        if cued and not (counted and lex.counted_beats_cue.get(lang, False)):
            return YEAR
        if lex.bare_years.get(lang, False) and not counted:
            return YEAR
        if ranged and not counted:
            return YEAR
        if not counted and (year_of(tk, i) or (line_head(tk.t, first.cstart) and _cell_end(tk, j))):
            return YEAR
    if (
        kind is COUNT
        and s == i
        and i == j
        and first.raw is not None
        and not scaled
        and not ranged
        and after_article(tk, i)
        and not tk.counts_next(j)
    ):
        return ORDINAL  # "الدفعة الـ12", "للمرة الـ 5"
    return kind


def _noun_after(tk: Tokens, j: int, words: frozenset[str]) -> bool:
    """Return whether one of `words` follows atom j after a space or a hyphen ("38-page")."""
    end = tk.a[j].end
    if tk.t.startswith("-", end):
        m = _HYPHENED.match(tk.t, end + 1)
        return m is not None and m.group(1) in words
    return tk.word_after(j, words)


def is_parent_of(tk: Tokens, i: int) -> bool:
    """Return whether a parent word stands right before the number at atom i: "a mother of
    five", "أم لثلاثة أطفال" are one person's family, not a figure."""
    parents = w.lexicon().parents
    if not parents:
        return False
    t = tk.t
    start = tk.a[i].start
    before = t[max(0, start - 24) : start].rstrip(" ")
    if not before.endswith(parents):  # the common case, tested in one call
        return False
    for form in parents:
        if before.endswith(form):
            k = len(before) - len(form) - 1
            if k < 0 or not before[k].isalpha():
                return True
    return False


def year_of(tk: Tokens, i: int) -> bool:
    """Return whether the 4-digit number at atom i follows a partitive after an ordinal or a
    month: "الدفعة الأولى من 2023", "النصف الثاني من 2024", "أيار من 2023" (a year, "of 2023")."""
    p = i - 1
    if not (tk.has(p, w.PARTITIVE) and tk.near(p, i) and tk.near(p - 1, p)):
        return False
    return tk.has(p - 1, w.ORD) or tk.has(p - 1, w.MONTH)


def line_head(t: str, pos: int) -> bool:
    """Return whether only spaces or an opening bracket stand before `pos` on its line."""
    k = pos - 1
    while k >= 0 and t[k] in " \t(":
        k -= 1
    return k < 0 or t[k] == "\n"


def _cell_end(tk: Tokens, j: int) -> bool:
    """Return whether a table cell ends right after atom j ("2019 | 73000 | UN")."""
    return _CELL.match(tk.t, tk.a[j].end) is not None


def after_article(tk: Tokens, i: int) -> bool:
    """Return whether the digits at atom i carry the definite article (the tatweel folded away:
    "الـ12", "الـ 5") right after a definite word: "الدفعة الـ12" is the twelfth batch."""
    lex = w.lexicon()
    arts = lex.articles
    if not arts:
        return False
    t = tk.t
    start = tk.a[i].cstart
    k = start - 2 if start > 1 and t[start - 1] == " " else start - 1
    if k < 0 or all(t[k] != art[-1] for art in arts):
        return False  # the common case: no article ends right before the digits
    m = _WORD_BEFORE.search(t, max(0, start - 8), start)
    if m is None or _definite(m.group(1), arts, lex.clitic_letters, bare=True) is None:
        return False
    m2 = _WORD_BEFORE.search(t, max(0, m.start() - 30), m.start())
    if m2 is None:
        return False
    noun = _definite(m2.group(1), arts, lex.clitic_letters, bare=False)
    return noun is not None and noun not in lex.counted  # "الأطفال الـ35": the 35 children


def _definite(
    word: str, arts: tuple[str, ...], clitics: frozenset[str], *, bare: bool
) -> str | None:
    """Return the rest of `word` after its clitics and article when it is an article alone
    (`bare`) or a definite word (not bare), else None."""
    for k in range(min(3, len(word))):
        if k and word[k - 1] not in clitics:
            return None
        rest = word[k:]
        if bare and rest in arts:
            return ""
        if not bare and len(rest) > 3:
            for art in arts:
                if rest.startswith(art):
                    return rest[len(art) :]
    return None


def is_identifier(tk: Tokens, i: int, j: int, prev: int, *, scaled: bool) -> bool:
    """Return whether the digits at atom i (of a number ending at atom j) name something
    rather than count it."""
    at = tk.a[i]
    raw = at.raw or ""
    t = tk.t
    if prev >= 0 and w.IDCUE in tk.a[prev].roles and not scaled and not tk.counts_next(j):
        between = t[tk.a[prev].end : at.cstart]
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
    if before.isalpha() and _glued_name(tk, i):
        return True  # "Kurdistan24" in Arabic script
    if (
        len(raw) <= 2
        and line_head(t, at.cstart)
        and (t.startswith(_LIST_MARKS, at.end) or _cell_end(tk, j))
    ):
        return True  # "1. Repatriate all nationals", "(2) ...", "3 | ..."
    if before == "[" and after == "]":
        return True  # a footnote mark
    if before == "-" and after == "-" and line_head(t, at.cstart - 1):
        return True  # "-30-", the end mark of a press release
    if len(raw) in (3, 4) and raw.isdigit() and _in_phone(t, at.cstart, at.end):
        return True
    glued = i + 1 < tk.n and tk.a[i + 1].cstart == at.end
    if after in "@_" or (after.isascii() and after.isalpha() and not glued):
        return True
    if (
        before == "-"
        and at.cstart >= 2
        and t[at.cstart - 2].isalpha()
        and (t[at.cstart - 2].isascii() or _letters_before(t, at.cstart - 1) >= MIN_GLUED_NAME)
    ):
        return True  # "COVID-19", "كوفيد-19"
    if not tk.has_address:
        return False
    lo = max(0, at.start - 60)
    hi = min(len(t), at.end + 60)
    left = t.rfind(" ", lo, at.start)
    right = t.find(" ", at.end, hi)
    run = t[left + 1 if left >= 0 else lo : right if right >= 0 else hi]
    return any(mark in run for mark in ADDRESS_MARKS)


def _letters_before(t: str, pos: int) -> int:
    """Return how many letters stand right before `pos`."""
    k = pos - 1
    while k >= 0 and t[k].isalpha():
        k -= 1
    return pos - 1 - k


def _glued_name(tk: Tokens, i: int) -> bool:
    """Return whether a name of at least `MIN_GLUED_NAME` letters, not a lexicon word, is glued
    before the digits at atom i ("كوردستان24")."""
    at = tk.a[i]
    if i and tk.a[i - 1].end == at.cstart:
        return False  # a qualifier or cue written without its space
    return _letters_before(tk.t, at.cstart) >= MIN_GLUED_NAME


def _in_phone(t: str, start: int, end: int) -> bool:
    """Return whether t[start:end] lies inside a phone number."""
    before, after = t[start - 1 : start], t[end : end + 1]
    if not (  # each digit group of a phone number touches a bracket, or a dash or dot and digits
        before == "("
        or after == ")"
        or (before in _PHONE_SEPARATORS and t[start - 2 : start - 1].isdigit())
        or (after in _PHONE_SEPARATORS and t[end + 1 : end + 2].isdigit())
    ):
        return False
    for m in _PHONE.finditer(t, max(0, start - 10), min(len(t), end + 10)):
        if m.start() <= start and end <= m.end():
            return True
    return False


def identifier_bounds(tk: Tokens, i: int, j: int, value: Any) -> tuple[int, int, int, Any]:
    """Return (folded start, folded end, last atom, value) of an identifier at atoms i..j,
    taking in a leading "+", subsections glued after it (`40(2)(b)`, `421-2-1`) and, for a phone
    number (`+963 ...`, `0933 ...`), the digit groups after it."""
    t = tk.t
    at = tk.a[i]
    start = at.start - 1 if at.start and t[at.start - 1] == "+" else at.start
    raw = at.raw or ""
    if start < at.start or (len(raw) > 1 and raw[0] == "0"):
        while (
            j + 1 < tk.n
            and tk.a[j + 1].raw is not None
            and tk.a[j + 1].cstart - tk.a[j].end == 1
            and t[tk.a[j].end] in _PHONE_GAP
        ):
            j += 1
    while (  # "article 421-2-1": the parts of a numbered provision
        j + 1 < tk.n
        and (nraw := tk.a[j + 1].raw) is not None
        and tk.a[j + 1].cstart - tk.a[j].end == 1
        and t[tk.a[j].end] == "-"
        and nraw.isdigit()
        and len(nraw) <= 3
    ):
        j += 1
    if j > i and all(tk.a[k].raw for k in range(i, j + 1)):
        digits = "".join(ch for k in range(i, j + 1) for ch in tk.a[k].raw or "" if ch.isdigit())
        value = int(digits[:MAX_DIGITS])  # an identifier's value is its digits ("24,16" too)
    end = tk.a[j].end
    m = _SUBSECTIONS.match(t, end)
    if m:
        end = m.end()
        while j + 1 < tk.n and tk.a[j + 1].end <= end:
            j += 1
    return start, end, j, value


def is_apposed_age(tk: Tokens, s: int, j: int, value: Any) -> bool:
    """Return whether the plain number at atoms s..j is an age set off after a capitalised
    name: `Ahmed Ali, 24, said`, `Ahmed, now 24,`, `Ali (24)`."""
    if not (0 < value <= MAX_AGE and value == int(value)):
        return False
    t = tk.t
    start, end = tk.a[s].cstart, tk.a[j].end
    after = t[end : end + 1]
    if after not in (",", ")", "."):
        return False
    m = _APPOSED_NAME.search(t, max(0, start - 40), start)
    if m is None:
        return False
    if m.group(2) is not None and m.group(2) not in w.lexicon().age_apposed:
        return False
    opened = t[m.end(1) : start].lstrip().startswith("(")
    if opened != (after == ")") or (opened and m.group(2) is not None):
        return False
    if opened and (_listed_next(tk, j) or ")" in t[max(0, m.start(1) - 7) : m.start(1)]):
        return False  # "Syria (24) and Iraq (12)": a list of counts
    return tk.f.original[tk.f.to_original(m.start(1))].isupper()


def _listed_next(tk: Tokens, j: int) -> bool:
    """Return whether a list goes on after atom j and its closing bracket: ", ..." or "and"."""
    rest = tk.t[tk.a[j].end + 1 : tk.a[j].end + 3].lstrip(" ")
    return rest.startswith((",", "،")) or (
        j + 1 < tk.n and tk.a[j + 1].cstart - tk.a[j].end <= 2 and tk.has(j + 1, w.CONJ)
    )


def share_of(tk: Tokens, j: int) -> bool:
    """Return whether the fraction at atom j is of a group: `half of them`, `half the camp`,
    `ربع القاطنين`, `نصف سكان المخيم` (but not `نصف ساعة`, a duration)."""
    k = j + 1 if tk.has(j + 1, w.PARTITIVE) and tk.near(j, j + 1) else j
    if tk.has(k + 1, w.DUR) and tk.near(k, k + 1):
        return False
    words = tk.words_after(k, 2)
    if not words:
        return False
    lex = w.lexicon()
    if words[0] in lex.shares:
        return True
    arts = lex.articles
    if not arts or w.DUR in lex.words.get(_strip(words[0], arts), {}):
        return False  # "نصف الساعة" is a duration
    return any(word.startswith(arts) and len(word) > 3 for word in words)


def _strip(word: str, arts: tuple[str, ...]) -> str:
    for art in arts:
        if word.startswith(art):
            return word[len(art) :]
    return word


def is_reference(tk: Tokens, s: int, i: int, j: int) -> bool:
    """Return whether the spelled-out number at atoms i..j (no prefix) follows a determiner:
    `the two camps`, `these three men` name things, they do not count them."""
    if s != i or tk.a[i].raw is not None:  # digits first: the common case
        return False
    if any(at.raw is not None or w.SCALE in at.roles for at in tk.a[i : j + 1]):
        return False
    return tk.word_before(i, w.lexicon().references)


def is_change(tk: Tokens, s: int) -> bool:
    """Return whether a change verb (`rose`, `ارتفع`, `went up`) stands at most six words before
    atom s in its clause, so that `from X to Y` there gives two figures, not a range."""
    return tk.cue_before(s, w.lexicon().changes)


def is_elided_age(tk: Tokens, age_end: int, s: int, kind: Kind) -> bool:
    """Return whether a counted range at atom s repeats, with its noun left out, an age range
    ending at folded offset `age_end` in the same clause ("... and the children's between 3
    and 11")."""
    if kind is not COUNT or age_end < 0 or not tk.has(s, w.RSTART):
        return False
    between = tk.t[age_end : tk.a[s].cstart]
    return not CLAUSE_BREAK.search(between) and len(between.split()) <= 4


def is_full_support(tk: Tokens, s: int, j: int, value: object) -> bool:
    """Return whether a 100% at atoms s..j only says "fully" (`يدعمكم 100%`, `100% support`)."""
    if value != 100 or (tk.has(j + 1, w.PARTITIVE) and tk.near(j, j + 1)):
        return False  # "يدعم 100% من احتياجات المخيم" is a share
    words = w.lexicon().wholehearted
    return tk.word_after(j, words) or tk.cue_before(s, words)
