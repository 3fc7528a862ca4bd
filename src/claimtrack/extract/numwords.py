"""The numeral lexicon: language data folded into one word table and one tokenising regex.

`lexicon()` merges `lang/ar/*.toml` and `lang/en/*.toml` (tables `numerals.*` and `dates.*`):
real articles mix scripts, so both languages' words are always recognised. Every form is folded
with `normalize.fold`, so the tables are written in ordinary spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from claimtrack import lang as _lang
from claimtrack.extract.normalize import fold

# Roles a form can play (one form may have several: "من" starts a range and links a date).
NUM = "num"  # cardinal word below a thousand -> int
SCALE = "scale"  # singular scale word -> int
DUAL = "dual"  # dual scale word (two times) -> int
PLURAL = "plural"  # plural scale word, only after a number -> int
FRAC = "frac"  # fraction -> Decimal
VAGUE = "vague"  # vague amount -> low bound
ORD = "ord"  # ordinal word -> int
ORDSUF = "ordsuf"  # "th" glued to digits
GLUED = "glued"  # form attaches only when glued to digits
WEAK = "weak"  # number word never reported alone
ART = "art"  # "a": a number only before a scale or fraction
CONJ = "conj"  # separate "و" / "and"
QPRE = "qpre"  # qualifier before -> "approx" | "over" | "under"
QPOST = "qpost"  # qualifier after
RSTART = "rstart"  # range opener
RMID = "rmid"  # range middle word
CURPOST = "curpost"  # currency after -> code
CURPRE = "curpre"  # currency before -> code
PCT = "pct"  # percent word/sign after
DUR = "dur"  # time/duration unit after
AGE = "age"  # age cue before
TCUE = "tcue"  # clock-time cue before
TPOST = "tpost"  # clock-time mark after
YCUE = "ycue"  # year cue before
YPOST = "ypost"  # year mark after
IDCUE = "idcue"  # identifier cue before
MONTH = "month"  # month name -> 1..12
WEEKDAY = "weekday"  # weekday name -> 1..7
DAYLINK = "daylink"  # word between day and month
CHFROM = "chfrom"  # range opener that a change verb reads as "from" ("من", "from")
PARTITIVE = "partitive"  # "of" after a weak one: "مئة وأحد من" is 100 and "one of"
RATIO = "ratio"  # "in" / "out of" between two numbers: "one in five" is a share
RATIO_STOP = "ratio_stop"  # noun after "X in Y" that makes it a count: "2 in 3 raids"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Folded form -> roles, the compiled tokeniser, and per-language switches."""

    words: dict[str, dict[str, Any]]
    word: re.Pattern[str]  # a form with its clitics, at a given position
    scan: re.Pattern[str]  # digit runs and words (see `lexicon`; read by `numtokens`)
    word_starts: frozenset[str]  # the characters a word can begin with
    clitic_letters: frozenset[str]
    conj_letters: frozenset[str]
    articles: tuple[str, ...]  # the article, then the preposition+article form ("ال", "لل")
    bare_years: dict[str, bool] = field(default_factory=dict)
    counted_beats_cue: dict[str, bool] = field(default_factory=dict)  # "في 2000 عائلة" a count
    # Looked up beside a number, never tokenised (keeps the tokeniser small):
    counted: frozenset[str] = frozenset()  # nouns a count stands before ("2000 people")
    changes: frozenset[str] = frozenset()  # change verbs: "rose from X to Y" is not a range
    wholehearted: frozenset[str] = frozenset()  # "support ... 100%": full support, not a share
    shares: frozenset[str] = frozenset()  # words after a fraction of a group ("half of them")
    references: frozenset[str] = frozenset()  # determiners of a reference ("the two camps")
    age_apposed: frozenset[str] = frozenset()  # words before an apposed age ("Ali, now 24,")
    counters: frozenset[str] = frozenset()  # page counters after a number ("3,400 shares")
    parents: tuple[str, ...] = ()  # "mother of" before a number: one person's family size
    repetitions: frozenset[str] = frozenset()  # "three times": how often, not how many
    young: frozenset[str] = frozenset()  # before "under N", an age: "children under 18"
    alternatives: frozenset[str] = frozenset()  # "or" between two ages: "aged 12 or 13"
    # Filled by `numtokens.tokenize` (up to its `_MAX_ANALYSED` entries): matched text -> how
    # it splits into clitics and a form.
    analysed: dict[str, tuple[int, dict[str, Any], bool, bool]] = field(default_factory=dict)


_LETTER = re.compile(r"[^\W\d_]")  # a letter, as the tokeniser's regexes see it


