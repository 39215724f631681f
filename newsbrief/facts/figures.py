"""Key figures: every quantity of an article with what it counts, who says so, and when.

A figure inside a quotation is the speaker's; any other takes the attribution of its clause
(`Reading.attribution_for`), or none: the outlet's own statement is not a source. The same
claim printed twice, or carried by several articles, becomes one Figure with several mentions.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsbrief.facts.attribution import clause_spans, clean_name
from newsbrief.facts.counting import Counted, counted
from newsbrief.facts.dates import find_dates
from newsbrief.facts.model import Attribution, Figure, Mention, merge_mentions
from newsbrief.facts.numbers import find_quantities
from newsbrief.facts.reading import Reading


def figures_of(reading: Reading) -> list[Figure]:
    """The figures of one read article, in reading order (one per occurrence)."""
    article = reading.article
    figures: list[Figure] = []
    previous: Counted | None = None
    for index, r in enumerate(reading.sentences):
        sentence = r.sentence
        clauses = clause_spans(r.masked)
        for quantity in find_quantities(sentence.text):
            clause = next(((s, e) for s, e in clauses if s <= quantity.start < e), (0, len(sentence.text)))
            what = counted(sentence.text, quantity, clause, previous)
            previous = what
            start = sentence.start + quantity.start
            quote = reading.quote_at(start)
            if quote is not None:
                source = Attribution(quote.speaker, quote.phrase or "", quote.role) if quote.speaker else None
            else:
                source = reading.attribution_for(index, quantity.start)
            when = next(iter(find_dates(sentence.text[clause[0]:clause[1]], article.published)), None)
            figures.append(Figure(
                text=quantity.text, value=quantity.value, high=quantity.high, qualifier=quantity.qualifier,
                unit=quantity.unit, noun=what.noun, event=what.event, source=source, sentence=sentence.text,
                mentions=(Mention(article.id, start, sentence.start + quantity.end),),
                when=when.text if when else None, date=when.date if when else None, vague=quantity.vague,
                increment=quantity.increment, part=what.part,
            ))
    return figures


def merge_figures(figures: Sequence[Figure]) -> list[Figure]:
    """One Figure per claim: same value, unit, counted thing and source; mentions joined, first order kept."""
    return merge_mentions(figures, lambda f: (f.value, f.high, f.unit, (f.noun or "").lower(), f.event,
                                              source_key(f.source), f.qualifier))


def source_key(source: Attribution | None) -> str | None:
    """Sources compared by name, without articles or case: "the White Helmets" == "White Helmets"."""
    if source is None:
        return None
    return clean_name(source.name).lower()
