"""One pass over an article in reading order: sentences, quotations, who says what.

Attribution depends on what came before ("he said" is the person last named), so the
article is read sentence by sentence: each sentence's names are registered, its claims are
resolved to attributions, and each quotation gets the speaker the text gives it: the
attribution right after it ('," he said') or before it ('X said: "...'), else, for a
quotation standing alone, the speaker of the quotation just before it (a quote continued).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsbrief.facts.attribution import Claim, claim_for, find_claims, is_speaker
from newsbrief.facts.entities import NameSpan
from newsbrief.facts.quotes import QuoteSpan, find_quote_spans, mask_quotes, quote_text
from newsbrief.facts.speakers import Speakers
from newsbrief.model import Article, Sentence
from newsbrief.model.facts import Attribution, Mention, Quote

ATTACHED = 4  # characters between a closing quote mark and the attribution that follows it ('," he said')


@dataclass
class SentenceReading:
    sentence: Sentence
    masked: str  # the sentence with its quotations blanked out
    claims: list[tuple[Claim, Attribution]]  # resolved, in order
    names: list[NameSpan]  # names inside the sentence, offsets relative to the sentence
    furniture: bool = False  # page furniture (a slideshow caption, widget text): no fact comes from it


@dataclass
class Reading:
    """An article read once: what every later step needs."""

    article: Article
    sentences: list[SentenceReading]
    quote_spans: list[QuoteSpan]
    quotes: list[tuple[QuoteSpan, Quote]] = field(default_factory=list)

    def quote_at(self, position: int) -> Quote | None:
        """The quotation containing article offset `position`, if any."""
        for span, quote in self.quotes:
            if span.start <= position < span.end:
                return quote
        return None

    def attribution_for(self, index: int, position: int) -> Attribution | None:
        """The attribution governing `position` (relative to sentence `index`): same clause, else neighbours."""
        reading = self.sentences[index]
        claims = [c for c, _ in reading.claims]
        chosen = claim_for(claims, reading.masked, position)
        if chosen is not None:
            return dict((id(c), a) for c, a in reading.claims)[id(chosen)]
        if index > 0:
            previous = self.sentences[index - 1]
            if previous.sentence.text.rstrip().endswith(":") and previous.claims:
                return previous.claims[-1][1]
        if index + 1 < len(self.sentences):
            following = self.sentences[index + 1]
            if following.sentence.text.lower().startswith(("that's according to", "that is according to",
                                                          "according to")) and following.claims:
                return following.claims[0][1]
        return None


def read_article(article: Article, segmented: Sequence[Sentence], names: list[NameSpan]) -> Reading:
    """Read a cleaned article, given its sentences (`Document.sentences_of`): resolve every claim in
    order, then give each quotation its speaker."""
    text = article.text
    spans = find_quote_spans(text)
    masked = mask_quotes(text, spans)
    names = sorted(names, key=lambda n: n.start)
    starts = [n.start for n in names]
    speakers = Speakers()
    sentences: list[SentenceReading] = []
    located = []
    for sentence in segmented:
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        inside = [NameSpan(n.start - sentence.start, n.end - sentence.start, n.text, n.kind)
                  for n in names[lo:hi] if n.end <= sentence.end]
        speakers.learn_gender(sentence.text, inside)  # a first pass: "his split" later tells who "she" is not
        located.append((sentence, inside))
    for sentence, inside in located:
        speakers.see_names(inside)
        masked_sentence = masked[sentence.start:sentence.end]
        resolved = []
        for claim in find_claims(masked_sentence):
            attribution = speakers.resolve(claim, inside)
            speakers.see(attribution, masked_sentence, claim)
            resolved.append((claim, attribution))
        sentences.append(SentenceReading(sentence, masked_sentence, resolved, inside, sentence.furniture))
    reading = Reading(article, sentences, spans)
    reading.quotes = _speak(reading, speakers)
    return reading


def _speak(reading: Reading, speakers: Speakers) -> list[tuple[QuoteSpan, Quote]]:
    text = reading.article.text
    quotes: list[tuple[QuoteSpan, Quote]] = []
    previous: tuple[QuoteSpan, Attribution | None] | None = None
    furniture = [(r.sentence.start, r.sentence.end) for r in reading.sentences if r.furniture]
    for span in reading.quote_spans:
        if any(start <= span.open_mark < end for start, end in furniture):
            continue
        attribution = _attribution_of(reading, span)
        if attribution is None and previous is not None and _continues(text, previous[0], span, reading):
            attribution = previous[1]
        if attribution is not None and not is_speaker(attribution.name):
            attribution = None
        if attribution is not None and attribution.role is None:
            role = speakers.roles.get(attribution.name)
            attribution = Attribution(attribution.name, attribution.phrase, role)
        quote = Quote(
            text=quote_text(text, span),
            speaker=attribution.name if attribution else None,
            role=attribution.role if attribution else None,
            phrase=attribution.phrase if attribution else None,
            mentions=(Mention(reading.article.id, span.start, span.end),),
        )
        quotes.append((span, quote))
        previous = (span, attribution)
    return quotes


def _attribution_of(reading: Reading, span: QuoteSpan) -> Attribution | None:
    """The attribution just after the closing mark, else the nearest one before the opening mark."""
    for k, r in enumerate(reading.sentences):
        s = r.sentence
        if not (s.start <= span.close_mark - 1 < s.end + 1 or s.start <= span.open_mark < s.end):
            continue
        close = span.close_mark - s.start
        opening = span.open_mark - s.start
        before = [(c, a) for c, a in r.claims if c.end <= opening + 1] if 0 <= opening <= len(s.text) else []
        for claim, attribution in r.claims:
            if close - 1 <= claim.start <= close + ATTACHED:
                if before and re.search(r"\breport(?:ed|s)?\b", claim.phrase):
                    return before[-1][1]  # 'X said that "...," Reuters reported': X speaks, Reuters relays
                return attribution
        if before:
            return before[-1][1]
        after = [(c, a) for c, a in r.claims if c.start >= close]
        if after and s.start <= span.close_mark - 1 < s.end and not _another_quote_between(reading, span, s, after[0][0]):
            return after[0][1]
    previous_sentence = _sentence_before(reading, span.open_mark)
    if previous_sentence is not None and previous_sentence.sentence.text.rstrip().endswith(":") and previous_sentence.claims:
        return previous_sentence.claims[-1][1]
    return None


def _another_quote_between(reading: Reading, span: QuoteSpan, sentence: Sentence, claim: Claim) -> bool:
    position = sentence.start + claim.start
    return any(span.close_mark <= other.open_mark < position for other in reading.quote_spans)


def _sentence_before(reading: Reading, position: int) -> SentenceReading | None:
    before = [r for r in reading.sentences if r.sentence.end <= position]
    return before[-1] if before else None


def _continues(text: str, previous: QuoteSpan, span: QuoteSpan, reading: Reading) -> bool:
    """A quotation standing alone right after another one continues the same speaker."""
    between = text[previous.close_mark:span.open_mark]
    if between.count("\n\n") > 1 or len(between) > 400:
        return False
    line_start = text.rfind("\n", 0, span.open_mark) + 1
    opens_paragraph = not text[line_start:span.open_mark].strip()
    same_paragraph = "\n" not in between
    if not (opens_paragraph or same_paragraph):
        return False
    # a sentence with attribution of its own between the two breaks the chain
    for r in reading.sentences:
        if previous.close_mark <= r.sentence.start and r.sentence.end <= span.open_mark and r.claims:
            return False
    return True
