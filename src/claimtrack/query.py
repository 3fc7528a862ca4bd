"""Queries: listings, trends and the things they are about (parameterised SQL + pure code).

Nothing here prints. Every value a user types reaches SQLite as a bound parameter; the only
text spliced into SQL is made here (column lists, `?` placeholders). Comparisons, stale
figures and period aggregates are in `claimtrack.compare`.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from claimtrack.extract.entities import Gazetteer
    from claimtrack.store import Store

#: Fields of a listed claim (machine formats), in order.
CLAIM_FIELDS = (
    "id", "entity", "metric", "as_of", "as_of_start", "value", "low", "high", "qualifier",
    "unit", "display", "speaker", "source", "published", "lang", "article_id", "article_ref",
    "url", "span", "start", "end", "sentence",
)  # fmt: skip
#: Fields of `claimtrack export` (the columns of claims_view), in order.
EXPORT_FIELDS = (
    "id", "value", "low", "high", "qualifier", "unit", "metric", "entity", "as_of", "as_of_start",
    "speaker", "span", "start", "end", "sentence", "extractor_version", "article_id",
    "article_ref", "source", "published", "url", "title", "lang",
)  # fmt: skip
#: Fields of a trend row (machine formats), in order.
TREND_FIELDS = (
    "entity", "via", "metric", "as_of", "value", "low", "high", "qualifier", "unit", "display",
    "change", "change_pct", "source", "speaker", "published", "id", "article_ref",
)  # fmt: skip

_CLAIM_SELECT = (
    "c.id, c.entity, c.metric, c.as_of, c.as_of_start, c.value, c.low, c.high, c.qualifier, "
    "c.unit, c.speaker, a.source, a.published, a.lang, c.article_id, a.ref AS article_ref, a.url, "
    'c.span, c.start, c."end", c.sentence'
)
_FROM = "FROM claims c JOIN articles a ON a.id = c.article_id"
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


# --- option values -----------------------------------------------------------------------------


def parse_date(text: str, *, option: str = "date") -> str:
    """Return `text` checked as YYYY, YYYY-MM or YYYY-MM-DD; raise UsageError otherwise."""
    m = _DATE_RE.fullmatch(text.strip())
    try:
        if not m:
            raise ValueError
        date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        raise UsageError(
            f"{option}: {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        ) from None
    return m[0]


def period_end(as_of: str | None) -> date | None:
    """Return the last day of the period an as-of string names (`2019` -> 2019-12-31)."""
    m = _DATE_RE.fullmatch(as_of or "")
    if not m:
        return None
    year = int(m[1])
    try:
        if m[3]:
            return date(year, int(m[2]), int(m[3]))
        if m[2]:
            month = int(m[2])
            nxt = date(year + month // 12, month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(year, 12, 31)
    except ValueError:
        return None


def as_of_key(as_of: str | None) -> str:
    """Return a sort key that puts a period after the days inside it (`2019` after `2019-05`)."""
    return "\uffff" if as_of is None else as_of + "~"


#: `as_of_key` of a claim in SQL, for trend's ORDER BY: change the two together. (NULL for an
#: undated claim where as_of_key gives "\uffff"; trend counts those apart and lists none.)
_AS_OF_KEY_SQL = "c.as_of || '~'"


def _range_params(col: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    """Return SQL conditions selecting `col` periods that overlap [since, until].

    `col >= year(since)` and `col <= until~` are index ranges; `col || '~' >= since` drops a
    period that ends before `since` (`2020-05` for since `2020-06-01`) but keeps `2020`.
    """
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{col} >= ? AND ({col} || '~') >= ?")
        params += [since[:4], since]
    if until:
        where.append(f"{col} <= ?")
        params.append(until + "~")
    return where, params


# --- figures -------------------------------------------------------------------------------------

_PREFIX = {"usd": "$", "eur": "€"}
_SUFFIX = {"percent": "%"}
_MARK = {"approx": "~", "over": ">", "under": "<"}


def number(value: float | None) -> str:
    """Return a number with thousands separators and no needless decimals (`73000` -> 73,000)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def display(row: dict[str, Any]) -> str:
    """Return a claim's figure as written for people: `~73,000`, `<30,000`, `55,000–60,000`."""
    unit = row.get("unit") or ""
    pre, suf = _PREFIX.get(unit, ""), _SUFFIX.get(unit, "")
    q = row.get("qualifier") or "exact"
    if q == "range":
        low = row.get("low") if row.get("low") is not None else row["value"]
        high = row.get("high") if row.get("high") is not None else row["value"]
        return f"{pre}{number(low)}–{pre}{number(high)}{suf}"
    return f"{_MARK.get(q, '')}{pre}{number(row['value'])}{suf}"