def key(text: str) -> str:
    """Return the lookup key of a folded phrase (single spaces)."""
    return " ".join(text.split())


def _fold_form(form: str) -> str:
    return key(fold(form).text)


def _add(words: dict[str, dict[str, Any]], form: str, role: str, value: Any) -> None:
    words.setdefault(_fold_form(form), {})[role] = value


def _number(text: str) -> int | Decimal:
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else value


def _valued(words: dict[str, dict[str, Any]], table: dict[str, Any], role: str, conv: Any) -> None:
    for value, forms in table.items():
        for form in forms:
            _add(words, form, role, conv(value))


def _listed(words: dict[str, dict[str, Any]], table: dict[str, Any], role: str) -> None:
    for form in table.get("forms", []):
        _add(words, form, role, True)


def _trie_regex(forms: list[str]) -> str:
    """Return a regex matching any of `forms`, longest first, as a prefix trie."""
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [branch(ch, node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        if ends:  # `(?:a|b|)` tries the same as `(?:a|b)?`, without sre's costlier repeat
            return "(?:" + "|".join(branches) + "|)"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    def branch(ch: str, node: dict[str, Any]) -> str:
        return (r"\s+" if ch == " " else re.escape(ch)) + build(node)

    # sre tries the branches of a node one by one. At the root, one per first character of
    # every script, a word would pass all the other scripts' branches: each script's (Unicode
    # block's) branches go behind a look-ahead of their first characters, which fails at once.
    # Branches with different first characters never match at one place, so order is free.
    if "" in trie:
        return build(trie)
    blocks: dict[int, list[str]] = {}
    for ch in sorted(trie):
        blocks.setdefault(ord(ch) >> 8, []).append(ch)
    if len(blocks) == 1:
        return build(trie)
    gated = []
    for chars in blocks.values():
        first = "".join(map(re.escape, chars))
        gated.append(f"(?=[{first}])(?:" + "|".join(branch(ch, trie[ch]) for ch in chars) + ")")
    return "(?:" + "|".join(gated) + ")"


@cache
def lexicon() -> Lexicon:
    """Return the merged, folded lexicon of all languages (built once)."""
    words: dict[str, dict[str, Any]] = {}
    clitics: dict[str, list[str]] = {}
    bare_years: dict[str, bool] = {}
    counted_beats_cue: dict[str, bool] = {}
    counted: set[str] = set()
    changes: set[str] = set()
    wholehearted: set[str] = set()
    shares: set[str] = set()
    references: set[str] = set()
    age_apposed: set[str] = set()
    counters: set[str] = set()
    parents: set[str] = set()
    repetitions: set[str] = set()
    young: set[str] = set()
    alternatives: set[str] = set()
    for code in _lang.LANGS:
        data = _lang.load(code)
        num = data.get("numerals", {})
        dates = data.get("dates", {})
        bare_years[code] = bool(num.get("bare_four_digits_are_years", False))
        counted_beats_cue[code] = bool(num.get("counted_noun_beats_year_cue", False))
        _valued(words, num.get("words", {}), NUM, int)
        _valued(words, num.get("scales", {}), SCALE, int)
        _valued(words, num.get("scale_duals", {}), DUAL, int)
        _valued(words, num.get("scale_plurals", {}), PLURAL, int)
        _valued(words, num.get("fractions", {}), FRAC, Decimal)
        _valued(words, num.get("vague", {}), VAGUE, int)
        _valued(words, num.get("ordinals", {}), ORD, int)
        _valued(words, num.get("qualifiers_before", {}), QPRE, str)
        _valued(words, num.get("qualifiers_after", {}), QPOST, str)
        _valued(words, num.get("currencies_after", {}), CURPOST, str)
        _valued(words, num.get("currencies_before", {}), CURPRE, str)
        _valued(words, dates.get("months", {}), MONTH, int)
        _valued(words, dates.get("weekdays", {}), WEEKDAY, int)
        for role, table in (
            (WEAK, "weak"),
            (ART, "articles"),
            (GLUED, "glued_only"),
            (ORDSUF, "ordinal_suffixes"),
            (CONJ, "conjunctions"),
            (PCT, "percent"),
            (DUR, "duration_units"),
            (AGE, "age_cues"),
            (TCUE, "time_cues"),
            (TPOST, "time_after"),
            (YCUE, "year_cues"),
            (YPOST, "year_after"),
            (IDCUE, "id_cues"),
            (PARTITIVE, "partitives"),
        ):
            _listed(words, num.get(table, {}), role)
        _listed(words, dates.get("day_month_links", {}), DAYLINK)
        ranges = num.get("ranges", {})
        for form in ranges.get("start", []):
            _add(words, form, RSTART, True)
        for form in ranges.get("middle", []):
            _add(words, form, RMID, True)
        counted.update(_fold_form(f) for f in num.get("counted_nouns", {}).get("forms", []))
        changes.update(_fold_form(f) for f in num.get("changes", {}).get("verbs", []))
        wholehearted.update(_fold_form(f) for f in num.get("full_support", {}).get("forms", []))
        shares.update(_fold_form(f) for f in num.get("shares", {}).get("forms", []))
        references.update(_fold_form(f) for f in num.get("references", {}).get("forms", []))
        age_apposed.update(_fold_form(f) for f in num.get("age_apposition", {}).get("forms", []))
        counters.update(_fold_form(f) for f in num.get("counters", {}).get("forms", []))
        parents.update(_fold_form(f) for f in num.get("parents", {}).get("forms", []))
        repetitions.update(_fold_form(f) for f in num.get("repetitions", {}).get("forms", []))
        young.update(_fold_form(f) for f in num.get("under_age", {}).get("forms", []))
        alternatives.update(_fold_form(f) for f in num.get("alternatives", {}).get("forms", []))
        for form in num.get("shares", {}).get("ratios", []):
            _add(words, form, RATIO, True)
        for form in num.get("shares", {}).get("not_ratio_before", []):
            _add(words, form, RATIO_STOP, True)
        for form in num.get("changes", {}).get("from", []):
            _add(words, form, CHFROM, True)
        for name, forms in num.get("clitics", {}).items():
            clitics.setdefault(name, []).extend(_fold_form(f) for f in forms)
    conj = sorted(set(clitics.get("conjunctions", [])))
    prep = sorted(set(clitics.get("prepositions", [])))
    art = sorted(set(clitics.get("article", [])), key=len, reverse=True)
    prep_art = sorted(set(clitics.get("preposition_article", [])), key=len, reverse=True)
    conj_re = f"[{''.join(conj)}]?" if conj else ""
    prep_re = f"[{''.join(prep)}]" if prep else ""
    # (conjunction) (preposition + article | article | preposition-article | preposition), each
    # alternative opening with a letter or a class so that sre skips it in one test
    art_re = "(?:" + "|".join(map(re.escape, art)) + ")" if art else ""
    alts = ([prep_re + art_re] if prep and art else []) + ([art_re] if art else [])
    alts += [re.escape(p) for p in prep_art]
    if prep:
        alts.append(prep_re)
    clitic_re = conj_re + ("(?:" + "|".join(alts) + "|)" if alts else "")
    forms = sorted(words, key=len, reverse=True)
    # A form with its clitics, starting after a non-letter and ending before one.
    word_re = rf"(?<![^\W\d_]){clitic_re}(?:{_trie_regex(forms)})(?![^\W\d_])"
    digits_re = r"\d\d*(?:[.,]\d+)*"  # `\d\d*`, not `\d+`: sre skips the branch in one test
    # `scan` finds what `digits_re|word_re` finds trying every position, but it tries only at
    # characters that are not letters of the lexicon, which sre skips in a tight loop. Such a
    # character is the first digit of a run, or stands right before a token: a word follows a
    # non-letter, which is not a letter of the lexicon. What has no such character before it
    # (a word at the start of the text, or glued to the token before) `word` matches alone.
    letters = {ch for form in words for ch in form if _LETTER.fullmatch(ch)}
    others = "[^" + "".join(map(re.escape, sorted(letters))) + "]"
    run_rest = r"(?<=\d)\d*(?:[.,]\d+)*"  # the character was the first digit of a run
    scan = re.compile(f"{others}(?:{run_rest}|({digits_re}|{word_re}))")  # group 1: a token after
    clitic_letters = frozenset("".join(conj + prep))
    word_starts = frozenset(f[0] for f in words) | clitic_letters
    word_starts |= {f[0] for f in art + prep_art}
    articles = tuple(art[:1] + prep_art[:1])
    return Lexicon(
        words,
        re.compile(word_re),
        scan,
        word_starts,
        clitic_letters,
        frozenset("".join(conj)),
        articles,
        bare_years,
        counted_beats_cue,
        frozenset(counted),
        frozenset(changes),
        frozenset(wholehearted),
        frozenset(shares),
        frozenset(references),
        frozenset(age_apposed),
        counters=frozenset(counters),
        parents=tuple(sorted(parents)),
        repetitions=frozenset(repetitions),
        young=frozenset(young),
        alternatives=frozenset(alternatives),
    )
