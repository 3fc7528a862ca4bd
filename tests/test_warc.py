"""WARC input: HTML responses through the HTML path; URL and date from the record headers."""

from __future__ import annotations

import json
import sqlite3
import sys
from io import BytesIO
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.errors import InputError
from claimtrack.ingest import read_inputs
from claimtrack.model import Article

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

runner = CliRunner()

DATED = """<html lang="ar"><head><title>الهول</title>
<meta property="article:published_time" content="2024-03-02T10:00:00Z"></head>
<body><article><p>قالت إدارة مخيم الهول إن عدد القاطنين بلغ 43 ألف شخص.</p></article>
</body></html>"""
UNDATED = """<html lang="en"><head><title>Roj</title></head><body><main>
<p>About 2,600 people live in Roj camp, officials said.</p></main></body></html>"""


def warc(path: Path, *, gz: bool = True) -> Path:
    """Write a small WARC: two HTML pages, a 404, an image, and a request record."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def response(uri: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-01-15T08:00:00Z"},
            )  # fmt: skip
            writer.write_record(record)

        response("https://example.org/ar/1", DATED.encode(), "text/html; charset=utf-8")
        response(
            "https://example.org/gone",
            b"<html><p>not here</p></html>",
            "text/html",
            "404 Not Found",
        )
        response("https://example.org/logo.png", b"\x89PNG....", "image/png")
        request = StatusAndHeaders("GET /en/2 HTTP/1.1", [], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/en/2", "request", payload=BytesIO(b""), http_headers=request
            )
        )
        response("https://example.org/en/2", UNDATED.encode(), "text/html")
    return path


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_html_responses_become_articles(tmp_path: Path, name: str) -> None:
    path = warc(tmp_path / name, gz=name.endswith(".gz"))
    items = list(read_inputs([str(path)]))
    assert all(isinstance(i, Article) for i in items), items
    ar, en = items
    assert "43 ألف" in ar.text and "2,600" in en.text
    assert (ar.url, en.url) == ("https://example.org/ar/1", "https://example.org/en/2")
    assert ar.published == "2024-03-02"  # the page's own date
    assert en.published == "2025-01-15"  # none on the page: the crawl's WARC-Date
    assert (ar.lang, en.lang) == ("ar", "en")


def test_ingest_reads_a_warc_into_the_database(tmp_path: Path) -> None:
    path = warc(tmp_path / "crawl.warc.gz")
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--json", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 2
    with sqlite3.connect(db) as conn:
        urls = [u for (u,) in conn.execute("SELECT url FROM articles ORDER BY id")]
    assert urls == ["https://example.org/ar/1", "https://example.org/en/2"]


def test_not_a_warc_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.warc.gz"
    bad.write_bytes(b"this is not a warc file at all\n")
    (problem,) = list(read_inputs([str(bad)]))
    assert isinstance(problem, InputError)
    assert str(problem).startswith(f"{bad}: ")


def test_without_warcio_the_error_says_what_to_install(tmp_path: Path, monkeypatch) -> None:
    path = warc(tmp_path / "crawl.warc.gz")
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    (problem,) = list(read_inputs([str(path)]))
    assert isinstance(problem, InputError)
    assert "pip install 'claimtrack[warc]'" in str(problem)
