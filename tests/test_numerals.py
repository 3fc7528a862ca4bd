"""Numeral engine: the example corpora, plus a few behaviours a corpus line cannot show."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path
from typing import Any

import pytest

from claimtrack.extract.numerals import find_numerals
from claimtrack.model import Numeral

CORPUS = Path(__file__).parent / "corpus" / "numerals"
FRAMES = {
    "ar": "وقال التقرير إن العدد بلغ {} بحسب المصدر",
    "en": "The report said the figure was {} according to officials.",
}
NEUTRAL = {"ar": "وذكر البيان {} بحسب المصدر", "en": "The statement mentioned {} at length."}


def _cases(lang: str, table: str) -> list[Any]:
    data = tomllib.loads((CORPUS / f"{lang}.toml").read_text(encoding="utf-8"))
    params = []
    for case in data.get(table, []):
        spans = case.get("spans", case["forms"])
        for form, span in zip(case["forms"], spans, strict=True):
            params.append(pytest.param(form, span, case, id=f"{lang}:{form}"))
    return params


def _overlapping(text: str, phrase: str, nums: list[Numeral]) -> list[Numeral]:
    start = text.index(phrase)
    end = start + len(phrase)
    return [n for n in nums if n.start < end and n.end > start]


def _check(lang: str, phrase: str, span: str, case: dict[str, Any]) -> None:
    text = FRAMES[lang].format(phrase)
    nums = find_numerals(text, lang=lang)
    assert len(nums) == 1, nums
    (num,) = nums
    assert num.value == case["value"]
    assert num.qualifier == case.get("qualifier", "exact")
    assert num.kind == case.get("kind", "count")
    assert num.unit == case.get("unit", "percent" if num.kind == "percent" else None)
    assert (num.low, num.high) == (case.get("low"), case.get("high"))
    assert text[num.start : num.end] == span == num.text


@pytest.mark.parametrize(("phrase", "span", "case"), _cases("ar", "example"))
def test_arabic_numeral(phrase: str, span: str, case: dict[str, Any]) -> None:
    _check("ar", phrase, span, case)


@pytest.mark.parametrize(("phrase", "span", "case"), _cases("en", "example"))
def test_english_numeral(phrase: str, span: str, case: dict[str, Any]) -> None:
    _check("en", phrase, span, case)


def _check_other(lang: str, phrase: str, case: dict[str, Any]) -> None:
    text = case.get("sentence", NEUTRAL[lang]).format(phrase)
    found = _overlapping(text, phrase, find_numerals(text, lang=lang))
    if case["kind"] == "none":
        assert found == []
    else:
        assert found, "nothing found"
        assert {n.kind for n in found} == {case["kind"]}, found


@pytest.mark.parametrize(("phrase", "span", "case"), _cases("ar", "not_a_count"))
def test_arabic_not_a_count(phrase: str, span: str, case: dict[str, Any]) -> None:
    _check_other("ar", phrase, case)


@pytest.mark.parametrize(("phrase", "span", "case"), _cases("en", "not_a_count"))
def test_english_not_a_count(phrase: str, span: str, case: dict[str, Any]) -> None:
    _check_other("en", phrase, case)


def _sentences(lang: str) -> list[Any]:
    data = tomllib.loads((CORPUS / f"{lang}.toml").read_text(encoding="utf-8"))
    return [
        pytest.param(lang, case, id=f"{lang}:{case['text']}") for case in data.get("in_context", [])
    ]


@pytest.mark.parametrize(("lang", "case"), _sentences("ar") + _sentences("en"))
def test_numerals_in_context(lang: str, case: dict[str, Any]) -> None:
    got = [[n.text, n.value, n.kind] for n in find_numerals(case["text"], lang=lang)]
    assert got == case["found"]


def test_several_in_one_sentence_in_order() -> None:
    text = "نقل 53 ألفاً و200 شخص، بينهم نحو 35 مسلحاً، في 2021 خلال 24 يوماً"
    got = [(n.text, n.kind) for n in find_numerals(text, lang="ar")]
    assert got == [
        ("53 ألفاً و200", "count"),
        ("نحو 35", "count"),
        ("2021", "year"),
        ("24 يوماً", "duration"),
    ]


def test_arabic_words_read_in_english_text_and_digits_everywhere() -> None:
    text = "The sign read ثلاثة آلاف and 4,500 people."
    assert [n.value for n in find_numerals(text, lang="en")] == [3000, 4500]


def test_weekday_monday_is_not_two() -> None:
    text = "أعلنت الإدارة، الاثنين، نقل اثنين من المعتقلين"
    assert [(n.text, n.value) for n in find_numerals(text, lang="ar")] == [("اثنين", 2)]


def test_harakat_and_tatweel_do_not_break_spans() -> None:
    text = "بلغ العدد ثلاثـــون ألفًا تقريبًا."
    (num,) = find_numerals(text, lang="ar")
    assert (num.value, num.text) == (30000, "ثلاثـــون ألفًا تقريبًا")


def test_empty_and_numberless_text() -> None:
    assert find_numerals("", lang="ar") == []
    assert find_numerals("لا أرقام هنا", lang="ar") == []


@pytest.mark.parametrize(
    "text",
    ["و" * 100_000, "1," * 50_000, "ألف و" * 20_000, "9" * 100_000, "و ألف " * 20_000],
    ids=["waw", "commas", "alf-waw", "digits", "spaced-alf"],
)
def test_adversarial_input_is_linear(text: str) -> None:
    began = time.perf_counter()
    nums = find_numerals(text, lang="ar")
    assert time.perf_counter() - began < 10
    assert all(text[n.start : n.end] == n.text for n in nums)
