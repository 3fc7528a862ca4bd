"""query.py and compare.py on a small hand-made database: filters, trend, compare, plans."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

import querydb
from claimtrack import compare, query, store
from claimtrack.errors import NotFoundError, UsageError
from claimtrack.extract.entities import gazetteer_from_data


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return querydb.build(tmp_path_factory.mktemp("q") / "q.db")


@pytest.fixture
def st(db: Path):
    with store.connect(db) as s:
        yield s


def ids(rows) -> list[int]:
    return [r["id"] for r in rows]


# --- option values and figures ---


@pytest.mark.parametrize("text", ["2019", "2019-05", "2019-05-31"])
def test_parse_date_accepts_three_precisions(text: str) -> None:
    assert query.parse_date(text) == text


@pytest.mark.parametrize("text", ["2019-13", "2019-02-30", "19", "yesterday", "2019/05/01", ""])
def test_parse_date_refuses_with_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError, match="not a date"):
        query.parse_date(text, option="--since")


@pytest.mark.parametrize(
    ("as_of", "end"),
    [("2019", date(2019, 12, 31)), ("2020-02", date(2020, 2, 29)),
     ("2019-12", date(2019, 12, 31)), ("2021-03-04", date(2021, 3, 4)), (None, None)],
)  # fmt: skip
def test_period_end(as_of: str | None, end: date | None) -> None:
    assert query.period_end(as_of) == end


@pytest.mark.parametrize(
    ("row", "text"),
    [
        ({"value": 73000, "qualifier": "approx"}, "~73,000"),
        ({"value": 30000, "qualifier": "under", "high": 30000}, "<30,000"),
        ({"value": 22, "qualifier": "over", "low": 22}, ">22"),
        ({"value": 57500, "qualifier": "range", "low": 55000, "high": 60000}, "55,000–60,000"),
        ({"value": 70000.0, "qualifier": "exact"}, "70,000"),
        ({"value": 100e6, "qualifier": "over", "unit": "usd"}, ">$100,000,000"),
        ({"value": 12.5, "qualifier": "exact", "unit": "percent"}, "12.5%"),
    ],
)
def test_display(row: dict, text: str) -> None:
    assert query.display(row) == text


def test_change_text() -> None:
    assert query.change_text(6000, 9.4) == "+6,000 (+9.4%)"
    assert query.change_text(-6000, -8.6) == "-6,000 (-8.6%)"
    assert query.change_text(None, None) == ""


# --- entities ---


def test_entity_rows_from_gazetteer_tables() -> None:
    data = {
        "generic": {"camp": ["المخيم"]},
        "entity": {
            "al-hol": {"kind": "camp", "names": ["الهول", "al-Hol"]},
            "al-hol+roj": {"kind": "camp", "members": ["al-hol", "roj"], "names": ["Hol and Roj"]},
        },
    }
    hol, both = query.entity_rows(gazetteer_from_data(data))
    assert hol == {"slug": "al-hol", "name": "al-Hol", "kind": "camp", "members": None,
                   "aliases": ["al-Hol", "الهول"]}  # fmt: skip
    assert both["members"] == "al-hol+roj"


@pytest.mark.parametrize("name", ["al-hol", "Al Hol", "AL-HOL", "الهول", "مخيم الهول", "al-Hawl"])
def test_resolve_entity_by_slug_alias_or_arabic_name(st, name: str) -> None:
    assert query.resolve_entity(st, name) == "al-hol"


def test_resolve_entity_folds_arabic_spelling(st) -> None:
    assert query.resolve_entity(st, "مُخَيّم الهوْل") == "al-hol"  # harakat, sukun


def test_unknown_entity_names_the_closest(st) -> None:
    with pytest.raises(NotFoundError, match=r"unknown entity 'alhool'; did you mean 'al-hol'"):
        query.resolve_entity(st, "alhool")


def test_resolution_works_before_the_entities_table_is_filled(tmp_path: Path) -> None:
    with store.connect(querydb.build(tmp_path / "n.db", gazetteer=False)) as st:
        assert st.count("entities") == 0
        assert query.resolve_entity(st, "مخيم روج") == "roj"
        assert query.resolve_entity(st, "sdf-detention") == "sdf-detention"


def test_sync_gazetteer_fills_the_tables(st, db: Path) -> None:
    assert st.count("entities") > 3
    with sqlite3.connect(db) as conn:
        (slug,) = conn.execute("SELECT slug FROM entity_aliases WHERE alias = 'الهول'").fetchone()
    assert slug == "al-hol"


def test_stored_entities(st) -> None:
    # The composites of an entity are tested through trend (a member shows them marked).
    assert query.stored_entities(st) == ["al-hol", "al-hol+roj", "sdf-detention"]


# --- claims listing ---


def listed(st, **kw) -> list[int]:
    return ids(query.list_claims(st, query.ClaimFilter(**kw)))


def test_list_claims_filters(st) -> None:
    assert listed(st) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert listed(st, entity="Al Hol") == [1, 2, 4, 5, 7]
    assert listed(st, metric="detainees") == [6]
    assert listed(st, source="asharq") == [2, 3]
    assert listed(st, speaker="ADMIN") == [1]
    assert listed(st, lang="en") == [4, 7, 8]
    assert listed(st, qualifier="range") == [4]
    assert listed(st, min_value=60000, max_value=66000) == [2, 3]
    assert listed(st, published_since="2025", published_until="2025-11-15") == [5, 6]
    assert listed(st, search="officials said") == [4]
    assert listed(st, search="الهول") == [1, 2, 3]
    assert listed(st, limit=2) == [1, 2]


def test_as_of_range_keeps_periods_that_overlap(st) -> None:
    # `2019` ends 2019-12-31, so it is inside "since 2019-06"; 2025-11 overlaps "until 2025-11-13"
    assert listed(st, since="2019-06", until="2019") == [1]
    assert listed(st, since="2020-08") == [4, 5, 6, 7]
    assert listed(st, since="2025-11-14") == [6, 7]
    assert listed(st, until="2020-07") == [1, 2, 3]


@pytest.mark.parametrize(
    "hostile",
    ["'", '"', "%", "_", "--", "'; DROP TABLE claims; --", "x' OR '1'='1", "al-hol' --",
     '" OR 1=1 --', "NEAR(", "*", "OR NOT", "a:b", "\\"],
)  # fmt: skip
def test_hostile_filter_values_are_no_match_and_no_damage(st, db: Path, hostile: str) -> None:
    for field in ("entity", "source", "speaker", "lang"):
        assert listed(st, **{field: hostile}) == [], field
    # full-text search reads words: `al-hol' --` finds al-Hol, but never a syntax error
    assert set(listed(st, search=hostile)) <= {4, 7, 8}
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 8


def test_empty_search_is_a_usage_error(st) -> None:
    with pytest.raises(UsageError):
        listed(st, search="   ")


def test_fts_query_quotes_every_term() -> None:
    assert query.fts_query('a "b" OR(') == '"a" """b""" "OR("'


# --- show, sources, entities, export ---


def test_show_claim_locates_the_span_in_the_sentence(st) -> None:
    row, span = query.show_claim(st, 2)
    assert row["sentence"][span[0] : span[1]] == "نحو 64 ألف"
    assert row["source"] == "Asharq Al-Awsat" and row["display"] == "~64,000"
    with pytest.raises(NotFoundError):
        query.show_claim(st, 999)


def test_show_article_by_reference_or_id(st) -> None:
    article, claims = query.show_article(st, "a-zagros")
    assert article["source"] == "Zagros TV Arabic" and ids(claims) == [5, 6]
    assert query.show_article(st, str(article["id"]))[0]["ref"] == "a-zagros"
    with pytest.raises(NotFoundError):
        query.show_article(st, "nope")


def test_sources_and_entities_count_and_span(st) -> None:
    src = {r["source"]: r for r in query.list_sources(st)}
    assert src["Asharq Al-Awsat"]["claims"] == 2 and src["Asharq Al-Awsat"]["articles"] == 1
    ent = {r["entity"]: r for r in query.list_entities(st)}
    hol = ent["al-hol"]
    assert (hol["claims"], hol["sources"], hol["name"]) == (5, 5, "al-Hol")
    assert (hol["first_as_of"], hol["last_as_of"]) == ("2019", "2025-11-20")
    assert (hol["first_published"], hol["last_published"]) == ("2019-06-01", "2025-11-20")


def test_export_rows_are_every_claim_with_article_metadata(st) -> None:
    rows = list(query.export_rows(st))
    assert ids(rows) == list(range(1, 9))
    assert set(query.EXPORT_FIELDS) == set(rows[0])


# --- trend ---


def test_trend_in_as_of_order_with_changes_and_composites(st) -> None:
    t = query.trend(st, "الهول")
    assert t.slug == "al-hol" and t.undated == 0
    got = [(r["as_of"], r["display"], r["via"], r["change"], r["change_pct"]) for r in t.rows]
    assert got == [
        ("2019", "70,000", None, None, None),
        ("2020-07-29", "~64,000", None, -6000, -8.6),
        ("2020-07-29", "~66,000", "al-hol+roj", None, None),  # first of its own series
        ("2020-08-10", "55,000–60,000", None, -6500, -10.2),
        ("2025-11-13", "<30,000", None, -27500, -47.8),
        ("2025-11-20", "70,000", None, 40000, 133.3),
    ]
    assert list(t.rows[0]) == list(query.TREND_FIELDS)
    assert {r["entity"] for r in t.rows} == {"al-hol"}


def test_trend_of_a_member_shows_the_composite_marked(st) -> None:
    (row,) = query.trend(st, "Roj").rows
    assert (row["entity"], row["via"], row["value"]) == ("roj", "al-hol+roj", 66000)


def test_trend_by_source_has_one_series_per_outlet(st) -> None:
    rows = query.trend(st, "al-hol", by_source=True, since="2020").rows
    assert [r["source"] for r in rows] == [
        "Asharq Al-Awsat", "Asharq Al-Awsat", "Kurd Online", "Reuters", "Zagros TV Arabic",
    ]  # fmt: skip
    assert all(r["change"] is None for r in rows)  # one figure per outlet


def test_trend_metric_and_range(st) -> None:
    assert query.trend(st, "al-hol", metric="detainees").rows == []
    assert ids(query.trend(st, "al-hol", until="2020-07").rows) == [1, 2, 3]


def test_trend_table_marks_composites_and_formats_change(st) -> None:
    table = query.trend_table(query.trend(st, "al-hol").rows)
    assert table[1]["change"] == "-6,000 (-8.6%)"
    assert table[2]["figure"] == "~66,000  [al-hol+roj]"
    assert "metric" not in table[0]


def test_trend_sorts_periods_after_their_days_then_by_outlet_and_publication(tmp_path) -> None:
    # SQLite sorts the trend: its order must be that of as_of_key, outlet, publication date, id.
    from claimtrack.model import Article

    text = "a 1 b 2 c 3 d 4 e 5 f 6"
    as_ofs = [("2020", "X"), ("2020-05", "Y"), ("2020-05-03", None), ("2020-12-31", "X"),
              ("2021", None), ("2020-05", None), (None, "X"), ("2019-12", "Y")]  # fmt: skip
    articles = [
        (Article(f"{text} {i}", f"o{i}", source=source,
                 published=f"2021-01-0{i}" if i % 3 == 0 else None),
         [querydb._claim(text, str(1 + i % 6), 1000 + i, as_of=as_of,
                         entity="al-hol+roj" if i == 4 else "al-hol")])
        for i, (as_of, source) in enumerate(as_ofs)
    ]  # fmt: skip
    with store.connect(tmp_path / "t.db", write=True) as st:
        st.add_articles(articles, extractor_version=1)
        t = query.trend(st, "al-hol")
        assert t.undated == 1
        assert [r["as_of"] for r in t.rows] == [
            "2019-12", "2020-05-03", "2020-05", "2020-05", "2020-12-31", "2020", "2021",
        ]  # fmt: skip
        for by_source in (False, True):
            rows = query.trend(st, "al-hol", by_source=by_source).rows
            expected = sorted(
                rows,
                key=lambda r: (r["metric"], (r["source"] or "") if by_source else "",
                               query.as_of_key(r["as_of"]), r["published"] or "", r["id"]),
            )  # fmt: skip
            assert ids(rows) == ids(expected)


def test_trend_query_uses_the_entity_index(st) -> None:
    for kw in ({"metric": None, "since": None, "until": None},
               {"metric": "camp_population", "since": "2020", "until": "2021"}):  # fmt: skip
        sql, params = query.trend_sql(["al-hol", "al-hol+roj"], **kw)
        plan = " | ".join(r["detail"] for r in st.query("EXPLAIN QUERY PLAN " + sql, params))
        assert "USING COVERING INDEX claims_trend" in plan, plan
        assert "USING INTEGER PRIMARY KEY" in plan, plan  # then each claim's article
        assert "SCAN" not in plan, plan


@pytest.mark.parametrize(
    "kw",
    [{"entity": "al-hol"}, {"entity": "roj"}, {"entity": "al-hol", "limit": 2},
     {"entity": "al-hol", "metric": "camp_population", "since": "2020-08", "until": "2025-11"},
     {"entity": "al-hol", "lang": "en"}, {"entity": "al-hol", "source": "asharq", "limit": 1},
     {"entity": "al-hol", "metric": "detainees"}, {"entity": "al-hol", "metric": ""},
     {"entity": "al-hol", "search": "الهول", "qualifier": "approx"}],
)  # fmt: skip
def test_claims_of_an_entity_are_those_of_the_plain_filter(st, kw: dict) -> None:
    f = query.ClaimFilter(**kw)
    where, params = f.where()
    plain = f"SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE {where}"
    plain += " ORDER BY c.id" + (f" LIMIT {f.limit}" if f.limit is not None else "")
    sql, narrowed = query.claims_sql(f)
    assert ids(st.query(sql, narrowed)) == [r["id"] for r in st.query(plain, params)]


def test_claims_of_an_entity_read_the_index_then_the_rows_in_id_order(st) -> None:
    for kw in (
        {"entity": "al-hol", "limit": 2},
        {"entity": "al-hol", "metric": "camp_population", "since": "2020", "lang": "ar"},
    ):
        sql, params = query.claims_sql(query.ClaimFilter(**kw))
        plan = " | ".join(r["detail"] for r in st.query("EXPLAIN QUERY PLAN " + sql, params))
        assert "USING COVERING INDEX claims_trend" in plan, plan
        assert "SCAN" not in plan and "TEMP B-TREE" not in plan, plan  # no sort before LIMIT


# --- aggregates and compare ---


@pytest.mark.parametrize(
    ("as_of", "every", "period"),
    [("2019", "month", "2019-12"), ("2019", "quarter", "2019-Q4"), ("2020-05-03", "quarter",
     "2020-Q2"), ("2020-05", "month", "2020-05"), ("2020-05-03", "year", "2020")],
)  # fmt: skip
def test_period_of(as_of: str, every: str, period: str) -> None:
    assert compare.period_of(as_of, every) == period


def test_aggregate_per_year(st) -> None:
    rows = compare.aggregate(query.trend(st, "al-hol").rows, "year")
    got = [(r["period"], r["min"], r["median"], r["max"], r["claims"], r["sources"]) for r in rows]
    assert got == [
        ("2019", 70000, 70000, 70000, 1, 1),
        ("2020", 57500, 60750, 64000, 2, 2),  # the composite is left out
        ("2025", 30000, 50000, 70000, 2, 2),
    ]
    with pytest.raises(UsageError):
        compare.aggregate([], "week")


@pytest.mark.parametrize(("text", "days"), [("90d", 90), ("90", 90), ("2w", 14), ("1y", 365)])
def test_parse_window(text: str, days: int) -> None:
    assert compare.parse_window(text) == days


@pytest.mark.parametrize(("text", "share"), [("5%", 0.05), ("0.05", 0.05), ("12.5%", 0.125)])
def test_parse_tolerance(text: str, share: float) -> None:
    assert compare.parse_tolerance(text) == pytest.approx(share)


@pytest.mark.parametrize("bad", ["soon", "-5%", "0d", "150%"])
def test_bad_window_or_tolerance(bad: str) -> None:
    with pytest.raises(UsageError):
        compare.parse_window(bad) if not bad.endswith("%") else compare.parse_tolerance(bad)


def test_compare_finds_disagreements_and_the_stale_peak(st) -> None:
    found = compare.compare(st, "al-hol", metric="camp_population", window_days=90, tolerance=0.05)
    got = [(f["kind"], f["id"], f["other_id"], f["spread"]) for f in found]
    assert got == [
        ("disagreement", 4, 2, 4000),  # 55,000–60,000 vs ~64,000 within 90 days
        ("disagreement", 5, 7, 40000),  # <30,000 vs 70,000 a week apart
        ("stale", 7, 1, 0),  # the 2019 peak of 70,000 reported as current in 2025
    ]
    assert found[2]["ids"] == "1,7"


def test_compare_tolerance_and_window(st) -> None:
    wide = compare.compare(st, "al-hol", metric="camp_population", window_days=90, tolerance=0.1)
    assert [f["id"] for f in wide if f["kind"] == "disagreement"] == [5]
    short = compare.compare(st, "al-hol", metric="camp_population", window_days=5, tolerance=0.05)
    assert [f["kind"] for f in short] == ["stale"]


def test_bounds() -> None:
    assert compare.bounds({"value": 30000, "qualifier": "under", "high": 30000}) == (0, 30000)
    assert compare.bounds({"value": 22, "qualifier": "over", "low": 22})[1] == float("inf")
