"""Figures whose label is no noun: spaCy's part-of-speech tagger reads the figure's sentence.

The words after a number are not always what it counts: "67 sent from Microsoft", "hundreds
fired off", "100% correct", "delayed by 10 minutes due to the conditions", "the 10 greatest".
The counted noun the rules read (`counting.counted`) after the number is kept only when the
tagger calls its last word, where it stands in the sentence, a noun (NN, NNS, NNP, NNPS);
otherwise the figure does not say what it counts (`Figure.counts_something` False) and is no
key figure, nor compared with others.

The tagger is part of the pipeline the names use (`Settings.entity_model`, `entities.load_ner`),
run without `ner` on the sentences of the figures that are still candidates.
Without spaCy the check is skipped (every label is kept), like the names' fallback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsbrief.facts.entities import load_ner
from newsbrief.model.facts import Figure

NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


def mark_labels_without_noun(figures: Sequence[Figure], model: str) -> list[Figure]:
    """`figures`, with `counts_something` False on those whose counted noun is no noun in its sentence."""
    asked = sorted({f.sentence for f in figures if f.counts_something and f.noun})
    nlp = load_ner(model)[0] if asked else None
    if nlp is None or "tagger" not in nlp.pipe_names:
        return list(figures)
    docs = nlp.pipe(asked, batch_size=64, disable=["ner"])
    tagged = {sentence: [(t.idx, t.text, t.tag_) for t in doc] for sentence, doc in zip(asked, docs)}
    return [replace(f, counts_something=False) if f.counts_something and f.noun and not _head_is_noun(f, tagged[f.sentence])
            else f for f in figures]


def _head_is_noun(figure: Figure, tokens: list[tuple[int, str, str]]) -> bool:
    """Whether the counted noun's last word, first found after the number, is tagged a noun, or
    follows an adjective ("the 40m dry well": the small tagger calls "well" an adverb there).

    A noun read before the number ("will cost $916": money and rates) is not asked: the verb
    names the amount well enough. Nor is a noun that is not one token as written ("U.S.-based")."""
    head = figure.noun.split()[-1]
    at = max(0, figure.sentence.find(figure.text))
    for index, (start, text, tag) in enumerate(tokens):
        if start >= at and text == head:
            return tag in NOUN_TAGS or index > 0 and tokens[index - 1][2] == "JJ"
    return True
