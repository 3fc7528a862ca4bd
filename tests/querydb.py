"""A small hand-made claims database for the query tests (no extraction involved)."""

from __future__ import annotations

from pathlib import Path

from claimtrack import store
from claimtrack.model import Article, Claim, Metric, Qualifier


def _claim(
    text: str,
    span: str,
    value: float,
    *,
    qualifier: str = "exact",
    metric: str = "camp_population",
    entity: str | None = "al-hol",
    as_of: str | None,
    low: float | None = None,
    high: float | None = None,
    speaker: str | None = None,
    unit: str = "person",
) -> Claim:
    start = text.index(span)
    return Claim(
        value=value, qualifier=Qualifier(qualifier), unit=unit, metric=Metric(metric), span=span,
        start=start, end=start + len(span), sentence=text, low=low, high=high, entity=entity,
        as_of=as_of, speaker=speaker,
    )  # fmt: skip


T1 = "قالت إدارة المخيم إن مخيم الهول ضم 70 ألف شخص في ذروته عام 2019."
T2 = "يقطن مخيم الهول حالياً نحو 64 ألف شخص، ويضم مخيما الهول وروج نحو 66 ألفاً."
T3 = "Between 55,000 and 60,000 people live in al-Hol [camp], officials said."
T4 = "يقطن المخيم حاليا أقل من 30 ألفًا، وتحتجز قسد أكثر من 10 آلاف في السجون."
T5 = "Al-Hol now holds 70,000 people, the report said."

ARTICLES = [
    (Article(T1, "t1", ref="a-enab", source="Enab Baladi", published="2019-06-01", lang="ar"),
     [_claim(T1, "70 ألف", 70000, as_of="2019", speaker="camp administration")]),
    (Article(T2, "t2", ref="a-asharq", source="Asharq Al-Awsat", published="2020-07-29",
             lang="ar", title="الهول"),
     [_claim(T2, "نحو 64 ألف", 64000, qualifier="approx", as_of="2020-07-29"),
      _claim(T2, "نحو 66 ألفاً", 66000, qualifier="approx", entity="al-hol+roj",
             as_of="2020-07-29")]),
    (Article(T3, "t3", ref="a-kurd", source="Kurd Online", published="2020-08-10", lang="en",
             url="https://example.org/x"),
     [_claim(T3, "Between 55,000 and 60,000", 57500, qualifier="range", low=55000, high=60000,
             as_of="2020-08-10", speaker="officials")]),
    (Article(T4, "t4", ref="a-zagros", source="Zagros TV Arabic", published="2025-11-13",
             lang="ar"),
     [_claim(T4, "أقل من 30 ألفًا", 30000, qualifier="under", high=30000, as_of="2025-11-13"),
      _claim(T4, "أكثر من 10 آلاف", 10000, qualifier="over", low=10000, metric="detainees",
             entity="sdf-detention", as_of="2025-11")]),
    (Article(T5, "t5", ref="a-reuters", source="Reuters", published="2025-11-20", lang="en"),
     [_claim(T5, "70,000", 70000, as_of="2025-11-20"),
      _claim(T5, "70,000", 70000, entity=None, metric="other", as_of=None)]),
]  # fmt: skip


def build(path: Path, *, gazetteer: bool = True) -> Path:
    """Write the sample database to `path` and return it."""
    from claimtrack import query

    with store.connect(path, write=True) as st:
        st.add_articles(ARTICLES, extractor_version=1)
        if gazetteer:
            query.sync_gazetteer(st)
    return path
