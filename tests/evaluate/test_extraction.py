"""The benchmarks' scoring methods, reimplemented: shingle P/R/F1 and must/must-not snippets."""

from __future__ import annotations

from collections import Counter

import pytest

from newsbrief.evaluate.extraction import page_counts, shingle_scores, shingles, snippet_counts, snippet_scores

GOLD = "one two three four five six seven eight"


def test_shingles_are_four_token_windows_counted_with_repeats():
    assert shingles("a b c d a b c d") == Counter({("a", "b", "c", "d"): 2, ("b", "c", "d", "a"): 1,
                                                    ("c", "d", "a", "b"): 1, ("d", "a", "b", "c"): 1})


def test_a_text_shorter_than_a_shingle_is_one_shingle():
    assert shingles("a b") == Counter({("a", "b"): 1})


def test_exact_prediction_scores_one():
    scores = shingle_scores([(GOLD, GOLD)])
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)


def test_extra_text_lowers_precision_only():
    scores = shingle_scores([(GOLD + " menu home sport weather", GOLD)])
    assert scores.recall == 1.0 and scores.precision == pytest.approx(5 / 9)


def test_counts_are_normalised_per_page():
    assert sum(page_counts("x y z w " + GOLD, GOLD)) == pytest.approx(1.0)


def test_empty_prediction_counts_for_recall_but_not_precision():
    scores = shingle_scores([(GOLD, GOLD), ("", GOLD)])
    assert (scores.precision, scores.recall) == (1.0, 0.5)


def test_snippets_found_and_not_found():
    counts = snippet_counts("The  quick brown\nfox jumps.", must=["quick brown fox", "lazy dog"], must_not=["jumps.", "menu"])
    assert counts == Counter(tp=1, fn=1, fp=1, tn=1)
    assert snippet_scores(counts).f1 == pytest.approx(0.5)


def test_empty_output_finds_no_snippet():
    assert snippet_counts("", must=["a"], must_not=["b"]) == Counter(tp=0, fn=1, fp=0, tn=1)