def change_text(change: float | None, pct: float | None) -> str:
    """Return a change as `+6,000 (+9.4%)`; empty for the first figure of a series."""
    if change is None:
        return ""
    sign = "+" if change > 0 else "-" if change < 0 else "±"
    text = f"{sign}{number(abs(change))}"
    if pct is not None:
        text += f" ({'+' if pct > 0 else ''}{pct:.1f}%)"
    return text


# --- entities ------------------------------------------------------------------------------------


def load_gazetteer(extra: Path | None = None) -> list[dict[str, Any]]:
    """Return the gazetteer's entities (slug, name, kind, members, aliases), with the user file
    `extra` merged over the shipped one by the same rules extraction uses."""
    from claimtrack.gazetteer import load_gazetteer as load

    return entity_rows(load(extra))


def entity_rows(gaz: Gazetteer) -> list[dict[str, Any]]:
    """Return one row a gazetteer entity for the entities tables: its first Latin name as name,
    members joined with `+`, every name as an alias."""
    return [
        {
            "slug": ent.slug,
            "name": next((n for n in ent.names if n.isascii()), ent.slug),
            "kind": ent.kind,
            "members": "+".join(ent.members) or None,
            "aliases": sorted(set(ent.names)),
        }
        for ent in gaz.entities.values()
    ]


def sync_gazetteer(store: Store, extra: Path | None = None) -> int:
    """Fill the entities and entity_aliases tables from the gazetteer; return how many entities."""
    entities = load_gazetteer(extra)
    if entities and not store.readonly:
        store.sync_entities(entities)
    return len(entities)


def stored_entities(store: Store) -> list[str]:
    """Return the distinct entity slugs of the claims (an index skip-scan, fast on any size)."""
    sql = (
        "WITH RECURSIVE e(x) AS (SELECT (SELECT min(entity) FROM claims) UNION ALL "
        "SELECT (SELECT min(entity) FROM claims WHERE entity > e.x) FROM e WHERE e.x IS NOT NULL)"
        " SELECT x FROM e WHERE x IS NOT NULL"
    )
    return [r["x"] for r in store.query(sql)]


def _known(store: Store) -> tuple[dict[str, str], dict[str, str | None]]:
    """Return alias -> slug for every known name, and slug -> members for every slug."""
    aliases: dict[str, str] = {}
    members: dict[str, str | None] = {}
    rows = list(store.query("SELECT slug, name, members FROM entities"))
    if rows:
        for r in rows:
            members[r["slug"]] = r["members"]
            aliases[r["name"] or r["slug"]] = r["slug"]
        for r in store.query("SELECT alias, slug FROM entity_aliases"):
            aliases.setdefault(r["alias"], r["slug"])
    else:
        for ent in load_gazetteer():
            members[ent["slug"]] = ent["members"]
            aliases[ent["name"]] = ent["slug"]
            for alias in ent["aliases"]:
                aliases.setdefault(alias, ent["slug"])
    for slug in stored_entities(store):
        members.setdefault(slug, None)
        for part in _members(slug, None):
            members.setdefault(part, None)
    for slug in members:
        aliases[slug] = slug
    return aliases, members


def _members(slug: str, members: str | None) -> list[str]:
    parts = re.split(r"[+,\s]+", members) if members else slug.split("+")
    return [p for p in parts if p] if len(parts) > 1 else []


def _key(text: str) -> str:
    from claimtrack.extract.normalize import fold

    return re.sub(r"[\s\-_]+", "-", fold(text).text.strip()).strip("-")


