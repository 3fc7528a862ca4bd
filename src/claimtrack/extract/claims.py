"""From numerals to claims: metric, unit, entity, as-of time, speaker and provenance.

The text is folded once; sentences, entity mentions, time expressions and speakers are found
once per article; each figure is then read against the sentence and clause that hold it:
its metric (`metrics`), camp or other entity (here), time (`claimtime`) and speaker (`speakers`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache

from claimtrack import lang as _lang
from claimtrack.extract import claimtime, lexicon, metrics
from claimtrack.extract.asof import TimeExpr, find_times
from claimtrack.extract.entities import Gazetteer, Mention, find_mentions
from claimtrack.extract.normalize import fold
from claimtrack.extract.sentences import split_clauses, split_sentences
from claimtrack.extract.speakers import SpeakerTrack
from claimtrack.extract.speakerwords import speech_verbs
from claimtrack.model import Claim, Kind, Metric, Numeral

_CLAIMABLE = (Kind.COUNT, Kind.MONEY, Kind.PERCENT)
_SEMICOLON = re.compile("[;\u061b]")
_CAMPISH = (Metric.CAMP_POPULATION, Metric.FAMILIES, Metric.REPATRIATED)


@dataclass(slots=True)
class _Figure:
    num: Numeral
    fstart: int
    fend: int


@dataclass(frozen=True, slots=True)
class _Words:
    """The words of `claims.joins` and `claims.origin` (read here, not by `metrics`)."""

    joins: frozenset[str]  # "and": joins two figures of one metric
    glued_join: re.Pattern[str]  # a conjunction written onto the next word ("و"), then that word
    origin: frozenset[str]  # "from" (one or two words) before a place of origin
    fresh: lexicon.Lexicon  # `claims.time.fresh`: a statement not dated by the last one
    covers: lexicon.Lexicon  # `claims.time.covers`: a report stating the period it covers
    said_reach: int  # `claims.time.said_reach`: words from a speech verb to its time at most
    opens: lexicon.Lexicon  # `claims.speakers.opens`: "that", opening reported speech
    table_titles: lexicon.Lexicon  # `claims.table.titles`: "Table", opening a table's title
    table_cells: tuple[str, ...]  # `claims.table.separators`: between a row's cells
    affiliation: lexicon.Lexicon  # `claims.affiliation`: "suspected of belonging to" a group


@cache
def _words(lang: str) -> _Words:
    data = _lang.load(lang)["claims"]
    glued = [re.escape(lexicon.fold_form(f)) for f in data["joins"]["glued"]]
    return _Words(
        joins=frozenset(lexicon.fold_form(f) for f in data["joins"]["words"]),
        glued_join=re.compile(f"(?:{'|'.join(glued)})." if glued else "(?!)"),
        origin=frozenset(lexicon.fold_form(f) for f in data["origin"]["forms"]),
        fresh=lexicon.words(data["time"].get("fresh", [])),
        covers=lexicon.words(data["time"].get("covers", [])),
        said_reach=data["time"].get("said_reach", 8),
        opens=lexicon.words(data["speakers"]["opens"]),
        table_titles=lexicon.words(data.get("table", {}).get("titles", [])),
        table_cells=tuple(
            dict.fromkeys(fold(c).text for c in data.get("table", {}).get("separators", []))
        ),
        affiliation=lexicon.words(data.get("affiliation", {}).get("forms", [])),
    )


def build_claims(
    text: str,
    numerals: list[Numeral],
    *,
    published: date | None,
    lang: str,
    gaz: Gazetteer,
) -> list[Claim]:
    """Return the claims among `numerals` (found in `text`), in text order."""
    folded = fold(text)
    ft = folded.text
    to_folded = folded.to_folded
    figures = [
        _Figure(n, to_folded(n.start), to_folded(n.end)) for n in numerals if n.kind in _CLAIMABLE
    ]
    if not figures:
        return []
    rules = metrics.rules(lang, gaz)
    words = _words(lang)
    seen = metrics.Seen(rules, ft)
    sentences = split_sentences(ft)
    mentions = find_mentions(ft, gaz)
    starts = [s for s, _ in sentences]
    where = [bisect_right(starts, f.fstart) - 1 for f in figures]  # -1: before every sentence
    # "The same time" and future words are looked for only in sentences that hold a figure.
    times = _unclaimed(
        find_times(ft, published, lang, same_in=[sentences[i] for i in sorted(set(where) - {-1})]),
        figures,
    )
    # The figures of each sentence that holds any (a figure between two sentences is in none).
    groups: list[tuple[int, list[_Figure]]] = []
    for f, i in zip(figures, where, strict=True):
        if i < 0 or f.fstart >= sentences[i][1]:
            continue
        if groups and groups[-1][0] == i:
            groups[-1][1].append(f)
        else:
            groups.append((i, [f]))
    # The mentions of the kinds `_last_of` is asked for, with their ends.
    index: dict[str, tuple[list[int], list[Mention]]] = {}
    for kind in ("camp", "group", "prison"):
        ms = [m for m in mentions if m.kind == kind]
        index[kind] = ([m.end for m in ms], ms)
    camp_counts = Counter(m.slug for m in index["camp"][1] if not m.is_dest)
    main_camp, main_n = camp_counts.most_common(1)[0] if camp_counts else (None, 0)
    org_counts = Counter(m.slug for m in mentions if m.kind in ("org", "country"))
    main_org = org_counts.most_common(1)[0][0] if org_counts else None
    pub = published.isoformat() if published else None
    # A report that opens by stating the period it covers: the period's end stands for `pub`;
    # so does the day heading the entries of a live page.
    covered: str | None = None
    # Mentions and times are in text order and mentions do not overlap: a sentence's are
    # found by bisection.
    m_starts = [m.start for m in mentions]
    m_ends = [m.end for m in mentions]
    t_starts = [t.fstart for t in times]
    camp_ends = index["camp"][0]

    claims: list[Claim] = []
    sources: list[TimeExpr | None] = []
    anchor: str | None = None  # as-of of the previous sentence
    anchor_speaker: str | None = None  # the speaker of that sentence
    stated: tuple[str, str] | None = None  # (speaker, day) of the last dated statement
    prev_teller: str | None = None  # who tells the sentence before (see `teller`)
    prev_si = -1  # that sentence
    last_claim: Claim | None = None
    last_held: Claim | None = None  # the last figure of people held, killed, taken or returned
    # the metric "the figure" points back to: the last total; a sentence's people total over
    # its families ("40,113 people in 11,029 families ... OCHA put the figure at 39,587")
    last_total: Metric | None = None
    ti = 0  # times before this one are accounted for
    speakers = SpeakerTrack(ft, sentences, lambda a, b: text[slice(*folded.span(a, b))], lang=lang)
    for si, figs in groups:
        s, e = sentences[si]
        t0 = bisect_left(t_starts, s, ti)
        # A sentence without figures passes its most precise explicit time on (the last of
        # those): "left the camp on Tuesday morning, the second convoy this month".
        in_sent = -1  # the sentence whose time `anchor` now is
        for t in times[ti:t0]:
            if t.kind not in ("same", "now") and t.value:  # "future" has no value
                j = bisect_right(starts, t.fstart) - 1
                if j >= 0 and t.fstart < sentences[j][1]:
                    if t.kind == "heading":  # the day of the entries below it
                        covered = t.value
                    elif not claims:
                        covered = _coverage(ft, sentences[j], t, pub, words) or covered
                    if j == in_sent and anchor and len(t.value) < len(anchor):
                        continue
                    anchor, anchor_speaker, in_sent = t.value, None, j
        ti = bisect_left(t_starts, e, t0)
        sent_times = times[t0:ti]
        if not claims and sent_times and sent_times[-1].value:
            covered = _coverage(ft, (s, e), sent_times[-1], pub, words) or covered
        mi = bisect_right(m_ends, s)
        sent_mentions = mentions[mi : bisect_left(m_starts, e, mi)]
        sent_anchor: str | None = None
        original = text[slice(*folded.span(s, e))]
        speaker = speakers.at(si)
        clauses = split_clauses(ft, s, e)
        clause_starts = [a for a, _ in clauses]
        # The clause of each figure (-1: between clauses).
        fig_clauses = [_clause_of(clauses, clause_starts, f.fstart) for f in figs]
        held = set(fig_clauses)
        camps = [m for m in sent_mentions if m.kind == "camp"]
        # An answer to "How many people live in al-Hol?", a row of a table titled "Al-Hol
        # population": the question's or title's camp is its camp.
        asked = camps
        if not camps and si > 0:
            head = None
            if metrics.asks_residents(rules, ft, *sentences[si - 1]):
                head = sentences[si - 1]
            elif words.table_cells and any(c in ft[s:e] for c in words.table_cells):
                head = _table_title(ft, sentences, si, words)
            if head is not None and (
                head == sentences[si - 1] or metrics.names_residents(rules, ft, *head)
            ):
                qs, qe = head
                within = mentions[bisect_right(m_ends, qs) : bisect_left(m_starts, qe)]
                asked = [m for m in within if m.kind == "camp"]
        # For `_as_of`: the sentence's times with their clauses, those of speaking, and those
        # right after a speech verb; the semicolons' offsets.
        times_in: list[tuple[TimeExpr, int]] = []
        speech: list[TimeExpr] = []
        said: list[TimeExpr] = []
        speech_at: set[int] = set()
        semis: list[int] = []
        if sent_times:
            times_in = [(t, _clause_of(clauses, clause_starts, t.fstart)) for t in sent_times]
            # a clause with a time that opens another reported statement ("وأن", "and that")
            held.update(
                tc
                for _t, tc in times_in
                if tc not in held
                and tc >= 0
                and claimtime.opens_clause(ft, *clauses[tc], words.opens, words.joins)
            )
            speech = [
                t
                for t in sent_times
                if t.kind in ("weekday", "relative") and len(t.value or "") == 10
            ]
            speech_at = {t.fstart for t in speech if claimtime.after_verb(ft, s, t.fstart, lang)}
            semis = [m.start() for m in _SEMICOLON.finditer(ft, s, e)]
            # (a time of speaking is one even when no speaker is named: "a post on Monday says")
            verbs = speech_verbs(lang).find(ft, s, e)
            said = [
                t
                for t in sent_times
                if verbs
                and t.value
                and t.kind not in ("same", "now", "since")
                and claimtime.stated(
                    ft, (s, e), t, figs, verbs, words.opens, reach=words.said_reach
                )
            ]
            speech_at.update(t.fstart for t in said)  # (not a figure's own time if it has one)
            if speaker is not None and said and said[0].value:  # (each of `said` has a value)
                stated = (speaker, said[0].value)
        # With no time of its own, a figure of the speaker of the last dated statement takes
        # its day ("said on Monday ... He added that ..."); an event takes the last sentence's
        # time unless another speaker states it.
        # (a sentence with no speech verb goes on with the teller of the sentence before,
        # unless one between them, without figures, has a speech verb)
        teller = speaker
        if speaker is None and not speech_verbs(lang).has(ft, s, e):
            gap = sentences[prev_si][1] if prev_si >= 0 else s
            teller = prev_teller if not speech_verbs(lang).has(ft, gap, s) else None
        prev_teller, prev_si = teller, si
        said_day = stated[1] if stated and teller is not None and teller == stated[0] else None
        if said_day and words.fresh.has(ft, s, figs[0].fstart):
            said_day = None
        event_anchor = anchor
        if speaker is not None and anchor_speaker is not None and speaker != anchor_speaker:
            event_anchor = None
        prev_metric: Metric | None = None
        prev_unit: str | None = None
        sent_claim: Claim | None = None
        prev_end = s
        for k, fig in enumerate(figs):
            nxt = figs[k + 1].fstart if k + 1 < len(figs) else e
            ci = fig_clauses[k]
            cs, ce = clauses[ci] if ci >= 0 else (s, e)
            reading = metrics.read(
                rules, ft, fig.num, fig.fstart, fig.fend,
                floor=prev_end, ceil=nxt, clause_start=cs, clause_end=ce,
                sentence_start=s, seen=seen,
            )  # fmt: skip
            prev_close = False
            if prev_metric is not None:
                between = ft[prev_end : fig.fstart].split()
                prev_close = 0 < len(between) <= (
                    6 if prev_metric in claimtime.EVENTS else 3
                ) and any(w in words.joins or words.glued_join.match(w) for w in between)
            # the times right after the figures before and after: theirs, when this one has
            # another ("from 10,000 last December to 73,000 in April", "300 مقابل 200 في 2022")
            owned = set()
            if len(sent_times) > 1 and len(figs) > 1:  # (else nothing to choose between)
                for end in (
                    prev_end if k else None,
                    figs[k + 1].fend if k + 1 < len(figs) else None,
                ):
                    if end is None:
                        continue
                    j = bisect_left(t_starts, end, t0, ti)
                    if j < ti and claimtime.right_after(
                        ft, end, times[j]
                    ):  # (only the first can be)
                        owned.add(times[j].fstart)
            prev_end = fig.fend
            if reading.drop:
                continue
            anaphor_metric = None
            if last_claim is not None and last_claim.metric in (
                Metric.CAMP_POPULATION,
                Metric.FAMILIES,
            ):
                anaphor_metric = last_total
            elif sent_claim is not None and sent_claim.metric == Metric.OTHER:
                # "عدد العراقيين انخفض إلى 19 ألفاً بعد أن تجاوز عددهم ثلاثين ألفاً"
                anaphor_metric = Metric.OTHER
            elif last_held is not None and (
                last_claim is None or last_claim is last_held or last_claim.unit != "person"
            ):
                # "hold some 9,000 ISIS suspects in about two dozen facilities. An official
                # put the figure slightly lower, at about 8,500": the last count of people
                anaphor_metric = last_held.metric
            metric, unit = metrics.decide(
                reading,
                fig.num,
                has_camp=bool(asked),
                # a camp named in the sentence, or ending before the figure
                camp_known=bool(asked) or bool(camp_ends and camp_ends[0] <= fig.fstart),
                prev_metric=prev_metric,
                prev_unit=prev_unit,
                prev_close=prev_close,
                anaphor_metric=anaphor_metric,
            )
            prev_metric, prev_unit = metric, unit
            if reading.is_linked and sent_claim is not None:  # "بينهم سبعة أطفال"
                entity = sent_claim.entity
            else:
                entity = _entity(
                    metric, unit, fig, sent_mentions, camps, index, (cs, ce), ft,
                    main_camp=main_camp, main_n=main_n, main_org=main_org, origin=words.origin,
                    affiliation=words.affiliation,
                    about_people=reading.is_resident or reading.is_subgroup or unit == "family",
                )  # fmt: skip
            timed, said_near = times_in, said
            if (
                e - s > 2 * claimtime.TIME_REACH
            ):  # a run-on "sentence": only the times near the figure
                lo, hi = fig.fstart - claimtime.TIME_REACH, fig.fend + claimtime.TIME_REACH
                timed = claimtime.near(times_in, lo, hi, key=lambda x: x[0].fstart)
                said_near = claimtime.near(said, lo, hi, key=lambda t: t.fstart)
            as_of, as_of_start, src = claimtime.as_of(
                fig, ci, metric, (cs, ce), (s, e), semis, timed, speech, anchor, covered or pub,
                held, speech_at, event_anchor=event_anchor, said_day=said_day, said=said_near,
                owned=owned,
            )  # fmt: skip
            o_start, o_end = fig.num.start, fig.num.end
            claim = Claim(
                value=fig.num.value,
                qualifier=fig.num.qualifier,
                unit=unit,
                metric=metric,
                span=text[o_start:o_end],
                start=o_start,
                end=o_end,
                sentence=original,
                low=fig.num.low,
                high=fig.num.high,
                entity=entity,
                as_of=as_of,
                as_of_start=as_of_start,
                speaker=None if speaker is not None and speakers.background(cs) else speaker,
            )
            claims.append(claim)
            sources.append(src)
            if metric == Metric.CAMP_POPULATION or (
                metric == Metric.FAMILIES
                and not (sent_claim is not None and sent_claim.metric == Metric.CAMP_POPULATION)
            ):
                last_total = metric
            last_claim = sent_claim = claim
            if metric in metrics.HELD and unit == "person":
                last_held = claim
            sent_anchor = as_of
        if sent_anchor is not None:
            anchor, anchor_speaker = sent_anchor, speaker
    return _refine(claims, sources, times)


def _table_title(
    ft: str, sentences: list[tuple[int, int]], si: int, words: _Words
) -> tuple[int, int] | None:
    """Return the title line of the table whose row is sentence `si` (rows of cells up to it,
    the line before them opening with a title word), or None."""
    j = si - 1
    while j >= 0 and si - j <= 30 and any(c in ft[slice(*sentences[j])] for c in words.table_cells):
        j -= 1
    if j < 0 or si - j > 30:
        return None
    first = words.table_titles.match_at(ft, sentences[j][0])
    return sentences[j] if first is not None else None


def _coverage(
    ft: str, sentence: tuple[int, int], t: TimeExpr, pub: str | None, words: _Words
) -> str | None:
    """Return the end of the period a report covers when `t` is the last time of a sentence
    that states it ("It covers the period from 1 July to 30 September 2022"), else None."""
    if t.kind not in ("point", "period") or not t.value or pub is None or t.value > pub:
        return None
    return t.value if words.covers.has(ft, *sentence) else None


def _unclaimed(times: list[TimeExpr], figures: list[_Figure]) -> list[TimeExpr]:
    """Return `times` but those inside a figure: the figure's own words (in Arabic "more
    than 2000" holds the word "from", and "from 2000" is no year 2000). A time that begins
    before its figure ("the first batch of 2023": a year read as a count), ends after it
    ("from 1 to 15 March": a day range read as a count) or is the whole figure (a year cell
    of a table) is kept."""
    out = []
    k = 0
    for t in times:  # (both in text order)
        while k < len(figures) and figures[k].fend <= t.fstart:
            k += 1
        f = figures[k] if k < len(figures) else None
        if (
            f
            and f.fstart <= t.fstart
            and t.fend <= f.fend
            and f.fend - f.fstart > t.fend - t.fstart
        ):
            continue
        out.append(t)
    return out


def _last_of(
    index: dict[str, tuple[list[int], list[Mention]]], kind: str, pos: int
) -> Mention | None:
    """Return the last mention of `kind` (one of `index`) that ends at or before `pos`."""
    ends, ms = index[kind]
    i = bisect_right(ends, pos)
    return ms[i - 1] if i else None


def _clause_of(clauses: list[tuple[int, int]], starts: list[int], pos: int) -> int:
    """Return the index of the clause that holds `pos` (-1 when it falls between clauses)."""
    i = bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < clauses[i][1] else -1


def _entity(
    metric: Metric,
    unit: str,
    fig: _Figure,
    sent: list[Mention],
    camps: list[Mention],
    index: dict[str, tuple[list[int], list[Mention]]],
    clause: tuple[int, int],
    ft: str,
    *,
    main_camp: str | None,
    main_n: int,
    main_org: str | None,
    origin: frozenset[str],
    about_people: bool,
    affiliation: lexicon.Lexicon | None = None,
) -> str | None:
    """Return the slug of what a figure is about (`sent`: the mentions of its sentence,
    `camps` those of camps).

    The figure's own clause wins over the rest of the sentence; a camp is taken for figures
    about the camp or its people, never for one only named near the figure; a destination
    camp ("to Roj") is the figure's camp only when no other camp is named."""
    fstart, fend = fig.fstart, fig.fend
    cs, ce = clause
    # Mentions before the figure, and those in its own clause (none in a sentence without).
    before = [m for m in sent if m.end <= fstart] if sent else sent
    if unit == "km":  # a distance is about its subject, not the place it is measured to
        subject = [m for m in before if m.start >= cs][:1] or before[-1:]
        return subject[0].slug if subject else None
    if metric == Metric.FUNDING:
        donors = [m for m in before if m.kind in ("org", "country")]
        if donors or main_org:
            return donors[-1].slug if donors else main_org
        # no donor in the whole article: the camp the money is for, named in its clause
        # ("تلقت خطة الاستجابة الخاصة بمخيم الهول 23.4 مليون دولار")
        for m in sent:
            if cs <= m.start < ce and m.kind == "camp" and not (m.is_dest or m.is_near):
                return m.slug
        return None
    own = [m for m in sent if cs <= m.start < ce] if sent else sent
    if metric == Metric.OPERATIONS:
        # raids in a camp ("١٢ عملية دهم داخل القطاعات ... من مخيم الهول") are the camp's
        for m in own:
            if m.start >= fend and m.kind == "camp" and not (m.is_near or m.is_dest):
                return m.slug
        orgs = [m for m in before if m.kind in ("org", "country")]
        return orgs[0].slug if orgs else None
    if metric == Metric.PERCENT:
        # a share of a response plan's needs ("the plan received only 38% of the funding it
        # needs, forcing cuts in the camps")
        plans = [m for m in before if m.kind == "plan" and m.start >= cs]
        if plans:
            return plans[-1].slug
    if metric == Metric.OTHER:
        # the counted noun names what is counted ("أكثر من 20 مركز احتجاز", "12 SDF prisons")
        noun = next((m for m in own if m.start >= fend), None)
        if (
            noun is not None
            and noun.kind in ("prison", "place")
            and not ft[fend : noun.start].strip()
        ):
            return noun.slug
    if metric in (Metric.KILLED, Metric.CAPTURED):
        after = [m for m in own if m.start >= fend and m.start - fend < 40]
        # killed in the camp ("41 ISIS suspects inside al-Hol"), not near it or elsewhere
        place = next((m for m in after if m.kind in ("camp", "place", "country")), None)
        if place is not None and place.kind == "camp" and not place.is_near and not place.is_dest:
            return place.slug
        # (not a group the people are only suspected of belonging to: "اعتقلت 154 مشتبهاً
        # بالانتماء لخلايا التنظيم" in a camp's security campaign is about the camp)
        suspected = [
            m
            for m in own
            if m.kind == "group"
            and m.start >= fend
            and affiliation is not None
            and affiliation.has(ft, fend, m.start)
        ]
        groups = [m for m in own if m.kind == "group" and m not in suspected] or [
            m
            for m in after
            if m.kind == "org"  # "خمسة من مقاتلي قسد", "five SDF fighters"
        ]
        groups = groups or [m for m in sent if m.kind == "group" and m not in suspected]
        if groups:
            return _nearest(groups, fig).slug
        elsewhere = any(m.kind in ("place", "country") or m.is_near for m in after)
        if main_camp and main_n >= 2 and not elsewhere:
            return main_camp  # a campaign in the article's camp
        last = _last_of(index, "group", fstart)
        return last.slug if last else None
    if metric == Metric.DETAINEES:
        prisons = [m for m in sent if m.kind == "prison"]
        if prisons:
            return _nearest(prisons, fig).slug
        last = _last_of(index, "prison", fstart)
        return last.slug if last else None
    own_camps = [m for m in own if m.kind == "camp"] if camps else camps
    if metric == Metric.REPATRIATED:
        # people are returned from a camp, never from the one they are taken to
        own_camps = [m for m in own_camps if not m.is_dest]
        camps = [m for m in camps if not m.is_dest]
        origins = [m for m in own if m.start >= fend and _after_from(ft, m.start, origin)]
        origins += [m for m in camps if _after_from(ft, m.start, origin)]
        if origins:
            if origins[0].kind == "camp":
                return origins[0].slug
            if not own_camps:  # "51 Americans from north-east Syria": not from a camp
                states = [m for m in before if m.kind == "country" and m.start >= cs]
                return (states or origins)[0].slug
    if own_camps or (camps and metric != Metric.OTHER):
        return _nearest(own_camps or camps, fig).slug
    if metric not in _CAMPISH and sent:
        places = [m for m in before if m.kind in ("place", "prison") and m.start >= cs]
        if places and metric == Metric.OTHER and not about_people:  # "Hasakah city has ..."
            return places[-1].slug
        if camps:
            return _nearest(camps, fig).slug
        if unit == "country":
            orgs = [m for m in before if m.kind == "org"]
            if orgs:
                return orgs[-1].slug
        others = [m for m in before if m.kind != "camp"]
        if others:
            return others[-1].slug
    held = _held_in(index, fstart, main_camp)
    if held:
        return held
    return main_camp if metric in _CAMPISH else None


