"""Properties of the numeral engine: spelled-out integers read back exactly; spans are sound."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimtrack.extract.numerals import find_numerals

AR_UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"]
AR_TENS = ["", "", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
AR_HUNDREDS = ["", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة"]
AR_HUNDREDS += ["تسعمئة"]
# scale: (singular, dual, plural)
AR_SCALES = {
    10**9: ("مليار", "ملياران", "مليارات"),
    10**6: ("مليون", "مليونان", "ملايين"),
    10**3: ("ألف", "ألفان", "آلاف"),
}
EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
]
EN_UNITS += ["fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
EN_SCALES = {10**9: "billion", 10**6: "million", 10**3: "thousand"}


def _ar_below_1000(n: int, variant: bool) -> str:
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds:
        word = AR_HUNDREDS[hundreds]
        if variant:
            word = word.replace("مئة", "مائة").replace("مئتان", "مئتين")
        words.append(word)
    if rest:
        if rest <= 10:
            words.append(AR_UNITS[rest])
        elif rest < 20:
            words.append("أحد عشر" if rest == 11 else "اثنا عشر" if rest == 12 else
                         f"{AR_UNITS[rest - 10]} عشر")  # fmt: skip
        else:
            tens, unit = divmod(rest, 10)
            words.append(f"{AR_UNITS[unit]} و{AR_TENS[tens]}" if unit else AR_TENS[tens])
    return " و".join(words)


def spell_ar(n: int, variant: bool = False) -> str:
    """Write 0 <= n <= 10**12 in Arabic words."""
    if n == 0:
        return "صفر"
    if n == 10**12:
        return "تريليون"
    groups = []
    for scale, (one, two, many) in AR_SCALES.items():
        count, n = divmod(n, scale)
        if count == 1:
            groups.append(one)
        elif count == 2:
            groups.append(two.replace("ان", "ين") if variant else two)
        elif 3 <= count <= 10:
            groups.append(f"{_ar_below_1000(count, variant)} {many}")
        elif count:
            groups.append(f"{_ar_below_1000(count, variant)} {one}{'اً' if variant else ''}")
    if n:
        groups.append(_ar_below_1000(n, variant))
    return " و".join(groups)


def _en_below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{EN_UNITS[hundreds]} hundred"] if hundreds else []
    if rest:
        if words:
            words.append("and")
        if rest < 20:
            words.append(EN_UNITS[rest])
        else:
            tens, unit = divmod(rest, 10)
            words.append(f"{EN_TENS[tens]}-{EN_UNITS[unit]}" if unit else EN_TENS[tens])
    return " ".join(words)


def spell_en(n: int) -> str:
    """Write 0 <= n <= 10**12 in English words."""
    if n == 0:
        return "zero"
    if n == 10**12:
        return "one trillion"
    groups = []
    for scale, name in EN_SCALES.items():
        count, n = divmod(n, scale)
        if count:
            groups.append(f"{_en_below_1000(count)} {name}")
    if n:
        groups.append(_en_below_1000(n))
    return " ".join(groups)


INTS = st.one_of(
    st.integers(0, 1000),
    st.integers(0, 10**6),
    st.integers(0, 10**12),
    st.sampled_from([10**3, 10**6, 10**9, 10**12, 2000, 2 * 10**6, 11000, 100000]),
)


def _read_one(text: str, lang: str) -> float:
    nums = [n for n in find_numerals(text, lang=lang) if n.kind == "count"]
    assert len(nums) == 1, (text, nums)
    return nums[0].value


@settings(max_examples=200, deadline=None)
@given(INTS, st.booleans())
def test_arabic_words_read_back(n: int, variant: bool) -> None:
    assume(n != 1)  # "واحد" alone is a pronoun-like word and is not reported
    phrase = spell_ar(n, variant)
    assert _read_one(f"وبلغ العدد {phrase} بحسب المصدر", "ar") == n, phrase


@settings(max_examples=200, deadline=None)
@given(INTS)
def test_english_words_read_back(n: int) -> None:
    assume(n != 1)  # "one" alone is not reported
    phrase = spell_en(n)
    assert _read_one(f"The total was {phrase} according to officials.", "en") == n, phrase


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**12))
def test_grouped_digits_read_back(n: int) -> None:
    for phrase in (f"{n:,}", f"{n:,}".replace(",", "٬").translate(str.maketrans("0123456789",
                   "٠١٢٣٤٥٦٧٨٩"))):  # fmt: skip
        text = f"بلغ العدد {phrase} شخصاً"
        (num,) = find_numerals(text, lang="ar")
        assert num.value == n
        assert num.text == phrase


def _sound(text: str, lang: str) -> None:
    for num in find_numerals(text, lang=lang):
        assert 0 <= num.start < num.end <= len(text)
        assert text[num.start : num.end] == num.text
        assert math.isfinite(num.value)
        if num.low is not None:
            assert num.low <= num.value
        if num.high is not None:
            assert num.value <= num.high


ATOMS = st.sampled_from(
    ["ألف", "و", "آلاف", "نحو", "أكثر من", "بين", "إلى", "مليون", "ونصف", "عام", "2019", "3",
     "1,5", "٣٠٠", "الاثنين", "حزيران", "%", "دولار", "$", "million", "and", "between", "-",
     "/", ":", "،", " ", "ً", "ـ", "twenty", "two", "الثاني", "عشر", "ثلاث", "مئة", "a", "k"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_is_safe(text: str) -> None:
    _sound(text, "ar")
    _sound(text, "en")


@settings(max_examples=200, deadline=None)
@given(st.lists(ATOMS, max_size=30))
def test_number_soup_is_sound(parts: list[str]) -> None:
    text = " ".join(parts)
    _sound(text, "ar")
    _sound(text, "en")
    _sound("".join(parts), "ar")


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**9), st.text(alphabet="أبتثجحخ ,.", max_size=5))
def test_digits_are_covered_by_a_span(n: int, noise: str) -> None:
    text = f"قال {noise} {n} شخصا"
    start = text.rindex(str(n))
    nums = find_numerals(text, lang="ar")
    assert any(x.start <= start and start + len(str(n)) <= x.end for x in nums)


@pytest.mark.slow
@settings(max_examples=5000, deadline=None)
@given(INTS, st.booleans())
def test_arabic_words_read_back_many(n: int, variant: bool) -> None:
    test_arabic_words_read_back.hypothesis.inner_test(n, variant)
