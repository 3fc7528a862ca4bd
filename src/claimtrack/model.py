"""Values that flow between the stages: Article (ingest), Numeral and Claim (extract)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: Bumped whenever extraction output may change; stored with every claim.
EXTRACTOR_VERSION = 1


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    OVER = "over"
    UNDER = "under"
    RANGE = "range"


class Kind(StrEnum):
    """What a number expression is; only count, money and percent can become claims."""

    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    VAGUE = "vague"
    YEAR = "year"
    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    ORDINAL = "ordinal"
    IDENTIFIER = "identifier"


class Metric(StrEnum):
    CAMP_POPULATION = "camp_population"
    FAMILIES = "families"
    DETAINEES = "detainees"
    FUNDING = "funding"
    OPERATIONS = "operations"
    KILLED = "killed"
    CAPTURED = "captured"
    REPATRIATED = "repatriated"
    PERCENT = "percent"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Numeral:
    """A number expression found in text; `start`/`end` index the original text."""

    value: float
    qualifier: Qualifier
    kind: Kind
    start: int
    end: int
    text: str
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # currency code ("usd", "eur", ...) for money, "percent" for percent


@dataclass(frozen=True, slots=True)
class Claim:
    """A quantitative claim: a figure about something at some time, with its exact provenance."""

    value: float
    qualifier: Qualifier
    unit: str
    metric: Metric
    span: str
    start: int
    end: int
    sentence: str
    low: float | None = None
    high: float | None = None
    entity: str | None = None
    as_of: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD; a period's end
    as_of_start: str | None = None  # a period's start, when the figure covers a period
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """An article read by ingest; `text` is stored exactly as given (HTML: its main text)."""

    text: str
    origin: str  # where it came from: "path", "path:line" or "<stdin>"
    ref: str | None = None  # external id
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    title: str | None = None
    lang: str | None = None
