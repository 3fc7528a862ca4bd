"""Golden output of the extraction core, for changes that must not change what it finds.

`python -m bench.golden save` writes every claim (all fields) that `extract()` finds in the seed
corpus, the dev set, the test corpora and 1,000 synthetic bench articles to
`bench/out/golden.jsonl`; `python -m bench.golden check` extracts again and lists every
article whose claims differ. A speed change is honest only when `check` reports no difference.
"""

from __future__ import annotations

import csv
import json
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path

from bench import generate
from claimtrack.extract import extract

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "golden.jsonl"
DEV = Path("/work/shared/dev/dev.jsonl")
#: Evaluation sets kept for a final measurement: `check` would show their claims, so they stay out.
HELD_OUT = frozenset({"blind4", "blind5"})


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _jsonl(path: Path, prefix: str) -> Iterator[tuple[str, str, str | None, date | None]]:
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            doc = json.loads(line)
            key = f"{prefix}:{doc.get('id', n)}"
            yield key, doc["text"], doc.get("lang"), _day(doc.get("published"))


def documents() -> Iterator[tuple[str, str, str | None, date | None]]:
    """Yield (key, text, lang, published) of every text the golden output covers."""
    meta = ROOT / "corpus" / "metadata.csv"
    for row in csv.DictReader(meta.open(encoding="utf-8")):
        text = (ROOT / "corpus" / row["file"]).read_text(encoding="utf-8")
        yield f"seed:{row['file']}", text, row.get("lang"), _day(row.get("published"))
    yield from _jsonl(DEV, "dev")
    for path in sorted((ROOT / "tests" / "corpus").glob("*/*.jsonl")):
        if path.stem not in HELD_OUT:
            yield from _jsonl(path, path.stem)
    for path in sorted((ROOT / "tests" / "corpus" / "articles").glob("*.toml")):
        for art in tomllib.loads(path.read_text(encoding="utf-8")).get("article", []):
            yield (
                f"{path.stem}:{art['id']}",
                art["text"],
                art.get("lang"),
                _day(art.get("published")),
            )
    yield from _jsonl(generate.ensure(1000), "bench")


def _row(key: str, text: str, lang: str | None, published: date | None) -> dict:
    claims = extract(text, published=published, lang=lang)
    return {"key": key, "claims": [{k: str(v) for k, v in asdict(c).items()} for c in claims]}


def save() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for doc in documents():
            fh.write(json.dumps(_row(*doc), ensure_ascii=False) + "\n")
    print(f"saved {OUT}")
    return 0


def check() -> int:
    want = {}
    with OUT.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            want[row["key"]] = row["claims"]
    differ = 0
    total = 0
    for doc in documents():
        total += 1
        got = _row(*doc)["claims"]
        if got != want.get(doc[0]):
            differ += 1
            old = want.get(doc[0]) or []
            print(f"DIFF {doc[0]}: {len(old)} -> {len(got)} claims")
            for a, b in zip(old, got, strict=False):
                for k in a:
                    if a[k] != b.get(k):
                        print(f"  {a['span']!r} {k}: {a[k]!r} -> {b.get(k)!r}")
    print(f"{total} documents, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit({"save": save, "check": check}[sys.argv[1]]())
