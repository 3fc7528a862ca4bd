"""output.render and chart: every format, empty results, markup safety, highlighting, charts."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from claimtrack import chart, output
from claimtrack.errors import UsageError

ROWS = [
    {"id": 1, "value": 70000.0, "source": "عنب بلدي", "note": "tab\there", "low": None},
    {"id": 2, "value": 64000.5, "source": "Asharq", "note": "[bold]x[/bold]", "low": 1.0},
]
COLS = ("id", "value", "source", "note", "low")


def rendered(rows, fmt: str, **kw) -> tuple[int, str]:
    out = io.StringIO()
    n = output.render(iter(rows), fmt, columns=COLS, out=out, **kw)
    return n, out.getvalue()


def test_json_numbers_as_numbers_and_arabic_as_utf8() -> None:
    n, text = rendered(ROWS, "json")
    assert n == 2 and "عنب بلدي" in text and "\\u" not in text
    rows = json.loads(text)
    assert rows[0]["value"] == 70000 and isinstance(rows[0]["value"], int)
    assert rows[1]["value"] == 64000.5 and rows[0]["low"] is None


def test_jsonl_one_object_a_line() -> None:
    _, text = rendered(ROWS, "jsonl")
    assert [json.loads(line)["id"] for line in text.splitlines()] == [1, 2]


def test_csv_and_tsv_have_a_header_and_escape() -> None:
    _, text = rendered(ROWS, "csv")
    assert text.splitlines()[0] == "id,value,source,note,low"
    assert text.splitlines()[1] == "1,70000,عنب بلدي,tab\there,"
    _, text = rendered(ROWS, "tsv")
    assert text.splitlines()[1] == "1\t70000\tعنب بلدي\ttab\\there\t"


EMPTY = [
    ("json", "[]\n"),
    ("jsonl", ""),
    ("csv", "id,value,source,note,low\n"),
    ("tsv", "id\tvalue\tsource\tnote\tlow\n"),
]


@pytest.mark.parametrize(("fmt", "expected"), EMPTY)
def test_empty_results_are_valid_output(fmt: str, expected: str) -> None:
    assert rendered([], fmt) == (0, expected)


def test_table_prints_brackets_as_text_not_markup() -> None:
    n, text = rendered(ROWS, "table", title="t")
    assert n == 2 and "[bold]x[/bold]" in text and "عنب بلدي" in text


def test_a_long_table_is_plain_aligned_text_with_every_row(monkeypatch) -> None:
    monkeypatch.setattr(output, "PLAIN_TABLE_ROWS", 3)
    rows = [*ROWS, {"id": 10, "value": 5.0, "source": "x", "note": "n", "low": None}] * 2
    n, text = rendered(rows, "table", title="t")
    lines = text.splitlines()
    assert n == 6 and lines[0] == "t" and len(lines) == 2 + 1 + 6  # title, header, rule, rows
    assert lines[1].split() == list(COLS)
    assert "[bold]x[/bold]" in text and "tab here" in text  # text as it is, one line a row
    ends = {line.index(v) + len(v) for line, v in zip(lines[3:], ["1", "2", "10"] * 2, strict=True)}
    assert len(ends) == 1  # numbers right-aligned under their header


def test_default_is_tsv_when_not_a_terminal() -> None:
    out = io.StringIO()
    assert output.resolve(None, out) == "tsv"
    output.render(ROWS, columns=COLS, out=out)
    assert out.getvalue().startswith("id\tvalue")


def test_marked_wraps_spans() -> None:
    assert output.marked("about 64,000 and 5", [(6, 12), (17, 18)]) == "about [[64,000]] and [[5]]"
    assert output.marked("abc", []) == "abc"


def test_render_record_as_field_value_table_with_markers() -> None:
    out = io.StringIO()
    record = {"id": 3, "sentence": "يقطن المخيم نحو 64 ألف شخص"}
    output.render_record(record, "table", highlight=("sentence", [(12, 22)]), out=out)
    assert "[[نحو 64 ألف]]" in out.getvalue() and "id" in out.getvalue()
    out = io.StringIO()
    output.render_record(record, "json", highlight=("sentence", [(12, 22)]), out=out)
    assert json.loads(out.getvalue()) == [record]


# --- charts ---

TREND = [
    {"entity": "al-hol", "metric": "camp_population", "as_of": "2019", "value": 70000.0,
     "low": None, "high": None, "qualifier": "exact", "display": "70,000", "via": None,
     "source": "A"},
    {"entity": "al-hol", "metric": "camp_population", "as_of": "2020-08-10", "value": 57500.0,
     "low": 55000.0, "high": 60000.0, "qualifier": "range", "display": "55,000–60,000",
     "via": None, "source": "B"},
    {"entity": "al-hol", "metric": "camp_population", "as_of": "2025-11-13", "value": 30000.0,
     "low": None, "high": 30000.0, "qualifier": "under", "display": "<30,000", "via": None,
     "source": "C"},
    {"entity": "al-hol", "metric": "camp_population", "as_of": "2025-11-20", "value": 35000.0,
     "low": 35000.0, "high": None, "qualifier": "over", "display": ">35,000",
     "via": "al-hol+roj", "source": "C"},
]  # fmt: skip


def test_text_chart_shows_bounds() -> None:
    text = chart.text_chart(chart.trend_series(TREND), width=40)
    lines = text.splitlines()
    assert lines[0] == "al-hol · camp_population"
    peak, rng, under, over = lines[1:5]
    assert peak.count("█") == 40 and "70,000  A" in peak
    assert "░" in rng and "█" in rng  # solid to the low bound, shaded to the high one
    assert "█" not in under and under.count("░") == 17  # somewhere below 30,000
    assert "▸" in over and "▓" in over and "[al-hol+roj]" in over


def test_text_chart_by_source_shares_one_scale() -> None:
    series = chart.trend_series(TREND, by_source=True)
    assert [s.title.split(" · ")[-1] for s in series] == ["A", "B", "C"]
    text = chart.text_chart(series, width=40)
    assert "░" * 17 + " " in text  # C's <30,000 is scaled against A's 70,000


def test_text_chart_caps_points() -> None:
    rows = [dict(TREND[0], as_of=f"{2000 + i}") for i in range(10)]
    text = chart.text_chart(chart.trend_series(rows), max_points=3)
    assert "7 earlier points" in text and text.count("70,000") == 3


def test_aggregate_chart_marks_the_median() -> None:
    agg = [
        {"entity": "al-hol", "metric": "camp_population", "source": None, "period": "2020-Q3",
         "min": 30000.0, "median": 50000.0, "max": 70000.0, "claims": 3, "sources": 2}
    ]  # fmt: skip
    (series,) = chart.aggregate_series(agg)
    assert series.points[0].when == date(2020, 9, 30)
    line = chart.text_chart([series], width=40).splitlines()[1]
    assert "┃" in line and "30,000 … 50,000 … 70,000  (3 claims)" in line


def test_svg_is_well_formed(tmp_path: Path) -> None:
    path = tmp_path / "c.svg"
    chart.write_plot(path, chart.trend_series(TREND, by_source=True), title="al-hol <&> test")
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(root.findall(".//{http://www.w3.org/2000/svg}circle")) == 2  # exact, range
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) == 2  # under, over


def test_plot_refuses_other_suffixes(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        chart.check_plot(tmp_path / "c.pdf")
