"""Charts of a trend: a unicode bar chart for the terminal, SVG written by hand, PNG by matplotlib.

Every figure keeps its bounds visible: `<30,000` is a shaded bar (somewhere below), `>22` ends
in an arrow, a range is solid to its low and shaded to its high; a period aggregate is shaded
from min to max with `┃` at the median.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape  # not xml.sax.saxutils: that imports urllib (+17 ms start-up)
from pathlib import Path
from typing import Any

from claimtrack.errors import ClaimtrackError, UsageError

_EIGHTHS = " ▏▎▍▌▋▊▉"
_PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")


@dataclass(frozen=True, slots=True)
class Point:
    """One figure (or one period) of a series."""

    label: str
    when: date | None
    value: float
    low: float | None
    high: float | None
    text: str
    style: str  # exact | approx | over | under | range | aggregate
    composite: bool = False


@dataclass(slots=True)
class Series:
    """A titled run of points in as-of order."""

    title: str
    points: list[Point] = field(default_factory=list)


def _end(as_of: str | None) -> date | None:
    from claimtrack.query import period_end

    return period_end(as_of)


def trend_series(rows: Sequence[dict[str, Any]], *, by_source: bool = False) -> list[Series]:
    """Return one series per metric (and per outlet with `by_source`) of `query.trend` rows."""
    series: dict[tuple[str, str], Series] = {}
    for r in rows:
        outlet = (r["source"] or "?") if by_source else ""
        key = (r["metric"], outlet)
        if key not in series:
            title = f"{r['entity']} · {r['metric']}" + (f" · {outlet}" if outlet else "")
            series[key] = Series(title)
        text = r["display"] + (f" [{r['via']}]" if r["via"] else "")
        if not by_source and r["source"]:
            text += f"  {r['source']}"
        series[key].points.append(
            Point(
                r["as_of"],
                _end(r["as_of"]),
                r["value"],
                r["low"],
                r["high"],
                text,
                r["qualifier"],
                composite=bool(r["via"]),
            )
        )
    return list(series.values())


def aggregate_series(rows: Sequence[dict[str, Any]]) -> list[Series]:
    """Return one series per metric (and outlet) of `compare.aggregate` rows."""
    series: dict[tuple[str, str], Series] = {}
    for r in rows:
        key = (r["metric"], r["source"] or "")
        if key not in series:
            title = f"{r['entity']} · {r['metric']}" + (f" · {r['source']}" if r["source"] else "")
            series[key] = Series(title)
        n = r["claims"]
        text = f"{_num(r['min'])} … {_num(r['median'])} … {_num(r['max'])}  ({n} claim"
        text += "s)" if n != 1 else ")"
        series[key].points.append(
            Point(
                r["period"],
                _period_date(r["period"]),
                r["median"],
                r["min"],
                r["max"],
                text,
                "aggregate",
            )
        )
    return list(series.values())


def _period_date(period: str) -> date | None:
    if "-Q" in period:
        year, q = period.split("-Q")
        return _end(f"{year}-{int(q) * 3:02d}")
    return _end(period)


def _num(value: float) -> str:
    from claimtrack.query import number

    return number(value)


# --- terminal ------------------------------------------------------------------------------------


def _top(p: Point) -> float:
    values = [p.value] + [b for b in (p.low, p.high) if b is not None and math.isfinite(b)]
    return max(values)


def _bar(p: Point, scale: float, width: int) -> str:
    def cells(x: float) -> float:
        return max(0.0, x) / scale * width if scale > 0 else 0.0

    def solid(x: float) -> str:
        full, part = divmod(round(cells(x) * 8), 8)
        return "█" * full + (_EIGHTHS[part] if part else "")

    def shade(a: float, b: float, ch: str = "░") -> str:
        return ch * max(1, round(cells(b)) - round(cells(a)))

    fill = "▓" if p.composite else "█"
    if p.style == "aggregate":
        low, high = p.low if p.low is not None else p.value, p.high or p.value
        start, stop, mid = round(cells(low)), max(round(cells(high)), round(cells(low)) + 1), 0
        mid = min(max(round(cells(p.value)), start), stop - 1)
        return " " * start + "".join("┃" if i == mid else "░" for i in range(start, stop))
    if p.style == "under":
        return shade(p.low or 0.0, p.high if p.high is not None else p.value)
    if p.style == "range" and p.low is not None and p.high is not None:
        return solid(p.low).replace("█", fill) + shade(p.low, p.high)
    bar = solid(p.value).replace("█", fill)
    return bar + "▸" if p.style == "over" else bar


def text_chart(series: Sequence[Series], *, width: int = 40, max_points: int = 60) -> str:
    """Return the series as horizontal unicode bars, one line per point, for a terminal."""
    lines: list[str] = []
    shown = [s.points[-max_points:] for s in series]
    scale = max((_top(p) for points in shown for p in points), default=0.0)
    for s, points in zip(series, shown, strict=True):
        if not points:
            continue
        label_w = max(len(p.label) for p in points)
        lines.append(s.title)
        if len(s.points) > len(points):
            lines.append(f"  … {len(s.points) - len(points)} earlier points (try --every)")
        for p in points:
            lines.append(f"  {p.label:<{label_w}} {_bar(p, scale, width):<{width + 1}} {p.text}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n" if lines else ""


# --- files ---------------------------------------------------------------------------------------


def check_plot(path: Path) -> None:
    """Raise if `path` cannot be plotted (wrong suffix, PNG without matplotlib), before any work."""
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise UsageError(f"--plot: {path} must end in .svg or .png")
    if suffix == ".png":
        import importlib.util

        if importlib.util.find_spec("matplotlib") is None:
            raise ClaimtrackError(
                "PNG charts need matplotlib: pip install 'claimtrack[plot]' (or write an .svg)"
            )


def write_plot(path: Path, series: Sequence[Series], *, title: str) -> None:
    """Write the chart to `path`: `.svg` by hand, `.png` with matplotlib (extra `plot`)."""
    check_plot(path)
    suffix = path.suffix.lower()
    if not any(p.when for s in series for p in s.points):
        raise ClaimtrackError(f"{path}: nothing to plot (no dated figures)")
    try:
        if suffix == ".svg":
            path.write_text(svg_chart(series, title=title), encoding="utf-8")
        else:
            _png(path, series, title=title)
    except OSError as e:
        raise ClaimtrackError(f"{path}: cannot write the chart: {e.strerror}") from None


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / ticks if span > 0 else 1.0
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)


def svg_chart(series: Sequence[Series], *, title: str, width: int = 800, height: int = 420) -> str:
    """Return an SVG chart: time across, value up, bounds as whiskers, one colour per series."""
    left, right, top, bottom = 80, 200, 40, 40
    pw, ph = width - left - right, height - top - bottom
    dated = [p for s in series for p in s.points if p.when]
    days = [p.when.toordinal() for p in dated if p.when]
    x0, x1 = min(days) - 30, max(days) + 30
    ymax = max(_top(p) for p in dated) * 1.1 or 1.0
    step = _nice_step(ymax)
    ymax = math.ceil(ymax / step) * step

    def x(d: date) -> float:
        return left + (d.toordinal() - x0) / (x1 - x0) * pw

    def y(v: float) -> float:
        return top + ph - min(max(v, 0.0), ymax) / ymax * ph

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="{left}" y="22" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    v = 0.0
    while v <= ymax + 1e-9:
        out.append(
            f'<line x1="{left}" x2="{left + pw}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{_num(v)}</text>'
        )
        v += step
    first, last = date.fromordinal(x0).year, date.fromordinal(x1).year
    every = max(1, (last - first) // 10 + 1)
    for year in range(first + 1, last + 1, every):
        xx = x(date(year, 1, 1))
        out.append(
            f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{top}" y2="{top + ph}" stroke="#eee"/>'
            f'<text x="{xx:.1f}" y="{top + ph + 16}" text-anchor="middle">{year}</text>'
        )
    out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#888"/>')
    for i, s in enumerate(series):
        colour = _PALETTE[i % len(_PALETTE)]
        pts = [p for p in s.points if p.when]
        out += _svg_series(pts, colour, x, y, top)
        ly = top + 14 + i * 16
        out.append(
            f'<rect x="{left + pw + 12}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{left + pw + 28}" y="{ly}">{escape(s.title)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _svg_series(pts: list[Point], colour: str, x: Any, y: Any, top: float) -> list[str]:
    out: list[str] = []
    own = [p for p in pts if not p.composite]
    if any(p.style == "aggregate" for p in own):
        band = [f"{x(p.when):.1f},{y(p.high or p.value):.1f}" for p in own]
        band += [f"{x(p.when):.1f},{y(p.low or p.value):.1f}" for p in reversed(own)]
        out.append(f'<polygon points="{" ".join(band)}" fill="{colour}" fill-opacity="0.2"/>')
    if len(own) > 1:
        line = " ".join(f"{x(p.when):.1f},{y(p.value):.1f}" for p in own)
        out.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
    for p in pts:
        cx, cy = x(p.when), y(p.value)
        tip = escape(f"{p.label}: {p.text}")
        if p.style in ("range", "under", "over", "aggregate"):
            lo = p.low if p.low is not None else (0.0 if p.style == "under" else p.value)
            hi = p.high if p.high is not None and math.isfinite(p.high) else None
            y_hi = y(hi) if hi is not None else max(top, cy - 18)
            out.append(
                f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(lo):.1f}" y2="{y_hi:.1f}" '
                f'stroke="{colour}" stroke-width="1.2"/>'
            )
        if p.style == "under":
            shape = (
                f"M{cx - 5:.1f},{cy - 4:.1f} L{cx + 5:.1f},{cy - 4:.1f} L{cx:.1f},{cy + 5:.1f} Z"
            )
            out.append(f'<path d="{shape}" fill="{colour}"><title>{tip}</title></path>')
        elif p.style == "over":
            shape = (
                f"M{cx - 5:.1f},{cy + 4:.1f} L{cx + 5:.1f},{cy + 4:.1f} L{cx:.1f},{cy - 5:.1f} Z"
            )
            out.append(f'<path d="{shape}" fill="{colour}"><title>{tip}</title></path>')
        else:
            fill = "white" if p.style == "approx" or p.composite else colour
            out.append(
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="{fill}" stroke="{colour}" '
                f'stroke-width="1.5"><title>{tip}</title></circle>'
            )
    return out


def _triangle(cx: float, cy: float, *, down: bool) -> str:
    d = 1 if down else -1
    base, tip = cy - 4 * d, cy + 5 * d
    return f"M{cx - 5:.1f},{base:.1f} L{cx + 5:.1f},{base:.1f} L{cx:.1f},{tip:.1f} Z"


def _png(path: Path, series: Sequence[Series], *, title: str) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise ClaimtrackError(
            "PNG charts need matplotlib: pip install 'claimtrack[plot]' (or write an .svg)"
        ) from None
    fig, ax = plt.subplots(figsize=(9, 4.5))
    for s in series:
        pts = [p for p in s.points if p.when]
        line = ax.plot([p.when for p in pts], [p.value for p in pts], marker="o", label=s.title)
        colour = line[0].get_color()
        for p in pts:
            lo = p.low if p.low is not None else (0.0 if p.style == "under" else p.value)
            hi = p.high if p.high is not None and math.isfinite(p.high) else p.value * 1.1
            if p.style in ("range", "under", "over", "aggregate"):
                ax.vlines(p.when, lo, hi, colors=colour, alpha=0.6)
    ax.set_title(title)
    ax.set_ylim(bottom=0)
    ax.legend(fontsize="small")
    fig.autofmt_xdate()
    fig.savefig(path, dpi=150, bbox_inches="tight")
    plt.close(fig)
