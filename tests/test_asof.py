"""As-of times: phrase (with a figure) -> the time it describes, resolved against `published`."""

from __future__ import annotations

from datetime import date

import pytest

from claimtrack.extract import extract

PUB = date(2024, 4, 6)  # a Saturday
AR = [
    ("يؤوي المخيم حالياً 40 ألف شخص", "2024-04-06", None),
    ("كان المخيم يؤوي أمس 40 ألف شخص", "2024-04-05", None),
    ("كان المخيم يؤوي الشهر الماضي 40 ألف شخص", "2024-03", None),
    ("كان المخيم يؤوي العام الماضي 40 ألف شخص", "2023", None),
    ("يؤوي المخيم في العام الجاري 40 ألف شخص", "2024", None),
    ("كان المخيم يؤوي مطلع العام الجاري 40 ألف شخص", "2024-01", None),
    ("كان المخيم يؤوي يوم الاثنين 40 ألف شخص", "2024-04-01", None),
    ("كان المخيم يؤوي في 25 آذار 40 ألف شخص", "2024-03-25", None),
    ("كان المخيم يؤوي في 25 أيار 40 ألف شخص", "2023-05-25", None),
    ("كان المخيم يؤوي في كانون الثاني الماضي 40 ألف شخص", "2024-01", None),
    ("كان المخيم يؤوي في تشرين الأول 2019 40 ألف شخص", "2019-10", None),
    ("كان المخيم يؤوي في آذار من العام الماضي 40 ألف شخص", "2023-03", None),
    ("كان المخيم يؤوي في الخامس والعشرين من شباط 40 ألف شخص", "2024-02-25", None),
    ("كان المخيم يؤوي خلال الذروة عام 2019 نحو 70 ألف شخص", "2019", None),
    ("نفذت القوات 30 عملية خلال الربع الأول من العام الجاري", "2024-03-31", "2024-01-01"),
    ("نفذت القوات منذ الأول من شباط لغاية الخامس من آذار 30 عملية", "2024-03-05", "2024-02-01"),
    ("أعاد العراق منذ 2021 نحو 18 ألف شخص من المخيم", "2024-04-06", "2021"),
    ("غادر المخيم أمس الأول 300 شخص", "2024-04-04", None),
    ("غادر المخيم الخميس الماضي 300 شخص", "2024-04-04", None),
    ("استقبل المخيم بين كانون الثاني وآذار 300 شخص", "2024-03-31", "2024-01"),
    ("استقبل المخيم منذ مطلع العام حتى نهاية شباط 300 شخص", "2024-02-29", "2024-01"),
    ("نفذت القوات خلال شهر شباط الماضي 30 عملية", "2024-02-29", "2024-02-01"),
    ("نفذت القوات 30 عملية خلال الأشهر الستة الأولى من العام الماضي", "2023-06-30", "2023-01-01"),
    ("غادر المخيم خلال العام الماضي 300 شخص", "2023-12-31", None),
    ("كان المخيم يؤوي نهاية العام الماضي 40 ألف شخص", "2023-12-31", None),
    ("كان المخيم يؤوي في مثل هذا الوقت من العام الماضي 40 ألف شخص", "2023-04", None),
    ("أعادت الحكومة منذ انطلاق العملية 300 عائلة", "2024-04-06", None),
    ("أحصت الإدارة منذ بداية العام مقتل 28 شخصاً", "2024-04-06", "2024-01"),
    ("تستعد بغداد لاستقبال 300 عائلة خلال الأسابيع المقبلة", None, None),
    ("نفذت القوات 30 عملية خلال الربع الأول", "2024-03-31", "2024-01-01"),
    ("نفذت القوات 30 عملية خلال النصف الثاني", "2023-12-31", "2023-07-01"),
    ("قتل 30 شخصاً خلال الأشهر الثمانية الأولى من العام الماضي", "2023-08-31", "2023-01-01"),
    ("تراجع التمويل بأكثر من 30 في المائة مقارنة بالعام الماضي", "2024-04-06", None),
    ("وصلت أمس 94 عائلة عراقية قادمة من المخيم", "2024-04-05", None),
    ("غادر المخيم خلال شهري أيلول وتشرين الأول 300 شخص", "2023-10-31", "2023-09-01"),
    ("غادر المخيم في الثالث من الشهر الجاري نحو 300 شخص", "2024-04-03", None),
    ("غادر المخيم في العاشر من الشهر الماضي نحو 300 شخص", "2024-03-10", None),
    ("غادر المخيم قبل يومين 300 شخص", "2024-04-04", None),
    ("غادر المخيم السبت الماضي 300 شخص", "2024-03-30", None),
    ("بلغ عدد قاطني المخيم ذروته في ربيع 2019 عند نحو 73 ألف شخص", "2019", None),
    ("كان المخيم يؤوي قبل عامين 60 ألف شخص", "2022", None),
    ("ضمت الدفعة السابقة نحو 300 عائلة، على أن تخرج التالية خلال أيار المقبل", "2024-04-06", None),
    ("تستعد بغداد لاستقبال 300 عائلة في أيار المقبل", None, None),
    ("اعتقلت قسد 41 مشتبهاً خلال الأسبوع الأول من كانون الثاني", "2024-01-07", "2024-01-01"),
    (
        "يقيم في المخيم أقل من 13 ألف عراقي، وتعمل الوزارة على إعادتهم قبل نهاية العام الجاري",
        "2024-04-06",
        None,
    ),
]
EN = [
    ("The camp now holds 40,000 people", "2024-04-06", None),
    ("The camp held 40,000 people last month", "2024-03", None),
    ("The camp held 40,000 people last year", "2023", None),
    ("The camp held 40,000 people on Wednesday", "2024-04-03", None),
    ("The camp held 40,000 people in January", "2024-01", None),
    ("The camp held 40,000 people on January 20", "2024-01-20", None),
    ("At its peak in 2019, the camp held 70,000 people", "2019", None),
    ("The camp's population peaked at roughly 73,000 in the spring of 2019", "2019", None),
    ("The camp held 60,000 people in summer 2021", "2021", None),
    ("The camp held 60,000 people two years ago", "2022", None),
    ("The SDF arrested 41 suspects in the first week of January", "2024-01-07", "2024-01-01"),
    ("In the whole of 2022 more than 7,000 people left the camp", "2022", None),
    ("Two SDF fighters were killed in al-Hol on Sept. 17", "2023-09-17", None),
    ("In Q3 2023, 300 people left the camp", "2023-09-30", "2023-07-01"),
    ("In H1-2023, 300 people left the camp", "2023-06-30", "2023-01-01"),
    (
        "Fewer than 13,000 Iraqis remain, to be returned before the end of the year",
        "2024-04-06",
        None,
    ),
    ("The camp lost 300 people in the last week of March 2023", "2023-03-31", "2023-03-25"),
    (
        "28 fighters were killed in al-Hol since the attack began on Thursday",
        "2024-04-06",
        "2024-04-04",
    ),
    ("By early 2025 the camp held 40,000 people", "2025", None),
    ("Forces carried out 59 raids during the first half of 2023", "2023-06-30", "2023-01-01"),
    ("Forces carried out 59 raids between January and March", "2024-03-31", "2024-01"),
    ("From January to March the camp received 500 people", "2024-03-31", "2024-01"),
    ("The camp held fewer than 10,000 people last December", "2023-12", None),
    ("The camp held 40,000 people by the end of February", "2024-02-29", None),
    ("Iraq had taken back 1,500 families by the end of 2022", "2022-12-31", None),
    ("The camp held 56,000 people this time last year", "2023-04", None),
    ("Some 500 people left the camp last week", "2024-03", None),
    ("The new prison will hold up to 5,000 detainees", None, None),
    ("Since the start of the year 28 people were killed in the camp", "2024-04-06", "2024-01"),
    (
        "Forces carried out 59 security operations during the first quarter",
        "2024-03-31",
        "2024-01-01",
    ),
    ("Forces carried out 59 raids in the second quarter", "2023-06-30", "2023-04-01"),
    (
        "Guards foiled 14 escape attempts in the first eight months of 2023",
        "2023-08-31",
        "2023-01-01",
    ),
    ("The camp held about 56,000 people in mid-2022", "2022", None),
    ("Funding fell by 30 percent compared with last year", "2024-04-06", None),
    ("The US will give $10 million, an official said last week", "2024-03", None),
    ("Some 300 people left the camp in September and October", "2023-10-31", "2023-09"),
    ("Some 300 people left the camp three days ago", "2024-04-03", None),
    ("Some 300 people left the camp last Saturday", "2024-03-30", None),
    ("Some 300 people left the camp on Saturday", "2024-04-06", None),
    ("A total of 300 families left during the month of March", "2024-03-31", "2024-03-01"),
    (
        "The prison holds about 4,000 inmates; fighters stormed it in January 2022",
        "2024-04-06",
        None,
    ),
]


