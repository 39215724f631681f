"""The plain data objects that flow between newsbrief's stages.

Article (as read) -> Document (`pipeline.prepare`: cleaned articles, Sentences with offsets,
near-copy groups) -> Brief made of BriefSentences citing SourceSpans, with its Facts -> Story.

They are frozen dataclasses: stages return new objects instead of mutating, so any stage can be
run, tested or cached on its own. Modules: `articles`, `document`, `facts`, `briefs`.
"""

from newsbrief.model.articles import (INVALID_CHARACTERS, Article, Rejected, RemovedLine, canonical_key,
                                      in_canonical_order)
from newsbrief.model.briefs import Brief, BriefSentence, Source, SourceSpan, Story, SyndicatedGroup, TimelineEntry
from newsbrief.model.document import Document, Sentence
from newsbrief.model.facts import (Attribution, Disagreement, Entity, Facts, Figure, Mention, Quote,
                                   TimelineEvent)

__all__ = ["INVALID_CHARACTERS", "Article", "Attribution", "Brief", "BriefSentence", "Disagreement", "Document",
           "Entity", "Facts", "Figure", "Mention", "Quote", "Rejected", "RemovedLine", "Sentence", "Source",
           "SourceSpan", "Story", "SyndicatedGroup", "TimelineEntry", "TimelineEvent", "canonical_key",
           "in_canonical_order"]
