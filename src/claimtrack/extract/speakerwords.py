"""The word lists a speaker is read with, compiled once per language from `claims.speakers`:
speech verbs, known names (with a country's bodies, `national`), "according to", titles,
unnamed sources, and the Latin-script personal-name patterns (`persons`, English data); and
`Starts`, where a word of those lists may begin in one sentence, to look each list up there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from claimtrack import lang as _lang
from claimtrack.extract import lexicon


@dataclass(frozen=True, slots=True)
class Persons:
    """Patterns of a personal name in Latin script beside a speech verb (data:
    `claims.speakers.persons` of the English tables), for articles in any language."""

    has_name: re.Pattern[str]  # every pattern below needs a match of this one
    before: re.Pattern[str]  # "Abdulkarim Omar said"
    appos: re.Pattern[str]  # "Abdulkarim Omar, the head of foreign relations, said"
    after: re.Pattern[str]  # "said Sheikhmous Ahmed"
    not_names: frozenset[str]


@cache
def persons() -> Persons:
    data = _lang.load("en")["claims"]["speakers"]["persons"]
    particles = "|".join(map(re.escape, data["particles"]))
    name = rf"[A-Z][a-z]+(?:[ -](?:{particles})?[A-Z][a-z']+){{1,3}}"
    verb = "(?:" + "|".join(map(re.escape, data["verbs"])) + ")"
    # a name after "told" is who hears it ("officials told North Press")
    heard = set(data.get("listener", []))
    speaks = "(?:" + "|".join(re.escape(v) for v in data["verbs"] if v not in heard) + ")"
    return Persons(
        has_name=re.compile(name),
        before=re.compile(rf"({name}),?(?:\s+[a-z-]+){{0,2}}\s+{verb}\b"),
        appos=re.compile(rf"({name}),[^,.;\u060c]{{1,80}},\s+{verb}\b"),
        after=re.compile(rf"\b{speaks}\s+(?:[a-z-]+\s+){{0,3}}?({name})"),
        not_names=frozenset(data["not_names"]),
    )


@dataclass(frozen=True, slots=True)
class Speech:
    names: lexicon.Lexicon
    verbs: lexicon.Lexicon
    according: lexicon.Lexicon
    statement: lexicon.Lexicon
    bodies: lexicon.Lexicon  # "the ministry": the body of the speaker named before
    titles: lexicon.Lexicon
    opens: re.Pattern[str]
    opens_word: re.Pattern[str]
    official: lexicon.Lexicon
    officials: dict[str, str]
    body_of: dict[str, str]  # an official's name -> the body's ("SDF official" -> "SDF")
    title_words: frozenset[str]
    function: frozenset[str]
    official_words: frozenset[str]
    official_after: frozenset[str]
    official_not: frozenset[str]  # "official" before these is an adjective ("official figures")
    # An unnamed source described by who it is (`claims.speakers.unnamed`): folded form ->
    # its English word
    unnamed_nouns: dict[str, str]
    unnamed_who: dict[str, str]
    unnamed_what: dict[str, str]
    joins: frozenset[str]  # a word opening a clause joined to the one before ("and")
    # the English words of `unnamed`: nouns, `who`, and `who` with `what`
    unnamed_names: tuple[frozenset[str], frozenset[str], frozenset[str]]
    anonymous: frozenset[str]
    # A country's body named alone right before or after a speech verb ("the government":
    # `national.alone`, group 1 the form), the body of each form, and the nationalities that
    # say which country's (group 1: the folded form)
    national_before: re.Pattern[str] | None
    national_after: re.Pattern[str] | None
    alone_body: dict[str, str]
    nationality: re.Pattern[str] | None
    nationality_of: dict[str, str]
    # "the force's media center" right before a speech verb: the body named before (`possessive`)
    possessive_before: re.Pattern[str] | None
    # a group named by what it is ("aid workers"), right before a speech verb (`groups`)
    group_before: re.Pattern[str] | None
    groups: frozenset[str]
    carry: frozenset[str]
    # A sentence with no speech verb between two of one speaker is theirs when it opens with
    # a word of `between_opens`, or with any word but one of `between_not` (`between_any`).
    between_any: bool
    between_opens: frozenset[str]
    between_not: frozenset[str]
    between_alone: frozenset[str]  # openings that continue it with no sentence after
    of: frozenset[str]
    passive: frozenset[str]
    # after "according to": the speaker named before ("him", "the statement"); with none,
    # "according to" always carries it
    according_carry: frozenset[str]
    listener: frozenset[str]  # speech verbs a name after which hears it ("told")
    by: frozenset[str]  # "figures released by X": X is the author
    # "data compiled by [the]": a known name after it is the author of the figures
    authored: re.Pattern[str] | None
    made: frozenset[str]  # the participles of `authored` ("released", "compiled")
    contrast: re.Pattern[str] | None  # a sentence opening with these sets another party
    indefinite: frozenset[str]  # a clause opening with these has a subject of its own ("a")
    forms_of: dict[str, tuple[str, ...]]  # a known name -> its forms, folded
    weak: lexicon.Lexicon
    # a personal name's words (folded; one or two) -> their Latin letters (`persons.latin`)
    latin: dict[str, str]
    # every word of `latin`'s keys, also with a clause mark after it ("مصطفى،")
    latin_words: frozenset[str]
    addressees: frozenset[str]  # "لوكالتنا": who a speaker tells, before the reported speech
    background: lexicon.Lexicon  # a clause opening so describes a place in passing
    # Where a form of any lexicon above begins (`lexicon.lookahead`, for `Starts`);
    # each one must be in `speech`'s `lexicons`, as it checks.
    any_word_at: re.Pattern[str]
    word_after: re.Pattern[str]  # a non-word character, then such a place
    reach: int  # how many characters past a place the look-ahead of `word_after` may read


@cache
def speech(lang: str) -> Speech:
    data = _lang.load(lang)["claims"]["speakers"]
    opens = [lexicon.fold_form(f) for f in data.get("opens", [])]
    names = _names(data)
    # each a Lexicon, for the Speech field of its name (Any: mypy checks a `**` dict's values
    # against every field)
    lexicons: dict[str, Any] = {
        "names": lexicon.build(names),
        "verbs": lexicon.words(data["verbs"]),
        "according": lexicon.words(data["according"]),
        "statement": lexicon.words(data["statement"]),
        "bodies": lexicon.words(data.get("bodies", [])),
        "titles": lexicon.words(data.get("titles", [])),
        "official": lexicon.words(data.get("official", [])),
        "weak": lexicon.words(data.get("weak", [])),
        "background": lexicon.words(data.get("background", [])),
    }
    # A form begins only where its first word does: those words alone, as prefixes, find every
    # such place (and a few more, which the lexicons then reject) in a much smaller pattern.
    firsts = {f.split()[0] for lex in lexicons.values() for f in lex.keys}
    starts = lexicon.build({"_": [f + "*" for f in firsts]})
    sp = Speech(
        **lexicons,
        any_word_at=lexicon.lookahead(starts),
        word_after=lexicon.lookahead(starts, after_non_word=True),
        reach=2 + max(map(len, firsts)),  # up to two proclitics, then a first word
        opens=re.compile(
            rf"(?<!\w)(?:{lexicon.alternation(opens) if opens else '(?!)'})(?!\w)|[,\u060c.:]"
        ),
        opens_word=re.compile(
            rf"(?<!\w)(?:{lexicon.alternation(opens) if opens else '(?!)'})(?!\w)"
        ),
        officials=dict(data.get("officials", {})),
        body_of={v: k for k, v in data.get("officials", {}).items()},
        title_words=frozenset(w.rstrip(".").casefold() for w in data.get("titles", [])),
        official_words=frozenset(f.casefold() for f in data.get("official", [])),
        official_after=frozenset(lexicon.fold_form(f) for f in data.get("official_after", [])),
        official_not=frozenset(lexicon.fold_form(f) for f in data.get("official_not", [])),
        unnamed_nouns=_forms_to_keys(data.get("unnamed", {}).get("nouns", {})),
        unnamed_who=_forms_to_keys(data.get("unnamed", {}).get("who", {})),
        unnamed_what=_forms_to_keys(data.get("unnamed", {}).get("what", {})),
        joins=frozenset(lexicon.fold_form(f) for f in data.get("unnamed", {}).get("joins", [])),
        unnamed_names=(
            frozenset(data.get("unnamed", {}).get("nouns", {})),
            frozenset(data.get("unnamed", {}).get("who", {})),
            frozenset(data.get("unnamed", {}).get("who", {}))
            | frozenset(data.get("unnamed", {}).get("what", {})),
        ),
        anonymous=frozenset(lexicon.fold_form(f) for f in data.get("anonymous", [])),
        group_before=(
            re.compile(
                rf"(?<!\w)({lexicon.alternation(lexicon.fold_form(f) for f in data['groups'])})"
                r"\s+$"
            )
            if data.get("groups")
            else None
        ),
        **_national_alone(data.get("national", {})),
        possessive_before=(
            re.compile(
                rf"(?<!\w)(?:{lexicon.alternation(map(lexicon.fold_form, data['possessive']))})"
                r"(?:\s+[\w-]+){1,3}\s+$"
            )
            if data.get("possessive")
            else None
        ),
        groups=frozenset(lexicon.fold_form(f) for f in data.get("groups", [])),
        carry=frozenset(lexicon.fold_form(f) for f in data.get("carry", [])),
        between_any=bool(data.get("between", {}).get("any", False)),
        between_opens=frozenset(
            lexicon.fold_form(f) for f in data.get("between", {}).get("opens", [])
        ),
        between_not=frozenset(lexicon.fold_form(f) for f in data.get("between", {}).get("not", [])),
        between_alone=frozenset(
            lexicon.fold_form(f) for f in data.get("between", {}).get("alone", [])
        ),
        of=frozenset(lexicon.fold_form(f) for f in data.get("of", [])),
        passive=frozenset(lexicon.fold_form(f) for f in data.get("passive", [])),
        forms_of={k: tuple(lexicon.fold_form(f) for f in fs) for k, fs in names.items()},
        by=frozenset(lexicon.fold_form(f) for f in data.get("by", [])),
        authored=_authored(data.get("authored", {})),
        made=frozenset(
            lexicon.fold_form(f) for f in data.get("authored", {}).get("participles", [])
        ),
        contrast=(
            re.compile(
                rf"(?:{lexicon.alternation(lexicon.fold_form(f) for f in data['contrast'])})(?!\w)"
            )
            if data.get("contrast")
            else None
        ),
        indefinite=frozenset(lexicon.fold_form(f) for f in data.get("indefinite", [])),
        listener=frozenset(
            lexicon.fold_form(f) for f in data.get("persons", {}).get("listener", [])
        ),
        according_carry=frozenset(lexicon.fold_form(f) for f in data.get("according_carry", [])),
        function=frozenset(
            lexicon.fold_form(f) for f in _lang.load(lang)["claims"]["units"]["function"]
        ),
        addressees=frozenset(lexicon.fold_form(f) for f in data.get("addressees", [])),
        **_latin(_lang.load(lang).get("persons", {}).get("latin", {})),
    )
    # `Starts.find` finds only words of the lexicons `starts` is built from: every one.
    every = {f.name for f in fields(Speech) if isinstance(getattr(sp, f.name), lexicon.Lexicon)}
    assert every == lexicons.keys(), f"not in speakers' `lexicons`: {every - lexicons.keys()}"
    # `speakernames.is_unnamed` reads back what `unnamed_source` joins: one word a key.
    assert all(len(k.split()) == 1 for ks in sp.unnamed_names for k in ks), "unnamed: one word"
    return sp


def _authored(data: dict) -> re.Pattern[str] | None:
    """Return the pattern of figures said to be made by someone: a noun of `nouns`, up to two
    words, a participle of `by`, then "by" ("data compiled by the")."""
    if not data:
        return None
    nouns = lexicon.alternation(lexicon.fold_form(f) for f in data["nouns"])
    made = lexicon.alternation(lexicon.fold_form(f) for f in data["participles"])
    return re.compile(rf"(?<!\w)(?:{nouns})\s+(?:\w+\s+){{0,2}}?(?:{made})\s+by\s+(?:the\s+)?")


def _latin(table: dict[str, str]) -> dict:
    """Return the `Speech` fields of personal names in Latin letters (`persons.latin`)."""
    latin = {lexicon.fold_form(k): v for k, v in table.items()}
    words = {w for k in latin for w in k.split()}
    marked = {w + mark for w in words for mark in ",\u060c.:"}
    return {"latin": latin, "latin_words": frozenset(words | marked)}


def _national_alone(national: dict) -> dict:
    """Return the `Speech` fields that read a country's body named alone (`national.alone`)."""
    alone_body = {
        lexicon.fold_form(form.format(body=b)): body
        for body, forms in national.get("bodies", {}).items()
        for b in forms
        for form in national.get("alone", [])
    }
    nationality_of = {
        lexicon.fold_form(f): nat
        for nat, forms in national.get("nationalities", {}).items()
        for f in forms
    }
    if not alone_body or not nationality_of:
        return {
            "national_before": None,
            "national_after": None,
            "alone_body": {},
            "nationality": None,
            "nationality_of": {},
        }
    forms = lexicon.alternation(alone_body)
    return {
        "national_before": re.compile(rf"(?<!\w)({forms}),?\s+$"),
        "national_after": re.compile(rf"\s+({forms})(?!\w)"),
        "alone_body": alone_body,
        "nationality": re.compile(rf"(?<!\w)({lexicon.alternation(nationality_of)})(?!\w)"),
        "nationality_of": nationality_of,
    }


