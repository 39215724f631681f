"""The facts of a story, as plain frozen dataclasses: figures, quotes, names, dates, disagreements.

Every fact keeps its `mentions`: offsets into the cleaned text of each article that carries
it (`article.text[start:end]`), so a reader can always go back to the words it came from.
Nothing here is inferred beyond the text: a figure without an attribution has `source=None`
(the outlet's own statement), a quote whose speaker is not named has `speaker=None`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Mention:
    """Where a fact occurs: `article.text[start:end]` of the cleaned article."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Attribution:
    """Who the text says a claim comes from, and the words that say so."""

    name: str  # "SANA", "civilians", "Ismail Abdallah" (pronouns and "the group" resolved where the text allows)
    phrase: str  # as written: "SANA put the figure", "civilians told CNN", "the group said"
    role: str | None = None  # "a member of the Syrian Civil Defence", "Security Minister"
    also: tuple[str, ...] = ()  # others the text says back it: "a number backed by Russian officials"


@dataclass(frozen=True)
class Figure:
    """A quantity the story states: its value, what it counts, and who says so.

    `value` is the number (the lower end of a range); `high` the upper end of a range or of a
    vague quantity ("tens of thousands": 10,000 to 99,999), else None. Percentages keep the
    percent number (20 for "20%"), fractions the fraction (0.75 for "three-quarters").
    """

    text: str  # as written, with its qualifier: "an estimated 10,000", "more than $284 billion"
    value: float
    high: float | None
    qualifier: str | None  # "about", "more than", "at least", "up to", ... ; None: exact
    unit: str | None  # "USD", "%", "km", "days", ... ; None: a count of `noun`
    noun: str | None  # what is counted: "people", "children", "excavators", "territory"
    event: str | None  # what happened to it: "fled", "killed", "injured", "trapped", ...
    source: Attribution | None  # None: the text gives no source (the outlet's own statement)
    sentence: str  # the sentence of the first mention
    mentions: tuple[Mention, ...]
    when: str | None = None  # the date expression the figure refers to, as written ("over the weekend")
    date: date | None = None  # `when` resolved against the article date, where both are known
    vague: bool = False  # "thousands", "dozens": a magnitude, not a count
    increment: bool = False  # counted on top of an earlier figure ("another 1,800", "dozens more")
    part: bool = False  # part of a set named elsewhere ("20 of those injured"): no rival for the whole
    counts_something: bool = True  # its own words say what the number counts (`facts.figures.says_what_it_counts`)
    background: bool = False  # dated well before the story's first article: a figure of a past event
    aside: bool = False  # its sentence is far from what the story is about (`facts.relevance`)

    @property
    def counts(self) -> str | None:
        """What the figure counts, for a reader: "people fled", "percent of territory"."""
        parts = [p for p in (self.noun, self.event) if p]
        return " ".join(parts) or None

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))


@dataclass(frozen=True)
class Quote:
    """A direct quotation, its speaker and the speaker's role as the text gives them."""

    text: str  # the words inside the quotation marks
    speaker: str | None
    role: str | None
    phrase: str | None  # the attributing words: "he told CNN", "said Ahmad Edrees"
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place, event or product, merged across spellings ("Assad" / "Bashar al-Assad")."""

    name: str  # the fullest spelling
    kind: str  # "person", "organisation", "place", "event", "product" ("name" when only capitalisation found it)
    spellings: tuple[str, ...]  # every spelling seen, fullest first
    mentions: int
    articles: tuple[str, ...]


@dataclass(frozen=True)
class TimelineEvent:
    """A dated sentence of the story; `date` is None when the text's date cannot be resolved."""

    date: date | None
    precision: str  # "day", "month" or "year"
    when: str  # the date expression as written: "on Monday", "November 27", "since July"
    text: str  # the sentence
    mentions: tuple[Mention, ...]
    background: bool = False  # dated well before the story's first article: a past event it recalls
    aside: bool = False  # background far from the story's meaning (`facts.relevance`): not in a brief


@dataclass(frozen=True)
class Disagreement:
    """Figures about the same thing that differ.

    kind: "conflict" (different sources at the same time, values that cannot both be right),
    "development" (the figure changed over time; `figures` earlier -> later) or
    "unordered" (different articles whose dates are unknown, so the two cannot be told apart).
    """

    kind: str
    counts: str
    figures: tuple[Figure, ...]
    dates: tuple[date | None, ...] = ()  # the date each figure is compared at (its own, else its article's)


@dataclass(frozen=True)
class Facts:
    """Everything `extract_facts` found in a story's articles."""

    figures: tuple[Figure, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    notes: tuple[str, ...] = field(default=())  # e.g. the named-entity fallback warning
