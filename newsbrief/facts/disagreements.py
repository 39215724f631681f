"""Figures that differ: a conflict between sources, or a development over time.

Figures are compared when they count the same thing (same counted noun, "civilians" and
"people" alike; same event; same unit; a count without a unit only with an event, "killed")
about the same occasion: close together in one article
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

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from newsbrief.facts.counting import EVENT_OF, MEASURES, PEOPLE, noun_key
from newsbrief.facts.figures import source_key
from newsbrief.facts.numbers import bounds
from newsbrief.model.facts import Disagreement, Figure
from newsbrief.segment.tokens import content_words

TIME_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"})
NEARBY_CHARS = 400  # "10,000 fled, civilians told CNN. SANA put the figure at around 20,000."
CONTEXT_WORDS = 3
DEVELOPMENT_DAYS = 90  # a story's figures move over days or weeks; a figure dated further off is background
MAX_RATIO = 3.5  # "at least two" then "at least six" is a development; 2.9 million vs 8.8 million is another rocket
_NOT_SUBJECTS = frozenset("""the a an he she it they we i his her their its this that these those but and or in on at
    by for of to from with as after before when while monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december mr mrs ms dr""".split())


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
    if figure.increment or figure.part or figure.unit in TIME_UNITS or figure.noun is None and figure.event is None:
        return None
    if not figure.counts_something:
        return None  # "current: 12" and "current: at least eight" say nothing a reader could compare
    noun = noun_key(figure.noun)
    if noun is None and figure.event is None:
        return None  # "62,540 pounds" of what? a bare measure says too little to compare
    if figure.event is None and figure.unit is None:
        return None  # "600 people" (a population) and "5,000 people" (a crowd), "two ships" at a rendezvous
        # and "four ships" on a sanctions list, three photos in one post and four in another: a bare
        # count of things nothing happened to names no one quantity that sources could disagree on
    return noun, figure.event, figure.unit


def _compare(group: list[Figure], counts: str, published, tolerance: float, same_time_days: int) -> list[Disagreement]:
    """Chains in which every two neighbours a reader sees side by side are a real conflict or change."""
    conflict = lambda a, b: _conflict(a, b, published, tolerance, same_time_days)  # noqa: E731
    moved = lambda a, b: _moved(a, b, published, tolerance, same_time_days)  # noqa: E731
    unordered = lambda a, b: _unordered(a, b, published, tolerance, same_time_days)  # noqa: E731
    by_time = sorted(group, key=lambda f: (_time(f, published) or date.max))
    found = []
    dated = lambda figures: tuple(_time(f, published) for f in figures)  # noqa: E731
    for kind, test, figures in (("conflict", conflict, group), ("development", moved, by_time),
                                ("unordered", unordered, group)):
        chain = _chain(figures, test)
        if len(chain) > 1:
            found.append(Disagreement(kind, counts, tuple(chain), dated(chain)))
    return found


def _chain(figures: list[Figure], test) -> list[Figure]:
    """The longest run, in the given order, in which each figure passes `test` with the one before it."""
    best: list[Figure] = []
    for i, first in enumerate(figures):
        chain = [first]
        for figure in figures[i + 1:]:
            if test(chain[-1], figure):
                chain.append(figure)
        if len(chain) > len(best):
            best = chain
    return best


def _conflict(a: Figure, b: Figure, published, tolerance: float, same_time_days: int) -> bool:
    """Different sources at the same time, about the same occasion, with values that cannot both be right.

    Within one article both must be attributed: an article's own figures that differ count
    different things ("Two children died in surgery"; "more than 10 children were among the dead").
    """
    if not _comparable(a, b) or not _same_time(a, b, published, same_time_days):
        return False
    if source_key(a.source) == source_key(b.source) or not _differ(a, b, tolerance):
        return False
    return not _same_article(a, b) or (a.source is not None and b.source is not None)


def _moved(a: Figure, b: Figure, published, tolerance: float, same_time_days: int) -> bool:
    """At different times, about the same occasion, a value that really moved ("at least two", then "at least six")."""
    ta, tb = _time(a, published), _time(b, published)
    if not (ta and tb) or _same_article(a, b) or abs((ta - tb).days) <= same_time_days:
        return False
    if _history(a, published) or _history(b, published) or not _comparable(a, b):
        return False
    if a.vague or b.vague:
        return _differ(a, b, tolerance)  # "dozens" then "85": no change, only a vaguer word
    return _changed(a, b, tolerance)


def _unordered(a: Figure, b: Figure, published, tolerance: float, same_time_days: int) -> bool:
    """Different articles without dates to order them, with values that differ."""
    if _same_article(a, b) or (_time(a, published) and _time(b, published)):
        return False
    return _comparable(a, b) and _differ(a, b, tolerance)


def _history(figure: Figure, published) -> bool:
    """A figure of another time than its article's ("20 injured in 112 accidents between March 2015
    and March 2016") is background, not a step of the story ("trapped since July" is still current)."""
    if figure.date is None or (figure.when or "").lower().startswith("since"):
        return False
    days = [published.get(article_id) for article_id in figure.articles]
    return any(d is not None and abs((d - figure.date).days) > DEVELOPMENT_DAYS for d in days)