def _forms_to_keys(table: dict[str, list[str]]) -> dict[str, str]:
    return {lexicon.fold_form(f): key for key, forms in table.items() for f in forms}


def _names(data: dict) -> dict[str, list[str]]:
    """Return the known names (`names`) with a country's bodies (`national`): each form of
    `forms` with a nationality and a body put in ("Kyrgyz Foreign Ministry")."""
    names = {key: list(forms) for key, forms in data["names"].items()}
    national = data.get("national", {})
    for body, body_forms in national.get("bodies", {}).items():
        for nat, nat_forms in national.get("nationalities", {}).items():
            names.setdefault(f"{nat} {body}", []).extend(
                form.format(nationality=n, body=b)
                for form in national.get("forms", [])
                for n in nat_forms
                for b in body_forms
            )
    return names


def speech_verbs(lang: str) -> lexicon.Lexicon:
    """Return the compiled speech verbs of `lang` ("قال", "said")."""
    return speech(lang).verbs


_MATCH_END = re.Match.end  # `map(_MATCH_END, finditer(...))`: the ends of the matches


class Starts:
    """Where a word of the speaker lexicons may begin in the folded text `ftext`.

    A lexicon matches at p only where its forms as prefixes (no `(?!\\w)`) match at p too, so
    one scan of the text for every form of every lexicon (`any_word_at`, found as
    `word_after`) finds each such p; trying a lexicon at those few places alone gives what
    `Lexicon.find` gives in any part of the text, without a scan of its own. (A form that
    runs past the end of the part is a place there too, where the lexicon finds nothing.)
    The text is scanned only as far as it is asked about."""

    __slots__ = ("_reach", "_scanned", "_word_after", "at", "ftext")

    def __init__(self, sp: Speech, ftext: str) -> None:
        self.ftext = ftext
        self.at = [0] if sp.any_word_at.match(ftext) else []  # the places, sorted
        self._scanned = 0  # every place before this is in `at`
        self._word_after, self._reach = sp.word_after, sp.reach

    def _scan(self, end: int) -> None:
        """Add to `at` every place before `end`."""
        n = len(self.ftext)
        stop = min(n, end)
        # Every place but the text's start follows a non-word character (`word_after`); its
        # look-ahead reads at most `reach` characters, so the scan stops that far past `stop`.
        scan = self._word_after.finditer(self.ftext, max(self._scanned - 1, 0), stop + self._reach)
        ends = list(map(_MATCH_END, scan))
        self.at += ends[: bisect_left(ends, stop)]
        self._scanned = stop if stop < n else n + 1

    def first_start(self, start: int, end: int) -> int | None:
        """Return the first place in `ftext[start:end]` where a word of a lexicon may begin."""
        if end > self._scanned:
            self._scan(end)
        i = bisect_left(self.at, start)
        return self.at[i] if i < len(self.at) and self.at[i] < end else None

    def find(
        self, lex: lexicon.Lexicon, start: int, end: int, *, first: bool = False
    ) -> list[lexicon.Hit]:
        """Return `lex.find(ftext, start, end)` (with `first`, only its first hit)."""
        if end > self._scanned:
            self._scan(end)
        at = self.at
        lo, hi = bisect_left(at, start), bisect_left(at, end)
        if lo == hi or lex.pattern is None:
            return []
        ft, match, key_of = self.ftext, lex.pattern.match, lex.key_of
        hits = []
        pos = start  # where `finditer` would search on from
        for p in at[lo:hi]:
            if p >= pos and (m := match(ft, p, end)):
                pos = m.end()
                key = key_of(m)
                if key is not None:
                    hits.append(lexicon.Hit(p, pos, key))
                    if first:
                        break
        return hits

    def first(self, lex: lexicon.Lexicon, start: int, end: int) -> lexicon.Hit | None:
        """Return `lex.first(ftext, start, end)`."""
        hits = self.find(lex, start, end, first=True)
        return hits[0] if hits else None
