"""Facts across sources: key figures with their sources, disagreements, quotes, names, timeline.

    from newsbrief.facts import extract_facts
    facts = extract_facts(prepare(articles, settings), settings)  # prepare: newsbrief.pipeline

Modules, one job each: `numbers` (quantities), `counting` (what a quantity counts), `dates`,
`quotes` (quotation marks), `attribution` (who says so), `speakers` (resolving "he", "the
group"), `reading` (one pass over an article), `figures`, `entities` (spaCy NER + merging),
`timeline`, `disagreements`, `extract` (the entry point). The data objects are in
`newsbrief.model.facts`; the measurement against the annotations is `newsbrief.evaluate.facts`,
the command `newsbrief.cli.facts`.
"""

from newsbrief.facts.extract import extract_facts
from newsbrief.model.facts import Attribution, Disagreement, Entity, Facts, Figure, Mention, Quote, TimelineEvent

__all__ = ["Attribution", "Disagreement", "Entity", "Facts", "Figure", "Mention", "Quote", "TimelineEvent",
           "extract_facts"]