def resolve_entity(store: Store, name: str) -> str:
    """Return the slug `name` (slug, alias or Arabic name) stands for; NotFoundError names the
    closest ones."""
    if any(store.query("SELECT 1 FROM claims WHERE entity = ? LIMIT 1", (name,))):
        return name  # the slug of stored claims: one index seek, no names to load
    return _resolve(_known(store), name)


def _resolve(known: tuple[dict[str, str], dict[str, str | None]], name: str) -> str:
    aliases, members = known
    if name in members:
        return name
    keyed = {_key(alias): slug for alias, slug in aliases.items()}
    key = _key(name)
    if key in keyed:
        return keyed[key]
    shown = {_key(a): a for a in aliases}
    close = difflib.get_close_matches(key, list(shown), n=4, cutoff=0.5)
    hint = (
        f"; did you mean {', '.join(repr(shown[k]) for k in close)}?"
        if close
        else "; `claimtrack entities` lists what is in the database"
    )
    raise NotFoundError(f"unknown entity {name!r}{hint}")


def _composites(members: dict[str, str | None], slug: str) -> list[str]:
    """Return the composite slugs (`al-hol+roj`) that have `slug` among their members."""
    return sorted(s for s, m in members.items() if s != slug and slug in _members(s, m))


# --- listings ------------------------------------------------------------------------------------


def fts_query(text: str) -> str:
    """Return user text as an FTS5 query of quoted terms (all must occur); never a syntax error."""
    terms = [t for t in re.split(r"\s+", text.strip()) if t]
    if not terms:
        raise UsageError("--search: give at least one word")
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What `claimtrack claims` selects; every field is optional."""

    entity: str | None = None
    metric: str | None = None
    source: str | None = None
    speaker: str | None = None
    lang: str | None = None
    since: str | None = None
    until: str | None = None
    published_since: str | None = None
    published_until: str | None = None
    qualifier: str | None = None
    min_value: float | None = None
    max_value: float | None = None
    search: str | None = None
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        """Return the WHERE clause (placeholders only) and its parameters."""
        where: list[str] = []
        params: list[Any] = []
        for col, value in (
            ("c.entity", self.entity),
            ("c.metric", self.metric),
            ("c.qualifier", self.qualifier),
            ("a.lang", self.lang),
        ):
            if value is not None:
                where.append(f"{col} = ?")
                params.append(value)
        for col, value in (("a.source", self.source), ("c.speaker", self.speaker)):
            if value is not None:  # substring, case-insensitive; no LIKE wildcards
                where.append(f"instr(lower({col}), lower(?)) > 0")
                params.append(value)
        for cond, more in (
            _range_params("c.as_of", self.since, self.until),
            _range_params("a.published", self.published_since, self.published_until),
        ):
            where += cond
            params += more
        if self.min_value is not None:
            where.append("c.value >= ?")
            params.append(self.min_value)
        if self.max_value is not None:
            where.append("c.value <= ?")
            params.append(self.max_value)
        if self.search is not None:
            where.append(
                "c.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            )
            params.append(fts_query(self.search))
        return " AND ".join(where) or "1", params


def list_claims(store: Store, filters: ClaimFilter) -> Iterator[dict[str, Any]]:
    """Yield the claims `filters` selects, in id order, with a `display` figure."""
    entity = filters.entity
    if entity is not None:
        with contextlib.suppress(NotFoundError):  # an unknown name is simply no match
            entity = resolve_entity(store, entity)
    sql, params = claims_sql(replace(filters, entity=entity))
    for row in store.query(sql, params):
        row["display"] = display(row)
        yield {k: row[k] for k in CLAIM_FIELDS}


def claims_sql(filters: ClaimFilter) -> tuple[str, list[Any]]:
    """Return the query of the claims `filters` selects (its entity a slug), in id order."""
    if filters.entity is None:
        where, params = filters.where()
    else:
        # The index picks the ids about the entity (metric, as-of range); their rows are read
        # in id order, so that with a limit SQLite reads `limit` rows, not every match sorted.
        ids, params = _ids_sql([filters.entity], filters.metric, filters.since, filters.until)
        rest, more = replace(filters, entity=None, metric=None, since=None, until=None).where()
        where, params = f"c.id IN ({ids}) AND {rest}", params + more
    sql = f"SELECT {_CLAIM_SELECT} {_FROM} WHERE {where} ORDER BY c.id"
    if filters.limit is not None:
        sql += " LIMIT ?"
        params.append(filters.limit)
    return sql, params


def export_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Yield every claim joined with its article's metadata, in id order, streaming."""
    yield from store.query("SELECT * FROM claims_view ORDER BY id")


