"""Ingest: every input format, metadata precedence, date at the head, dedupe, bad input."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.ingest import Overrides, read_inputs
from claimtrack.model import Article

ROOT = Path(__file__).resolve().parent.parent
AR_TEXT = "قالت إدارة المخيم إن عدد القاطنين بلغ 53 ألفاً و200 شخص في مخيم الهول.\n"
EN_TEXT = "About 60,000 people are still held in al-Hol and Roj, officials said.\n"

runner = CliRunner()


def articles(*paths: str | Path, **overrides: str) -> list[Article]:
    items = list(read_inputs([str(p) for p in paths], overrides=Overrides(**overrides)))
    assert all(isinstance(i, Article) for i in items), items
    return items  # type: ignore[return-value]


def problems(*paths: str | Path) -> list[str]:
    return [str(i) for i in read_inputs([str(p) for p in paths]) if not isinstance(i, Article)]


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- formats -----------------------------------------------------------------------------------


def test_plain_text_detects_language(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(AR_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN_TEXT, encoding="utf-8")
    a, b = articles(tmp_path / "a.txt", tmp_path / "b.txt")
    assert (a.lang, b.lang) == ("ar", "en")
    assert a.text == AR_TEXT  # stored exactly as given


def test_markdown_front_matter(tmp_path: Path) -> None:
    md = tmp_path / "x.md"
    md.write_text(
        "---\nid: x-1\nsource: North Press\npublished: 2022-09-18\nurl: https://example.org/x\n"
        'title: "Al-Hol update"\nlang: ar\n---\n' + AR_TEXT,
        encoding="utf-8",
    )
    (a,) = articles(md)
    assert (a.ref, a.source, a.published, a.url, a.title, a.lang) == (
        "x-1", "North Press", "2022-09-18", "https://example.org/x", "Al-Hol update", "ar",
    )  # fmt: skip
    assert a.text == AR_TEXT


def test_html_main_text_and_meta(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        """<!doctype html><html lang="en"><head><title>Site | Story</title>
        <meta property="og:title" content="Al-Hol shrinks">
        <meta property="og:site_name" content="Rudaw">
        <meta property="article:published_time" content="2021-10-07T09:30:00+03:00">
        <link rel="canonical" href="https://rudaw.net/x">
        <style>p { color: red }</style><script>var total = 99999;</script></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Al-Hol shrinks</h1><p>About 60,000 people are still held.</p>
        <p>Officials said so.</p></article>
        <footer>Copyright 2021</footer></body></html>""",
        encoding="utf-8",
    )
    (a,) = articles(page)
    assert "60,000" in a.text and "Officials said so." in a.text
    assert "99999" not in a.text and "Home" not in a.text and "Copyright" not in a.text
    assert (a.title, a.source, a.published, a.url, a.lang) == (
        "Al-Hol shrinks", "Rudaw", "2021-10-07", "https://rudaw.net/x", "en",
    )  # fmt: skip


def test_jsonl_records_keep_their_id(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"id": "d1", "text": AR_TEXT, "source": "Hawar", "published": "2025-10-26", "extra": 1},
        {"id": "d2", "text": EN_TEXT, "lang": "en"},
    ]
    feed.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    a, b = articles(feed)
    assert (a.ref, a.source, a.published, a.origin) == ("d1", "Hawar", "2025-10-26", f"{feed}:1")
    assert (b.ref, b.lang) == ("d2", "en")


def test_folder_recursive_with_sidecar_metadata(tmp_path: Path) -> None:
    sub = tmp_path / "2022"
    sub.mkdir()
    (sub / "k.txt").write_text("السبت, أبريل 20, 2024\n\n" + AR_TEXT, encoding="utf-8")
    (sub / "metadata.csv").write_text(
        "file,id,lang,source,published,url\nk.txt,k-1,ar,Kurd Online,2022-08-15,\n",
        encoding="utf-8",
    )
    (sub / "README.md").write_text("not an article", encoding="utf-8")
    (sub / "notes.bin").write_bytes(b"\x00\x01")
    (a,) = articles(tmp_path)
    # metadata given by the user beats the date widget at the head of the text
    assert (a.ref, a.source, a.published) == ("k-1", "Kurd Online", "2022-08-15")


def test_glob_and_stdin(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"{name}: {EN_TEXT}", encoding="utf-8")
    assert len(articles(str(tmp_path / "*.txt"))) == 2
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", "-", "--db", str(db), "--source", "Pipe"], input=EN_TEXT)
    assert result.exit_code == 0, result.stderr
    assert rows(db, "SELECT source, origin FROM articles") == [("Pipe", "<stdin>")]


# --- metadata ----------------------------------------------------------------------------------


def test_flags_override_file_metadata(tmp_path: Path) -> None:
    md = tmp_path / "x.md"
    md.write_text("---\nsource: A\npublished: 2020-01-01\n---\n" + EN_TEXT, encoding="utf-8")
    (a,) = articles(md, source="B", published="2021-02-03", url="https://b", lang="en")
    assert (a.source, a.published, a.url, a.lang) == ("B", "2021-02-03", "https://b", "en")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param("السبت, أبريل 20, 2024", "2024-04-20", id="egyptian-month-widget"),
        pytest.param("4 حزيران 2020", "2020-06-04", id="levantine-month"),
        pytest.param("الخميس 4 من حزيران 2020", "2020-06-04", id="weekday-min"),
        pytest.param("9 آب / أغسطس 2022", "2022-08-09", id="two-systems"),
        pytest.param("12 جويلية 2023", "2023-07-12", id="maghrebi-month"),
        pytest.param("June 5, 2020", "2020-06-05", id="english"),
        pytest.param("Thursday, 5 June 2020", "2020-06-05", id="english-day-first"),
        pytest.param("2021-08-02", "2021-08-02", id="iso"),
    ],
)
def test_date_at_head_when_none_given(tmp_path: Path, head: str, expected: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(f"{head}\n\n{AR_TEXT}", encoding="utf-8")
    (a,) = articles(f)
    assert a.published == expected


def test_no_date_in_body_is_taken_as_publication(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("وكان المخيم يؤوي في 4 حزيران 2019 نحو 70 ألف شخص بحسب الإدارة.\n", "utf-8")
    (a,) = articles(f)
    assert a.published is None


# --- storage through the CLI -------------------------------------------------------------------


def test_seed_corpus_stores_five_articles_once(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    code, out, err = run("ingest", str(ROOT / "corpus"), "--db", str(db), "--json")
    assert code == 0, err
    assert json.loads(out)["added"] == 5
    stored = rows(db, "SELECT source, published FROM articles ORDER BY published")
    assert stored == [
        ("Enab Baladi", "2020-06-05"),
        ("Asharq Al-Awsat", "2020-07-29"),
        ("VDC-NSY", "2021-08-02"),
        ("Kurd Online", "2022-08-15"),
        ("Zagros TV Arabic", "2025-11-13"),
    ]
    claims_before = rows(db, "SELECT count(*) FROM claims")
    code, out, _ = run("ingest", str(ROOT / "corpus"), "--db", str(db), "--json")
    assert code == 0
    assert (json.loads(out)["added"], json.loads(out)["duplicates"]) == (0, 5)
    assert rows(db, "SELECT count(*) FROM claims") == claims_before


def test_same_text_with_other_whitespace_is_a_duplicate(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EN_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  " + EN_TEXT.replace(" ", "   ") + "\n\n", encoding="utf-8")
    db = tmp_path / "d.db"
    code, out, _ = run("ingest", str(tmp_path), "--db", str(db), "--json")
    assert code == 0
    assert json.loads(out)["added"] == 1
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]


def test_claim_offsets_index_the_stored_text(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", str(ROOT / "corpus"), "--db", str(db))
    pairs = rows(db, 'SELECT a.text, c.start, c."end", c.span FROM claims c JOIN articles a '
                     "ON a.id = c.article_id")  # fmt: skip
    assert pairs
    for text, start, end, span in pairs:
        assert text[start:end] == span


def test_reextract_keeps_articles_and_rebuilds_claims(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", str(ROOT / "corpus"), "--db", str(db))
    before = rows(db, "SELECT count(*) FROM claims")
    code, _, err = run("ingest", "--reextract", "--db", str(db))
    assert code == 0, err
    assert rows(db, "SELECT count(*) FROM articles") == [(5,)]
    assert rows(db, "SELECT count(*) FROM claims") == before


def test_claims_json_has_schema_fields(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("ingest", str(ROOT / "corpus"), "--db", str(db))
    code, out, _ = run("claims", "--db", str(db), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data
    for key in ("id", "value", "low", "high", "qualifier", "unit", "metric", "entity", "as_of",
                "speaker", "span", "article_ref", "source", "published", "url", "start", "end",
                "sentence"):  # fmt: skip
        assert key in data[0]


def test_db_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("CLAIMTRACK_DB", str(db))
    f = tmp_path / "a.txt"
    f.write_text(EN_TEXT, encoding="utf-8")
    assert run("ingest", str(f))[0] == 0
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]


# --- bad input ---------------------------------------------------------------------------------


def test_bad_inputs_are_named_and_the_rest_is_stored(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(EN_TEXT, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x00\x00\x01\x02" * 50)
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 au lait 12 cups".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "broken.html").write_text("<html><body><div><p>Only 12 tents<div", "utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "ok", "text": AR_TEXT}, ensure_ascii=False)
        + "\n{not json\n"
        + json.dumps({"id": "no-text"})
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "b.db"
    code, _, err = run("ingest", str(tmp_path), str(tmp_path / "missing.txt"), "--db", str(db))
    assert code == 1
    lines = [ln for ln in err.splitlines() if ln.startswith("claimtrack: error:")]
    assert any("binary.txt" in ln and "binary" in ln for ln in lines)
    assert any("latin1.txt" in ln and "UTF-8" in ln for ln in lines)
    assert any("empty.txt" in ln and "empty" in ln for ln in lines)
    assert any("feed.jsonl:2" in ln and "JSON" in ln for ln in lines)
    assert any("feed.jsonl:3" in ln and "text" in ln for ln in lines)
    assert any("missing.txt" in ln for ln in lines)
    assert "Traceback" not in err
    # good.txt, broken.html (tolerant parser) and the good JSONL line are stored
    assert rows(db, "SELECT count(*) FROM articles") == [(3,)]


def test_unknown_option_is_a_usage_error() -> None:
    assert run("ingest", "--no-such-option")[0] == 2


def test_bad_flag_values_are_usage_errors(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(EN_TEXT, encoding="utf-8")
    assert run("ingest", str(f), "--published", "someday", "--db", str(tmp_path / "x.db"))[0] == 2
    assert run("ingest", str(f), "--lang", "fr", "--db", str(tmp_path / "x.db"))[0] == 2


def test_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(b"these are my notes, not a database\n")
    f = tmp_path / "a.txt"
    f.write_text(EN_TEXT, encoding="utf-8")
    code, _, err = run("ingest", str(f), "--db", str(db))
    assert code == 1
    assert "not an SQLite database" in err
    assert db.read_bytes() == b"these are my notes, not a database\n"


def test_user_gazetteer_names_a_new_camp(tmp_path: Path) -> None:
    gaz = tmp_path / "places.toml"
    gaz.write_text(
        '[entity.areesha]\nkind = "camp"\nnames = ["مخيم العريشة", "Areesha camp"]\n',
        encoding="utf-8",
    )
    f = tmp_path / "a.txt"
    f.write_text("قالت إدارة مخيم العريشة إن المخيم يؤوي حالياً نحو 14 ألف نازح.\n", "utf-8")
    db = tmp_path / "g.db"
    args = ("ingest", str(f), "--db", str(db), "--published", "2024-01-01", "--jobs", "1")
    assert run(*args, "--gazetteer", str(gaz))[0] == 0
    assert rows(db, "SELECT entity, value, metric FROM claims") == [
        ("areesha", 14000, "camp_population")
    ]
    code, _, err = run(*args, "--gazetteer", str(tmp_path / "missing.toml"))
    assert code == 1 and "missing.toml" in err


def test_warnings_are_not_errors(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_text(json.dumps({"text": EN_TEXT, "source": ["not", "a", "string"]}) + "\n", "utf-8")
    code, _, err = run("ingest", str(feed), "--db", str(tmp_path / "w.db"))
    assert code == 0
    assert "claimtrack: warning:" in err and "source" in err
