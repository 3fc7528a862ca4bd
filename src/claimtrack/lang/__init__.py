"""Language knowledge as data: `load(lang)` merges every `lang/<lang>/*.toml`, read once."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

LANGS = ("ar", "en")


@cache
def load(lang: str) -> dict[str, Any]:
    """Return the merged tables of `lang/<lang>/*.toml` (files in name order; later keys win)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    merged: dict[str, Any] = {}
    folder = resources.files(__name__).joinpath(lang)
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            merged.update(tomllib.loads(item.read_text(encoding="utf-8")))
    return merged


@cache
def load_file(name: str) -> dict[str, Any]:
    """Return one language-neutral data file, such as `entities.toml`."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)
