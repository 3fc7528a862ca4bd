"""Comparisons over one series: period aggregates, disagreements between outlets, stale figures.

Pure post-processing of the rows `query.trend` returns (plus one indexed query for `compare`).
"""

from __future__ import annotations

import math
import re
import statistics
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from claimtrack.errors import UsageError
from claimtrack.query import display, number, period_end, resolve_entity, trend_sql

if TYPE_CHECKING:
    from claimtrack.store import Store

Every = Literal["month", "quarter", "year"]
EVERY = ("month", "quarter", "year")

AGGREGATE_FIELDS = (
    "entity", "metric", "source", "period", "min", "median", "max", "claims", "sources",
)  # fmt: skip
COMPARE_FIELDS = (
    "kind", "as_of", "figure", "source", "speaker", "id", "other_as_of", "other_figure",
    "other_source", "other_speaker", "other_id", "spread", "spread_pct", "ids",
)  # fmt: skip


# --- option values -----------------------------------------------------------------------------


def parse_window(text: str) -> int:
    """Return a window such as `90d`, `12w`, `6m` or `1y` in days."""
    m = re.fullmatch(r"\s*(\d+)\s*([dwmy]?)\s*", text.lower())
    if not m or int(m[1]) == 0:
        raise UsageError(f"--window: {text!r} is not a duration such as 90d, 12w, 6m or 1y")
    return int(m[1]) * {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}[m[2]]


def parse_tolerance(text: str) -> float:
    """Return a tolerance such as `5%` or `0.05` as a fraction."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(%?)\s*", text)
    if not m:
        raise UsageError(f"--tolerance: {text!r} is not a share such as 5% or 0.05")
    value = float(m[1])
    value = value / 100 if m[2] or value > 1 else value
    if value >= 1:
        raise UsageError(f"--tolerance: {text!r} must be below 100%")
    return value


# --- aggregates ----------------------------------------------------------------------------------


def period_of(as_of: str, every: str) -> str:
    """Return the month (`2019-12`), quarter (`2019-Q4`) or year an as-of falls in.

    A figure dated by year only counts at the year's end (its as-of is the period's end).
    """
    year = as_of[:4]
    if every == "year":
        return year
    month = int(as_of[5:7]) if len(as_of) >= 7 else 12
    if every == "month":
        return f"{year}-{month:02d}"
    return f"{year}-Q{(month - 1) // 3 + 1}"


def aggregate(
    rows: Sequence[dict[str, Any]], every: str, *, by_source: bool = False
) -> list[dict[str, Any]]:
    """Return min, median, max, claims and outlets of each period of each metric (and outlet).

    Composite figures (`via` set) are left out: they count something else.
    """
    if every not in EVERY:
        raise UsageError(f"--every: {every!r} is not one of {', '.join(EVERY)}")
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for r in rows:
        if r.get("via") or not r.get("as_of"):
            continue
        outlet = (r["source"] or "") if by_source else ""
        groups.setdefault((r["metric"], outlet, period_of(r["as_of"], every)), []).append(r)
    out = []
    for (metric, outlet, period), members in sorted(groups.items()):
        values = [m["value"] for m in members]
        out.append(
            {
                "entity": members[0]["entity"],
                "metric": metric,
                "source": outlet or None,
                "period": period,
                "min": min(values),
                "median": statistics.median(values),
                "max": max(values),
                "claims": len(members),
                "sources": len({m["source"] for m in members if m["source"]}),
            }
        )
    return out


def aggregate_table(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return aggregate rows as people read them (thousands separators, no empty outlet)."""
    out = []
    for r in rows:
        row = {k: r[k] for k in ("metric", "source", "period") if k != "source" or r["source"]}
        row |= {k: number(r[k]) for k in ("min", "median", "max")}
        out.append(row | {"claims": r["claims"], "sources": r["sources"]})
    return out


# --- compare -------------------------------------------------------------------------------------


def bounds(row: dict[str, Any]) -> tuple[float, float]:
    """Return the interval a figure allows: `<30,000` is [0, 30000], `>22` is [22, inf]."""
    v, low, high = row["value"], row.get("low"), row.get("high")
    q = row.get("qualifier")
    if q == "range":
        return (v if low is None else low), (v if high is None else high)
    if q == "under":
        return (0.0 if low is None else low), (v if high is None else high)
    if q == "over":
        return (v if low is None else low), math.inf
    return v, v