@pytest.mark.parametrize(("text", "as_of", "start"), AR, ids=[t for t, _, _ in AR])
def test_arabic_as_of(text: str, as_of: str, start: str | None) -> None:
    text = "مخيم الهول. " + text + "."
    (c,) = extract(text, published=PUB, lang="ar")
    assert (c.as_of, c.as_of_start) == (as_of, start)


@pytest.mark.parametrize(("text", "as_of", "start"), EN, ids=[t for t, _, _ in EN])
def test_english_as_of(text: str, as_of: str, start: str | None) -> None:
    text = "Al-Hol camp. " + text + "."
    (c,) = extract(text, published=PUB, lang="en")
    assert (c.as_of, c.as_of_start) == (as_of, start)


def test_no_publication_date_gives_no_as_of() -> None:
    (c,) = extract("The al-Hol camp holds 40,000 people.", published=None, lang="en")
    assert c.as_of is None


def test_same_statistic_inherits_the_time() -> None:
    text = (
        "بلغ عدد قاطني مخيم الهول 70 ألف شخص وفق إحصائية أجريت في 25 آذار. "
        "وبحسب الإحصائية ذاتها، فإن عدد العراقيين 30 ألفاً."
    )
    claims = extract(text, published=PUB, lang="ar")
    assert [c.as_of for c in claims] == ["2024-03-25", "2024-03-25"]


