"""Output: `render(rows, fmt)` writes rows as a table, JSON, JSON lines, CSV or TSV.

stdout carries data only. JSON keeps numbers as numbers and Arabic as UTF-8. The table is for
a terminal; when stdout is not one, the default is TSV with a header.
"""

from __future__ import annotations

import csv
import json
import math
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("table", "json", "jsonl", "csv", "tsv")


def default_format(stream: TextIO | None = None) -> str:
    """Return "table" on a terminal, else "tsv"."""
    stream = stream or sys.stdout
    return "table" if stream.isatty() else "tsv"


def jsonable(value: Any) -> Any:
    """Return `value` ready for JSON: integral floats as ints, NaN as null."""
    if isinstance(value, float):
        if value.is_integer():  # False for NaN and the infinities
            return int(value) if abs(value) < 2**53 else value
        if math.isnan(value) or math.isinf(value):
            return None
    return value


_JSON = json.JSONEncoder(ensure_ascii=False)  # what json.dumps(ensure_ascii=False) builds each call


def dumps(row: dict[str, Any]) -> str:
    """Return one row as compact JSON with Arabic kept as UTF-8."""
    # jsonable() changes floats only: skipping the call for other values halves the time
    return _JSON.encode({k: jsonable(v) if isinstance(v, float) else v for k, v in row.items()})


def cell(value: Any) -> str:
    """Return a value as text for CSV, TSV and tables."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
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


def _delimited(
    rows: Iterable[dict[str, Any]], out: TextIO, columns: Sequence[str] | None, sep: str
) -> int:
    it = iter(rows)
    first = next(it, None)
    names = list(columns or (first.keys() if first else ()))
    if sep == ",":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        write = writer.writerow
    else:

        def write(values: list[str]) -> None:
            line = "\t".join(values)
            # Escape cell by cell only when some cell holds a tab, newline, CR or backslash
            # (n cells joined hold n-1 tabs: one more is inside a cell).
            if line.count("\t") >= len(values) or "\\" in line or "\n" in line or "\r" in line:
                line = "\t".join(_tsv(v) for v in values)
            out.write(line + "\n")

        write(names)
    n = 0
    if first is None:
        return 0
    for row in _chain(first, it):
        write([cell(row.get(name)) for name in names])
        n += 1
    return n


def _chain(first: dict[str, Any], rest: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest


def _tsv(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "")


# Beyond this many rows a table is drawn as plain aligned text: rich measures and wraps every
# cell (about 1 s per 1,000 rows), a plain table takes milliseconds and hides nothing.
PLAIN_TABLE_ROWS = 2000


def _table(
    rows: list[dict[str, Any]], out: TextIO, columns: Sequence[str] | None, title: str | None
) -> int:
    names = list(columns or (rows[0].keys() if rows else ()))
    if len(rows) > PLAIN_TABLE_ROWS:
        return _plain_table(rows, out, names, title)
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, header_style="bold", expand=False)
    for name in names:
        justify = "right" if _is_numeric(rows, name) else "left"
        table.add_column(name, justify=justify, overflow="fold")
    for row in rows:
        # Text, not markup: `[...]` in article text must print as it is.
        table.add_row(*(Text(cell(row.get(name))) for name in names))
    _console(out).print(table)
    return len(rows)


def _is_numeric(rows: list[dict[str, Any]], name: str) -> bool:
    """Return whether column `name` holds numbers only (or nothing): right-aligned in a table."""
    return bool(rows) and all(
        isinstance(r.get(name), int | float) or r.get(name) is None for r in rows
    )


def _plain_table(
    rows: list[dict[str, Any]], out: TextIO, names: list[str], title: str | None
) -> int:
    """Write `rows` as columns padded to their widest cell (in terminal cells), numbers to the
    right, one line per row; cells are never cut or wrapped."""
    from rich.cells import cell_len

    cells = [
        [" ".join(cell(row.get(name)).split("\n")).replace("\t", " ") for name in names]
        for row in rows
    ]
    widths = [
        max([cell_len(name)] + [cell_len(r[k]) for r in cells]) for k, name in enumerate(names)
    ]
    right = [_is_numeric(rows, name) for name in names]

    def line(values: list[str]) -> str:
        padded = (
            " " * (w - cell_len(v)) + v if r else v + " " * (w - cell_len(v))
            for v, w, r in zip(values, widths, right, strict=True)
        )
        return "  ".join(padded).rstrip()

    if title:
        out.write(title + "\n")
    out.write(line(names) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for values in cells:
        out.write(line(values) + "\n")
    return len(rows)


def _console(out: TextIO) -> Console:
    from rich.console import Console

    return Console(file=out, highlight=False, soft_wrap=False, emoji=False)


def has_color(out: TextIO | None = None) -> bool:
    """Return whether `out` is a terminal that may show colour (NO_COLOR unset)."""
    out = out or sys.stdout
    return out.isatty() and not os.environ.get("NO_COLOR")


def marked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Return `text` with each span wrapped in `[[ ]]` (highlighting for plain output)."""
    parts, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        parts += [text[last:start], "[[", text[start:end], "]]"]
        last = end
    return "".join(parts) + text[last:]


def render_record(
    record: dict[str, Any],
    fmt: str | None = None,
    *,
    columns: Sequence[str] | None = None,
    highlight: tuple[str, Sequence[tuple[int, int]]] | None = None,
    title: str | None = None,
    out: TextIO | None = None,
) -> int:
    """Write one record; as a table it is a field/value list, with `highlight` = (field, spans)
    shown in reverse video on a colour terminal and between `[[ ]]` otherwise."""
    out = out or sys.stdout
    fmt = fmt or default_format(out)
    names = list(columns or record.keys())
    if fmt != "table":
        return render([{k: record.get(k) for k in names}], fmt, columns=names, out=out)
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_header=False, box=None, expand=False, padding=(0, 1))
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value", overflow="fold")
    for name in names:
        value = cell(record.get(name))
        if highlight and name == highlight[0]:
            if has_color(out):
                text = Text(value)
                for start, end in highlight[1]:
                    text.stylize("bold reverse", start, end)
                table.add_row(name, text)
                continue
            value = marked(value, highlight[1])
        table.add_row(name, Text(value))
    _console(out).print(table)
    return 1


def resolve(fmt: str | None, out: TextIO | None = None) -> str:
    """Return the format that will be used: `fmt`, or the default for `out` (stdout)."""
    return fmt or default_format(out)
