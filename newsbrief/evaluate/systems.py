"""Named extractive systems that `newsbrief evaluate` and benchmarks/ score side by side.

A system is a callable `(documents, reference_sentences, words) -> summary sentences`: it
gets a cluster's documents (plain strings) and returns its summary, already cut to `words`
with `fit_budget` (whole sentences, the last one cut at the budget). Only the oracle reads
the reference. Every system gets the same budget and may fill it.

1. `newsbrief-<method>`, one per method in `newsbrief.config.METHODS`: newsbrief's own
   pipeline (clean, segment, summarize) at a budget of `words`; an empty summary when
   nothing usable is left after cleaning.
2. `lead`, `tfidf-centroid-mmr`: the reference baselines in `baselines.py`.
3. `lexrank`, `textrank`, `lsa`, `sumbasic`: sumy's summarizers (the `eval` extra). sumy's
   own parser needs NLTK's punkt data, so the document model is built here instead, from
   newsbrief's sentence splitter (one paragraph per document) and a regex word tokenizer;
   stemming is sumy's Snowball stemmer and the stop words are sumy's English list, both of
   which work offline. sumy keeps its top-k rated sentences in document order; k is the
   smallest number of top-rated sentences whose words reach the budget, then the budget cut.
   LSA's term order is made independent of the hash seed (`_reproducible_lsa`).
4. `oracle`: the greedy extractive oracle against the reference (`baselines.oracle`).

`system_names()` lists them all; `get_system(name)` builds one (an unknown name raises
`SettingsError`, a missing optional package `NewsbriefError`).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from functools import lru_cache
from importlib import import_module

from newsbrief.config import METHODS, Settings
from newsbrief.errors import NewsbriefError, NothingToSummarize, SettingsError
from newsbrief.evaluate import baselines
from newsbrief.evaluate.multinews import split_text
from newsbrief.evaluate.rouge import fit_budget
from newsbrief.model import Article
from newsbrief.pipeline import brief_articles

System = Callable[[list[str], list[str], int], list[str]]

NEWSBRIEF_PREFIX = "newsbrief-"
BASELINES = ("lead", "tfidf-centroid-mmr")
SUMY = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
}
ORACLE = "oracle"


def system_names() -> list[str]:
    """Every system, newsbrief's methods first and the oracle last."""
    return [NEWSBRIEF_PREFIX + m for m in METHODS] + [*BASELINES, *SUMY, ORACLE]


def get_system(name: str) -> System:
    """The system called `name`, ready to run (its imports done)."""
    if name.startswith(NEWSBRIEF_PREFIX) and name[len(NEWSBRIEF_PREFIX):] in METHODS:
        return _newsbrief(name[len(NEWSBRIEF_PREFIX):])
    if name in BASELINES or name == ORACLE:
        return _baseline(name)
    if name in SUMY:
        return _sumy(name)
    raise SettingsError(f"unknown system {name!r}; choose from {', '.join(system_names())}")


def _newsbrief(method: str) -> System:
    def newsbrief_system(documents: list[str], reference: list[str], words: int) -> list[str]:
        articles = [Article(id=f"document-{i}", text=doc) for i, doc in enumerate(documents)]
        try:
            brief = brief_articles(articles, Settings(words=words, method=method, facts=False))  # scored: the summary only
        except NothingToSummarize:
            return []  # nothing usable left (an all-debris cluster): an empty summary
        return fit_budget([s.text for s in brief.sentences], words)

    newsbrief_system.__name__ = f"newsbrief_{method}"
    return newsbrief_system


def _baseline(name: str) -> System:
    if name == ORACLE:
        return lambda documents, reference, words: baselines.oracle(documents, reference, words)
    summarize = {"lead": baselines.lead, "tfidf-centroid-mmr": baselines.tfidf_centroid_mmr}[name]
    return lambda documents, reference, words: summarize(documents, words)


class RegexWordTokenizer:
    """What sumy's document model needs from a tokenizer (`to_words`, `language`), with no
    NLTK data: words are runs of letters with inner apostrophes or hyphens, the words
    sumy's own tokenizer keeps (it drops tokens with digits or without letters)."""

    language = "english"
    _WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*")

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(self._WORD.findall(text))

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_text(paragraph))


def sumy_document(documents: list[str], tokenizer: RegexWordTokenizer | None = None):
    """A sumy `ObjectDocumentModel`: one paragraph per document, newsbrief's sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence  # optional: sumy (the eval extra)

    tokenizer = tokenizer or RegexWordTokenizer()
    return ObjectDocumentModel(
        [Paragraph([Sentence(s, tokenizer) for s in tokenizer.to_sentences(doc)]) for doc in documents]
    )


def top_rated_filling(words: int) -> Callable[[list], list]:
    """A sumy `sentences_count`: given the sentences best-rated first, the shortest head of
    that list whose whitespace words reach `words` (all of them when they never do)."""

    def count(rated: list) -> list:
        total = 0
        for k, info in enumerate(rated, 1):
            total += len(str(info.sentence).split())
            if total >= words:
                return rated[:k]
        return rated

    return count


def _sumy(name: str) -> System:
    module_name, class_name = SUMY[name].split(":")
    try:
        summarizer_class = getattr(import_module(module_name), class_name)
        from sumy.nlp.stemmers import Stemmer  # optional: sumy (the eval extra)
        from sumy.utils import get_stop_words
    except ImportError:
        raise NewsbriefError(f"system {name!r} needs the sumy package: pip install 'newsbrief[eval]'") from None

    if name == "lsa":
        summarizer_class = _reproducible_lsa(summarizer_class)
    stemmer = lru_cache(maxsize=100_000)(Stemmer("english"))  # Snowball (NLTK code, no data)
    summarizer = summarizer_class(stemmer)
    summarizer.stop_words = get_stop_words("english")
    tokenizer = RegexWordTokenizer()

    def sumy_system(documents: list[str], reference: list[str], words: int) -> list[str]:
        document = sumy_document(documents, tokenizer)
        with warnings.catch_warnings():  # LSA warns when a cluster has fewer words than sentences
            warnings.simplefilter("ignore")
            chosen = summarizer(document, top_rated_filling(words))
        return fit_budget([str(s) for s in chosen], words)

    sumy_system.__name__ = f"sumy_{name}"
    return sumy_system


def _reproducible_lsa(lsa_class: type) -> type:
    """sumy's LSA numbers its terms in `frozenset` order, which changes with the string hash
    seed of each Python process, and the SVD then breaks near-ties differently from run to
    run (ROUGE-1 moved by up to 0.03 on 100 clusters). Numbering the terms in sorted order
    makes it reproducible; the method is otherwise unchanged."""

    class ReproducibleLsaSummarizer(lsa_class):
        def _create_dictionary(self, document):
            return {term: row for row, term in enumerate(sorted(super()._create_dictionary(document)))}

    return ReproducibleLsaSummarizer
