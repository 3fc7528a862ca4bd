"""Ingest, first stage: paths, folders, globs and stdin -> Article records or input errors.

Formats: `.txt`/`.md` (optional front matter), `.html`/`.htm`, `.jsonl` (one article a line),
`.warc`/`.warc.gz` (HTML responses; needs the `warc` extra). A folder is read recursively in
name order; a `metadata.csv` beside text files gives their metadata (columns `file`, `id`,
`source`, `published`, `url`, `title`, `lang`). Everything is streamed: one article at a time.
"""

from __future__ import annotations

import csv
import glob
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import BinaryIO

from claimtrack.errors import InputError, UsageError
from claimtrack.ingest.decode import decode, detect_lang
from claimtrack.ingest.headdate import head_date
from claimtrack.ingest.text import split_front_matter
from claimtrack.model import Article

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
SIDECAR = "metadata.csv"
TITLE_MIN_WORDS = 4
JSONL_FIELDS = ("id", "text", "source", "published", "url", "title", "lang")


class InputWarning(InputError):
    """Something in an input was ignored, but the article was still read."""


@dataclass(frozen=True, slots=True)
class Overrides:
    """Metadata given on the command line; it beats anything found in the inputs."""

    source: str | None = None
    published: str | None = None
    url: str | None = None
    lang: str | None = None


def read_inputs(
    paths: Sequence[str], *, overrides: Overrides | None = None, stdin: BinaryIO | None = None
) -> Iterator[Article | InputError]:
    """Yield every article found under `paths`, and an InputError for each thing skipped."""
    overrides = overrides or Overrides()
    for raw in paths:
        if raw == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from _finish(_read_bytes(data, "<stdin>", _sniff(data)), overrides)
            continue
        for path in _expand(raw):
            if isinstance(path, InputError):
                yield path
                continue
            yield from _finish(_read_path(path), overrides)


def _expand(raw: str) -> Iterator[Path | InputError]:
    path = Path(raw)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists():
        yield path
    elif any(ch in raw for ch in "*?["):
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield InputError(f"{raw}: no file matches this pattern")
        for match in matches:
            p = Path(match)
            if p.is_dir():
                yield from _walk(p)
            elif _readable_suffix(p):
                yield p
    elif path.is_symlink():
        yield InputError(f"{raw}: broken symbolic link (skipped)")
    else:
        yield InputError(f"{raw}: no such file or folder")


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """Yield readable files below `folder` in name order; symlinked folders are not followed."""

    def onerror(e: OSError) -> None:
        errors.append(InputError(f"{e.filename}: cannot read folder: {e.strerror} (skipped)"))

    errors: list[InputError] = []
    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from errors
        errors.clear()
        for name in sorted(files):
            p = Path(root, name)
            if name.startswith(".") or name.upper().startswith("README") or name == SIDECAR:
                continue
            if _readable_suffix(p):
                yield p
    yield from errors


def _readable_suffix(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def _read_path(path: Path) -> Iterator[Article | InputError]:
    name = str(path)
    lower = path.name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        yield from _read_jsonl(path)
        return
    if lower.endswith(WARC_SUFFIXES):
        from claimtrack.ingest.warc import read_warc

        yield from read_warc(path)
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield InputError(f"{name}: cannot read: {e.strerror or e} (skipped)")
        return
    kind = "html" if lower.endswith(HTML_SUFFIXES) else "text"
    sidecar = _sidecar(str(path.parent.resolve())).get(path.name, {})
    for item in _read_bytes(data, name, kind):
        if isinstance(item, Article) and sidecar:
            item = _fill(item, sidecar)
        yield item


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:200].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p")):
        return "html"
    return "text"


def _read_bytes(data: bytes, name: str, kind: str) -> Iterator[Article | InputError]:
    if kind == "jsonl":
        yield from _jsonl_lines(iter(data.splitlines(keepends=True)), name)
        return
    try:
        text = decode(data, name=name)
    except InputError as e:
        yield e
        return
    if kind == "html":
        yield from _html_article(text, name)
        return
    meta, body = split_front_matter(text)
    if not body.strip():
        yield InputError(f"{name}: empty file, no text (skipped)")
        return
    if "title" not in meta:
        title = _first_line_title(body)
        if title:
            meta["title"] = title
    yield _article(body, name, meta)


