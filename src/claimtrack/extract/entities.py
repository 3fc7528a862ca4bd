"""The gazetteer (what figures are about) and the mentions of its entities in folded text.

Gazetteer data (`lang/entities.toml`, and a user file merged over it):
    [generic]            camp = [...]  # "the camp": the camp named last; camps = [...]: both
                         to = [...]    # "إلى مخيم الجدعة": a destination, not "the camp" later
                         skip = [...]  # words between `to` and the name ("to the Jeddah camp")
    [entity.<slug>]      kind = "camp"; names = [...]; members = ["al-hol", "roj"]
    [cues.<lang>.<m>]    before = [...]; after = [...]   # extra metric cues (user files)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from claimtrack.extract import lexicon
from claimtrack.lang import load_file

GENERIC_CAMP = "<camp>"
GENERIC_CAMPS = "<camps>"


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical thing figures are about: a camp, prison, organisation, country or place."""

    slug: str
    kind: str
    names: tuple[str, ...]
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Entities by slug, generic camp words and extra metric cues; compiled lazily."""

    entities: Mapping[str, Entity]
    generic_camp: tuple[str, ...] = ()
    generic_camps: tuple[str, ...] = ()
    cues: Mapping[str, Mapping[str, Mapping[str, tuple[str, ...]]]] = field(default_factory=dict)
    dest_words: tuple[str, ...] = ()
    near_words: tuple[str, ...] = ()
    and_words: tuple[str, ...] = ()
    skip_words: tuple[str, ...] = ()
    _compiled: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def kind(self, slug: str | None) -> str | None:
        """Return the kind of `slug`, or None when unknown."""
        ent = self.entities.get(slug) if slug else None
        return ent.kind if ent else None

    def is_camp(self, slug: str | None) -> bool:
        """Return whether `slug` is a camp or a composite of camps."""
        return self.kind(slug) == "camp"

    def lexicon(self) -> lexicon.Lexicon:
        """Return the compiled names of every entity (and the generic camp words)."""
        lex = self._compiled.get("lex")
        if lex is None:
            table: dict[str, list[str]] = {s: list(e.names) for s, e in self.entities.items()}
            table[GENERIC_CAMP] = list(self.generic_camp)
            table[GENERIC_CAMPS] = list(self.generic_camps)
            lex = self._compiled["lex"] = lexicon.build(table)
        return lex

    def composite(self, slugs: list[str]) -> str:
        """Return the slug of the entity made of `slugs` (a listed composite or `a+b`)."""
        want = set(slugs)
        for ent in self.entities.values():
            if ent.members and set(ent.members) == want:
                return ent.slug
        return "+".join(dict.fromkeys(slugs))


def gazetteer_from_data(data: Mapping[str, Any], base: Gazetteer | None = None) -> Gazetteer:
    """Return a gazetteer from parsed TOML `data`, merged over `base` (its entries win)."""
    entities: dict[str, Entity] = dict(base.entities) if base else {}
    for slug, spec in (data.get("entity") or {}).items():
        old = entities.get(slug)
        names = tuple(spec.get("names", ()))
        if old and not spec.get("replace", False):
            names = tuple(dict.fromkeys(old.names + names))
        entities[slug] = Entity(
            slug=slug,
            kind=spec.get("kind", old.kind if old else "other"),
            names=names,
            members=tuple(spec.get("members", old.members if old else ())),
        )
    generic = data.get("generic") or {}
    camp = tuple(generic.get("camp", ())) + (base.generic_camp if base else ())
    camps = tuple(generic.get("camps", ())) + (base.generic_camps if base else ())
    cues: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    if base:
        for lang, table in base.cues.items():
            cues[lang] = {m: dict(v) for m, v in table.items()}
    for lang, table in (data.get("cues") or {}).items():
        for metric, spec in table.items():
            slot = cues.setdefault(lang, {}).setdefault(metric, {})
            for side, forms in spec.items():
                slot[side] = tuple(slot.get(side, ())) + tuple(forms)
    dest = tuple(generic.get("to", ())) + (base.dest_words if base else ())
    near = tuple(generic.get("near", ())) + (base.near_words if base else ())
    joins = tuple(generic.get("and", ())) + (base.and_words if base else ())
    skip = tuple(generic.get("skip", ())) + (base.skip_words if base else ())
    return Gazetteer(
        entities,
        tuple(dict.fromkeys(camp)),
        tuple(dict.fromkeys(camps)),
        cues,
        tuple(dict.fromkeys(lexicon.fold_form(w) for w in dest)),
        tuple(dict.fromkeys(lexicon.fold_form(w) for w in near)),
        tuple(dict.fromkeys(lexicon.fold_form(w) for w in joins)),
        tuple(dict.fromkeys(lexicon.fold_form(w) for w in skip)),
    )


@cache
def default_gazetteer() -> Gazetteer:
    """Return the shipped gazetteer (`lang/entities.toml`)."""
    return gazetteer_from_data(load_file("entities.toml"))


@dataclass(slots=True, unsafe_hash=True)  # not frozen: a frozen __init__ is 3x slower
class Mention:
    """An entity named in folded text; generic camp words are resolved to a camp (treat as
    immutable; equal and hashed by value like a frozen dataclass)."""

    start: int
    end: int
    slug: str
    kind: str
    is_generic: bool = False
    is_dest: bool = False  # a camp named as a destination ("to Roj")
    is_near: bool = False  # a camp named as a landmark ("near al-Hol")

    # Written out: mypyc compiles this one, the generated dataclass __init__ runs interpreted.
    def __init__(
        self,
        start: int,
        end: int,
        slug: str,
        kind: str,
        is_generic: bool = False,
        is_dest: bool = False,
        is_near: bool = False,
    ) -> None:
        self.start, self.end, self.slug, self.kind = start, end, slug, kind
        self.is_generic, self.is_dest, self.is_near = is_generic, is_dest, is_near


def find_mentions(ftext: str, gaz: Gazetteer) -> list[Mention]:
    """Return the entity mentions of folded `ftext`, joining `A و B` into composites."""
    raw = gaz.lexicon().find_keyed(ftext)  # (start, end, slug)
    kinds = gaz._compiled.get("kinds")
    if kinds is None:
        kinds = gaz._compiled["kinds"] = {s: e.kind for s, e in gaz.entities.items()}
    out: list[Mention] = []
    last_camp: str | None = None
    dest, near, joins, skip = (gaz._compiled.get(k) for k in ("dest", "near", "and", "skip"))
    if dest is None or near is None or joins is None or skip is None:
        dest = gaz._compiled["dest"] = frozenset(gaz.dest_words)
        near = gaz._compiled["near"] = frozenset(gaz.near_words)
        joins = gaz._compiled["and"] = frozenset(gaz.and_words)
        skip = gaz._compiled["skip"] = frozenset(gaz.skip_words)
    # The words before each camp name: "to" makes it a destination, "near" a landmark.
    camp_hits = [(start, key) for start, _, key in raw if kinds.get(key) == "camp"]
    lead = {start: _words_before(ftext, start, skip) for start, _ in camp_hits}
    is_dest = {start for start, _ in camp_hits if _is_one_of(lead[start], dest)}
    counts = Counter(key for start, key in camp_hits if start not in is_dest)
    if not counts:
        counts = Counter(key for _, key in camp_hits)
    # "the camp" is one camp: never a composite ("al-Hol and Roj ... the camp")
    singles = Counter({k: n for k, n in counts.items() if not _is_composite(gaz, k)})
    main = (singles or counts).most_common(1)[0][0] if counts else None
    for start, end, key in raw:
        if key == GENERIC_CAMP:
            # (after a composite, the article's main single camp)
            slug = main if last_camp is None or _is_composite(gaz, last_camp) else last_camp
            if slug:
                out.append(Mention(start, end, slug, "camp", True))
            continue
        if key == GENERIC_CAMPS:
            slug = gaz.composite(["al-hol", "roj"]) if gaz.entities.get("al-hol+roj") else None
            if slug:
                out.append(Mention(start, end, slug, "camp", True))
            continue
        kind = kinds.get(key) or "other"
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.is_generic
            and prev.kind == kind
            and prev.slug != key
            and ftext[prev.end : start].strip() in joins
        ):
            members = [*prev.slug.split("+"), key]
            slug = gaz.composite(members)
            out[-1] = Mention(prev.start, end, slug, kind)
        else:
            is_near = kind == "camp" and _is_one_of(lead[start], near)
            out.append(Mention(start, end, key, kind, False, start in is_dest, is_near))
        if kind == "camp" and not out[-1].is_dest:
            last_camp = out[-1].slug
    return out


def _is_composite(gaz: Gazetteer, slug: str) -> bool:
    ent = gaz.entities.get(slug)
    return ent is None or bool(ent.members)


_QUOTES = "\"'\u201c\u201d\u00ab\u00bb("


def _words_before(ftext: str, pos: int, skip: frozenset[str]) -> list[str]:
    """Return the two words just before `pos` (past quotes and one word of `skip`), nearest
    first (fewer at the start of the text)."""
    before: list[str] = []
    for t in reversed(ftext[max(0, pos - 28) : pos].split()):
        if w := t.strip(_QUOTES):
            before.append(w)
            if len(before) == 3:  # (enough when the nearest is skipped)
                break
    if before and before[0] in skip:
        del before[0]
    return before[:2]


def _is_one_of(before: list[str], words: frozenset[str]) -> bool:
    """Return whether the word or two words `before` (nearest first) end with one of `words`."""
    return bool(before) and (before[0] in words or " ".join(reversed(before)) in words)


def main_camp(mentions: list[Mention]) -> tuple[str | None, int]:
    """Return the camp named most often (ties: first named) and how often."""
    counts: Counter[str] = Counter(m.slug for m in mentions if m.kind == "camp")
    if not counts:
        return None, 0
    slug, n = counts.most_common(1)[0]
    return slug, n
