"""Who states a figure: sentences written for these tests, each with one claim and its speaker.

The last sentence of each text holds the single claim; earlier sentences set up a speaker that
a continuation ("وأضاف", "He added") carries and an unrelated background sentence does not.
"""

from __future__ import annotations

from datetime import date

import pytest

from claimtrack.extract import extract

PUBLISHED = date(2024, 5, 10)
# A body is named as the text names it, with its qualifier; an acronym only as written.
SOHR = "Syrian Observatory for Human Rights"

# (lang, text, expected speaker of the one claim)
CASES: list[tuple[str, str, str | None]] = [
    # A call or an appeal attributes the figures inside it to the caller
    ("ar", "ودعت قسد المجتمع الدولي إلى استعادة نحو 40 ألفاً من رعاياه في مخيم الهول.", "SDF"),
    ("ar", "وطالبت سنتكوم الدول بإعادة أكثر من 9 آلاف من مواطنيها المحتجزين.", "CENTCOM"),
    ("en", "UNHCR urged donors to fund shelter for 12,000 families in al-Hol.", "UNHCR"),
    # English: verb after or before the speaker, "according to", figures of a body
    ("en", "The camp now holds about 40,000 people, the Syrian Democratic Forces said.", "SDF"),
    ("en", "U.S. Central Command said 150 detainees were moved to Iraq.", "CENTCOM"),
    ("en", "Some 2,000 families left the camp last month, according to UNHCR.", "UNHCR"),
    (
        "en",
        "Figures from the camp administration show 9,500 foreigners in the annex.",
        "camp administration",
    ),
    (
        "en",
        "A Save the Children report found that 60 percent of residents are children.",
        "Save the Children",
    ),
    (
        "en",
        "Amnesty International said at least 300 people had died in the prisons.",
        "Amnesty International",
    ),
    ("en", "Doctors Without Borders said its teams treated 1,200 patients in April.", "MSF"),
    ("en", "The Red Cross said it had visited 2,500 detainees this year.", "ICRC"),
    ("en", "The US-led coalition said it carried out 12 strikes in May.", "coalition"),
    ("en", "The Pentagon said some 900 troops remain in Syria.", "Pentagon"),
    ("en", "The Britain-based war monitor said 25 fighters were killed.", SOHR),
    # a body as the text names it: full name, qualifier, acronym only where written
    ("en", "SOHR said 25 fighters were killed.", "SOHR"),
    (
        "en",
        "The World Health Organization says it needs $4.1 million.",
        "World Health Organization",
    ),
    (
        "en",
        "Médecins Sans Frontières said its clinic treated 2,400 patients.",
        "Médecins Sans Frontières",
    ),
    (
        "en",
        "Save the Children Australia said 40 Australian children remain in Roj.",
        "Save the Children Australia",
    ),
    ("en", "The U.S. State Department said 11 citizens were brought home.", "US State Department"),
    ("en", "The State Department said 11 citizens were brought home.", "State Department"),
    (
        "en",
        "Some 785 foreigners escaped from the camp, the Kurdish-led administration said.",
        "Kurdish-led administration",
    ),
    (
        "en",
        "The camp depends on U.S. money for up to 70 percent of its services, according to a UN "
        "official.",
        "UN official",
    ),
    ("en", "The camp held 70,000 people, UN official figures show.", "United Nations"),
    ("en", "Reuters quoted an SDF official as saying 40 people were arrested.", "SDF official"),
    (
        "en",
        "Kyrgyzstan brought home 59 children from the camps, the Kyrgyz Foreign Ministry said.",
        "Kyrgyz Foreign Ministry",
    ),
    (
        "en",
        "The Netherlands repatriated 19 children, a Dutch foreign ministry spokesman said.",
        "Dutch Foreign Ministry",
    ),
    ("en", "France repatriated 15 women from Roj, the foreign ministry said.", None),
    # people: the name as written without titles; a later surname is the full name
    ("en", "Camp co-chair Jihan Hanan said the camp holds 43,000 people.", "Jihan Hanan"),
    (
        "en",
        "Spokesman Farid Haddad told reporters the camp was overcrowded. "
        "About 5,000 of them are foreigners, Haddad said.",
        "Farid Haddad",
    ),
    (
        "en",
        '"We cannot cope," said Ilham Ahmed, adding that 25,000 people would leave.',
        "Ilham Ahmed",
    ),
    ("en", "In a statement, the Asayish said 226 suspects were arrested.", "Asayish"),
    ("en", "It was announced on Sunday that 300 families would leave the camp.", None),
    (
        "en",
        "Abdulkarim Omar, the head of foreign relations, said 300 children had left.",
        "Abdulkarim Omar",
    ),
    ("en", "The Observatory, which relies on a network of sources, said 30 people died.", SOHR),
    ("en", "UNHCR figures show 2,000 families left the camp.", "UNHCR"),
    ("en", "The camp held 70,000 people at its peak, UN figures show.", "United Nations"),
    ("en", "A camp official said 12 families left on Sunday.", "camp official"),
    ("en", "Mazloum Abdi told the BBC the prisons hold 10,000 fighters.", "Mazloum Abdi"),
    # carried by a continuation, not by a sentence the outlet states itself
    (
        "en",
        "Secretary of State Antony Blinken said talks went well. He told delegates that 45 percent "
        "of residents are Iraqi.",
        "Antony Blinken",
    ),
    (
        "en",
        "CENTCOM said the raid was a success. It added that 15 suspects were detained.",
        "CENTCOM",
    ),
    ("en", "UNICEF said it was alarmed. The agency said 7,000 children need care.", "UNICEF"),
    (
        "en",
        "UNICEF said it was alarmed. The camp opened in 1991 and held 15,000 people then.",
        None,
    ),
    ("ar", "قال شيخموس أحمد إن المخيم مكتظ. وأضاف أحمد أن 300 عائلة غادرت.", "Sheikhmous Ahmed"),
    ("ar", "قال شيخموس أحمد إن المخيم مكتظ. وتابع قائلاً إن 300 عائلة غادرت.", "Sheikhmous Ahmed"),
    # a sentence with no speech verb between two of one speaker: theirs when it continues
    # the report (a pronoun, the speaker named; in Arabic any opening but the background)
    (
        "en",
        "The SDF said the raid was over. It detained 42 suspects in the camp. It added that "
        "the sweep would go on.",
        "SDF",
    ),
    (
        "en",
        "U.S. Central Command said the raids went well. In Syria, the command carried out 59 "
        "operations. CENTCOM estimates that the group is weaker.",
        "CENTCOM",
    ),
    (
        "en",
        "UNICEF said it was alarmed. The agency has reached 7,000 children. It added that more "
        "help is needed.",
        "UNICEF",
    ),
    (
        "en",
        "The SDF said the raid was over. The camp opened in 1991 and held 15,000 people. It "
        "added that the sweep would go on.",
        None,
    ),
    (
        "en",
        "The SDF said the raid was over. It detained 42 suspects in the camp. UNICEF said the "
        "children were safe.",
        "SDF",
    ),
    ("en", "The SDF said on Monday the sweep had ended. It detained 42 suspects.", "SDF"),
    ("en", "The SDF said the sweep had ended. It was not clear how 42 suspects fled.", None),
    (
        "en",
        "The SDF said the raid was over. The sweep netted 42 suspects. UNICEF said the "
        "children were safe.",
        None,
    ),
    (
        "ar",
        "وقالت الإدارة إن المخيم مكتظ. ويقيم في القسم الخاص بالأجانب 9544 شخصاً. وأشارت الإدارة "
        "إلى أن الخدمات تراجعت.",
        "camp administration",
    ),
    (
        "ar",
        "وقالت الإدارة إن المخيم مكتظ. وكان المخيم يضم 10 آلاف شخص عام 2018. وأشارت الإدارة إلى "
        "أن الخدمات تراجعت.",
        None,
    ),
    (
        "ar",
        "وقالت الإدارة إن المخيم مكتظ. في المقابل، تقدر منظمات محلية العدد بنحو 9 آلاف. وأشارت "
        "الإدارة إلى أن الخدمات تراجعت.",
        None,
    ),
    (
        "ar",
        "وقالت الإدارة إن المخيم مكتظ.\nويقيم في القسم الخاص بالأجانب 9544 شخصاً. وأشارت الإدارة "
        "إلى أن الخدمات تراجعت.",
        None,
    ),
    # a sentence with no speech verb naming a body that the next sentence gives as speaker
    (
        "ar",
        "أخرجت إدارة مخيم الهول، الأحد، 12 عائلة سورية. ووفق أرقام الإدارة، يضم المخيم أسراً كثيرة.",
        "camp administration",
    ),
    (
        "en",
        "The SDF holds some 10,000 fighters in its prisons. The SDF said the prisons are full.",
        "SDF",
    ),
    (
        "en",
        "Members of the Global Coalition pledged $350 million on Wednesday. A senior State "
        "Department official said talks went well.",
        None,
    ),
    # "according to the ministry / the same source": the body or source named before
    (
        "en",
        "A State Department official said talks went well. Washington has provided more than "
        "$16 billion since 2011, according to the department.",
        "State Department",
    ),
    (
        "en",
        "The SDF said the sweep ended. Some 42 people were detained, according to the same source.",
        "SDF",
    ),
    ("en", "Some 42 people were detained, according to the ministry.", None),
    (
        "ar",
        "أعلنت وزارة الهجرة والمهجرين عودة الدفعة. وعاد 500 شخص وفق الوزارة.",
        "Iraqi Ministry of Migration and Displacement",
    ),
    # a passive verb names no speaker, and the one named before does not carry
    ("en", "The SDF said the raid was over. The bodies of 12 people were found in the camp.", None),
    (
        "en",
        "UNHCR said the camp was full. Iraq has repatriated 2,000 families, Iraqi officials said.",
        "Iraqi government",
    ),
    (
        "en",
        "The SDF said the raid was over. The camp, put at 70,000 people in 2019, is shrinking.",
        None,
    ),
    ("ar", "قالت الإدارة إن المخيم مكتظ. وكان المخيم يضم ما بين 10 و12 ألف شخص عام 2016.", None),
    ("ar", "قالت الإدارة إن المخيم مكتظ. وبين المسؤول أن 300 عائلة غادرت.", "camp administration"),
    ("ar", "أظهرت أرقام مفوضية اللاجئين أن 2000 عائلة غادرت.", "UNHCR"),
    ("ar", "قالت الإدارة إن المخيم مكتظ. وتشير التقديرات إلى أن 2000 عائلة غادرت.", None),
    # a new subject of the verb: not the speaker named before
    ("en", "The State Department said talks went well. Germany announced €10m in new aid.", None),
    ("en", "CENTCOM said the raid was a success. An official said 30 families had left.", None),
    (
        "en",
        "UNHCR said the camp was full. Humanitarian groups have long warned that 20,000 "
        "children are at risk.",
        None,
    ),
    ("en", "UNHCR said the camp was full. Aid groups said 20,000 children are at risk.", None),
    (
        "en",
        "An Iraqi security official said 85 detainees were received.",
        "Iraqi security official",
    ),
    ("en", "The camp holds 40,000 people, according to local sources.", "local sources"),
    (
        "en",
        "About 60,000 people are held in the camps, and Kurdish officials have urged "
        "governments to act.",
        None,
    ),
    ("en", "The camp holds roughly 45,000 people.", None),
    (
        "en",
        "CENTCOM said the raid was a success. Officials at the meeting, the first since 2019, "
        "warned that 10,000 fighters remain in custody.",
        None,
    ),
    # a name after the verb and a comma is not its subject
    (
        "en",
        "An SDF spokesman said the prisons are full. The SDF foiled 14 escape attempts, the "
        "spokesman added, calling on the U.S.-led coalition to fund new prisons.",
        "SDF",
    ),
    # "say" and "warned" are speech verbs too
    ("en", "The Syrian Democratic Forces say they hold some 10,000 fighters.", "SDF"),
    (
        "en",
        "CENTCOM said the raid was a success. The command also warned that 25,000 children "
        "are at risk.",
        "CENTCOM",
    ),
    # Arabic: verb before the speaker, "بحسب/وفق/نقلاً عن", figures of a body
    ("ar", "قالت إدارة مخيم الهول إن المخيم يؤوي نحو 40 ألف شخص.", "camp administration"),
    ("ar", "أعلنت القيادة المركزية الأمريكية نقل 150 معتقلاً إلى العراق.", "CENTCOM"),
    ("ar", "غادرت 200 عائلة المخيم، بحسب مفوضية اللاجئين.", "UNHCR"),
    ("ar", "يضم المخيم 9 آلاف أجنبي وفقاً لإحصائية إدارة المخيم.", "camp administration"),
    ("ar", "قتل 25 عنصراً في الاشتباكات، حسب المرصد السوري لحقوق الإنسان.", SOHR),
    ("ar", "قالت منظمة العفو الدولية إن 300 شخص ماتوا في السجون.", "Amnesty International"),
    ("ar", "ذكرت منظمة أطباء بلا حدود أن فرقها عالجت 1200 مريض.", "MSF"),
    ("ar", "أفادت وزارة الخارجية الأمريكية بأن 11 مواطناً أعيدوا من المخيم.", "US State Department"),
    ("ar", "أوضح التحالف الدولي أنه نفذ 12 غارة خلال الشهر الماضي.", "coalition"),
    (
        "ar",
        "كشف مسؤول في الإدارة الذاتية أن 43 شخصاً قتلوا في المخيم.",
        "Autonomous Administration official",
    ),
    ("ar", "وأشارت الرئيسة المشتركة للمخيم إلى أن 300 عائلة غادرت.", "camp administration"),
    ("ar", "وأوضحت مديرة المخيم أن عدد القاطنين انخفض إلى 2504 أشخاص.", "camp director"),
    (
        "ar",
        "وقال الرئيس المشترك لمكتب العدالة والإصلاح إن نحو 10 آلاف مقاتل ما زالوا في السجون.",
        "Office of Justice and Reform",
    ),
    (
        "ar",
        "وكان تقرير لفريق المراقبة التابع لمجلس الأمن الدولي قد قدّر عدد المقاتلين بأكثر من "
        "عشرة آلاف.",
        "UN Security Council monitoring team",
    ),
    ("ar", "أعلنت وزارة الخارجية القرغيزية إعادة 59 طفلاً من المخيم.", "Kyrgyz Foreign Ministry"),
    ("ar", "وقالت الخارجية الفرنسية إن 15 امرأة أعيدت من روج.", "French Foreign Ministry"),
    (
        "ar",
        "ونقلت وكالة هاوار عن إدارة المخيم قولها إن 40 ألف شخص يقيمون فيه.",
        "camp administration",
    ),
    ("ar", "قالت إدارة مخيم الجدعة إن عدد القاطنين بلغ 6530 شخصاً.", "camp administration"),
    ("ar", "قالت الإدارة إن المخيم مكتظ. وقالت منظمة محلية ناشطة إن 300 عائلة غادرت.", None),
    # an unnamed source said to be from somewhere; not one said to be from nowhere
    ("ar", "وقال مسؤول أمني عراقي إن بغداد تسلمت 85 معتقلاً.", "Iraqi security official"),
    ("ar", "وقتل ثلاثة من عناصر الأسايش في اشتباكات، وفق مصادر محلية.", "local sources"),
    (
        "ar",
        "قالت الإدارة إن المخيم مكتظ. وقتل شخصان، وفق مصادر محلية. وأضافت أن 300 عائلة غادرت.",
        "camp administration",
    ),
    # a name after the word opening the reported speech is said, not the speaker
    (
        "ar",
        "أعلنت القيادة المركزية الأمريكية بدء النقل. وقال مصدر أمني إن بغداد تستعد "
        "لاستقبال 6 آلاف معتقل.",
        None,
    ),
    (
        "ar",
        "قالت مسؤولة في الإدارة إن الوضع صعب. وأضافت أن الإدارة أحصت مقتل 28 شخصاً.",
        "camp official",
    ),
    # carried by a continuation
    (
        "ar",
        "أعلنت إدارة المخيم خروج دفعة جديدة. وأضافت أن الدفعة ضمت 300 عائلة.",
        "camp administration",
    ),
    (
        "ar",
        "نشرت وزارة الهجرة والمهجرين إحصائية جديدة. وبحسب البيان، عاد 500 شخص.",
        "Iraqi Ministry of Migration and Displacement",
    ),
    (
        "ar",
        "أعلنت وزارة الهجرة والمهجرين العراقية عودة الدفعة. وقال مصدر في الوزارة إن 500 "
        "عائلة تنتظر دورها.",
        "Iraqi Ministry of Migration and Displacement",
    ),
    (
        "ar",
        "قال المتحدث باسم الأسايش علي الحسن إن الحملة مستمرة. وتابع أن 226 شخصاً اعتقلوا.",
        "Ali al-Hasan",
    ),
    (
        "ar",
        "أعلن وزير الخارجية الفرنسي جان إيف لودريان تقديم المساعدة. وأوضح الوزير أن المراكز "
        "تقدم ألفي استشارة.",
        "Jean-Yves Le Drian",
    ),
    (
        "ar",
        "قال مسؤول في قسد إن السجون مكتظة. وأوضح المسؤول، الذي طلب عدم ذكر اسمه، أن عدد "
        "الحراس لا يتجاوز 20 عنصراً.",
        "SDF official",
    ),
    ("ar", "أعلنت الإدارة الذاتية خروج دفعة. وقالت ألمانيا إن 10 ملايين يورو خصصت للمخيم.", None),
    ("ar", "قال مصدر في الأسايش إن 40 شخصاً اعتقلوا.", "Asayish"),
    ("ar", "صرح مسؤول في إدارة المخيم بأن 12 عائلة غادرت.", "camp official"),
    ("ar", "وأشار المرصد إلى مقتل 25 عنصراً.", SOHR),
    ("ar", "بحسب أرقام الإدارة الذاتية، غادر 500 شخص المخيم.", "Autonomous Administration"),
    # a statement with no speaker named: the body named nearby, else null
    ("ar", "وفق إحصائية أعلنتها إدارة المخيم، يقطن المخيم 45 ألف شخص.", "camp administration"),
    ("ar", "يقطن المخيم نحو 45 ألف شخص.", None),
    ("ar", "أُعلن الأحد عن خروج 300 عائلة من المخيم.", None),
    ("ar", "أعلنت الإدارة الذاتية خروج دفعة. وكان المخيم افتتح عام 1991 وضم 15 ألف لاجئ.", None),
    ("ar", "نقلاً عن المرصد السوري، قتل 25 عنصراً في الاشتباكات.", SOHR),
    # a name after "told" hears it: the outlet is no speaker
    ("en", "The prison holds some 3,500 detainees, guards told North Press in 2021.", None),
    ("en", "The camp holds 3,500 people, an official told Rudaw English.", None),
    (
        "en",
        "The prison holds some 3,500 detainees, prison officials told Reuters.",
        "prison officials",
    ),
    ("en", "Abdulkarim Omar told Rudaw that 40 people died.", "Abdulkarim Omar"),
    # an official of a body, with a long insertion before the verb
    (
        "en",
        "A UN official, who spoke on condition of anonymity because they were not authorized "
        "to brief the press, said the number was closer to 36,500.",
        "UN official",
    ),
    # an acronym in brackets before the verb: the body as the text names it last
    (
        "en",
        "The national anti-terrorism prosecutor's office (PNAT) estimates that some 60 women "
        "remain.",
        "PNAT",
    ),
    ("en", "The UK-based Syrian Observatory for Human Rights (SOHR) said 123 died.", "SOHR"),
    ("en", "The Syrian Democratic Forces (SDF) say they hold some 9,000 suspects.", "SDF"),
    # "X official" of any known body right before the verb; "claimed" before reported speech
    (
        "en",
        'A Syrian government official claimed that "more than 70,000 people" remain.',
        "Syrian government official",
    ),
    ("en", "The attack claimed 20 lives, the SDF said.", "SDF"),
    # the author of a passive in the clause of "according to"
    (
        "en",
        "According to data provided to Syria Direct by the camp administration, al-Hol housed "
        "40,113 people.",
        "camp administration",
    ),
    (
        "en",
        "Fewer than 26,000 people remained, according to figures shared with the outlet by the "
        "camps office of the Autonomous Administration.",
        "camps office of the Autonomous Administration",
    ),
    # figures made by a known body, with no speech verb; not those an outlet saw
    ("en", "Data compiled by OCHA show 40,000 people live there.", "OCHA"),
    ("en", "Figures seen by Reuters show 40,000 people live there.", None),
    ("en", "The camp run by the SDF holds 40,000 people.", None),
    # a known person between commas after a title and the body
    ("ar", "وقال المتحدث باسم قسد، فرهاد شامي، إن قواته اعتقلت 11 مشتبهاً.", "Farhad Shami"),
    # ... a name not in the data as written (in the script of the text)
    ("ar", "ويقول مدير المركز، فاضل الجبوري، إن الطاقة لا تتجاوز 3 آلاف شخص.", "فاضل الجبوري"),
    # a country's security services
    (
        "ar",
        "وبحسب تقديرات الأجهزة الأمنية الألمانية، لا تزال نحو 70 امرأة ألمانية في المخيمين.",
        "German security services",
    ),
    # a dateline names where the story is filed, not who speaks
    ("ar", "بغداد – قال مصدر إن 40 شخصاً اعتقلوا.", None),
    (
        "ar",
        "بغداد – أعلن مجلس القضاء الأعلى في العراق أن المحاكم استجوبت ٢٬٢٥٠ معتقلاً.",
        "Iraqi Supreme Judicial Council",
    ),
    ("ar", "وقالت بغداد إن 40 شخصاً اعتقلوا.", "Iraqi government"),
    # a body's command named in full
    ("en", "The SDF General Command said 28 of its fighters were killed.", "SDF General Command"),
    (
        "ar",
        "وقالت القيادة العامة لقوات سوريا الديمقراطية إن 28 مقاتلاً قتلوا.",
        "SDF General Command",
    ),
    # people: a transliteration from the data, else the name as written without its titles
    (
        "ar",
        "قالت الرئيسة المشتركة لإدارة مخيم روج حكمية إبراهيم إن المخيم يضم 2400 شخص.",
        "Hekmiye Ibrahim",
    ),
    ("ar", "قال القيادي الكردي سامر يوسف إن السجون تضم 9 آلاف معتقل.", "سامر يوسف"),
]


