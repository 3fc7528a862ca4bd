"""The benchmark's synthetic articles: deterministic, about 3 KB, and of the stated density."""

from __future__ import annotations

from datetime import date

import pytest
from bench import generate  # importable: `python -m pytest` runs from the project's root

from claimtrack.extract import extract


@pytest.mark.parametrize("profile", list(generate.FIGURE_SHARE))
def test_articles_are_deterministic_and_about_3_kb(profile: str) -> None:
    first = list(generate.articles(120, profile=profile))
    assert first == list(generate.articles(120, profile=profile))
    sizes = [len(r["text"].encode("utf-8")) for r in first]
    assert min(sizes) >= generate.TARGET_BYTES and max(sizes) < 2 * generate.TARGET_BYTES
    assert first[99]["text"] == first[49]["text"]  # a syndicated copy


@pytest.mark.parametrize(("profile", "low", "high"), [("news", 0.6, 2.0), ("dense", 5.0, 9.0)])
def test_claim_density_is_the_one_the_profile_states(profile: str, low: float, high: float) -> None:
    claims = kb = 0.0
    for r in generate.articles(60, profile=profile):
        kb += len(r["text"].encode("utf-8")) / 1000
        pub = date.fromisoformat(r["published"])
        claims += len(extract(r["text"], published=pub, lang=r["lang"]))
    assert low <= claims / kb <= high
