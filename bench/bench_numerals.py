"""Measure `find_numerals` throughput (MB/s of UTF-8 text, one core) over Arabic news text."""

from __future__ import annotations

import time
from pathlib import Path

from claimtrack.extract.numerals import find_numerals

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [Path("/work/shared/corpus"), ROOT / "corpus"]
TARGET_BYTES = 5 * 1024 * 1024


def _text() -> str:
    """Return the seed articles, replicated to at least TARGET_BYTES of UTF-8."""
    parts = [
        p.read_text(encoding="utf-8")
        for d in SOURCES
        if d.is_dir()
        for p in sorted(d.glob("*.txt"))
    ]
    base = "\n\n".join(parts)
    size = len(base.encode("utf-8"))
    return "\n\n".join([base] * (TARGET_BYTES // max(size, 1) + 1))


def run() -> dict:
    """Return {"numerals_mb_s": throughput}; articles are processed one at a time."""
    text = _text()
    articles = text.split("\n\n")
    find_numerals("بلغ العدد 5 آلاف", lang="ar")  # build the lexicon outside the timing
    began = time.perf_counter()
    found = 0
    for article in articles:
        found += len(find_numerals(article, lang="ar"))
    elapsed = time.perf_counter() - began
    mb = len(text.encode("utf-8")) / 1e6
    return {"numerals_mb_s": round(mb / elapsed, 2), "mb": round(mb, 2), "numerals": found}


if __name__ == "__main__":
    result = run()
    print(f"find_numerals: {result['numerals_mb_s']} MB/s over {result['mb']} MB "
          f"({result['numerals']} numerals)")  # fmt: skip