@pytest.mark.parametrize(
    ("lang", "text", "speaker"), [pytest.param(*c, id=c[1][:40]) for c in CASES]
)
def test_speaker(lang: str, text: str, speaker: str | None) -> None:
    (claim,) = extract(text, published=PUBLISHED, lang=lang)
    assert claim.speaker == speaker


# (lang, text, the speakers of its claims in order): interviews and quotes over sentences
ARTICLES: list[tuple[str, str, list[str | None]]] = [
    # A question-and-answer interview: an answer's figures are the person's its label names
    # (the last name alone too), a question's are the outlet's own.
    (
        "en",
        "Rudaw spoke to Ronahi Hasan about the camp.\n\n"
        "Rudaw: How many people live in al-Hol today?\n\n"
        "Ronahi Hasan: According to our count, 51,342 people.\n\n"
        "Rudaw: Some say 60,000 people live there. Is that right?\n\n"
        "Hasan: No. Since January about 2,300 people have left.\n"
        "Rudaw: And Roj?\n\n"
        "Hasan: Roj is smaller. It holds around 2,600 people.",
        ["Ronahi Hasan", None, "Ronahi Hasan", "Ronahi Hasan"],
    ),
    # ... a figure the answer attributes to another is that one's
    (
        "en",
        "Q: How many people live there?\nRokan Mohammed: UNICEF said 20,000 are children.\n"
        "Q: Is it getting better?\nMohammed: Not really.",
        ["UNICEF"],
    ),
    # ... in Arabic: a known name; a name not in the data as written
    (
        "ar",
        "رووداو: كم يبلغ عدد القاطنين؟\nعبد الكريم عمر: لدينا 48 ألف شخص.\n"
        "رووداو: وما نسبة الأطفال؟\nعبد الكريم عمر: الأطفال 60 بالمئة.",
        ["Abdulkarim Omar", "Abdulkarim Omar"],
    ),
    (
        "ar",
        "رووداو: كم يبلغ عدد القاطنين؟\nسامر يوسف: لدينا 48 ألف شخص.\n"
        "رووداو: وما نسبة الأطفال؟\nسامر يوسف: الأطفال 60 بالمئة.",
        ["سامر يوسف", "سامر يوسف"],
    ),
    # ... labels with no asking one are no interview ("Read also:", "Note:")
    (
        "en",
        "The camp holds 40,000 people.\nRead Also: Camp fire kills 3.\nNote: 12 tents burned.",
        [None, None, None],
    ),
    # "according to" a source of its own is not the speaker named before: a name of two
    # capitalised words or more as written, else none; "according to him" is theirs
    (
        "en",
        "Nisreen Darwish said 39,000 people live in the camp. About 60 percent of them are "
        "children, according to her. In December, 1,950 Iraqis left, according to a monthly "
        "camp report. Only 19 percent of the appeal was funded, according to the North-East "
        "Syria NGO Forum, a coordination body.",
        ["Nisreen Darwish", "Nisreen Darwish", None, "North-East Syria NGO Forum"],
    ),
    (
        "en",
        "The SDF said 9,000 suspects are held. Some 2,000 are foreigners, according to a "
        "list seen by Reuters.",
        ["SDF", None],
    ),
    # A known name before a colon opening a paragraph speaks in it (live updates)
    (
        "ar",
        "18:40\nالمرصد السوري لحقوق الإنسان: ارتفاع عدد القتلى إلى 50 مدنياً. بينهم تسعة "
        "قتلوا اليوم.\n16:15\nنزوح أكثر من 130 ألف شخص.",
        [SOHR, SOHR, None],
    ),
    ("en", "UNHCR: 2,000 families left the camp.\nNote: 12 tents burned.", ["UNHCR", None]),
    # the present tense of a headline; the body named before by its first word
    (
        "ar",
        "الإدارة الذاتية تعلن فرار 785 شخصاً من المخيم. وتقول الإدارة إن المخيم كان يضم "
        "قرابة 13 ألف نازح.",
        ["Autonomous Administration", "Autonomous Administration"],
    ),
    (
        "en",
        "The SDF General Command said 28 fighters were killed.\n\nThe SDF says it recaptured "
        "89 inmates.",
        ["SDF General Command", "SDF"],
    ),
    # "وجاء في البيان": the statement of the speaker named before
    (
        "ar",
        'أعلنت وزارة الهجرة والمهجرين العراقية تسلم 158 عائلة. وجاء في البيان: "يرتفع '
        'إجمالي العائدين إلى 14,950 شخصاً".',
        ["Iraqi Ministry of Migration and Displacement"] * 2,
    ),
    # another party set against the one before by a contrast, or named before "إنها"
    (
        "ar",
        "قال بدران جيا كرد إن أكثر من 7 آلاف طفل في المخيمين.\n\nلكن منظمة حقوق تقدر أن "
        "العدد يتراوح بين 6000 و6500 طفل، وتقول إن الفارق كبير.",
        ["Badran Jia Kurd", None],
    ),
    (
        "en",
        "The SDF said 9,000 suspects are held. But aid groups say 12,000 are held.",
        ["SDF", None],
    ),
    (
        "ar",
        "وقالت وزارة الخارجية الألمانية إنها أعادت 8 نساء. وتقول برلين إنها أعادت 90 شخصاً.",
        ["German Foreign Ministry", None],
    ),
    # a clause describing a place in passing is the outlet's, whoever speaks
    (
        "en",
        "The camp, home to just under 39,000 people, depends on U.S. money for up to 70 "
        "percent of its services, according to a UN official.",
        [None, "UN official"],
    ),
    (
        "en",
        "The administration said escapees had been held in the Ain Issa camp, which houses "
        "roughly 12,000 people. The SDF said 785 escaped.",
        [None, "SDF"],
    ),
    # a clause opening with an indefinite article has a subject of its own
    (
        "en",
        "OCHA put the figure at 39,587. A separate post circulating on social media since the "
        "start of the month says 15,000 Iraqis were returned.",
        ["OCHA", None],
    ),
    # A quote over several sentences is the speaker's named where it closes
    (
        "en",
        '"We used to run 12 mobile clinics in the camp. Today we run four. Next month it will '
        'be two," said Amal Saeed, who coordinates health services.',
        ["Amal Saeed", "Amal Saeed", "Amal Saeed"],
    ),
    # ... a quote after a colon, over several sentences, is the speaker's before it
    (
        "en",
        'Jihan Hanan, the camp director, said: "We have 40,000 people here. 12,000 of them are '
        'children."\nThe SDF said 10,000 detainees are held. Some 2,000 are "foreign" fighters.',
        ["Jihan Hanan", "Jihan Hanan", "SDF", None],
    ),
    ("ar", 'وقال مظلوم عبدي: "لدينا 10 آلاف معتقل. بينهم ألفا أجنبي".', ["Mazloum Abdi"] * 2),
    # ... and a quote opening the next sentence of the paragraph is theirs too
    (
        "en",
        '"They are still behind fences," said Hanna Lindqvist of the group. "At least 62 '
        'children died last year."\n\n"We counted 40 more," an aid worker said.',
        ["Hanna Lindqvist", None],
    ),
    (
        "en",
        '"We used to run 12 clinics. Today we run four," a local official said.',
        ["local official", "local official"],
    ),
    ("en", '"We used to run 12 clinics. Today we run four," an official said.', [None, None]),
]


@pytest.mark.parametrize(
    ("lang", "text", "speakers"), [pytest.param(*c, id=c[1][:40]) for c in ARTICLES]
)
def test_speakers_over_sentences(lang: str, text: str, speakers: list[str | None]) -> None:
    claims = extract(text, published=PUBLISHED, lang=lang)
    assert [c.speaker for c in claims] == speakers
