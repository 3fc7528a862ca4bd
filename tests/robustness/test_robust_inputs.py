"""Hostile and broken inputs: each gives one line naming the file (and line); the rest is read."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import IS_ROOT, assert_one_line_errors, cli

AR = "قال المسؤول إن عدد سكان مخيم الهول بلغ 65 ألف شخص في عام 2020، بينهم 30 ألف طفل.\n"
GOOD = "Officials said 1,200 families left the camp in May.\n"


def texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT text FROM articles ORDER BY id")]


def ingest(folder: Path, db: Path, *more: str):
    return cli("ingest", str(folder), "--db", str(db), *more)


def with_good(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


# --- refused files: one line naming the file, the good file still stored, exit 1 ------------

REFUSED = {
    "binary": ("bin.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 40, "binary file"),
    "nul-late": ("nul.txt", b"plain text 12 " * 1000 + b"\x00\x01\x02" * 10, "binary file"),
    "png-as-html": ("img.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "binary"),
    "invalid-utf8-mid-line": (
        "bad.txt",
        b"first line 12\n" + AR.encode()[:40] + b"\xff\xfe" + AR.encode()[40:],
        "bad.txt:2: not valid UTF-8",
    ),
    "latin1-not-arabic": ("latin.txt", "Café 12 naïve façade".encode("latin-1"), "latin.txt:1:"),
    "empty": ("empty.txt", b"", "empty file"),
    "blank": ("blank.md", b"  \n\n\t\n", "empty file"),
    "front-matter-only": ("fm.md", b"---\ntitle: x\n---\n", "empty file"),
    "empty-html": ("e.html", b"<html><body><nav>menu</nav></body></html>", "no article text"),
    "utf16-bom-odd-bytes": ("u16.txt", b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00", "UTF-16"),
}


@pytest.mark.parametrize(("name", "data", "message"), REFUSED.values(), ids=list(REFUSED))
def test_refused_file(tmp_path: Path, db: Path, name: str, data: bytes, message: str) -> None:
    folder = with_good(tmp_path)
    (folder / name).write_bytes(data)
    run = ingest(folder, db)
    assert run.exit_code == 1
    (error,) = assert_one_line_errors(run.stderr)
    assert f"{folder / name}" in error and message in error
    assert texts(db) == [GOOD]


# --- encodings that are detected and decoded ------------------------------------------------

DECODED = {
    "utf-8-bom": b"\xef\xbb\xbf" + AR.encode(),
    "utf-16-bom": AR.encode("utf-16"),
    "utf-16-be-bom": b"\xfe\xff" + AR.encode("utf-16-be"),
    "utf-16-le-no-bom": AR.encode("utf-16-le"),
    "utf-16-be-no-bom": AR.encode("utf-16-be"),
    "windows-1256": AR.encode("cp1256"),
    "windows-1256-crlf": AR.replace("\n", "\r\n").encode("cp1256"),
}


@pytest.mark.parametrize("data", DECODED.values(), ids=list(DECODED))
def test_arabic_encodings_decoded(tmp_path: Path, db: Path, data: bytes) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ar.txt").write_bytes(data)
    run = ingest(folder, db)
    assert run.exit_code == 0, run.stderr
    (text,) = texts(db)
    assert text.replace("\r\n", "\n") == AR


def test_utf8_with_bad_byte_is_not_taken_for_windows_1256(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ar.txt").write_bytes(AR.encode() + b"\xc7\xe1")  # a stray cp1256 pair at the end
    run = ingest(folder, db)
    assert run.exit_code == 1
    assert "ar.txt:2: not valid UTF-8" in run.stderr
    assert texts(db) == []


# --- big and deep inputs --------------------------------------------------------------------


def _one_line(size: int) -> str:
    # prose in one line: sentences of normal length (one giant sentence is test_robust_fuzz's)
    unit = (
        "وقال مسؤول في المخيم إن الأوضاع الإنسانية صعبة جدا بسبب نقص المياه والغذاء والدواء، "
        "وأضاف أن 1,200 شخص غادروا المخيم. "
    )
    return (unit * (size // len(unit.encode()) + 1))[: size // 2] + "\n"


def _big_line(tmp_path: Path, db: Path, size: int, limit: float) -> None:
    folder = with_good(tmp_path)
    body = _one_line(size)
    (folder / "big.txt").write_text(body, encoding="utf-8")
    t = time.perf_counter()
    run = ingest(folder, db)
    elapsed = time.perf_counter() - t
    assert run.exit_code == 0, run.stderr
    assert sorted(texts(db), key=len) == [GOOD, body]
    assert elapsed < limit, f"{size} bytes in {elapsed:.1f}s"


def test_5mb_single_line(tmp_path: Path, db: Path) -> None:
    _big_line(tmp_path, db, 5_000_000, limit=60)


@pytest.mark.slow
def test_50mb_single_line(tmp_path: Path, db: Path) -> None:
    _big_line(tmp_path, db, 50_000_000, limit=600)


def test_100k_nested_divs(tmp_path: Path, db: Path) -> None:
    folder = with_good(tmp_path)
    page = "<html><body>" + "<div>" * 100_000 + "<p>Deep: 42 families.</p>" + "</div>" * 100_000
    (folder / "deep.html").write_text(page, encoding="utf-8")
    run = ingest(folder, db)
    assert run.exit_code == 0, run.stderr
    assert "Deep: 42 families." in texts(db)


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><article><p>Cut off: 17 people <b>were",
        "<html><body><p>Open comment 17 people<!-- never closed <p>x",
        "<html><body><p>Open tag 17 people <a href='x",
        "<p>Open script 17 people</p><script>var x = 1; <p>not text",
    ],
    ids=["mid-text", "comment", "attribute", "script"],
)
def test_truncated_html(tmp_path: Path, db: Path, page: str) -> None:
    folder = with_good(tmp_path)
    (folder / "cut.html").write_text(page, encoding="utf-8")
    run = ingest(folder, db)
    assert run.exit_code == 0, run.stderr
    (text,) = (t for t in texts(db) if t != GOOD)
    assert "17 people" in text
    assert "var x" not in text


def test_scripts_and_styles_never_stored(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    page = """<!doctype html><html><head><title>T</title>
    <style>.x { color: red } /* STYLE-SECRET 99 */</style>
    <script>var SCRIPT_SECRET = 99; document.write("<p>INJECTED 7</p>");</script>
    <script src="http://127.0.0.1:9/evil.js"></script>
    <noscript>NOSCRIPT-SECRET</noscript><template><p>TEMPLATE-SECRET</p></template>
    </head><body><article><p>Visible: 1,200 families left.</p>
    <script type="application/ld+json">{"LDJSON_SECRET": 1}</script>
    <svg><style>SVG-STYLE-SECRET</style><text>SVG-SECRET</text></svg>
    <p onclick="alert('HANDLER-SECRET')">Also visible 5.</p></article></body></html>"""
    (folder / "page.html").write_text(page, encoding="utf-8")
    run = ingest(folder, db)
    assert run.exit_code == 0, run.stderr
    (text,) = texts(db)
    assert "Visible: 1,200 families left." in text and "Also visible 5." in text
    assert "SECRET" not in text and "INJECTED" not in text and "color" not in text


HOSTILE_HTML = {
    "unclosed-tags": "<p>ok 1</p>" + "<a" * 50_000,
    "unclosed-end-tags": "<p>ok 1</p>" + "</" * 50_000,
    "unclosed-comment-then-tags": "<p>ok 1</p><!--" + "<a" * 50_000,
    "bogus-comments": "<p>ok 1</p>" + "<!x" * 30_000,
    "processing-instructions": "<p>ok 1</p>" + "<?x" * 30_000,
    "marked-sections": "<p>ok 1</p>" + "<![" * 30_000,
    "marked-section-junk": "<p>ok 1</p><![<![ <![if x]> <![CDATA[ y ]]> <![junk]>",
    "unclosed-comments-with-gt": "<p>ok 1</p>" + "<!--a>" * 20_000,
    "stray-end-tags": "<p>ok 1</p>" + "<div>" * 400 + "</span>" * 50_000,
    "charrefs": "<p>ok 1 " + "&#" * 30_000 + "&#x110000; &#0; &#xd800; &bogus;</p>",
}


@pytest.mark.parametrize("page", HOSTILE_HTML.values(), ids=list(HOSTILE_HTML))
def test_hostile_html_is_parsed_quickly(tmp_path: Path, db: Path, page: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.html").write_text(page, encoding="utf-8")
    t = time.perf_counter()
    run = ingest(folder, db)
    assert time.perf_counter() - t < 10
    assert run.exit_code == 0, run.stderr
    assert "ok 1" in texts(db)[0]


# --- JSONL ----------------------------------------------------------------------------------


def test_jsonl_bad_lines_skipped_good_lines_kept(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        json.dumps({"id": "a", "text": "good one: 10 people"}),
        '{"id": "b", "text": "truncated',
        json.dumps({"id": "c", "text": 42}),
        json.dumps({"id": "d"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"id": "e", "text": "   "}),
        '{"id": "f", "text": "bad \xff byte"}'.encode("latin-1").decode("latin-1"),
        json.dumps(
            {
                "id": "g",
                "text": "good two: 20 people",
                "source": {"x": 1},
                "published": "not a date",
                "lang": 5,
                "url": True,
            }
        ),
        json.dumps({"id": "h", "text": None}),
        "null",
        json.dumps({"id": "i", "text": "good three: 30 people", "published": 20210101}),
        "\x00\x00garbage",
    ]
    path = folder / "feed.jsonl"
    path.write_bytes(b"\n".join(ln.encode("latin-1" if "\xff" in ln else "utf-8") for ln in lines))
    run = ingest(folder, db)
    assert run.exit_code == 1
    errors = assert_one_line_errors(run.stderr)
    named = {int(e.split(f"{path}:")[1].split(":")[0]) for e in errors}
    assert {2, 3, 4, 5, 7, 8, 10, 11, 13} <= named
    assert all(str(path) in e for e in errors)
    assert texts(db) == ["good one: 10 people", "good two: 20 people", "good three: 30 people"]


def test_jsonl_on_stdin_with_binary_junk(db: Path) -> None:
    data = b'{"text": "stdin good 5"}\n\xff\xfe\x00junk\n{"text": "stdin good 6"}\n'
    run = cli("ingest", "-", "--db", str(db), stdin=data)
    assert run.exit_code == 1
    (error,) = assert_one_line_errors(run.stderr)
    assert "<stdin>:2:" in error
    assert texts(db) == ["stdin good 5", "stdin good 6"]


def test_binary_on_stdin(db: Path) -> None:
    run = cli("ingest", "-", "--db", str(db), stdin=bytes(range(256)) * 10)
    assert run.exit_code == 1
    (error,) = assert_one_line_errors(run.stderr)
    assert "<stdin>" in error and "binary" in error


# --- folders: symlink loops, unreadable files, odd names ------------------------------------


def test_symlink_loops_and_broken_links(tmp_path: Path, db: Path) -> None:
    folder = with_good(tmp_path)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")  # a loop back to the top
    (folder / "sub" / "self").symlink_to("self")  # a link to itself
    (folder / "sub" / "loop.txt").symlink_to("loop.txt")
    (folder / "sub" / "dangling.txt").symlink_to("missing.txt")
    t = time.perf_counter()
    run = ingest(folder, db)
    assert time.perf_counter() - t < 10
    assert run.exit_code == 1
    errors = assert_one_line_errors(run.stderr)
    assert len(errors) == 2
    assert any("loop.txt" in e for e in errors) and any("dangling.txt" in e for e in errors)
    assert texts(db) == [GOOD]


def test_symlink_loop_given_as_argument(tmp_path: Path, db: Path) -> None:
    link = tmp_path / "loop.txt"
    link.symlink_to(link)
    run = cli("ingest", str(link), "--db", str(db))
    assert run.exit_code == 1
    (error,) = assert_one_line_errors(run.stderr)
    assert str(link) in error


def _unreadable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Make two files unreadable: chmod 000 when that binds, else a simulated EACCES."""
    paths = [folder / "secret.txt", folder / "secret.jsonl"]
    paths[0].write_text("secret 1", encoding="utf-8")
    paths[1].write_text('{"text": "secret 2"}\n', encoding="utf-8")
    if not IS_ROOT:
        for p in paths:
            p.chmod(0)
        return paths
    real_read, real_open = Path.read_bytes, Path.open

    def denied(path: Path) -> None:
        if path.name.startswith("secret"):
            raise PermissionError(13, "Permission denied", str(path))

    def read_bytes(self: Path) -> bytes:
        denied(self)
        return real_read(self)

    def open_(self: Path, *args, **kwargs):
        denied(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "open", open_)
    return paths