def _nearest(ms: list[Mention], fig: _Figure) -> Mention:
    """Return the mention nearest to `fig`, one that is not a destination first."""
    return min(
        ms, key=lambda m: (m.is_dest, claimtime.span_distance(m.start, m.end, fig.fstart, fig.fend))
    )


def _held_in(
    index: dict[str, tuple[list[int], list[Mention]]], pos: int, main_camp: str | None
) -> str | None:
    """Return the camp or prison named last before `pos`; after a destination camp ("to
    Jeddah") the article's main camp, which later figures go on being about."""
    camp, prison = _last_of(index, "camp", pos), _last_of(index, "prison", pos)
    if prison and (camp is None or prison.end > camp.end):
        return prison.slug
    if camp is None or camp.is_near:  # a camp named as a landmark holds nothing
        return None
    return (main_camp or camp.slug) if camp.is_dest else camp.slug


def _after_from(ft: str, pos: int, origin: frozenset[str]) -> bool:
    """Return whether a word of `origin` stands just before `pos` ("from al-Hol")."""
    head = ft[max(0, pos - 10) : pos].split()
    return bool(head) and (head[-1] in origin or " ".join(head[-2:]) in origin)


def _refine(
    claims: list[Claim], sources: list[TimeExpr | None], times: list[TimeExpr]
) -> list[Claim]:
    """Replace a relative month ("الشهر الماضي") by an explicit period stated just after it."""
    periods = [t for t in times if t.kind == "period" and t.start]
    if not periods:
        return claims
    out = []
    for claim, src in zip(claims, sources, strict=True):
        if src is not None and src.kind == "relative" and len(src.value or "") == 7:
            for p in periods:
                if p.fstart > src.fend and p.fstart - src.fend < 600 and p.start:
                    if p.start[:7] == src.value or (p.value or "")[:7] == src.value:
                        claim = _replace(claim, as_of=p.value, as_of_start=p.start)
                    break
        out.append(claim)
    return out


def _replace(claim: Claim, **changes: object) -> Claim:
    from dataclasses import replace

    return replace(claim, **changes)  # type: ignore[arg-type]
