"""The date at the head of an article (`السبت, أبريل 20, 2024`, `4 حزيران 2020`, `June 5, 2020`).

Used only when no publication date was given. Month names come from the language data
(`lang/*/dates.toml`, every Arabic month-name system and English).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from claimtrack import lang as langdata
from claimtrack.extract.normalize import fold

HEAD_LINES = 3
MAX_LINE = 80


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ...], dict[str, int]]:
    """Return the dateline patterns and folded month name -> month number."""
    months: dict[str, int] = {}
    weekdays: list[str] = []
    joiners: list[str] = []
    for code in langdata.LANGS:
        data = langdata.load(code)
        joiners.extend(fold(j).text for j in data.get("headdate", {}).get("joiners", []))
        dates = data.get("dates", {})
        for number, forms in dates.get("months", {}).items():
            for form in forms:
                months[fold(form).text] = int(number)
        for forms in dates.get("weekdays", {}).values():
            weekdays.extend(fold(f).text for f in forms)
    alt = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True)) or "(?!)"
    wd = "|".join(re.escape(w) for w in sorted(weekdays, key=len, reverse=True)) or "(?!)"
    month = rf"(?P<month>{alt})\.?(?:\s*/\s*(?:{alt}))?"
    day = r"(?P<day>\d{1,2})"
    year = r"(?P<year>(?:19|20)\d\d)"
    join = "|".join(re.escape(j) for j in joiners) or "(?!)"
    lead = rf"^\s*(?:(?:{wd})\s*[,،]?\s*)?"
    return (
        (
            re.compile(rf"{lead}{month}\s+{day}(?:st|nd|rd|th)?\s*[,،]?\s*{year}\b"),
            re.compile(rf"{lead}{day}\s+(?:(?:{join})\s+)?{month}\s*[,،]?\s*{year}\b"),
            re.compile(rf"{lead}{year}-(?P<m>\d\d)-{day}\b"),
            re.compile(rf"{lead}{day}[/.](?P<m>\d{{1,2}})[/.]{year}\b"),
        ),
        months,
    )


def head_date(text: str) -> str | None:
    """Return the ISO date standing alone at the head of `text`, or None."""
    lines = [ln for ln in text[:1000].splitlines() if ln.strip()][:HEAD_LINES]
    patterns, months = _patterns()
    for line in lines:
        if len(line) > MAX_LINE:
            continue
        folded = fold(line).text
        for pattern in patterns:
            m = pattern.search(folded)
            if not m:
                continue
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else months.get(groups["month"])
            if month is None:
                continue
            try:
                return date(int(groups["year"]), month, int(groups["day"])).isoformat()
            except ValueError:
                continue
    return None
