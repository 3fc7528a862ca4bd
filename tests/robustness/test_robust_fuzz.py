"""Fuzzing the extraction core: never raises, spans index the text, values sane, linear time.

Arbitrary Unicode, mutated Arabic news text (from the seed articles in corpus/*.txt) and
adversarial megabyte strings. Small runs here; `make test-slow` runs the big ones.
"""

from __future__ import annotations

import math
import multiprocessing
import time
from datetime import date

import pytest
from conftest import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

extract_mod = pytest.importorskip("claimtrack.extract")
extract = extract_mod.extract


def _find_numerals():
    numerals = pytest.importorskip("claimtrack.extract.numerals")
    if not hasattr(numerals, "find_numerals"):
        pytest.skip("find_numerals not written yet")
    return numerals.find_numerals


SEEDS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
SENTENCES = [s for text in SEEDS for s in text.split("\n") if len(s.strip()) > 20] or ["نص"]

FAST = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))

# Pieces a mutation splices in: numerals of every script, scale words, qualifiers, harakat,
# tatweel, bidi marks, separators, currency, percent, and odd Unicode.
PIECES = [
    "0", "1", "9", "12", "1,200", "1.5", "١", "٢٣", "١٬٥٠٠", "٣٫٥", "۴۵", "०", "½", "²", "٪", "%",
    "ألف", "آلاف", "ألفا", "مليون", "ملايين", "مليار", "مئة", "مائة", "نحو", "حوالي", "أكثر من",
    "أقل من", "بين", "و", "ألف و", "دولار", "يورو", "$", "€", "million", "thousand", "about",
    "between", "and", "-", "–", "/", ".", ",", "،", "٬", "٫", " ", "\n", "\t", "\u200f", "\u200e",
    "\u202b", "\u064b", "\u064e", "\u0651", "\u0652", "\u0640", "\ufeff", "\u00a0", "\u2009",
    "\U0001f600", "\ud7ff", "\x00", "عام", "2019", "الهول", "مخيم", "شخص", "عائلة", "%d", "{0}",
    "e10", "1e308", "9" * 40, "٩" * 40, "0." + "0" * 30 + "1",
]  # fmt: skip


@st.composite
def mutated_news(draw: st.DrawFn) -> str:
    """A few seed sentences with random splices, deletions and duplications."""
    n = draw(st.integers(1, 4))
    text = " ".join(draw(st.sampled_from(SENTENCES)) for _ in range(n))
    for _ in range(draw(st.integers(0, 12))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "swap-digits"]))
        if op == "insert":
            piece = draw(st.sampled_from(PIECES) | st.text(min_size=1, max_size=4))
            text = text[:pos] + piece + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 20)) :]
        elif op == "duplicate":
            text = text[:pos] + text[pos : pos + draw(st.integers(1, 30))] * 3 + text[pos:]
        else:
            text = text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    return text


numeric_soup = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_text = st.text(max_size=300) | numeric_soup | mutated_news()
published = st.none() | st.dates(date(1900, 1, 1), date(2100, 12, 31))
langs = st.sampled_from(["ar", "en"])


def check_claims(text: str, claims: list) -> None:
    for c in claims:
        assert 0 <= c.start <= c.end <= len(text), c
        assert text[c.start : c.end] == c.span, c
        assert math.isfinite(c.value), c
        for bound in (c.low, c.high):
            assert bound is None or math.isfinite(bound), c
        if c.low is not None:
            assert c.low <= c.value, c
        if c.high is not None:
            assert c.value <= c.high, c
        assert c.sentence is None or isinstance(c.sentence, str)


def check_numerals(text: str, numerals: list) -> None:
    end = 0
    for n in numerals:
        assert 0 <= n.start <= n.end <= len(text), n
        assert text[n.start : n.end] == n.text, n
        assert n.start >= end, f"overlapping numerals: {n}"
        end = n.end
        assert math.isfinite(n.value), n
        if n.low is not None:
            assert math.isfinite(n.low) and n.low <= n.value, n
        if n.high is not None:
            assert math.isfinite(n.high) and n.value <= n.high, n


@FAST
@given(text=any_text, published=published, lang=langs)
def test_extract_never_raises(text: str, published: date | None, lang: str) -> None:
    check_claims(text, extract(text, published=published, lang=lang))


@FAST
@given(text=any_text, lang=langs)
def test_find_numerals_never_raises(text: str, lang: str) -> None:
    check_numerals(text, _find_numerals()(text, lang=lang))


