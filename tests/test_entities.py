"""Entities: gazetteer names (with Arabic clitics), composites, generic "the camp", user files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimtrack.extract import extract
from claimtrack.extract.entities import default_gazetteer, find_mentions
from claimtrack.extract.normalize import fold
from claimtrack.gazetteer import load_gazetteer

MENTIONS = [
    ("زار الوفد مخيم الهول", "al-hol"),
    ("زار الوفد لمخيم الهول", "al-hol"),
    ("في مخيمي الهول وروج", "al-hol+roj"),
    ("في الهول وروج", "al-hol+roj"),
    ("visited the al-Hol camp", "al-hol"),
    ("held in Roj and al-Hol", "al-hol+roj"),
    ("in Roj camp", "roj"),
    ("سجن غويران", "ghwayran-prison"),
    ("في الحسكة ودير الزور", "hasakah+deir-ez-zor"),
    ("أعلنت سنتكوم", "centcom"),
]


@pytest.mark.parametrize(("text", "slug"), MENTIONS, ids=[t for t, _ in MENTIONS])
def test_mentions(text: str, slug: str) -> None:
    mentions = find_mentions(fold(text).text, default_gazetteer())
    assert [m.slug for m in mentions][-1] == slug


def test_rojava_is_not_roj() -> None:
    mentions = find_mentions(fold("روج آفا وشمال شرق سوريا").text, default_gazetteer())
    assert [m.slug for m in mentions] == ["rojava"]


def test_the_camp_means_the_camp_named_last() -> None:
    text = "زار الوفد مخيم روج أمس. ويؤوي المخيم نحو 2500 شخص."
    (c,) = extract(text, published=date(2023, 1, 1), lang="ar")
    assert (c.entity, c.metric.value) == ("roj", "camp_population")


def test_no_camp_for_unrelated_figures() -> None:
    text = "The al-Hol camp holds 40,000 people. The U.S. keeps about 900 troops in Syria."
    claims = extract(text, published=date(2023, 1, 1), lang="en")
    assert [c.entity for c in claims] == ["al-hol", "united-states"]


def test_user_gazetteer(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[entity.areesha]\nkind = "camp"\nnames = ["مخيم العريشة", "Areesha camp"]\n'
        '[cues.en.detainees]\nbefore = ["lockup"]\n',
        encoding="utf-8",
    )
    gaz = load_gazetteer(extra)
    text = "Areesha camp holds about 12,000 people. Police said the lockup now has 300 men."
    claims = extract(text, published=date(2023, 1, 1), lang="en", gazetteer=gaz)
    assert (claims[0].entity, claims[0].metric.value) == ("areesha", "camp_population")
    assert claims[1].metric.value == "detainees"
    assert default_gazetteer().entities.get("areesha") is None
