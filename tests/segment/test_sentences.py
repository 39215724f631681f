"""Sentence splitting: quotes, abbreviations, datelines, headings, offsets."""

import pytest

from newsbrief.model import Article
from newsbrief.segment.sentences import dateline_length, is_heading, segment_article, split_sentences


def texts(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_plain_sentences():
    assert texts("The army advanced. Civilians fled. Who is next?") == [
        "The army advanced.", "Civilians fled.", "Who is next?"]


@pytest.mark.parametrize("text", [
    "Mr. Smith met Dr. Jones in St. Louis on Jan. 5 at the U.N. headquarters.",
    "J. K. Rowling and George W. Bush met there.",
    "He ranked No. 1 in the league.",
])
def test_does_not_split_after_abbreviations_and_initials(text):
    assert texts(text) == [text]


def test_splits_after_abbreviation_when_a_sentence_clearly_starts():
    assert texts("He left at 5 p.m. The next day he returned.") == ["He left at 5 p.m.", "The next day he returned."]


def test_keeps_a_quoted_passage_with_its_attribution():
    text = '"Bodies are on the ground. We can\'t do anything," said Ahmad Edrees. Another 1,800 were hurt.'
    assert texts(text) == ['"Bodies are on the ground. We can\'t do anything," said Ahmad Edrees.',
                           "Another 1,800 were hurt."]


def test_curly_quotes_close_their_sentence():
    text = "“There is a mass exodus,” he said. “It is going to be difficult.” Then he left."
    assert texts(text) == ["“There is a mass exodus,” he said.", "“It is going to be difficult.”", "Then he left."]


def test_standalone_tokenised_quotes_go_to_the_sentence_they_close():
    text = 'the president said so. " i am here, " he said. " We go. " Next one.'
    assert texts(text) == ["the president said so.", '" i am here, " he said.', '" We go. "', "Next one."]


def test_line_breaks_always_end_sentences():
    assert texts("Nowhere to run\nMore than 500 people have been killed") == [
        "Nowhere to run", "More than 500 people have been killed"]


def test_spans_are_offsets_into_the_text():
    text = "First one here.\n\n  Second one here. Third."
    spans = split_sentences(text)
    assert len(spans) == 3
    for s, e in spans:
        assert text[s:e].strip() == text[s:e] and text[s:e]


@pytest.mark.parametrize("sentence, dateline", [
    ("ALEPPO — Syrian forces made gains.", "ALEPPO — "),
    ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON (AP) — "),
    ("ALEPPO, Syria (CNN) -- Rebels withdrew.", "ALEPPO, Syria (CNN) -- "),
    ("washington ( ap ) — the senate voted.", "washington ( ap ) — "),
])
def test_finds_datelines(sentence, dateline):
    assert sentence[: dateline_length(sentence)] == dateline


@pytest.mark.parametrize("sentence", [
    "Syria — a country at war — is in ruins.",
    "An estimated 10,000 people fled, civilians told CNN — a number backed by Russian officials.",
])
def test_ordinary_dashes_are_not_datelines(sentence):
    assert dateline_length(sentence) == 0


@pytest.mark.parametrize("line, heading", [
    ("Failed attempts at peace", True),
    ("Syrian forces make sweeping gains in eastern Aleppo", True),
    ("The neighborhood was taken from rebel forces.", False),
    ("“It is going to be a very difficult situation because there is no place for all these fleeing civilians.", False),
])
def test_recognises_headings(line, heading):
    assert is_heading(line) is heading


def test_segment_article_leaves_the_dateline_out_and_keeps_offsets(seed_paths):
    article = Article(id="a", text=seed_paths[0].read_text(encoding="utf-8"))
    sentences = segment_article(article)
    assert all(article.text[s.start:s.end] == s.text for s in sentences)
    assert any(s.text.startswith("Syrian government forces and their allies made significant gains") for s in sentences)
    assert not any(s.text.startswith("ALEPPO") for s in sentences)
