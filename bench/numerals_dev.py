"""Measure number-level precision and recall of `find_numerals` on the annotated articles.

Gold numbers are the claims of /work/shared/dev/dev.jsonl (value + span) and the claim table of the
seed articles (/work/shared/corpus/README.md). A predicted count, money or percent numeral matches
a gold claim when the spans overlap and the values are equal. Every other predicted count, money or
percent numeral is an extra; extras overlapping a listed negative (a year, a date, an identifier...)
are errors the annotation names. Measures, never asserts:

    .venv/bin/python bench/numerals_dev.py [-v]
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from claimtrack.extract.numerals import find_numerals
from claimtrack.model import Kind, Numeral

SHARED = Path("/work/shared")
DEV = SHARED / "dev" / "dev.jsonl"
SEEDS = SHARED / "corpus"
COUNTED = {Kind.COUNT, Kind.MONEY, Kind.PERCENT}


@dataclass(slots=True)
class Gold:
    value: float
    qualifier: str
    span: str
    start: int
    end: int


@dataclass(slots=True)
class Article:
    id: str
    lang: str
    text: str
    gold: list[Gold]
    negatives: list[str]


@dataclass(slots=True)
class Score:
    hits: int = 0
    same_qualifier: int = 0
    gold: int = 0
    predicted: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        p = self.hits / self.predicted if self.predicted else 1.0
        r = self.hits / self.gold if self.gold else 1.0
        return (
            f"{name}: precision {p:.3f} ({self.hits}/{self.predicted})  "
            f"recall {r:.3f} ({self.hits}/{self.gold})  "
            f"extras {len(self.extras)} (on negatives {len(self.negatives)})  "
            f"qualifier right on {self.same_qualifier}/{self.hits} hits"
        )


def _locate(text: str, spans: list[tuple[float, str, str]]) -> list[Gold]:
    """Place each span at its first occurrence after the previous claim with the same span."""
    after: dict[str, int] = {}
    out = []
    for value, qualifier, span in spans:
        start = text.find(span, after.get(span, 0))
        if start < 0:
            start = text.find(span)
        if start < 0:
            print(f"  warning: span not in text: {span!r}", file=sys.stderr)
            continue
        after[span] = start + len(span)
        out.append(Gold(float(value), qualifier, span, start, start + len(span)))
    return out


def dev_articles() -> list[Article]:
    out = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        a = json.loads(line)
        spans = [(c["value"], c["qualifier"], c["span"]) for c in a["claims"]]
        gold = _locate(a["text"], spans)
        out.append(Article(a["id"], a["lang"], a["text"], gold, a.get("negatives", [])))
    return out


def seed_articles() -> list[Article]:
    """Read the claim table and the negatives list of the seed corpus README."""
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    files = {p.stem.split("-", 3)[3]: p for p in SEEDS.glob("*.txt")}
    claims: dict[str, list[tuple[float, str, str]]] = {k: [] for k in files}
    negatives: dict[str, list[str]] = {k: [] for k in files}
    for row in readme.splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if row.startswith("|") and cells[0] in files:
            claims[cells[0]].append((float(cells[2]), cells[3], cells[1]))
        m = re.match(r"\s*- ([\w-]+):", row)
        if m and m.group(1) in files:
            negatives[m.group(1)] += re.findall(r"`([^`]+)`", row)
    out = []
    for slug, path in sorted(files.items()):
        text = path.read_text(encoding="utf-8")
        out.append(Article(slug, "ar", text, _locate(text, claims[slug]), negatives[slug]))
    return out


def _negative_ranges(text: str, negatives: list[str]) -> list[tuple[int, int]]:
    ranges = []
    for neg in negatives:
        for m in re.finditer(re.escape(neg), text):
            s, e = m.span()
            # a bare number must stand alone ("20" is not the 20 of "2024")
            if neg[0].isdigit() and s and text[s - 1].isdigit():
                continue
            if neg[-1].isdigit() and e < len(text) and text[e].isdigit():
                continue
            ranges.append((s, e))
    return ranges


def _overlaps(n: Numeral, s: int, e: int) -> bool:
    return n.start < e and n.end > s


def score(articles: list[Article], total: Score) -> None:
    for art in articles:
        nums = [n for n in find_numerals(art.text, lang=art.lang) if n.kind in COUNTED]
        negs = _negative_ranges(art.text, art.negatives)
        used: set[int] = set()
        total.gold += len(art.gold)
        total.predicted += len(nums)
        for g in art.gold:
            hit = next(
                (
                    k
                    for k, n in enumerate(nums)
                    if k not in used and _overlaps(n, g.start, g.end) and n.value == g.value
                ),
                None,
            )
            if hit is None:
                near = [f"{n.text!r}={n.value:g}" for n in nums if _overlaps(n, g.start, g.end)]
                total.misses.append(f"{art.id}: {g.span!r}={g.value:g}  got {near or 'nothing'}")
            else:
                used.add(hit)
                total.hits += 1
                if nums[hit].qualifier == g.qualifier:
                    total.same_qualifier += 1
                else:
                    total.misses.append(
                        f"{art.id}: {g.span!r} qualifier {nums[hit].qualifier}, not {g.qualifier}"
                    )
        for k, n in enumerate(nums):
            if k in used:
                continue
            where = f"{art.id}: {n.text!r}={n.value:g} {n.kind} {n.qualifier}"
            total.extras.append(where)
            if any(_overlaps(n, s, e) for s, e in negs):
                total.negatives.append(where)


def main() -> None:
    verbose = "-v" in sys.argv
    for name, articles in (("dev", dev_articles()), ("seeds", seed_articles())):
        sc = Score()
        score(articles, sc)
        print(sc.line(name))
        if verbose:
            for label, items in (("miss", sc.misses), ("extra", sc.extras)):
                for item in items:
                    flag = " [negative]" if item in sc.negatives else ""
                    print(f"  {label}  {item}{flag}")


if __name__ == "__main__":
    main()
