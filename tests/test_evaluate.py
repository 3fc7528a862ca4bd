"""Scoring: matching by span overlap and value; numbers, full claims and as-of accuracy."""

from __future__ import annotations

from claimtrack.evaluate import evaluate, gold_offsets
from claimtrack.model import Claim, Metric, Qualifier

TEXT = "The camp holds 40,000 people and 40,000 more wait; 12 left."
ARTICLE = {
    "id": "a1",
    "lang": "en",
    "text": TEXT,
    "claims": [
        {"value": 40000, "qualifier": "exact", "metric": "camp_population", "entity": "al-hol",
         "as_of": "2024-01-01", "span": "40,000"},
        {"value": 40000, "qualifier": "exact", "metric": "other", "entity": "al-hol",
         "as_of": "2024-01-01", "span": "40,000"},
        {"value": 12, "qualifier": "exact", "metric": "repatriated", "entity": "al-hol",
         "as_of": "2024-01-01", "span": "12"},
    ],
}  # fmt: skip


def _claim(span: str, start: int, value: float, metric: Metric, entity: str | None) -> Claim:
    return Claim(
        value=value, qualifier=Qualifier.EXACT, unit="person", metric=metric, span=span,
        start=start, end=start + len(span), sentence=TEXT, entity=entity, as_of="2024-01-01",
    )  # fmt: skip


def test_gold_offsets_follow_previous_same_span() -> None:
    assert gold_offsets(TEXT, ARTICLE["claims"]) == [(15, 21), (33, 39), (51, 53)]


def test_scores_and_diffs() -> None:
    predicted = [
        _claim("40,000", 15, 40000, Metric.CAMP_POPULATION, "al-hol"),
        _claim("40,000", 33, 40000, Metric.CAMP_POPULATION, "al-hol"),  # wrong metric
        _claim("wait", 46, 7, Metric.OTHER, None),  # extra
    ]
    report = evaluate([ARTICLE], lambda a: predicted, is_camp=lambda s: s == "al-hol")
    s = report.total.scores()
    assert (s["number_p"], s["number_r"]) == (2 / 3, 2 / 3)
    assert (s["claim_p"], s["claim_r"]) == (1 / 3, 1 / 3)
    assert s["as_of_accuracy"] == 1.0
    kinds = sorted(d.kind for d in report.diffs)
    assert kinds == ["extra", "mismatch", "miss"]
    assert report.by_lang["en"].gold == 3


def test_non_camp_entities_are_not_scored() -> None:
    article = {**ARTICLE, "claims": [{**ARTICLE["claims"][2], "entity": "isis"}]}
    predicted = [_claim("12", 51, 12, Metric.REPATRIATED, "iraq")]
    report = evaluate([article], lambda a: predicted, is_camp=lambda s: s == "al-hol")
    assert report.total.scores()["claim_f1"] == 1.0


def test_speaker_accuracy_ignores_case_and_spacing() -> None:
    article = {
        **ARTICLE,
        "claims": [{**ARTICLE["claims"][0], "speaker": "Camp  Administration"}],
    }
    right = _claim("40,000", 15, 40000, Metric.CAMP_POPULATION, "al-hol")
    from dataclasses import replace

    for speaker, expected in (("camp administration", 1.0), ("SDF", 0.0), (None, 0.0)):
        predicted = [replace(right, speaker=speaker)]
        report = evaluate([article], lambda a, p=predicted: p, is_camp=lambda s: s == "al-hol")
        assert report.total.scores()["speaker_accuracy"] == expected