def _first_line_title(text: str) -> str | None:
    """Return the first line of a text article as its title when it reads like a headline."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        too_short = len(line.split()) < TITLE_MIN_WORDS  # a dateline such as "Erbil -"
        if too_short or len(line) > 200 or head_date(line) or line.endswith((".", ":", "،")):
            return None
        return line.lstrip("#").strip() or None
    return None


def _html_article(markup: str, name: str, extra: dict[str, str] | None = None) -> Iterator:
    from claimtrack.ingest.html import parse_html

    page = parse_html(markup)
    if not page.text.strip():
        yield InputError(f"{name}: no article text found in the HTML (skipped)")
        return
    meta = dict(page.meta)
    meta.update({k: v for k, v in (extra or {}).items() if v})
    yield _article(page.text, name, meta)


def _read_jsonl(path: Path) -> Iterator[Article | InputError]:
    yield from _jsonl_articles(json_objects(path), str(path))


def json_objects(path: Path) -> Iterator[tuple[str, dict] | InputError]:
    """Yield ("file:line", object) for each JSON-object line of `path`, streaming, and an
    InputError for each line that is not one (or for a file that cannot be opened)."""
    try:
        fh = path.open("rb")
    except OSError as e:
        yield InputError(f"{path}: cannot read: {e.strerror or e} (skipped)")
        return
    with fh:
        yield from _objects(fh, str(path))


def _objects(lines: Iterator[bytes], name: str) -> Iterator[tuple[str, dict] | InputError]:
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield InputError(f"{where}: not valid UTF-8 (line skipped)")
            continue
        except ValueError:
            yield InputError(f"{where}: not valid JSON (line skipped)")
            continue
        if not isinstance(record, dict):
            yield InputError(f"{where}: expected a JSON object (line skipped)")
            continue
        yield where, record


def _jsonl_lines(lines: Iterator[bytes], name: str) -> Iterator[Article | InputError]:
    yield from _jsonl_articles(_objects(lines, name), name)


def _jsonl_articles(
    items: Iterator[tuple[str, dict] | InputError], name: str
) -> Iterator[Article | InputError]:
    seen = False
    for item in items:
        seen = True
        if isinstance(item, InputError):
            yield item
            continue
        where, record = item
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield InputError(f"{where}: no `text` string (line skipped)")
            continue
        meta: dict[str, str] = {}
        for key in (*JSONL_FIELDS[2:], "id"):
            value = record.get(key)
            if value is None:
                continue
            if isinstance(value, str | int) and not isinstance(value, bool):
                meta[key] = str(value)
            else:
                yield InputWarning(f"{where}: field `{key}` is not a string (ignored)")
        yield _article(text, where, meta)
    if not seen:
        yield InputError(f"{name}: empty file, no articles (skipped)")


def _article(text: str, origin: str, meta: dict[str, str]) -> Article:
    return Article(
        text=text,
        origin=origin,
        ref=meta.get("id"),
        source=meta.get("source"),
        published=meta.get("published"),
        url=meta.get("url"),
        title=meta.get("title"),
        lang=meta.get("lang"),
    )


def _fill(article: Article, meta: dict[str, str]) -> Article:
    """Fill the article's empty fields from `meta`."""
    fields = {"ref": "id", "source": "source", "published": "published", "url": "url",
              "title": "title", "lang": "lang"}  # fmt: skip
    changes = {
        attr: meta[key]
        for attr, key in fields.items()
        if getattr(article, attr) in (None, "") and meta.get(key)
    }
    return replace(article, **changes) if changes else article


def _finish(items: Iterator[Article | InputError], overrides: Overrides) -> Iterator:
    """Apply overrides, normalise dates and languages, and infer a missing date from the head."""
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        article = item
        changes: dict[str, str | None] = {
            k: v
            for k, v in (
                ("source", overrides.source),
                ("published", overrides.published),
                ("url", overrides.url),
                ("lang", overrides.lang),
            )
            if v
        }
        article = replace(article, **changes) if changes else article
        published = article.published
        if published:
            try:
                published = parse_date(published)
            except UsageError:
                yield InputWarning(
                    f"{article.origin}: unreadable date {article.published!r} (ignored)"
                )
                published = None
        if not published:
            published = head_date(article.text)
        lang = (article.lang or "").lower()[:2]
        if lang not in ("ar", "en"):
            lang = detect_lang(article.text)
        yield replace(article, published=published, lang=lang)


def parse_date(value: str) -> str:
    """Return an ISO date (YYYY-MM-DD) for `value`, or raise UsageError."""
    value = value.strip()
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    from dateutil import parser as dateparser

    try:
        return dateparser.parse(value).date().isoformat()
    except (ValueError, OverflowError, TypeError):
        raise UsageError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None


@cache
def _sidecar(folder: str) -> dict[str, dict[str, str]]:
    """Return the rows of `folder/metadata.csv`, keyed by file name."""
    path = Path(folder, SIDECAR)
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return {row["file"]: row for row in csv.DictReader(fh) if row.get("file")}
    except (OSError, UnicodeDecodeError, KeyError, csv.Error):
        return {}
