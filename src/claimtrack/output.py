"""Output: `render(rows, fmt)` writes rows as a table, JSON, JSON lines, CSV or TSV.

stdout carries data only. JSON keeps numbers as numbers and Arabic as UTF-8. The table is for
a terminal; when stdout is not one, the default is TSV with a header.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMATS = ("table", "json", "jsonl", "csv", "tsv")


def default_format(stream: TextIO | None = None) -> str:
    """Return "table" on a terminal, else "tsv"."""
    stream = stream or sys.stdout
    return "table" if stream.isatty() else "tsv"


def jsonable(value: Any) -> Any:
    """Return `value` ready for JSON: integral floats as ints, NaN as null."""
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
    return value


def dumps(row: dict[str, Any]) -> str:
    """Return one row as compact JSON with Arabic kept as UTF-8."""
    return json.dumps({k: jsonable(v) for k, v in row.items()}, ensure_ascii=False)


def cell(value: Any) -> str:
    """Return a value as text for CSV, TSV and tables."""
    if value is None:
        return ""
    value = jsonable(value)
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else repr(value)
    return str(value)


def render(
    rows: Iterable[dict[str, Any]],
    fmt: str | None = None,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    out: TextIO | None = None,
) -> int:
    """Write `rows` to `out` (stdout) in `fmt`; return how many rows were written."""
    out = out or sys.stdout
    fmt = fmt or default_format(out)
    if fmt == "json":
        return _json(rows, out)
    if fmt == "jsonl":
        n = 0
        for row in rows:
            out.write(dumps(row) + "\n")
            n += 1
        return n
    if fmt in ("csv", "tsv"):
        return _delimited(rows, out, columns, "," if fmt == "csv" else "\t")
    if fmt == "table":
        return _table(list(rows), out, columns, title)
    raise ValueError(f"unknown format {fmt!r}")


def _json(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    out.write("[")
    for row in rows:
        out.write(("\n  " if n == 0 else ",\n  ") + dumps(row))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def _delimited(rows: Iterable[dict[str, Any]], out: TextIO, columns, sep: str) -> int:
    it = iter(rows)
    first = next(it, None)
    names = list(columns or (first.keys() if first else ()))
    if sep == ",":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        write = writer.writerow
    else:

        def write(values: list[str]) -> None:
            out.write("\t".join(_tsv(v) for v in values) + "\n")

        write(names)
    n = 0
    if first is None:
        return 0
    for row in _chain(first, it):
        write([cell(row.get(name)) for name in names])
        n += 1
    return n


def _chain(first: dict[str, Any], rest: Iterable[dict[str, Any]]):
    yield first
    yield from rest


def _tsv(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "")


def _table(rows: list[dict[str, Any]], out: TextIO, columns, title: str | None) -> int:
    from rich.console import Console
    from rich.table import Table

    names = list(columns or (rows[0].keys() if rows else ()))
    table = Table(title=title, show_lines=False, header_style="bold", expand=False)
    for name in names:
        numeric = bool(rows) and all(
            isinstance(r.get(name), int | float) or r.get(name) is None for r in rows
        )
        table.add_column(name, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*(cell(row.get(name)) for name in names))
    Console(file=out, highlight=False, soft_wrap=False).print(table)
    return len(rows)
