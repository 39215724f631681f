"""The shared selection step: MMR under the word budget, and reading order."""

import numpy as np
import pytest

from newsbrief.config import Settings
from newsbrief.model import Article
from newsbrief.summarize.base import build_candidates, opens_unclosed_quote, tfidf_vectors
from newsbrief.summarize.centroid import CentroidSummarizer


def test_tfidf_rows_are_unit_length_or_zero():
    vectors = tfidf_vectors(["Rebels fled the city of Aleppo.", "the of and", "Aleppo fell to the army."])
    norms = np.linalg.norm(vectors, axis=1)
    assert np.allclose(norms, [1.0, 0.0, 1.0])


def test_near_copies_become_one_candidate_with_all_copies():
    text = "Government forces took the al-Sukkari district after days of intense shelling."
    a = Article(id="a", text=text, cleaned=True)
    b = Article(id="b", text=text.replace("intense", "heavy"), cleaned=True)
    candidates = build_candidates([a, b], Settings())
    assert len(candidates) == 1 and candidates[0].article_count == 2


def test_redundancy_control_avoids_choosing_both_of_two_similar_sentences():
    articles = [
        Article(id="a", text="The army captured the eastern district of Aleppo on Monday morning after heavy fighting.\n"
                             "Aid groups said food supplies in the city will run out within two weeks.", cleaned=True),
        Article(id="b", text="On Monday morning the army captured Aleppo's eastern district after heavy fighting there.\n"
                             "Hospitals reported dozens of wounded civilians arriving overnight.", cleaned=True),
    ]
    chosen = CentroidSummarizer(Settings(words=30, redundancy=0.3)).summarize(articles)
    assert sum("captured" in s.text for s in chosen) == 1


def test_chosen_sentences_come_in_reading_order():
    article = Article(id="a", text="\n".join(f"Sentence number {i} reports on the siege of the city of Aleppo today." for i in range(8)),
                      cleaned=True)
    chosen = CentroidSummarizer(Settings(words=40)).summarize([article])
    positions = [s.sources[0].start for s in chosen]
    assert positions == sorted(positions)


@pytest.mark.parametrize("text, fragment", [
    ("“It is going to be a very difficult situation because there is no place for them.", True),
    ('" we will not leave, the people of aleppo will not leave our homes', True),
    ("“There is a mass exodus,” he said.", False),
    ('" i am here, " he said.', False),
    ("The army said the city had fallen.", False),
])
def test_a_sentence_opening_an_unclosed_quote_is_a_fragment(text, fragment):
    assert opens_unclosed_quote(text) is fragment