def _comparable(a: Figure, b: Figure) -> bool:
    """Not two figures of one sentence (a sentence lists different things), about the same occasion,
    with values of the same order (a count of 40 is no rival for 8.8 million)."""
    if _same_article(a, b) and a.sentence == b.sentence:
        return False
    low, high = sorted((abs(a.value), abs(b.value)))
    if low > 0 and high / low > MAX_RATIO:
        return False
    return _same_kind(a.noun, b.noun) and _same_occasion(a, b)


def _same_kind(a: str | None, b: str | None) -> bool:
    """Nouns whose modifiers name different sets count different things: "UK consumers" are not
    "consumers", "the two old boosters" not "all three first-stage boosters"; "civilians" and
    "people" alike are people."""
    mods_a, mods_b = _modifiers(a), _modifiers(b)
    if {m for m in mods_a if m[:1].isupper()} != {m for m in mods_b if m[:1].isupper()}:
        return False
    return not (mods_a and mods_b) or bool(mods_a & mods_b)


def _modifiers(noun: str | None) -> set[str]:
    words = (noun or "").split()
    if not words or words[0].lower() in MEASURES or words[-1].lower() in PEOPLE:
        return set()
    return {w if w[:1].isupper() else w.lower() for w in words[:-1]}


def _same_article(a: Figure, b: Figure) -> bool:
    return bool(set(a.articles) & set(b.articles))


def _same_time(a: Figure, b: Figure, published, same_time_days: int) -> bool:
    if _same_article(a, b):
        return True
    ta, tb = _time(a, published), _time(b, published)
    return bool(ta and tb and abs((ta - tb).days) <= same_time_days)


def _same_occasion(a: Figure, b: Figure) -> bool:
    """Close together in one article, or in sentences that share context words and name no different subjects."""
    if any(ma.article_id == mb.article_id and abs(ma.start - mb.start) <= NEARBY_CHARS
           for ma in a.mentions for mb in b.mentions):
        return True
    names_a, names_b = _names(a), _names(b)
    if names_a and names_b and not names_a & names_b:
        return False  # "the Falcon Heavy's 27 engines", "the Soviet-era N1 rocket had 30 engines"
    return len(_context(a) & _context(b)) >= CONTEXT_WORDS


def _names(figure: Figure) -> set[str]:
    """Capitalised words inside the sentence (not its first word, not the figure's source): what it is about."""
    source = set((figure.source.name if figure.source else "").split())
    words = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w-]+", figure.sentence)
    return {w for w in words if w not in source and w.lower() not in _NOT_SUBJECTS}


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