def _as_ofs(text: str, lang: str) -> list[str | None]:
    return [c.as_of for c in extract(text, published=PUB, lang=lang)]


def test_a_statement_dates_its_speakers_later_figures() -> None:
    text = (
        "قالت إدارة مخيم الهول، أمس، إن عدد قاطني المخيم بلغ 40 ألف شخص. "
        "وأوضحت الإدارة أن 20 ألفاً منهم أطفال."
    )
    assert _as_ofs(text, "ar") == ["2024-04-05", "2024-04-05"]
    text = (
        "CENTCOM said on Monday that 300 ISIS fighters were killed in March. "
        "CENTCOM added that 9,000 detainees remain in SDF prisons."
    )
    assert _as_ofs(text, "en") == ["2024-03", "2024-04-01"]


def test_a_present_or_unnamed_statement_is_current() -> None:
    text = (
        "CENTCOM said on Monday that 300 ISIS fighters were killed in March. "
        "CENTCOM estimates that some 2,500 fighters remain at large."
    )
    assert _as_ofs(text, "en") == ["2024-03", "2024-04-06"]
    text = (
        "أعلنت وزارة الهجرة والمهجرين العراقية، أمس، وصول 94 عائلة من مخيم الهول. "
        "وقال مصدر في الوزارة إن 500 عائلة أخرى تنتظر دورها."
    )
    assert _as_ofs(text, "ar") == ["2024-04-05", "2024-04-06"]


def test_a_day_of_speaking_with_no_named_speaker_is_not_the_figures_time() -> None:
    text = "A post published on Monday says 15,000 Iraqis were returned from al-Hol in 2023."
    assert _as_ofs(text, "en") == ["2023"]
    text = "نشرت صفحة المخيم، الاثنين، أن 15 ألف عراقي أعيدوا من مخيم الهول في 2023."
    assert _as_ofs(text, "ar") == ["2023"]


def test_the_same_statistic_is_dated_as_before_but_the_camp_itself_is_not() -> None:
    first = "بلغ عدد سكان مخيم الهول 73 ألفاً في عام 2019. "
    assert _as_ofs(first + "وبحسب الإحصائية ذاتها، فإن عدد العراقيين 30 ألفاً.", "ar") == [
        "2019",
        "2019",
    ]
    assert _as_ofs(first + "ويضم المخيم نفسه 40 ألف شخص.", "ar") == ["2019", "2024-04-06"]
    assert _as_ofs(first + "ووفق الإدارة ذاتها، يضم المخيم 40 ألف شخص.", "ar") == [
        "2019",
        "2024-04-06",
    ]


def test_another_speakers_event_is_not_dated_by_the_sentence_before() -> None:
    text = (
        "أعلنت قوات سوريا الديمقراطية، الأحد، مقتل 121 من مقاتليها. "
        "وقال المرصد السوري لحقوق الإنسان إن حصيلة القتلى تتجاوز 500 شخص."
    )
    assert _as_ofs(text, "ar") == ["2024-03-31", "2024-04-06"]


def test_a_time_right_after_a_figure_is_its_own() -> None:
    text = (
        "The camp's population swelled from fewer than 10,000 last December "
        "to upwards of 73,000 at its peak in April."
    )
    assert _as_ofs(text, "en") == ["2023-12", "2024-04"]


