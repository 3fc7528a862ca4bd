"""Scoring of predicted claims against annotated articles (the dev-set schema); pure.

A predicted claim matches a gold claim when their spans overlap and their values are equal
(to float rounding); gold offsets are those of the first occurrence of `span` after the
previous gold claim with the same span. Matching is one-to-one, in text order.
numbers  : P/R/F1 of matched figures.
claims   : P/R/F1 of matched figures whose qualifier, metric and camp entity also agree
           (an entity counts only when it is a camp: other slugs are not scored).
as-of    : share of matched figures whose as_of equals the gold one.
speaker  : share of matched figures whose speaker equals the gold one (case aside; null = null).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from claimtrack.model import Claim

Gold = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Diff:
    """One miss (gold only), extra (prediction only) or mismatch (matched, fields differ)."""

    article: str
    kind: str  # miss | extra | mismatch
    span: str
    value: float
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # name -> (gold, predicted)


@dataclass(slots=True)
class Tally:
    """Counts behind the scores of one slice (all, a language, a metric)."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    full: int = 0
    as_of_ok: int = 0
    speaker_ok: int = 0

    def add(self, other: Tally) -> None:
        """Add the counts of `other` to this tally."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.full += other.full
        self.as_of_ok += other.as_of_ok
        self.speaker_ok += other.speaker_ok

    def scores(self) -> dict[str, float | int]:
        """Return precision, recall and F1 of numbers and claims, and as-of accuracy."""
        np_, nr = _ratio(self.matched, self.predicted), _ratio(self.matched, self.gold)
        cp, cr = _ratio(self.full, self.predicted), _ratio(self.full, self.gold)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "number_p": np_,
            "number_r": nr,
            "number_f1": _f1(np_, nr),
            "claim_p": cp,
            "claim_r": cr,
            "claim_f1": _f1(cp, cr),
            "as_of_accuracy": _ratio(self.as_of_ok, self.matched),
            "speaker_accuracy": _ratio(self.speaker_ok, self.matched),
        }


@dataclass(slots=True)
class Report:
    """Scores overall, per language and per (gold) metric, with every difference."""

    total: Tally = field(default_factory=Tally)
    by_lang: dict[str, Tally] = field(default_factory=dict)
    by_metric: dict[str, Tally] = field(default_factory=dict)
    diffs: list[Diff] = field(default_factory=list)
    articles: int = 0

    def as_dict(self) -> dict[str, Any]:
        """Return the report as plain data (for JSON)."""
        return {
            "articles": self.articles,
            "overall": self.total.scores(),
            "by_lang": {k: v.scores() for k, v in sorted(self.by_lang.items())},
            "by_metric": {k: v.scores() for k, v in sorted(self.by_metric.items())},
            "diffs": [
                {
                    "article": d.article,
                    "kind": d.kind,
                    "span": d.span,
                    "value": d.value,
                    "fields": {k: {"gold": g, "predicted": p} for k, (g, p) in d.fields.items()},
                }
                for d in self.diffs
            ],
        }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def gold_offsets(text: str, claims: Iterable[Gold]) -> list[tuple[int, int]]:
    """Return (start, end) of each gold claim: the first occurrence of its span after the
    previous claim with the same span; (-1, -1) when the span is not in the text."""
    last: dict[str, int] = {}
    out = []
    for c in claims:
        span = c["span"]
        i = text.find(span, last.get(span, 0))
        if i < 0:
            out.append((-1, -1))
            continue
        last[span] = i + 1
        out.append((i, i + len(span)))
    return out


def _same_value(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)


def _camp(slug: str | None, is_camp: Callable[[str | None], bool]) -> str | None:
    return slug if is_camp(slug) else None


def _speaker(name: str | None) -> str | None:
    return " ".join(name.casefold().split()) if name else None


def score_article(
    article: Gold,
    predicted: list[Claim],
    *,
    is_camp: Callable[[str | None], bool],
) -> tuple[Tally, dict[str, Tally], list[Diff]]:
    """Score one article: its tally, tallies per gold metric, and its differences."""
    gold = list(article.get("claims") or [])
    offsets = gold_offsets(article["text"], gold)
    ref = str(article.get("id", ""))
    tally = Tally(gold=len(gold), predicted=len(predicted))
    per_metric: dict[str, Tally] = {}
    diffs: list[Diff] = []
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, (g, (gs, ge)) in enumerate(zip(gold, offsets, strict=True)):
        per_metric.setdefault(g["metric"], Tally()).gold += 1
        for pi, p in enumerate(predicted):
            if pi in used:
                continue
            if gs < p.end and p.start < ge and _same_value(g["value"], p.value):
                used.add(pi)
                pairs.append((gi, pi))
                break
    matched_gold = {gi for gi, _ in pairs}
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        m = per_metric[g["metric"]]
        tally.matched += 1
        m.matched += 1
        fields: dict[str, tuple[Any, Any]] = {}
        if g.get("qualifier", "exact") != p.qualifier.value:
            fields["qualifier"] = (g.get("qualifier"), p.qualifier.value)
        if g["metric"] != p.metric.value:
            fields["metric"] = (g["metric"], p.metric.value)
        if _camp(g.get("entity"), is_camp) != _camp(p.entity, is_camp):
            fields["entity"] = (g.get("entity"), p.entity)
        if not fields:
            tally.full += 1
            m.full += 1
        if g.get("as_of") == p.as_of:
            tally.as_of_ok += 1
            m.as_of_ok += 1
        else:
            fields["as_of"] = (g.get("as_of"), p.as_of)
        if _speaker(g.get("speaker")) == _speaker(p.speaker):
            tally.speaker_ok += 1
            m.speaker_ok += 1
        else:
            fields["speaker"] = (g.get("speaker"), p.speaker)
        if fields:
            diffs.append(Diff(ref, "mismatch", g["span"], g["value"], fields))
    for pi, p in enumerate(predicted):
        if pi not in used:
            per_metric.setdefault(p.metric.value, Tally()).predicted += 1
            diffs.append(Diff(ref, "extra", p.span, p.value, {"metric": (None, p.metric.value)}))
    for gi, _ in pairs:
        per_metric[gold[gi]["metric"]].predicted += 1
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            diffs.append(Diff(ref, "miss", g["span"], g["value"], {"metric": (g["metric"], None)}))
    return tally, per_metric, diffs


def evaluate(
    articles: Iterable[Gold],
    predict: Callable[[Gold], list[Claim]],
    *,
    is_camp: Callable[[str | None], bool],
) -> Report:
    """Run `predict` on each annotated article and return the scores and differences."""
    report = Report()
    for article in articles:
        report.articles += 1
        tally, per_metric, diffs = score_article(article, predict(article), is_camp=is_camp)
        report.total.add(tally)
        report.by_lang.setdefault(str(article.get("lang") or "?"), Tally()).add(tally)
        for metric, t in per_metric.items():
            report.by_metric.setdefault(metric, Tally()).add(t)
        report.diffs.extend(diffs)
    return report