def _gap(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """Return the distance between two intervals and the scale to measure it against."""
    gap = max(a[0] - b[1], b[0] - a[1], 0.0)
    scale = max(x for x in (*a, *b) if math.isfinite(x)) or 1.0
    return gap, scale


def _who(row: dict[str, Any]) -> tuple[str, str]:
    return (row["source"] or "", row["speaker"] or "")


def compare(
    store: Store, entity: str, *, metric: str, window_days: int = 90, tolerance: float = 0.05
) -> list[dict[str, Any]]:
    """Return disagreements between outlets or speakers and stale figures about one series.

    Disagreement: two claims from different outlets or speakers whose as-of dates lie within
    the window and whose intervals are further apart than `tolerance` of the larger figure;
    one row per most-distant pair of each window. Stale: a figure given as current (as-of =
    its article's date) that repeats an older claim dated at least `window_days` earlier.
    Only the entity's own claims count, not composites.
    """
    slug = resolve_entity(store, entity)
    sql, params = trend_sql([slug], metric=metric, since=None, until=None)
    rows = []
    for r in store.query(sql, params):
        r["end_date"] = period_end(r["as_of"])
        if r["end_date"] is None:
            continue
        r["display"] = display(r)
        r["bounds"] = bounds(r)
        rows.append(r)
    rows.sort(key=lambda r: (r["end_date"], r["id"]))
    found = _disagreements(rows, window_days, tolerance) + _stale(rows, window_days, tolerance)
    return sorted(found, key=lambda f: (f["as_of"] or "", f["kind"], f["id"]))


def _disagreements(rows: list[dict], window: int, tol: float) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    ordinals = [r["end_date"].toordinal() for r in rows]
    for i in range(len(rows)):
        j = bisect_right(ordinals, ordinals[i] + window)
        group = rows[i:j]
        if len(group) < 2:
            continue
        by_high = sorted(group, key=lambda r: r["bounds"][1])[:3]
        by_low = sorted(group, key=lambda r: -r["bounds"][0])[:3]
        best = None
        for lo in by_high:
            for hi in by_low:
                if lo is hi or _who(lo) == _who(hi):
                    continue
                gap, scale = _gap(lo["bounds"], hi["bounds"])
                if gap > tol * scale and (best is None or gap > best[0]):
                    best = (gap, scale, lo, hi)
        if best is None:
            continue
        gap, scale, lo, hi = best
        pair = (lo["id"], hi["id"])
        if pair in seen:
            continue
        seen.add(pair)
        out.append(_finding("disagreement", lo, hi, gap, scale))
    return out


def _stale(rows: list[dict], window: int, tol: float) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    by_value = sorted(rows, key=lambda r: r["value"])
    values = [r["value"] for r in by_value]
    for r in rows:
        if r["as_of"] != r["published"]:
            continue
        v = r["value"]
        lo_i = bisect_left(values, v - tol * abs(v))
        hi_i = bisect_right(values, v + tol * abs(v))
        cutoff = r["end_date"].toordinal() - window
        older = [
            o
            for o in by_value[lo_i:hi_i]
            if o["id"] != r["id"]
            and o["article_id"] != r["article_id"]
            and o["end_date"].toordinal() <= cutoff
        ]
        if not older:
            continue
        origin = min(older, key=lambda o: (o["end_date"], o["id"]))
        gap = abs(v - origin["value"])
        out.append(_finding("stale", r, origin, gap, max(abs(v), abs(origin["value"]))))
    return out


def _finding(kind: str, a: dict, b: dict, gap: float, scale: float) -> dict[str, Any]:
    ids = sorted({a["id"], b["id"]})
    return {
        "kind": kind,
        "as_of": a["as_of"],
        "figure": a["display"],
        "source": a["source"],
        "speaker": a["speaker"],
        "id": a["id"],
        "other_as_of": b["as_of"],
        "other_figure": b["display"],
        "other_source": b["source"],
        "other_speaker": b["speaker"],
        "other_id": b["id"],
        "spread": gap,
        "spread_pct": round(gap / scale * 100, 1) if scale else None,
        "ids": ",".join(str(i) for i in ids),
    }
