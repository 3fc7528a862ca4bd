"""HTML pages: the article's main text without navigation, scripts or boilerplate, plus
title, outlet, date, URL and language from the page's meta tags.

Parsed with the standard library's tolerant `html.parser` (broken or truncated markup is
fine); nothing is executed or fetched. Hostile markup is defused first so that parsing stays
linear in the input: `html.parser` rescans to the end of the buffer for every `<` that cannot
be closed, and raises AssertionError on some malformed `<![` sections.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_SKIP = {
    "script", "style", "noscript", "template", "svg", "iframe", "canvas", "form", "button",
    "select", "textarea", "nav", "header", "footer", "aside", "menu", "figure", "figcaption",
}  # fmt: skip
_BLOCK = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "blockquote", "pre", "table", "tr", "td", "th", "br", "hr", "dd", "dt", "body",
}  # fmt: skip
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source"}
_BOILER_HINTS = (
    "nav", "menu", "footer", "header", "sidebar", "comment", "share", "related",
    "breadcrumb", "social", "widget", "advert", "cookie", "newsletter", "subscribe",
)  # fmt: skip
_META_KEYS = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "source": ("og:site_name", "application-name", "publisher", "dc.publisher"),
    "published": (
        "article:published_time", "datepublished", "date", "pubdate", "publishdate",
        "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date", "og:published_time",
    ),
    "url": ("og:url",),
}  # fmt: skip
MAX_DEPTH = 400


@dataclass
class Page:
    """What the parser keeps of a page."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)


@dataclass
class _Block:
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    in_main: bool = False


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipping, main)
        self.open: dict[str, int] = {}  # tag -> how many are on the stack
        self.blocks: list[_Block] = []
        self.block = _Block()
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.in_title = False
        self.in_link = 0
        self.has_main = False
        self._no_comment_end = -1  # no `-->` within this many characters of the end

    # state of the innermost open element
    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _main(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    # html.parser hooks made linear and non-raising (see the module docstring)
    def parse_comment(self, i: int, report: int = 1) -> int:
        # `len(rawdata) - i` survives the buffer being trimmed between feed() and close()
        left = len(self.rawdata) - i
        if left <= self._no_comment_end:
            return -1
        end = super().parse_comment(i, report)
        if end < 0:
            self._no_comment_end = max(self._no_comment_end, left)
        return end

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # As browsers do outside SVG/MathML: `<![...` is a bogus comment up to the next `>`.
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
            return
        if tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
            return
        if tag == "html" and a.get("lang"):
            self.meta.setdefault("lang", a["lang"])
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag in _BLOCK:
                self._flush()
            return
        if len(self.stack) >= MAX_DEPTH:
            return
        hint = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}".lower()
        skipping = self._skipping() or tag in _SKIP or any(h in hint for h in _BOILER_HINTS)
        is_main = tag in ("article", "main") or a.get("role") == "main"
        main = self._main() or (is_main and not skipping)
        if is_main and not skipping:
            self.has_main = True
        if tag in _BLOCK:
            self._flush()
        if tag == "a":
            self.in_link += 1
        self.stack.append((tag, skipping, main))
        self.open[tag] = self.open.get(tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "a" and self.in_link:
            self.in_link -= 1
        # pop up to the matching tag; tolerate unclosed and stray end tags
        if self.open.get(tag):
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i][0] == tag:
                    for closed, _, _ in self.stack[i:]:
                        self.open[closed] -= 1
                    del self.stack[i:]
                    break
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self._skipping() or not data.strip():
            if data and not data.strip() and self.block.parts:
                self.block.parts.append(" ")
            return
        self.block.parts.append(data)
        self.block.in_main = self.block.in_main or self._main()
        if self.in_link:
            self.block.link_chars += len(data.strip())

    def _meta(self, a: dict[str, str]) -> None:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        content = a.get("content", "").strip()
        if not key or not content:
            return
        for field_name, keys in _META_KEYS.items():
            if key in keys:
                self.meta.setdefault(field_name, content)

    def _flush(self) -> None:
        if self.block.parts:
            self.blocks.append(self.block)
        self.block = _Block()

    def result(self) -> Page:
        self._flush()
        chosen = [b for b in self.blocks if b.in_main] if self.has_main else self.blocks
        paragraphs = []
        for b in chosen:
            text = " ".join("".join(b.parts).split())
            if not text:
                continue
            if b.link_chars > 0.5 * len(text):  # navigation-like: mostly links
                continue
            paragraphs.append(text)
        meta = dict(self.meta)
        title = " ".join("".join(self.title).split())
        if title:
            meta.setdefault("title", title)
        if "url" not in meta and "canonical" in meta:
            meta["url"] = meta["canonical"]
        meta.pop("canonical", None)
        return Page("\n\n".join(paragraphs), meta)


def parse_html(markup: str) -> Page:
    """Return the main text and metadata of an HTML page."""
    parser = _Parser()
    parser.feed(_defuse(markup))
    parser.close()
    return parser.result()


def _defuse(markup: str) -> str:
    """Return `markup` with every `<` after the last `>` escaped: no tag can close there."""
    last = markup.rfind(">")
    tail = markup[last + 1 :]
    if "<" not in tail:
        return markup
    return markup[: last + 1] + tail.replace("<", "&lt;")