def show_claim(store: Store, claim_id: int) -> tuple[dict[str, Any], tuple[int, int] | None]:
    """Return one claim with its article's metadata, and where its span sits in `sentence`."""
    rows = list(store.query(f"SELECT {_CLAIM_SELECT}, a.title {_FROM} WHERE c.id = ?", (claim_id,)))
    if not rows:
        raise NotFoundError(f"no claim with id {claim_id}; `claimtrack claims` lists them")
    row = rows[0]
    row["display"] = display(row)
    sentence = row.get("sentence")
    if not sentence:
        text = next(store.query("SELECT text FROM articles WHERE id = ?", (row["article_id"],)))
        lo = max(0, row["start"] - 120)
        sentence = row["sentence"] = text["text"][lo : row["end"] + 120]
    at = sentence.find(row["span"]) if row["span"] else -1
    return row, ((at, at + len(row["span"])) if at >= 0 else None)


def show_article(store: Store, ref: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Return an article (by id or external reference) and its claims in text order."""
    cols = "id, ref, source, published, url, title, lang, origin, ingested_at, text"
    rows = list(store.query(f"SELECT {cols} FROM articles WHERE ref = ? ORDER BY id", (ref,)))
    if not rows and ref.isdigit():
        rows = list(store.query(f"SELECT {cols} FROM articles WHERE id = ?", (int(ref),)))
    if not rows:
        raise NotFoundError(f"no article with id or reference {ref!r}")
    article = rows[0]
    claims = []
    for row in store.query(
        f"SELECT {_CLAIM_SELECT} {_FROM} WHERE c.article_id = ? ORDER BY c.start, c.id",
        (article["id"],),
    ):
        row["display"] = display(row)
        claims.append({k: row[k] for k in CLAIM_FIELDS})
    return article, claims


def list_sources(store: Store) -> Iterator[dict[str, Any]]:
    """Yield each outlet with its numbers of articles and claims and its date spans."""
    yield from store.query(
        """SELECT a.source, s.native_name, count(DISTINCT a.id) AS articles,
                  count(c.id) AS claims, min(a.published) AS first_published,
                  max(a.published) AS last_published, min(c.as_of) AS first_as_of,
                  max(c.as_of) AS last_as_of
           FROM articles a LEFT JOIN sources s ON s.name = a.source
           LEFT JOIN claims c ON c.article_id = a.id
           GROUP BY a.source ORDER BY claims DESC, articles DESC, a.source"""
    )


def list_entities(store: Store) -> Iterator[dict[str, Any]]:
    """Yield each entity of the claims with its name, counts, metrics and date spans."""
    names = {e["slug"]: e for e in load_gazetteer()}
    rows = store.query(
        """SELECT c.entity, e.name, e.kind, count(*) AS claims,
                  count(DISTINCT c.article_id) AS articles, count(DISTINCT a.source) AS sources,
                  group_concat(DISTINCT c.metric) AS metrics,
                  min(c.as_of) AS first_as_of, max(c.as_of) AS last_as_of,
                  min(a.published) AS first_published, max(a.published) AS last_published
           FROM claims c JOIN articles a ON a.id = c.article_id
           LEFT JOIN entities e ON e.slug = c.entity
           GROUP BY c.entity ORDER BY claims DESC, c.entity"""
    )
    for row in rows:
        if row["name"] is None and row["entity"] in names:
            row["name"] = names[row["entity"]]["name"]
            row["kind"] = names[row["entity"]]["kind"]
        row["metrics"] = ",".join(sorted(set((row["metrics"] or "").split(",")) - {""}))
        yield row


# --- trend ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Trend:
    """The rows of `claimtrack trend`, the slug they are about and how many claims had no date."""

    slug: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    undated: int = 0


def _ids_sql(
    slugs: Sequence[str], metric: str | None, since: str | None, until: str | None
) -> tuple[str, list[Any]]:
    """Return a query of the ids of the claims about `slugs` (of `metric`, as of since..until)
    that reads nothing but the covering index claims_trend."""
    where, params = _entity_where(slugs, metric, since, until, alias="")
    return f"SELECT id FROM claims WHERE {where}", params


def _entity_where(
    slugs: Sequence[str], metric: str | None, since: str | None, until: str | None, *, alias: str
) -> tuple[str, list[Any]]:
    """Return the conditions on claims (named `alias`) about `slugs`, `metric` and a range."""
    where = [f"{alias}entity IN ({', '.join('?' * len(slugs))})"]
    params: list[Any] = list(slugs)
    if metric is not None:
        where.append(f"{alias}metric = ?")
        params.append(metric)
    cond, more = _range_params(f"{alias}as_of", since, until)
    return " AND ".join(where + cond), params + more


def trend_sql(
    slugs: Sequence[str], *, metric: str | None, since: str | None, until: str | None
) -> tuple[str, list[Any]]:
    """Return the trend query for claims about `slugs`, in no particular order.

    Every claim column it reads is in the index claims_trend, so SQLite reads the index range
    and each claim's article, never the claim rows (with their spans and sentences).
    """
    cols = (  # TREND_FIELDS order, so rows need no copying
        "c.entity, NULL AS via, c.metric, c.as_of, c.value, c.low, c.high, c.qualifier, c.unit, "
        "'' AS display, NULL AS change, NULL AS change_pct, a.source, c.speaker, a.published, "
        "c.id, a.ref AS article_ref, c.article_id"
    )
    # A trend reads metric "" as any metric, as None (a claims listing would match it exactly).
    where, params = _entity_where(slugs, metric or None, since, until, alias="c.")
    return f"SELECT {cols} {_FROM} WHERE {where}", params


def trend_order(*, by_source: bool) -> str:
    """Return the ORDER BY of a trend: metric, (outlet,) as_of_key order (a period after the
    days inside it), publication date; "" for a missing outlet or date; text by code point."""
    outlet = "coalesce(a.source, ''), " if by_source else ""
    return f" ORDER BY c.metric, {outlet}{_AS_OF_KEY_SQL}, coalesce(a.published, ''), c.id"


def trend(
    store: Store,
    entity: str,
    *,
    metric: str | None = None,
    by_source: bool = False,
    since: str | None = None,
    until: str | None = None,
) -> Trend:
    """Return the figures about `entity` in as-of order, grouped by metric (and by outlet).

    Claims about a composite (`al-hol+roj`) appear under each member with `via` set; `change`
    compares them with the composite's previous figure, never with the member's own.
    """
    known = _known(store)
    slug = _resolve(known, entity)
    slugs = [slug, *_composites(known[1], slug)]
    sql, params = trend_sql(slugs, metric=metric, since=since, until=until)
    sql += trend_order(by_source=by_source)
    result = Trend(slug)
    previous: dict[tuple, float] = {}
    for row in store.query(sql, params):
        if row["as_of"] is None:
            result.undated += 1
            continue
        del row["article_id"]
        if row["entity"] != slug:
            row["via"] = row["entity"]
            row["entity"] = slug
        row["display"] = display(row)
        series = (row["metric"], (row["source"] or "") if by_source else "", row["via"])
        before = previous.get(series)
        if before is not None:
            row["change"] = row["value"] - before
            row["change_pct"] = round(row["change"] / before * 100, 1) if before else None
        previous[series] = row["value"]
        result.rows.append(row)
    return result


def trend_table(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return trend rows as people read them: figure, change `+6,000 (+9.4%)`, composites marked."""
    out = []
    one_metric = len({r["metric"] for r in rows}) <= 1
    for r in rows:
        figure = r["display"] + (f"  [{r['via']}]" if r["via"] else "")
        out.append(
            {
                **({} if one_metric else {"metric": r["metric"]}),
                "as_of": r["as_of"],
                "figure": figure,
                "change": change_text(r["change"], r["change_pct"]),
                "source": r["source"],
                "speaker": r["speaker"],
                "published": r["published"],
                "id": r["id"],
            }
        )
    return out
