"""The story's timeline: every sentence that names a date, in date order.

Explicit dates stand on their own; "November 27" takes the article's year and "on Monday",
"yesterday" or "over the weekend" the article's date (`facts.dates`). A sentence whose date
cannot be resolved keeps its words ("on Monday") and follows the dated ones in reading order.
The same event told by several articles (near-copy sentences, same date) is one entry.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from newsbrief.facts.dates import RELATIVE_DAYS, before_the_story, find_dates
from newsbrief.facts.reading import Reading
from newsbrief.model import Document, Mention, TimelineEvent

MAX_SENTENCE_WORDS = 80  # longer "sentences" are unsplit lists, not events
MIN_EVENT_WORDS = 5  # words besides the date


def events_of(reading: Reading) -> list[TimelineEvent]:
    """Dated sentences of one read article, in reading order (one event per date expression)."""
    article = reading.article
    events = []
    for r in reading.sentences:
        sentence = r.sentence
        if r.furniture or sentence.is_heading or len(sentence.text.split()) > MAX_SENTENCE_WORDS or sentence.text.startswith("("):
            continue
        for mention in find_dates(sentence.text, article.published):
            if len(sentence.text.split()) - len(mention.text.split()) < MIN_EVENT_WORDS:
                continue  # "(Kabul, March 1, 2002) Paula Bronstein": a caption, not an event
            if mention.text.lower() in RELATIVE_DAYS and reading.quote_at(sentence.start + mention.start) is not None:
                continue  # "he surprised me today," said in a quotation: the speaker's day, not the article's
            events.append(TimelineEvent(
                date=mention.date, precision=mention.precision, when=mention.text, text=sentence.text,
                mentions=(Mention(article.id, sentence.start, sentence.end),),
            ))
    return events


def build_timeline(events: Sequence[TimelineEvent], doc: Document) -> tuple[TimelineEvent, ...]:
    """Events merged across articles (same date, sentences that are near-copies in `doc`) and
    sorted: dated first, by date; those dated more than `dates.BACKGROUND_DAYS` before the story's
    first article are marked `background` (a past launch, an earlier attack the story recalls)."""
    by_date: dict[object, dict[object, list[TimelineEvent]]] = defaultdict(dict)
    for event in events:
        first = event.mentions[0]
        group = doc.group_at(first.article_id, first.start)
        by_date[event.date or event.when.lower()].setdefault(id(event) if group is None else group, []).append(event)
    merged: list[TimelineEvent] = []
    for copies in by_date.values():
        for same in copies.values():
            mentions = tuple(dict.fromkeys(m for e in same for m in e.mentions))
            merged.append(replace(same[0], mentions=mentions))
    first = min((a.published for a in doc.articles if a.published), default=None)
    merged = [replace(e, background=True) if before_the_story(e.date, first) else e for e in merged]
    dated = sorted((e for e in merged if e.date), key=lambda e: e.date)  # stable: same date, reading order
    undated = [e for e in merged if not e.date]
    return tuple(dated + undated)