def test_unreadable_files(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = with_good(tmp_path)
    paths = _unreadable(folder, monkeypatch)
    run = ingest(folder, db)
    assert run.exit_code == 1
    errors = assert_one_line_errors(run.stderr)
    assert len(errors) == 2
    for p, e in zip(sorted(paths), errors, strict=True):
        assert str(p) in e and "Permission denied" in e
    assert texts(db) == [GOOD]


@pytest.mark.skipif(IS_ROOT, reason="root reads any folder")
def test_unreadable_folder(tmp_path: Path, db: Path) -> None:
    folder = with_good(tmp_path)
    (folder / "locked").mkdir()
    (folder / "locked" / "x.txt").write_text("x 1", encoding="utf-8")
    (folder / "locked").chmod(0)
    try:
        run = ingest(folder, db)
    finally:
        (folder / "locked").chmod(0o755)
    assert run.exit_code == 1
    (error,) = assert_one_line_errors(run.stderr)
    assert "locked" in error
    assert texts(db) == [GOOD]


def test_spaces_and_arabic_in_paths(tmp_path: Path) -> None:
    folder = tmp_path / "مقالات الأخبار" / "with spaces"
    folder.mkdir(parents=True)
    (folder / "تقرير المخيم.txt").write_text(AR, encoding="utf-8")
    (folder / "it's [a] (test) $x.md").write_text(GOOD, encoding="utf-8")
    (folder / "bad file.txt").write_bytes(b"\x00\x01")
    db = tmp_path / "قاعدة بيانات" / "my claims.db"
    db.parent.mkdir()
    run = cli("ingest", str(folder), "--db", str(db))
    assert run.exit_code == 1
    (error,) = assert_one_line_errors(run.stderr)
    assert str(folder / "bad file.txt") in error
    assert sorted(texts(db)) == sorted([AR, GOOD])
    with sqlite3.connect(db) as conn:
        origins = {r[0] for r in conn.execute("SELECT origin FROM articles")}
    assert str(folder / "تقرير المخيم.txt") in origins
    run = cli("claims", "--db", str(db), "-f", "json")
    assert run.exit_code == 0 and json.loads(run.stdout)


def test_glob_with_arabic_name(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "مجلد"
    folder.mkdir()
    (folder / "خبر.txt").write_text(AR, encoding="utf-8")
    run = cli("ingest", str(folder / "*.txt"), "--db", str(db))
    assert run.exit_code == 0, run.stderr
    assert texts(db) == [AR]


def test_debug_shows_traceback_only_for_bugs(tmp_path: Path, db: Path, monkeypatch) -> None:
    folder = with_good(tmp_path)
    (folder / "bin.txt").write_bytes(b"\x00\x01")
    run = ingest(folder, db, "--debug")  # bad input is not a bug: still one line
    assert run.exit_code == 1 and "Traceback" not in run.stderr

    from claimtrack import pipeline

    def boom(article, **_):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(pipeline, "claims_of", boom)
    run = ingest(folder, tmp_path / "other.db")  # a bug on one article: skipped, one line
    assert run.exit_code == 1 and "Traceback" not in run.stderr
    assert "extraction failed (RuntimeError: simulated bug); article skipped" in run.stderr
    assert len(assert_one_line_errors(run.stderr)) == 2  # the binary file and the bug
    with pytest.raises(RuntimeError, match="simulated bug"):
        ingest(folder, tmp_path / "third.db", "--debug")


def test_no_network_when_parsing_html(tmp_path: Path, db: Path, monkeypatch) -> None:
    import socket
    import urllib.request

    calls: list[object] = []

    def forbidden(*args, **kwargs):
        calls.append(args)
        raise AssertionError("network use while parsing HTML")

    monkeypatch.setattr(socket.socket, "connect", forbidden)
    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(socket, "getaddrinfo", forbidden)
    monkeypatch.setattr(urllib.request, "urlopen", forbidden)
    folder = tmp_path / "in"
    folder.mkdir()
    page = """<html><head><link rel="stylesheet" href="http://127.0.0.1:9/a.css">
    <script src="http://127.0.0.1:9/a.js"></script><base href="http://127.0.0.1:9/">
    <meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/"></head>
    <body><img src="http://127.0.0.1:9/a.png"><iframe src="http://127.0.0.1:9/f"></iframe>
    <object data="http://127.0.0.1:9/o"></object><video src="//127.0.0.1:9/v"></video>
    <p>Text 12 <img src=x onerror="fetch('http://127.0.0.1:9/x')"></p></body></html>"""
    (folder / "p.html").write_text(page, encoding="utf-8")
    run = ingest(folder, db)
    assert run.exit_code == 0, run.stderr
    assert calls == []
    assert texts(db) == ["Text 12"]


def test_metadata_csv_broken(tmp_path: Path, db: Path) -> None:
    folder = with_good(tmp_path)
    (folder / "metadata.csv").write_bytes(b'file,source\n"good.txt,\x00\xff\n')
    run = ingest(folder, db)
    assert run.exit_code == 0, run.stderr
    assert texts(db) == [GOOD]


def test_interrupted_exit_130(tmp_path: Path, db: Path, monkeypatch) -> None:
    folder = with_good(tmp_path)
    from claimtrack import pipeline

    def interrupt(article, **_):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "claims_of", interrupt)
    run = ingest(folder, db)
    assert run.exit_code == 130
    assert assert_one_line_errors(run.stderr) == []
    assert "interrupted" in run.stderr


def test_all_bad_inputs_together(tmp_path: Path, db: Path) -> None:
    """Every refused input in one folder: one line each, good file kept, exit 1."""
    folder = with_good(tmp_path)
    for name, data, _ in REFUSED.values():
        (folder / name).write_bytes(data)
    run = ingest(folder, db)
    assert run.exit_code == 1
    errors = assert_one_line_errors(run.stderr)
    assert len(errors) == len(REFUSED)
    assert texts(db) == [GOOD]
    assert os.path.getsize(db) > 0