def test_a_sentence_without_figures_passes_on_its_most_precise_time() -> None:
    text = (
        "غادرت دفعة جديدة من العائلات العراقية مخيم الهول صباح الثلاثاء، وهي الثانية خلال "
        "الشهر الجاري. وقال مصدر إن الدفعة ضمت 150 عائلة."
    )
    assert _as_ofs(text, "ar") == ["2024-04-02"]


def test_a_time_of_another_reported_clause_is_not_the_figures() -> None:
    text = (
        "وأوضح المسؤول أن عدد العائدين منذ انطلاق العملية بلغ أكثر من عشرة آلاف شخص، موزعين "
        "على ما يزيد على ألفين وخمسمئة عائلة، وأن الدفعة الحالية هي الثانية عشرة خلال العام الجاري."
    )
    assert _as_ofs(text, "ar") == ["2024-04-06", "2024-04-06"]


def test_a_plan_marks_only_the_figures_of_its_clause() -> None:
    text = (
        "وتقول بغداد إنها تسعى إلى إفراغ مخيم الهول بحلول نهاية العام المقبل، فيما لا يزال "
        "نحو 18 ألف عراقي يقيمون فيه."
    )
    assert _as_ofs(text, "ar") == ["2024-04-06"]
    assert _as_ofs("The new prison will hold up to 5,000 detainees.", "en") == [None]


def test_a_time_right_after_the_next_figure_is_its_own() -> None:
    text = "وفي عام 2023، قتل في مخيم الهول 300 شخص مقابل 200 في 2022."
    assert _as_ofs(text, "ar") == ["2023", "2022"]


def test_a_statement_time_before_the_verb_or_before_the_speech() -> None:
    text = (
        "On Monday, CENTCOM said 300 fighters were killed in March. "
        "CENTCOM added that 9,000 detainees remain in SDF prisons."
    )
    assert _as_ofs(text, "en") == ["2024-03", "2024-04-01"]
    text = (
        "وقالت سنتكوم في بيان صدر الاثنين إن 300 مقاتل قتلوا الشهر الماضي. "
        "وأضافت أن 9 آلاف معتقل ما زالوا في سجون قسد."
    )
    assert _as_ofs(text, "ar") == ["2024-03", "2024-04-01"]


def test_a_period_since_runs_to_the_statement_before_it() -> None:
    text = (
        "A State Department spokesperson said earlier this month that the United States had "
        "spent roughly $117 million on the camp since 2021."
    )
    assert _as_ofs(text, "en") == ["2024-04"]


def test_a_sentence_told_by_no_one_goes_on_with_the_statement_before() -> None:
    text = (
        "The SDF holds roughly 9,000 suspects, an SDF spokesman said on Monday. "
        "The largest prison alone holds about 4,000 inmates."
    )
    assert _as_ofs(text, "en") == ["2024-04-01", "2024-04-01"]
    text = (
        "The SDF holds roughly 9,000 suspects, an SDF spokesman said on Monday. "
        "A US general said the group was degraded. "
        "The largest prison alone holds about 4,000 inmates."
    )
    assert _as_ofs(text, "en") == ["2024-04-01", "2024-04-06"]


def test_a_figure_is_never_its_own_time() -> None:
    # ("أكثر من 2000": "من 2000" would read as the year 2000)
    assert _as_ofs("وقالت الوزارة إنه أعيد أكثر من 2000 عراقي من مخيم الهول.", "ar") == [
        "2024-04-06"
    ]
    assert _as_ofs("وأعادت الحكومة بين 2000 و2500 شخص من مخيم الهول.", "ar") == ["2024-04-06"]


def test_a_year_after_from_dates_the_sentence() -> None:
    # (whether the numeral reader calls "2023" a year or a count)
    def as_of_300(text: str) -> tuple[str | None, str | None]:
        (c,) = [c for c in extract(text, published=PUB, lang="ar") if c.value in (300, 3e8)]
        return c.as_of, c.as_of_start

    assert as_of_300("ضمت الدفعة الأولى من 2023 نحو 300 عائلة من مخيم الهول.") == ("2023", None)
    assert as_of_300("تحتاج إدارة مخيم الهول إلى 300 مليون دولار في السنة المالية 2023.") == (
        "2023",
        None,
    )
    assert as_of_300("غادر مخيم الهول خلال النصف الثاني من 2023 نحو 300 عائلة.") == (
        "2023-12-31",
        "2023-07-01",
    )


