"""ROUGE at a fixed word budget, the way newsbrief's benchmarks report it.

1. `fit_budget` cuts a system's sentences to the budget (whole sentences in order,
   the last one cut at the budget), so every system is scored on the same length.
2. `rouge` scores candidate sentences against reference sentences with Google's
   `rouge-score` (Porter stemming on): ROUGE-1, ROUGE-2 and ROUGE-Lsum F1, x100.
   For ROUGE-Lsum both sides are joined with "\\n", one sentence a line.

`rouge-score` is a test/benchmark dependency (the `test` extra), imported on first use.
`tokens` exposes the scorer's own tokenizer, so code that needs many ROUGE-N
evaluations (the greedy oracle) can count n-grams itself and get the same numbers.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


def fit_budget(sentences: list[str], words: int) -> list[str]:
    """The sentences, in order, cut to at most `words` whitespace-separated words.

    Whole sentences are kept while they fit; the first that does not fit is cut at the
    budget (its remaining words dropped) and nothing after it is kept. Blank sentences
    are skipped.
    """
    if words < 0:
        raise ValueError(f"words must be at least 0, got {words}")
    kept: list[str] = []
    left = words
    for sentence in sentences:
        sentence_words = sentence.split()
        if not sentence_words:
            continue
        if left <= 0:
            break
        if len(sentence_words) <= left:
            kept.append(" ".join(sentence_words))
        else:
            kept.append(" ".join(sentence_words[:left]))
        left -= len(sentence_words)
    return kept


def rouge(candidate_sentences: list[str], reference_sentences: list[str]) -> dict[str, float]:
    """ROUGE-1/2/Lsum F1 (x100) of the candidate sentences against the reference sentences."""
    scores = _scorer().score(_lines(reference_sentences), _lines(candidate_sentences))
    return {name: 100.0 * scores[name].fmeasure for name in ROUGE_TYPES}


def tokens(text: str) -> list[str]:
    """`text` tokenized exactly as the scorer does it (lowercase, alphanumeric runs, stemmed)."""
    return _scorer()._tokenizer.tokenize(text)


def ngrams(token_list: list[str], n: int) -> Counter:
    """The n-gram counts of a token list (as `rouge-score` counts them for ROUGE-N)."""
    return Counter(tuple(token_list[i:i + n]) for i in range(len(token_list) - n + 1))


def ngram_f1(candidate: Counter, reference: Counter) -> float:
    """ROUGE-N F1 (0..1) from n-gram counts, as `rouge-score` computes it."""
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def _lines(sentences: list[str]) -> str:
    # One sentence a line; a newline inside a sentence would split it for ROUGE-Lsum.
    return "\n".join(" ".join(s.split()) for s in sentences if s.strip())


@lru_cache(maxsize=1)
def _scorer():
    """The scorer, built once. Its tokenizer is the default one (stemming on) with the
    Porter stemmer memoized: identical tokens, several times faster on repeated words."""
    try:
        from rouge_score import rouge_scorer, tokenize, tokenizers  # optional: rouge-score (the eval extra)
    except ImportError:
        raise ImportError(
            "newsbrief.evaluate needs the rouge-score package: pip install 'newsbrief[test]'"
        ) from None

    class _MemoStemmer:
        def __init__(self):
            from nltk.stem import porter  # optional: nltk comes with rouge-score

            self.stem = lru_cache(maxsize=200_000)(porter.PorterStemmer().stem)

    class _Tokenizer(tokenizers.Tokenizer):
        def __init__(self):
            self._stemmer = _MemoStemmer()

        def tokenize(self, text):
            return tokenize.tokenize(text, self._stemmer)

    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True, tokenizer=_Tokenizer())
