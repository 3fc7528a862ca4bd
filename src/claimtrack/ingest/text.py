"""Plain text and Markdown articles, with optional front matter between `---` lines."""

from __future__ import annotations

import re

_FRONT = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?P<value>.*)")  # linear: no `.*?\s*$`
FIELDS = ("id", "source", "published", "url", "title", "lang")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return (front-matter fields, the text after it); no front matter gives ({}, text)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group("body").splitlines():
        f = _FIELD.match(line)
        if f:
            key = f.group("key").lower()
            value = f.group("value").strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]  # a quoted value; an unpaired quote is kept
            if key in FIELDS and value:
                meta[key] = value
    return meta, text[m.end() :]
