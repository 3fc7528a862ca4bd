"""The five seed articles: every analyst claim is found; no listed non-claim becomes a claim."""

from __future__ import annotations

import csv
import tomllib
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from claimtrack.extract import extract
from claimtrack.model import Claim

ROOT = Path(__file__).parent.parent
SEEDS = tomllib.loads((Path(__file__).parent / "corpus" / "seeds.toml").read_text("utf-8"))


@cache
def _meta() -> dict[str, dict[str, str]]:
    with (ROOT / "corpus" / "metadata.csv").open(encoding="utf-8") as f:
        return {row["file"]: row for row in csv.DictReader(f)}


@cache
def _claims(file: str) -> tuple[str, tuple[Claim, ...]]:
    meta = _meta()[file]
    text = (ROOT / "corpus" / file).read_text(encoding="utf-8")
    pub = date.fromisoformat(meta["published"])
    return text, tuple(extract(text, published=pub, lang=meta["lang"]))


@pytest.mark.parametrize("case", SEEDS["claim"], ids=lambda c: f"{c['file'][11:-4]}:{c['span']}")
def test_seed_claim(case: dict) -> None:
    _, claims = _claims(case["file"])
    found = [c for c in claims if c.span == case["span"] or case["span"] in c.span]
    assert found, f"{case['span']!r} not in {[c.span for c in claims]}"
    c = found[0]
    assert c.value == case["value"]
    assert c.qualifier.value == case.get("qualifier", "exact")
    assert c.metric.value == case["metric"]
    assert c.unit == case.get("unit", c.unit)
    assert c.entity == case["entity"]
    assert c.as_of is not None and c.as_of.startswith(case["as_of"])
    assert c.as_of_start == case.get("as_of_start", c.as_of_start)
    assert c.speaker == case.get("speaker", c.speaker)


@pytest.mark.parametrize("file", sorted(SEEDS["negatives"]))
def test_seed_non_claims(file: str) -> None:
    text, claims = _claims(file)
    for neg in SEEDS["negatives"][file]:
        start = text.find(neg)
        assert start >= 0, neg
        while start >= 0:
            end = start + len(neg)
            assert not [c for c in claims if c.start < end and start < c.end], neg
            start = text.find(neg, end)


def test_seed_claims_only() -> None:
    listed = {(c["file"], c["span"]) for c in SEEDS["claim"]}
    for file in _meta():
        _, claims = _claims(file)
        extra = [c.span for c in claims if not any(f == file and s in c.span for f, s in listed)]
        assert extra == [], file