def test_a_report_that_states_its_period_dates_its_figures_by_its_end() -> None:
    text = (
        "Situation report. It covers the period from 1 January to 31 March 2024. "
        "Al-Hol camp hosted 40,000 people. Children make up 64 per cent of residents. "
        "The camp currently hosts 39,000 people."
    )
    assert _as_ofs(text, "en") == ["2024-03-31", "2024-03-31", "2024-04-06"]
    text = (
        "تحديث الوضع. ويغطي الفترة من 1 إلى 15 آذار. يقطن مخيم الهول نحو 40 ألف شخص. "
        "ولم تسجل حتى تاريخه أي إصابة، غير أن الشركاء يجهزون منطقة عزل تتسع لـ 120 سريراً."
    )
    # (by value: "من 1 إلى 15" may be read as a range of its own)
    by_value = {c.value: c.as_of for c in extract(text, published=PUB, lang="ar")}
    assert (by_value[40000], by_value[120]) == ("2024-03-15", "2024-04-06")
    for head in ("This report covers 1 to 15 March.", "Reporting period: 1 - 15 March 2024."):
        claims = extract(head + " Al-Hol camp hosted 40,000 people.", published=PUB, lang="en")
        assert [c.as_of for c in claims if c.value == 40000] == ["2024-03-15"]
    # (stated after the first figure: a report quoted in the news, not the text's own period)
    text = (
        "Al-Hol camp hosts 40,000 people. A UN report covering the period from January to "
        "March found that 300 people left. The camp hosts 12,000 children."
    )
    assert _as_ofs(text, "en")[-1] == "2024-04-06"


def test_a_day_heading_live_entries_dates_them() -> None:
    text = (
        "LIVE: al-Hol updates\n\n6 April 2024\n\n10:05\nThe SDF said 40 people were arrested "
        "in al-Hol.\n\n4 April 2024\n\n22:15\nCamp officials said al-Hol hosts 39,000 "
        "people.\n\n09:30\nThe SDF said 12 families left the camp on Friday.\n"
    )
    assert _as_ofs(text, "en") == ["2024-04-06", "2024-04-04", "2024-03-29"]
    text = (
        "تغطية مستمرة\n\n5 نيسان 2024\n\n18:40\nقالت إدارة مخيم الهول إن 300 شخص غادروا "
        "المخيم أمس.\n\n14:20\nوقالت الإدارة إن 40 عائلة وصلت إلى المخيم.\n"
    )
    assert _as_ofs(text, "ar") == ["2024-04-04", "2024-04-05"]
    text = "LIVE\n\n4 April 2024 | 22:15\nCamp officials said al-Hol hosts 39,000 people.\n"
    assert _as_ofs(text, "en") == ["2024-04-04"]
    # (a date line long before publication is no heading: an archive or photo date)
    text = "Al-Hol report\n\n3 January 2024\n\nThe camp hosts 40,000 people.\n"
    assert _as_ofs(text, "en") == ["2024-04-06"]


def test_a_year_cell_dates_the_figures_of_its_table_row() -> None:
    text = (
        "Al-Hol population by year:\nYear | Residents | Source\n2019 | 73,000 | UN\n"
        "2022 | 56,000 | UN\nCamp administration | 2024 | 40,208\n"
    )
    claims = extract(text, published=PUB, lang="en")
    by_value = {c.value: c.as_of for c in claims}
    assert (by_value[73000], by_value[56000], by_value[40208]) == ("2019", "2022", "2024")


def test_a_period_since_runs_to_the_last_statement_of_its_speaker() -> None:
    text = (
        "وقالت وزارة الهجرة والمهجرين العراقية أمس إن 158 عائلة وصلت من مخيم الهول. "
        "وأضافت أن عدد العائدين منذ 2021 بلغ 14 ألف شخص."
    )
    assert _as_ofs(text, "ar") == ["2024-04-05", "2024-04-05"]
    text = (
        "CENTCOM said on Monday that 300 fighters were captured. "
        "It added that 9,000 people had been repatriated since 2021."
    )
    assert _as_ofs(text, "en") == ["2024-04-01", "2024-04-01"]


def test_a_time_far_after_an_english_speech_verb_is_the_figures_not_the_statements() -> None:
    text = (
        "Darwish said the camp currently houses 39,000 people. A UN official said the number "
        "registered for food distribution in January was closer to 36,500. Iraqis remain the "
        "largest group in al-Hol, at around 16,000."
    )
    assert _as_ofs(text, "en") == ["2024-04-06", "2024-01", "2024-04-06"]


def test_a_period_since_does_not_run_to_an_events_day() -> None:
    text = (
        "وقالت إدارة مخيم الهول إن المخيم ودّع الخميس الماضي 62 عائلة عراقية، وإن عدد "
        "الخارجين منذ كانون الثاني تجاوز 5 آلاف شخص."
    )
    assert _as_ofs(text, "ar") == ["2024-04-04", "2024-04-06"]