@pytest.mark.slow
@SLOW
@given(text=any_text, published=published, lang=langs)
def test_extract_never_raises_long(text: str, published: date | None, lang: str) -> None:
    check_claims(text, extract(text, published=published, lang=lang))


@pytest.mark.slow
@SLOW
@given(text=any_text, lang=langs)
def test_find_numerals_never_raises_long(text: str, lang: str) -> None:
    check_numerals(text, _find_numerals()(text, lang=lang))


@pytest.mark.parametrize("seed", range(len(SEEDS)), ids=[f"seed{i}" for i in range(len(SEEDS))])
def test_seed_articles(seed: int) -> None:
    text = SEEDS[seed]
    check_claims(text, extract(text, published=date(2021, 1, 1), lang="ar"))
    check_numerals(text, _find_numerals()(text, lang="ar"))


# --- adversarial inputs: time linear in the input -------------------------------------------

ADVERSARIAL = {
    "waw": "و",
    "waw-spaced": "و ",
    "digits": "1",
    "arabic-digits": "٣",
    "alf-waw": "ألف و",
    "alf-waw-digits": "3 ألف و",
    "million-waw": "مليون و",
    "commas": ",",
    "digit-commas": "1,",
    "digit-dots": "1.",
    "arabic-separators": "١٬",
    "spaces": " ",
    "harakat": "\u064e\u0651",
    "digit-harakat": "5\u064b",
    "tatweel": "ـ",
    "between": "بين 1 و",
    "approx": "نحو ",
    "dashes": "1-",
    "percent": "5%",
    "dates": "12/",
    "mixed": "نحو 1,5 ألف و٢٠ مليون، ",
    "newlines": "1\n",
    # a run-on "sentence" of statements with times and figures (the as-of choice per figure)
    "said-yesterday": "قال أمس إن 5 ",
    "since-year": "منذ 2019 بلغ 5 ",
}


def _extract_both(text: str, lang: str, conn) -> None:
    t = time.perf_counter()
    claims = extract(text, published=date(2020, 1, 1), lang=lang)
    numerals = _find_numerals()(text, lang=lang)
    elapsed = time.perf_counter() - t
    try:
        check_claims(text, claims)
        check_numerals(text, numerals)
    except AssertionError as e:
        conn.send(("bad", str(e)[:500]))
    else:
        conn.send(("ok", elapsed))


def _timed(text: str, lang: str, *, limit: float) -> float:
    """Run extract() and find_numerals() in a child process; fail if it takes over `limit` s."""
    ctx = multiprocessing.get_context("fork")
    ours, theirs = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_extract_both, args=(text, lang, theirs), daemon=True)
    child.start()
    ready = ours.poll(limit)
    if not ready:
        child.kill()
        child.join()
        pytest.fail(f"extraction of {len(text):,} characters took over {limit:.0f}s")
    status, result = ours.recv()
    child.join()
    assert status == "ok", result
    return result


def _adversarial(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# One giant sentence full of figures: the claims layer reads each figure's whole sentence
# (metrics.read -> Lexicon.find over floor..ceil), quadratic in the sentence. Reported; these
# run in `make test-slow` until the layer bounds its window, then drop them from this set.
KNOWN_QUADRATIC: set[str] = set()  # patterns that once took quadratic time; all fixed


@pytest.mark.parametrize(
    "unit",
    [
        pytest.param(
            unit,
            id=name,
            marks=[pytest.mark.xfail(run=False, reason="quadratic claims layer (reported)")]
            if name in KNOWN_QUADRATIC
            else [],
        )
        for name, unit in ADVERSARIAL.items()
    ],
)
def test_adversarial_100k(unit: str) -> None:
    # 100k characters: a linear core takes well under a second; 15 s leaves room for a busy CI.
    _timed(_adversarial(unit, 100_000), "ar", limit=15)


@pytest.mark.slow
@pytest.mark.parametrize("unit", ADVERSARIAL.values(), ids=list(ADVERSARIAL))
def test_adversarial_1mb_linear(unit: str) -> None:
    small = _timed(_adversarial(unit, 100_000), "ar", limit=15)
    big = _timed(_adversarial(unit, 1_000_000), "ar", limit=120)
    assert big < 30 * max(small, 0.05), f"superlinear: {small:.2f}s -> {big:.2f}s for 10x"
