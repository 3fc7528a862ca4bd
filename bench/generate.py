"""Deterministic synthetic articles for benchmarks: `python -m bench.generate 10000 [news]`.

Built from the sentence shapes of `corpus/*.txt` (camp populations, detainees, funding pledges,
security operations, repatriations), with figures written every way outlets write them
(digits, grouped digits, Arabic-Indic digits, scale words, spelled-out numbers, ranges,
percentages), and sentences without figures. About 3 KB of UTF-8 per article; 70% Arabic,
30% English; one article in a hundred repeats an earlier text (syndication), so dedupe is
exercised. Article `i` depends only on the profile, the seed and `i`, so the 1k set is a
prefix of the 10k set.

Two profiles:
- `dense` (`articles-<n>.jsonl`): three sentences in five hold figures, about 7 claims per KB:
  a stress test, 17 times as dense in claims as the seed articles (0.42 per KB).
- `news` (`news-<n>.jsonl`): one sentence in ten holds figures, about 1.2 claims per KB, near
  the densest seed article (0-1.4 per KB); the other sentences vary, and one in four of them
  holds a number that is not a claim (a date, a year, resolution 2254), as in real reports.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

SEED = 7
TARGET_BYTES = 3000
DATA = Path(__file__).resolve().parent / "data"

OUTLETS = {
    "ar": [
        ("Enab Baladi", "enabbaladi.net"),
        ("Asharq Al-Awsat", "aawsat.com"),
        ("Kurd Online", "kurd-online.com"),
        ("Zagros TV Arabic", "zagrostv.com"),
        ("VDC-NSY", "vdc-nsy.com"),
        ("North Press", "npasyria.com"),
        ("Hawar News", "hawarnews.com"),
    ],
    "en": [
        ("Rudaw", "rudaw.net"),
        ("The New Humanitarian", "thenewhumanitarian.org"),
        ("Reuters", "reuters.com"),
        ("Syria Direct", "syriadirect.org"),
    ],
}

AR_CAMPS = ["مخيم الهول", "مخيم روج", "مخيم الجدعة", "مخيم العريشة", "مخيم المحمودلي"]
AR_ORGS = [
    "قوات سوريا الديمقراطية",
    "الإدارة الذاتية",
    "التحالف الدولي",
    "مفوضية اللاجئين",
    "منظمة أطباء بلا حدود",
    "الأمم المتحدة",
]
AR_PLACES = ["دير الزور", "الحسكة", "الرقة", "القامشلي", "منبج", "الشدادي"]
AR_SPEAKERS = ["مسؤول في إدارة المخيم", "الرئيسة المشتركة للمخيم", "متحدث باسم التحالف"]
AR_MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب"]
AR_ONES = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
AR_TENS = ["", "عشرة", "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين"]

EN_CAMPS = ["al-Hol camp", "Roj camp", "al-Jada'a camp", "Areesha camp"]
EN_ORGS = ["the SDF", "the Autonomous Administration", "the US-led coalition", "UNHCR", "MSF"]
EN_PLACES = ["Deir ez-Zor", "Hasakah", "Raqqa", "Qamishli", "Manbij"]
EN_SPEAKERS = ["a camp official", "the camp's co-chair", "a coalition spokesperson"]

AR_FILLER = [
    "وأكد البيان وقوفه مع الشعب السوري لدعم تسوية سياسية دائمة وفقاً لقرار مجلس الأمن.",
    "ويعاني سكان المخيم من نقص في المياه والرعاية الصحية وسط ظروف إنسانية صعبة.",
    "ودعت الإدارة المجتمع الدولي إلى تحمل التزاماته القانونية والأخلاقية اتجاه مراكز الاحتجاز.",
    "وجاء ذلك خلال اجتماع افتراضي عبر تقنية الفيديو لوزراء خارجية المجموعة المصغرة للتحالف.",
    "ولم يتسن التحقق من هذه الأرقام بشكل مستقل، بحسب ما ذكرته مصادر محلية.",
    "وتشهد المنطقة توتراً أمنياً متصاعداً منذ أشهر مع تكرار الهجمات على الحواجز.",
    "وأشار المصدر إلى أن عمليات التفتيش ما تزال مستمرة في عدة قطاعات من المخيم.",
]
EN_FILLER = [
    "Humanitarian groups have long warned of dire conditions, including shortages of water.",
    "The figures could not be independently verified.",
    "Officials said security sweeps inside the camp were continuing.",
    "The coalition reaffirmed its support for a lasting political settlement in Syria.",
    "Residents described cramped tents and limited access to medical care.",
    "Local sources said tensions had risen after a series of attacks on checkpoints.",
]

#: Sentence parts of the `news` profile's context sentences (no claims, often other numbers).
AR_CONTEXT = [
    "وقال {person} في تصريح صحفي إن الوضع في {place} ما يزال هشاً.",
    "وتعود آخر زيارة لوفد أممي إلى {camp} إلى {month} من عام {year}.",
    "وجدد {org} دعوته إلى تطبيق القرار الأممي رقم 2254 بوصفه أساساً للحل السياسي.",
    "ويقيم {person} في {camp} منذ سنوات، بعد أن نزح من {place} مع عائلته.",
    "وكانت الدفعة الثالثة قد غادرت {camp} قبل أسبوعين، بحسب مصادر محلية في {place}.",
    "ونقل الطفل الذي أصيب في الحادث إلى مشفى في {place} لتلقي العلاج.",
    "ولم يرد {org} على طلب للتعليق حتى ساعة إعداد هذا التقرير.",
    "وشهدت {place} خلال الأسابيع الماضية احتجاجات على تردي الخدمات وارتفاع الأسعار.",
    "ويضم القطاع الخامس من {camp} عائلات من جنسيات مختلفة، وفق ما أفاد به سكان.",
    "وناقش الاجتماع الذي عقد في {place} يوم {day} {month} سبل تحسين الأوضاع الأمنية.",
    "ويحذر عاملون في المجال الإنساني من تراجع التمويل المخصص للمنظمات العاملة في {place}.",
    "وأشار {person} إلى أن لجنة مشتركة ستتابع الملف خلال الأشهر المقبلة.",
]
EN_CONTEXT = [
    "{person} told reporters that the situation in {place} remained fragile.",
    "The last UN mission to {camp} took place in {month} {year}.",
    "{org} renewed its call for a political settlement under UN Security Council Resolution 2254.",
    "{person} has lived in {camp} for years after fleeing {place} with her family.",
    "The third group left {camp} two weeks ago, local sources in {place} said.",
    "A boy hurt in the incident was taken to a hospital in {place} for treatment.",
    "{org} did not respond to a request for comment by the time of publication.",
    "Protests over poor services and rising prices have spread in {place} in recent weeks.",
    "One section of {camp} houses families of several nationalities, residents said.",
    "A meeting in {place} on {month} {day} discussed ways to improve security.",
    "Aid workers warn that funding cuts are hurting organisations working in {place}.",
    "{person} said a joint committee would follow the file in the coming months.",
]
AR_PERSONS = ["مسؤول محلي", "ناشط حقوقي", "أحد سكان المخيم", "عضو في المجلس المدني"]
EN_PERSONS = ["A local official", "A rights activist", "One resident", "A civil council member"]


def _ar_digits(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def _ar_figure(rng: random.Random, n: int) -> str:
    """An Arabic way of writing about n people."""
    thousands, rest = divmod(n, 1000)
    style = rng.randrange(7)
    if style == 0:
        return str(n)
    if style == 1:
        return f"{n:,}"
    if style == 2:
        return _ar_digits(n)
    if style == 3 and thousands:
        tail = f" و{rest} شخص" if rest else ""
        return f"{thousands} ألفاً{tail}"
    if style == 4 and 20 <= thousands < 90 and thousands % 10 == 0:
        return f"{rng.choice(['نحو', 'حوالي', 'قرابة'])} {AR_TENS[thousands // 10]} ألفاً"
    if style == 5 and thousands:
        return f"أكثر من {thousands} ألف"
    if style == 6 and thousands > 2:
        return f"بين {thousands - 2} و{thousands} آلاف"
    return f"{rng.choice(['نحو', 'حوالي'])} {n}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _en_figure(rng: random.Random, n: int) -> str:
    style = rng.randrange(5)
    if style == 0:
        return f"{n:,}"
    if style == 1:
        return f"about {round(n, -3):,}"
    if style == 2:
        return f"more than {n // 1000},000"
    if style == 3:
        return f"{n / 1000:.1f} thousand"
    return f"between {n // 1000 - 1},000 and {n // 1000 + 1},000"


def _ar_sentence(rng: random.Random, day: date) -> str:
    camp, org, place = rng.choice(AR_CAMPS), rng.choice(AR_ORGS), rng.choice(AR_PLACES)
    month = AR_MONTHS[rng.randrange(len(AR_MONTHS))]
    people = rng.randrange(2_000, 70_000)
    shape = rng.randrange(9)
    if shape == 0:
        figure = _ar_figure(rng, people)
        return f"قالت إدارة {camp} إن عدد القاطنين بلغ {figure} حتى {day.day} {month}."
    if shape == 1:
        return (
            f"ودعت {org} المجتمع الدولي إلى تحمل التزاماته اتجاه مراكز الاحتجاز التي تضم "
            f"{rng.randrange(2, 12)} ألف من عناصر داعش، بالإضافة إلى نحو {rng.randrange(40, 70)} "
            f"ألف من أفراد عائلاتهم في مخيمي الهول وروج."
        )
    if shape == 2:
        return (
            f"وأشار {rng.choice(AR_SPEAKERS)} إلى أن الولايات المتحدة تعهدت عام {day.year - 1} "
            f"بتقديم {rng.choice(['مئة', '50', '٢٥', '1.5'])} مليون دولار لبرنامج إرساء الاستقرار."
        )
    if shape == 3:
        return (
            f"أعلنت {org} تنفيذ {rng.randrange(3, 400)} عملية أمنية في ريف {place} خلال شهر "
            f"{month} {day.year}، أسفرت عن اعتقال {rng.randrange(2, 90)} مشتبهاً."
        )
    if shape == 4:
        return (
            f"وأعيدت {rng.randrange(50, 700)} عائلة عراقية تضم {_ar_figure(rng, people // 20)} "
            f"من {camp} إلى مخيم الجدعة في {day.day} من {month}."
        )
    if shape == 5:
        return (
            f"ساعد البرنامج المزارعين في {place} على إنتاج {rng.randrange(5, 90) * 1000:,} طن "
            f"من القمح، بزيادة {rng.randrange(3, 60)}% عن العام السابق."
        )
    if shape == 6:
        return (
            f"وقال {rng.choice(AR_SPEAKERS)} إن الأطفال يشكلون "
            f"{_ar_digits(rng.randrange(40, 70))}٪ "
            f"من سكان {camp}."
        )
    if shape == 7:
        return f"وقتل {AR_ONES[rng.randrange(2, 10)]} أشخاص في هجوم على حاجز قرب {place} أمس."
    return (
        f"وبحسب بيان صادر عن {org}، فإن {_ar_figure(rng, people)} شخص ما زالوا في {camp} "
        f"حتى نهاية عام {day.year}."
    )


def _en_sentence(rng: random.Random, day: date) -> str:
    camp, org, place = rng.choice(EN_CAMPS), rng.choice(EN_ORGS), rng.choice(EN_PLACES)
    people = rng.randrange(2_000, 70_000)
    month = day.strftime("%B")
    shape = rng.randrange(7)
    if shape == 0:
        return f"{_cap(_en_figure(rng, people))} people live in {camp}, {org} said."
    if shape == 1:
        return (
            f"{_cap(org)} holds some {rng.randrange(2, 12)},000 ISIS suspects and about "
            f"{rng.randrange(40, 70)},000 family members in al-Hol and Roj."
        )
    if shape == 2:
        return (
            f"The United States pledged ${rng.randrange(10, 200)} million in {day.year - 1} "
            f"for stabilisation in areas retaken from the group."
        )
    if shape == 3:
        return (
            f"{_cap(org)} said it carried out {rng.randrange(3, 400)} security operations "
            f"around {place} in {month} {day.year}, detaining {rng.randrange(2, 90)} suspects."
        )
    if shape == 4:
        return (
            f"Some {rng.randrange(50, 700)} Iraqi families, or {people // 20:,} people, were "
            f"repatriated from {camp} on {month} {day.day}."
        )
    if shape == 5:
        return f"Children make up {rng.randrange(40, 70)} percent of the population of {camp}."
    return f"Three people were killed in an attack near {place} on {month} {day.day}, {day.year}."


def _context(rng: random.Random, day: date, lang: str) -> str:
    """A `news` profile sentence without a claim, its slots filled at random."""
    ar = lang == "ar"
    template = rng.choice(AR_CONTEXT if ar else EN_CONTEXT)
    return template.format(
        person=rng.choice(AR_PERSONS if ar else EN_PERSONS),
        org=rng.choice(AR_ORGS if ar else [_cap(o) for o in EN_ORGS]),
        place=rng.choice(AR_PLACES if ar else EN_PLACES),
        camp=rng.choice(AR_CAMPS if ar else EN_CAMPS),
        day=day.day,
        month=AR_MONTHS[day.month % len(AR_MONTHS)] if ar else day.strftime("%B"),
        year=day.year - rng.randrange(2),
    )


#: Share of sentence slots that hold figures, by profile.
FIGURE_SHARE = {"dense": 0.6, "news": 0.1}
FILE_PREFIX = {"dense": "articles", "news": "news"}


def article(i: int, *, seed: int = SEED, profile: str = "dense") -> dict[str, str]:
    """Return synthetic article number `i` as a JSONL record (id, source, date, url, lang, text)."""
    rng = random.Random(seed * 1_000_003 + i)
    if i % 100 == 99 and i >= 50:
        record = article(i - 50, seed=seed, profile=profile)
        return record | {"id": f"bench-{i}", "url": record["url"] + "?syndicated"}
    lang = "ar" if rng.random() < 0.7 else "en"
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(7 * 365))
    source, host = rng.choice(OUTLETS[lang])
    sentence, filler = (_ar_sentence, AR_FILLER) if lang == "ar" else (_en_sentence, EN_FILLER)
    title = sentence(rng, day).split("،")[0].split(",")[0].rstrip(".")
    share = FIGURE_SHARE[profile]
    paragraphs, size = [], 0
    while size < TARGET_BYTES:
        para = " ".join(
            sentence(rng, day)
            if rng.random() < share
            else rng.choice(filler)
            if profile == "dense"
            else _context(rng, day, lang)
            for _ in range(rng.randrange(2, 5))
        )
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    return {
        "id": f"bench-{i}",
        "source": source,
        "published": day.isoformat(),
        "url": f"https://{host}/{day.year}/{i}",
        "title": title,
        "lang": lang,
        "text": "\n\n".join(paragraphs),
    }


def articles(n: int, *, seed: int = SEED, profile: str = "dense") -> Iterator[dict[str, str]]:
    """Yield the first `n` synthetic articles of `profile`."""
    for i in range(n):
        yield article(i, seed=seed, profile=profile)


def ensure(n: int, *, seed: int = SEED, profile: str = "dense") -> Path:
    """Return `bench/data/<articles|news>-<n>.jsonl`, writing it first if it is not there."""
    path = DATA / f"{FILE_PREFIX[profile]}-{n}.jsonl"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for record in articles(n, seed=seed, profile=profile):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        tmp.replace(path)
    return path


if __name__ == "__main__":
    args = sys.argv[1:]
    chosen = [a for a in args if a in FIGURE_SHARE] or ["dense"]
    for arg in [a for a in args if a not in FIGURE_SHARE] or ["1000"]:
        for prof in chosen:
            print(ensure(int(arg), profile=prof))
