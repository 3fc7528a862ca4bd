"""WARC files (`.warc`, `.warc.gz`): each HTML response (status 200) is one article.

The page goes through the same HTML path as an `.html` file. The URL is the record's
WARC-Target-URI; the date is the page's own (meta tags, then the head of its text), else the
day of WARC-Date (the crawl). Other records (requests, images, redirects) are passed over.
Needs warcio: `pip install 'claimtrack[warc]'`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from claimtrack.errors import InputError
from claimtrack.model import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path) -> Iterator[Article | InputError]:
    """Yield an Article (or an InputError) for every HTML response in the WARC file `path`."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield InputError(
            f"{path}: reading WARC files needs warcio: pip install 'claimtrack[warc]' (skipped)"
        )
        return
    try:
        fh = path.open("rb")
    except OSError as e:
        yield InputError(f"{path}: cannot read: {e.strerror or e} (skipped)")
        return
    found = 0
    with fh:
        try:
            for record in ArchiveIterator(fh):
                if not _is_html_page(record):
                    continue
                found += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                yield from _page(record.content_stream().read(), f"{path}:{uri}", uri, crawled)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
            yield InputError(f"{path}: not a readable WARC file ({e}) (rest of file skipped)")
            return
    if not found:
        yield InputError(f"{path}: no HTML responses in this WARC file (skipped)")


def _is_html_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return record.http_headers.get_statuscode() == "200" and kind in _HTML_TYPES


def _page(data: bytes, name: str, uri: str, crawled: str | None) -> Iterator[Article | InputError]:
    from claimtrack.ingest import _html_article
    from claimtrack.ingest.decode import decode
    from claimtrack.ingest.headdate import head_date

    try:
        markup = decode(data, name=name)
    except InputError as e:
        yield e
        return
    for item in _html_article(markup, name, {"url": uri}):
        if isinstance(item, Article) and not item.published:
            item = replace(item, published=head_date(item.text) or crawled)
        yield item
