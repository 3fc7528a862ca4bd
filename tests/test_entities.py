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
    ("فرار عائلات من مخيم عين عيسى", "ain-issa"),
    ("وصلت إلى مخيم الجدعة جنوب الموصل", "mosul"),
    ("in the Areesha camp", "areesha"),
    ("في ملحق الهول", "al-hol"),
    ("held in Panorama prison", "panorama-prison"),
]


@pytest.mark.parametrize(("text", "slug"), MENTIONS, ids=[t for t, _ in MENTIONS])
def test_mentions(text: str, slug: str) -> None:
    mentions = find_mentions(fold(text).text, default_gazetteer())
    assert [m.slug for m in mentions][-1] == slug


def test_rojava_is_not_roj() -> None:
    mentions = find_mentions(fold("روج آفا وشمال شرق سوريا").text, default_gazetteer())
    assert next(m.slug for m in mentions) == "rojava"
    assert "roj" not in [m.slug for m in mentions]


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
        '[entity.twaihina]\nkind = "camp"\nnames = ["مخيم الطويحينة", "Twaihina camp"]\n'
        '[cues.en.detainees]\nbefore = ["lockup"]\n',
        encoding="utf-8",
    )
    gaz = load_gazetteer(extra)
    text = "Twaihina camp holds about 12,000 people. Police said the lockup now has 300 men."
    claims = extract(text, published=date(2023, 1, 1), lang="en", gazetteer=gaz)
    assert (claims[0].entity, claims[0].metric.value) == ("twaihina", "camp_population")
    assert claims[1].metric.value == "detainees"
    assert default_gazetteer().entities.get("twaihina") is None


def test_the_camp_is_not_a_destination() -> None:
    text = (
        "نقلت بغداد 150 عائلة من مخيم الهول إلى مخيم الجدعة. وقالت إدارة المخيم إن 300 عائلة تنتظر."
    )
    mentions = find_mentions(fold(text).text, default_gazetteer())
    assert [(m.slug, m.is_dest) for m in mentions if m.kind == "camp"] == [
        ("al-hol", False),
        ("jeddah-camp", True),
        ("al-hol", False),
    ]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Coalition forces arrested 14 suspects in a raid near al-Hol.", None),
        ("Security forces arrested 14 suspects inside al-Hol.", "al-hol"),
        ("Camp officials recorded 17 killings in al-Hol.", "al-hol"),
        ("The al-Jeddah camp lies some 65 km south of Mosul.", "jeddah-camp"),
    ],
)
def test_camp_only_where_the_figure_is(text: str, entity: str | None) -> None:
    (c,) = extract(text, published=date(2023, 1, 1), lang="en")
    assert c.entity == entity


@pytest.mark.parametrize(
    "text",
    [
        "A new batch of 188 Iraqi families left al-Hol camp on Thursday bound for al-Jadah camp. "
        "Iraqis still make up about 40 percent of the camp's roughly 41,000 residents.",
        "Return movements relocated 1,367 people from al-Hol to the Jeddah 1 camp in Ninewa. "
        "Partners report 24 murders recorded inside the camp since January.",
        "In the last quarter, 1,950 Iraqi residents left al-Hol for the Jeddah 1 rehabilitation "
        "centre south of Mosul.",
    ],
)
def test_a_destination_after_the_or_bound_for(text: str) -> None:
    claims = [c for c in extract(text, published=date(2023, 1, 1), lang="en") if c.value != 1]
    assert claims and {c.entity for c in claims} == {"al-hol"}


def test_a_quoted_destination_camp() -> None:
    text = 'أعاد العراق 2500 عائلة من مخيم الهول، نُقلت إلى مخيم "الجدعة" جنوب الموصل.'
    mentions = find_mentions(fold(text).text, default_gazetteer())
    assert [(m.slug, m.is_dest) for m in mentions if m.kind == "camp"] == [
        ("al-hol", False),
        ("jeddah-camp", True),
    ]


def test_the_camp_is_never_a_composite() -> None:
    text = (
        "Al-Hol camp is short of fuel. The US spent $45 million on services in al-Hol and Roj. "
        "Darwish said the camp currently houses 39,000 people."
    )
    claims = extract(text, published=date(2023, 1, 1), lang="en")
    assert (claims[-1].entity, claims[-1].metric.value) == ("al-hol", "camp_population")


@pytest.mark.parametrize(
    ("lang", "text", "entity"),
    [
        ("en", "The SDF said its forces arrested 41 ISIS suspects inside al-Hol.", "al-hol"),
        # a camp named only as a landmark before: no camp for a later figure
        ("en", "Vehicles left a base near Ain Issa. Turkey said it took 56 villages.", None),
        # the counted noun names the thing counted
        ("ar", "ويحتجز أكثر من 9 آلاف عنصر في أكثر من 20 مركز احتجاز.", "sdf-detention"),
        ("en", "The 2022 Syria Humanitarian Response Plan was 27 per cent funded.", "syria-hrp"),
        (
            "ar",
            "وتقول الأمم المتحدة إن خطة الاستجابة الإنسانية لم تتلق سوى 38% من التمويل المطلوب، "
            "ما دفع منظمات إلى تقليص خدماتها في مخيم الهول",
            "syria-hrp",
        ),
        # the two camps together (dual nominative)
        ("ar", "وزار الوفد مخيم الهول، في حين يضم المخيمان معاً أكثر من 40 ألف طفل.", "al-hol+roj"),
        # suspects captured in a campaign in the camp: the camp, not the group they are
        # suspected of belonging to
        (
            "ar",
            "بدأت حملة أمنية في مخيم الهول. وقال مسؤول إن مخيم الهول شهد اعتقالات. وأوضح أن "
            "الحملة أسفرت عن توقيف 53 مشتبهاً بالانتماء إلى خلايا داعش.",
            "al-hol",
        ),
        (
            "en",
            "A security sweep began in al-Hol camp. Al-Hol has seen arrests. The sweep led to"
            " the arrest of 53 people suspected of belonging to ISIS cells.",
            "al-hol",
        ),
        ("en", "The SDF said it had killed five ISIS fighters near Deir ez-Zor.", "isis"),
        # raids inside a camp are the camp's; elsewhere the force's
        (
            "ar",
            "أعلنت قوى الأمن الداخلي أنها نفذت 12 عملية دهم داخل القطاعات الثالث والخامس من"
            " مخيم الهول.",
            "al-hol",
        ),
        ("en", "CENTCOM said its forces carried out 39 operations near al-Hol camp.", "centcom"),
    ],
)
def test_entity_of_the_last_figure(lang: str, text: str, entity: str | None) -> None:
    claims = extract(text, published=date(2023, 1, 1), lang=lang)
    assert claims[-1].entity == entity


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # no donor anywhere: the camp the money is for
        ("التمويل: تلقت خطة الاستجابة الخاصة بمخيم الهول حتى الآن 23 مليون دولار.", "al-hol"),
        # a donor named: the donor (dev practice)
        ("قدمت بريطانيا 500 ألف جنيه إسترليني لمخيم الهول.", "united-kingdom"),
    ],
)
def test_money_entity(text: str, entity: str) -> None:
    (c,) = extract(text, published=date(2023, 1, 1), lang="ar")
    assert (c.metric.value, c.entity) == ("funding", entity)
