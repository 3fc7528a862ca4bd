"""Metrics: a sentence -> the metric (and unit) of its figures, in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from claimtrack.extract import extract

PUB = date(2024, 4, 6)
CASES = [
    # (lang, sentence, the metric of each figure in order)
    ("en", "In all, 36 women and 59 children were brought home.", ["repatriated"] * 2),
    ("en", "About 1,400 Iraqi families had been moved to the Jeddah centre.", ["repatriated"]),
    ("en", "The raids led to the detention of 215 others.", ["captured"]),
    (
        "en",
        "More than 10,000 ISIS fighters remain in SDF-run detention facilities.",
        ["detainees"],
    ),
    ("en", "The SDF runs 27 detention facilities.", ["other"]),
    ("en", "The coalition conducted 40 operations; 14 were partnered raids.", ["operations"] * 2),
    ("en", "Of those, 14 were children.", ["other"]),
    ("en", "CENTCOM said 11 of them were partnered raids.", ["operations"]),
    ("en", "Coalition aircraft conducted as many as 11 such operations.", ["operations"]),
    ("en", "The SDF carried out 11 counter-ISIS operations.", ["operations"]),
    ("en", "Britain gave 2.5 million pounds to the camps.", ["funding"]),
    ("en", "The US transferred 150 detainees to Iraq.", ["detainees"]),
    ("ar", "أعلنت سنتكوم أنها نقلت 150 معتقلاً من عناصر التنظيم إلى العراق.", ["detainees"]),
    ("ar", "أعلنت السلطات احتجاز أكثر من 3000 سجين في سجن غويران.", ["detainees"]),
    ("ar", "اعتقلت القوات 20 مشتبهاً.", ["captured"]),
    (
        "en",
        "The al-Hol camp houses 40,000 people. Ghwayran prison holds more than 3,000 prisoners.",
        ["camp_population", "detainees"],
    ),
    ("ar", "سلمت الإدارة الذاتية أربع نساء وثلاثة عشر طفلاً إلى وفد أسترالي.", ["repatriated"] * 2),
    ("ar", "أربع نساء وثلاثة عشر طفلاً تمت إعادتهم.", ["repatriated"] * 2),
    ("ar", "وصلت 62 عائلة عراقية إلى مخيم الجدعة قادمة من الهول.", ["repatriated"]),
    ("ar", "لقي 62 طفلاً على الأقل حتفهم في المخيم.", ["killed"]),
    ("ar", "وبلغ عدد العائلات العراقية العائدة 62 عائلة.", ["repatriated"]),
    ("ar", "لقي 5 أشخاص مصرعهم في الهجوم.", ["killed"]),
    ("ar", "فر 20 سجيناً من السجن.", ["other"]),
    ("ar", "أطلقت الإدارة سراح 600 سجين.", ["other"]),
    ("en", "20 prisoners escaped from the prison.", ["other"]),
    ("en", "Five detainees died in the riot.", ["killed"]),
    ("ar", "قدمت بريطانيا 500 ألف جنيه إسترليني للمخيم.", ["funding"]),
    ("ar", "أعلنت الإدارة السماح بخروج الراغبين في مغادرته، وعددهم قرابة 25 ألف شخص.", ["other"]),
    ("en", "The camp will allow all Syrians wishing to leave, some 25,000 people.", ["other"]),
    # people held, then what befell them: the verb after the detainee noun decides
    ("ar", "وأضاف البيان أن أكثر من 3 آلاف سجين استسلموا.", ["captured"]),
    ("en", "Kurdish forces are still holding some 9,000 suspected ISIS fighters.", ["detainees"]),
    # former detention is no detention: these were returned
    ("ar", "استعادت فرنسا 35 طفلاً و16 امرأة كن محتجزات في مخيم روج.", ["repatriated"] * 2),
    ("ar", "وكانت بين 8 نساء و23 طفلاً أعادتهم الحكومة الألمانية من مخيم روج.", ["repatriated"] * 2),
    ("ar", "وأضافت أن المخيم ودّع الخميس الماضي 62 عائلة عراقية.", ["repatriated"]),
    ("ar", "ودعت المفوضية إلى رعاية نحو 49 ألف شخص في مخيم الهول.", ["camp_population"]),
    # people uprooted are no casualties, even after a death toll
    (
        "en",
        "At least 50 civilians had been killed, while the UN put the number of people uprooted"
        " at more than 130,000.",
        ["killed", "other"],
    ),
    (
        "ar",
        "قُتل 50 مدنياً، فيما أعلنت الأمم المتحدة تهجير أكثر من 130 ألف شخص.",
        ["killed", "other"],
    ),
    ("en", "The coalition flew as many as 11 helicopter missions in support.", ["operations"]),
    # the residents of a section of the camp are a subgroup of its residents
    (
        "ar",
        "يقطن مخيم الهول 40 ألفاً و230 شخصاً، فيما يبلغ عدد قاطني قسم المهاجرات 6300 شخص.",
        ["camp_population", "other"],
    ),
    (
        "en",
        "Al-Hol camp houses 40,000 people. Al-Hol's annex alone has about 6,300 people.",
        ["camp_population", "other"],
    ),
    ("ar", "وقال رئيس قسم الإعلام في مخيم الهول إن المخيم يضم 40 ألف شخص.", ["camp_population"]),
    # a bare figure compared with people held measures the same thing
    (
        "ar",
        "ويقدر المرصد إجمالي المحتجزين في السجون بنحو 8 آلاف و500 عنصر، مقارنة بأكثر من 10 آلاف"
        " قبل عامين.",
        ["detainees"] * 2,
    ),
    (
        "en",
        "The SDF holds about 8,500 detainees in its prisons, down from more than 10,000 in 2022.",
        ["detainees"] * 2,
    ),
    # a detention word before another reported statement does not reach its children
    (
        "en",
        "CENTCOM warned that more than 10,000 ISIS fighters remain in SDF-run detention"
        " facilities, and that over 25,000 children in the al-Hol camp are prime targets.",
        ["detainees", "other"],
    ),
    ("en", "In SDF prisons in Hasakah, some 700 boys are held alongside adults.", ["detainees"]),
    ("ar", "وتحتفظ قسد بنحو 10 آلاف عنصر من داعش في سجونها.", ["detainees"]),
    # "the figure" after a count of people held and a count of places: the people's
    (
        "en",
        "The SDF say they hold some 9,000 ISIS suspects in about two dozen detention facilities."
        " A coalition official put the figure slightly lower, at about 8,500.",
        ["detainees", "other", "detainees"],
    ),
    # a small bare number near a camp's name is no camp total
    ("en", "Next month it will be two, said a health worker in al-Hol.", ["other"]),
    ("en", "Al-Hol now holds 40,000, officials said.", ["camp_population"]),
    # "it was" before a bare figure: what the figure before counted
    (
        "en",
        "Since January, families have left in several convoys, about 2,300 people. In the whole"
        " of 2022 it was more than 7,000.",
        ["repatriated"] * 2,
    ),
    # the group just returned, counted in the next sentence
    (
        "en",
        "A flight carrying 95 citizens from al-Hol landed in Bishkek. The group included 36 women"
        " and 59 children.",
        ["repatriated"] * 3,
    ),
    # (a camp's total compared: the camp decides, not the families figure before it)
    (
        "en",
        "Al-Hol camp hosted 53,986 people in about 14,500 households, down from 56,200 in June.",
        ["camp_population", "families", "camp_population"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "metrics"), CASES, ids=[c[1] for c in CASES])
def test_metric(lang: str, text: str, metrics: list[str]) -> None:
    claims = extract(text, published=PUB, lang=lang)
    assert [c.metric.value for c in claims] == metrics


APPOSITIONS = [
    (
        "en",
        "At least 73 people, two of them children, have been killed in the camp.",
        ["killed"] * 2,
    ),
    (
        "en",
        "In total, 95 citizens - 36 women and 59 children - were repatriated.",
        ["repatriated"] * 3,
    ),
    (
        "en",
        "Some 547 Iraqi families, or 3,010 people, were repatriated from Roj.",
        ["repatriated"] * 2,
    ),
    ("ar", "وصل 73 شخصاً، بينهم طفلان، غادروا المخيم أمس.", ["repatriated"]),
]


@pytest.mark.parametrize(("lang", "text", "metrics"), APPOSITIONS, ids=[c[1] for c in APPOSITIONS])
def test_metric_across_an_apposition(lang: str, text: str, metrics: list[str]) -> None:
    assert [c.metric.value for c in extract(text, published=PUB, lang=lang)] == metrics


AGES = [
    ("en", "Several hundred boys under 18 are also held."),
    ("en", "Save the Children said 83 percent of them are under 12."),
    ("ar", "ويقيم في المخيم أطفال دون 12 من العمر."),
]


@pytest.mark.parametrize(("lang", "text"), AGES, ids=[c[1] for c in AGES])
def test_an_age_under_a_limit_is_no_count(lang: str, text: str) -> None:
    claims = extract(text, published=PUB, lang=lang)
    assert all(c.qualifier.value != "under" for c in claims)


def test_a_count_under_a_limit_stays() -> None:
    (c,) = extract("Fewer than 10 children were repatriated.", published=PUB, lang="en")
    assert (c.value, c.metric.value) == (10, "repatriated")


DEATHS_AND_FLOWS = [
    # deaths: killed only near a word of violence (spec: killed = casualties)
    ("en", "At least 62 children died in the camp last year from illness and fires.", ["other"]),
    ("en", "Three inmates died in the riot.", ["killed"]),
    ("ar", "وذكرت المنظمة أن 62 طفلاً توفوا لأسباب كان يمكن تجنبها.", ["other"]),
    ("ar", "وقالت المصادر إن 3 أطفال توفوا في قصف على المخيم.", ["killed"]),
    ("en", "The fighting has left more than 180 people dead.", ["killed"]),
    ("en", "SOHR said the overall death toll had risen to 123.", ["killed"]),
    (
        "en",
        "It said at least 100 attackers and inmates had been killed in the clashes.",
        ["killed"],
    ),
    # arrivals are no total and no return; moves out of a camp are returns
    ("en", "About 67,000 people have arrived at the camp since early December.", ["other"]),
    (
        "en",
        "In May, Iraq moved 94 families, or 381 people, from al-Hol to a camp near Mosul.",
        ["repatriated"] * 2,
    ),
    (
        "en",
        "Return movements relocated 1,367 people (334 households) from al-Hol to Jeddah camp.",
        ["repatriated"] * 2,
    ),
    (
        "en",
        "The SDF says it has recaptured 89 inmates who escaped during the attack.",
        ["captured"],
    ),
    (
        "en",
        "The prison holds some 3,500 ISIS detainees of more than 20 nationalities.",
        ["detainees", "other"],
    ),
    ("ar", "وقال إن القاطنين ينحدرون من نحو 40 جنسية.", ["other"]),
    ("en", "U.S. forces and the SDF conducted 59 of these operations.", ["operations"]),
    # a convoy or flight carries returnees
    ("en", "The most recent convoy, on July 11, carried 174 families.", ["repatriated"]),
    ("en", "A special flight carrying 95 Kyrgyz citizens landed in Bishkek.", ["repatriated"]),
    # things are no people, whatever the cue
    ("en", "ISIS cells attacked the Ghwayran prison with at least two car bombs.", ["other"]),
    ("ar", "وصلت قافلة من 30 حافلة تقل 1200 شخص من مخيم الهول.", ["other", "repatriated"]),
    # a time word after a figure is no counted noun
    (
        "ar",
        "وأوضحت إدارة مخيم الهول أن عدد القاطنين انخفض إلى نحو ستين ألفاً مطلع الشهر الجاري.",
        ["camp_population"],
    ),
    # "تضم" after another clause is no bridge to the families before
    (
        "ar",
        "يقطن مخيم الهول 62 ألف شخص ينتمون إلى 17 ألفاً و800 عائلة، "
        "في حين يضم المخيمان معاً أكثر من 40 ألف طفل.",
        ["camp_population", "families", "other"],
    ),
    # "the figure" is the people total of a sentence, not its families
    (
        "en",
        "Al-Hol housed 40,113 people in 11,029 families. OCHA put the figure at 39,587.",
        ["camp_population", "families", "camp_population"],
    ),
    # an anaphor inside the span points back to the subgroup before
    (
        "ar",
        "وقالت إدارة مخيم الهول إن عدد العراقيين في المخيم انخفض إلى نحو 19 ألفاً، "
        "بعد أن تجاوز عددهم ثلاثين ألفاً منتصف العام الماضي.",
        ["other", "other"],
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "metrics"), DEATHS_AND_FLOWS, ids=[c[1] for c in DEATHS_AND_FLOWS]
)
def test_deaths_arrivals_and_moves(lang: str, text: str, metrics: list[str]) -> None:
    assert [c.metric.value for c in extract(text, published=PUB, lang=lang)] == metrics


INTERVIEWS = [
    (
        "en",
        "Al-Hol co-chair speaks.\nRudaw: How many people live in al-Hol today?\n"
        "Hasan: According to our latest count, 51,342 people in 14,120 families.",
        ["camp_population", "families"],
    ),
    (
        "ar",
        "حوار مع إدارة مخيم الهول.\nرووداو: كم يبلغ عدد قاطني المخيم اليوم؟\n"
        "همرين حسن: لدينا حالياً 48 ألفاً و615 شخصاً.",
        ["camp_population"],
    ),
    # a question about a subgroup: its answer is no total
    (
        "en",
        "Al-Hol co-chair speaks.\nRudaw: How many Iraqis live in al-Hol today?\n"
        "Hasan: About 20,000.",
        ["other"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "metrics"), INTERVIEWS, ids=[c[1] for c in INTERVIEWS])
def test_an_answer_counts_what_the_question_asks(lang: str, text: str, metrics: list[str]) -> None:
    claims = extract(text, published=PUB, lang=lang)
    assert [c.metric.value for c in claims] == metrics
    assert {c.entity for c in claims} == {"al-hol"}


TABLES = [
    (
        "en",
        "The camp has shrunk.\n\nTable: Al-Hol population, selected counts\n"
        "Source — Date — Residents\nOCHA snapshot — June 30, 2024 — 39,587\n"
        "Camp administration — July 31, 2024 — 40,113",
        ["camp_population"] * 2,
    ),
    (
        "ar",
        "تراجع عدد القاطنين.\nجدول: تطور عدد قاطني مخيم الهول\nالمصدر | العدد\n"
        "الأمم المتحدة | ٥٦٠٠٠\nإدارة المخيم | ٤٠٢٠٨",
        ["camp_population"] * 2,
    ),
    # a table of a subgroup, and rows with no title: no totals
    (
        "en",
        "Table: Iraqis in al-Hol\nSource — Iraqis\nOCHA — 26,612",
        ["other"],
    ),
    ("en", "In al-Hol:\nOCHA — June 30, 2024 — 39,587", ["other"]),
]


@pytest.mark.parametrize(("lang", "text", "metrics"), TABLES, ids=[c[1] for c in TABLES])
def test_a_table_row_counts_what_its_title_names(lang: str, text: str, metrics: list[str]) -> None:
    claims = extract(text, published=PUB, lang=lang)
    assert [c.metric.value for c in claims] == metrics
