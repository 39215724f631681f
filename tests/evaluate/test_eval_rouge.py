"""fit_budget and the ROUGE wrapper."""

import pytest

from newsbrief.evaluate.rouge import fit_budget, ngram_f1, ngrams, rouge, tokens

SENTENCES = ["One two three.", "Four five six seven.", "Eight nine ten eleven twelve."]


def words(sentences):
    return sum(len(s.split()) for s in sentences)


def test_fit_budget_keeps_whole_sentences_that_fit():
    assert fit_budget(SENTENCES, 7) == SENTENCES[:2]
    assert fit_budget(SENTENCES, 100) == SENTENCES


def test_fit_budget_cuts_the_last_sentence_at_the_budget():
    assert fit_budget(SENTENCES, 5) == ["One two three.", "Four five"]
    assert fit_budget(SENTENCES, 9) == SENTENCES[:2] + ["Eight nine"]
    assert words(fit_budget(SENTENCES, 9)) == 9


def test_fit_budget_edges():
    assert fit_budget(SENTENCES, 0) == []
    assert fit_budget([], 10) == []
    assert fit_budget(["  ", "a  b\n c", ""], 2) == ["a b"]
    with pytest.raises(ValueError, match="words"):
        fit_budget(SENTENCES, -1)


def test_rouge_of_a_text_with_itself_is_100():
    scores = rouge(SENTENCES, SENTENCES)
    assert set(scores) == {"rouge1", "rouge2", "rougeLsum"}
    assert all(v == pytest.approx(100.0) for v in scores.values())


def test_rouge_is_zero_without_overlap_and_for_an_empty_candidate():
    assert rouge(["Alpha beta gamma."], SENTENCES) == {"rouge1": 0, "rouge2": 0, "rougeLsum": 0}
    assert rouge([], SENTENCES) == {"rouge1": 0, "rouge2": 0, "rougeLsum": 0}


def test_rouge_stems_and_ignores_case_and_punctuation():
    assert rouge(["The cats were RUNNING!"], ["the cat was running"])["rouge1"] > 70


def test_ngram_f1_matches_rouge():
    cand, ref = ["Four five six, one two."], SENTENCES
    c, r = tokens(" ".join(cand)), tokens(" ".join(ref))
    scores = rouge(cand, ref)
    assert 100 * ngram_f1(ngrams(c, 1), ngrams(r, 1)) == pytest.approx(scores["rouge1"])
    assert 100 * ngram_f1(ngrams(c, 2), ngrams(r, 2)) == pytest.approx(scores["rouge2"])
