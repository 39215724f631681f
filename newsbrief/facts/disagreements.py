"""Figures that differ: a conflict between sources, or a development over time.

Figures are compared when they count the same thing (same counted noun, "civilians" and
"people" alike; same event; same unit) about the same occasion: close together in one article
(`NEARBY_CHARS`), or in sentences sharing at least `CONTEXT_WORDS` content words ("eastern
Aleppo"; a death toll in Kunduz is not the consulate attack's). Durations, measures of time and
increments ("another 1,800") are not compared. Two figures differ when their intervals do not overlap
after allowing for rounding (`Settings.facts_tolerance`): "an estimated 10,000" and "around
20,000" differ; "more than 500" and "600" do not; "tens of thousands" allows 10,000.

- same time (the same article, or articles dated at most `facts_same_time_days` apart) and
  different sources -> "conflict", shown side by side, never averaged;
- different times and values that moved ("at least two", a day later "at least six") ->
  "development", earlier -> later (the figure's own date where the text gives one, else its
  article's date);
- different articles without dates to order them -> "unordered".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import combinations

from newsbrief.facts.counting import EVENT_OF, PEOPLE, noun_key
from newsbrief.facts.figures import source_key
from newsbrief.facts.model import Disagreement, Figure
from newsbrief.facts.numbers import bounds
from newsbrief.segment.tokens import content_words

TIME_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"})
NEARBY_CHARS = 400  # "10,000 fled, civilians told CNN. SANA put the figure at around 20,000."
CONTEXT_WORDS = 3


def find_disagreements(figures: Sequence[Figure], published: Mapping[str, date | None],
                       tolerance: float, same_time_days: int) -> tuple[Disagreement, ...]:
    """Conflicts and developments among `figures`; `published` maps article ids to their dates."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        key = comparison_key(figure)
        if key is not None:
            groups[key].append(figure)
    found: list[Disagreement] = []
    for group in groups.values():
        if len({f.value for f in group}) < 2:
            continue
        counts = group[0].counts or ""
        found.extend(_compare(group, counts, published, tolerance, same_time_days))
    return tuple(found)


def comparison_key(figure: Figure) -> tuple | None:
    """What a figure is about, for comparing it with others; None when it is not comparable."""
    if figure.increment or figure.unit in TIME_UNITS or figure.noun is None and figure.event is None:
        return None
    noun = noun_key(figure.noun)
    if noun == "people" and figure.event is None:
        return None  # "600 people" (a population) and "5,000 people" (a crowd) are not the same thing
    return noun, figure.event, figure.unit


def _compare(group: list[Figure], counts: str, published, tolerance: float, same_time_days: int) -> list[Disagreement]:
    conflicts: list[Figure] = []
    unordered: list[Figure] = []
    timed: dict[date, list[Figure]] = defaultdict(list)
    for a, b in combinations(group, 2):
        if not _same_occasion(a, b):
            continue
        ta, tb = _time(a, published), _time(b, published)
        same_article = bool(set(a.articles) & set(b.articles))
        if same_article or (ta and tb and abs((ta - tb).days) <= same_time_days):
            if source_key(a.source) != source_key(b.source) and _differ(a, b, tolerance):
                _add(conflicts, a, b)
        elif ta and tb:
            if _changed(a, b, tolerance):  # "at least two" then "at least six": the count moved
                _add(timed[ta], a)
                _add(timed[tb], b)
        elif _differ(a, b, tolerance):
            _add(unordered, a, b)
    found = []
    dated = lambda figures: tuple(_time(f, published) for f in figures)  # noqa: E731
    if conflicts:
        found.append(Disagreement("conflict", counts, tuple(conflicts), dated(conflicts)))
    if len(timed) > 1:
        ordered = tuple(f for day in sorted(timed) for f in timed[day])
        found.append(Disagreement("development", counts, ordered, dated(ordered)))
    if unordered:
        found.append(Disagreement("unordered", counts, tuple(unordered), dated(unordered)))
    return found


def _same_occasion(a: Figure, b: Figure) -> bool:
    """Close together in one article, or in sentences that share context words."""
    if any(ma.article_id == mb.article_id and abs(ma.start - mb.start) <= NEARBY_CHARS
           for ma in a.mentions for mb in b.mentions):
        return True
    return len(_context(a) & _context(b)) >= CONTEXT_WORDS


def _context(figure: Figure) -> set[str]:
    counted = {w.lower() for w in (figure.noun or "").split()}
    return {w for w in content_words(figure.sentence)
            if w.isalpha() and len(w) > 3 and w not in EVENT_OF and w not in PEOPLE and w not in counted}


def _differ(a: Figure, b: Figure, tolerance: float) -> bool:
    low_a, high_a = bounds(a.value, a.high, a.qualifier, a.vague, tolerance)
    low_b, high_b = bounds(b.value, b.high, b.qualifier, b.vague, tolerance)
    return high_a < low_b or high_b < low_a


def _changed(a: Figure, b: Figure, tolerance: float) -> bool:
    return abs(a.value - b.value) > tolerance * max(abs(a.value), abs(b.value))


def _time(figure: Figure, published) -> date | None:
    if figure.date is not None:
        return figure.date
    dates = [published.get(article_id) for article_id in figure.articles]
    dates = [d for d in dates if d is not None]
    return min(dates) if dates else None


def _add(bucket: list[Figure], *figures: Figure) -> None:
    for figure in figures:
        if not any(f is figure for f in bucket):
            bucket.append(figure)
