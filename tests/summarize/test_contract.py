"""Every summarizer goes through the same checks (a contract, as scikit-learn does for estimators)."""

import pytest

from newsbrief.config import METHODS, Settings
from newsbrief.model import Article
from newsbrief.summarize import make_summarizer
from newsbrief.summarize.base import Summarizer

from tests.conftest import document


@pytest.fixture(scope="module")
def seed_articles(seed_paths):
    from newsbrief.clean.article import clean_article

    return [clean_article(Article(id=p.name, text=p.read_text(encoding="utf-8"), path=str(p))) for p in seed_paths]


@pytest.mark.parametrize("method", METHODS)
def test_is_a_summarizer(method):
    assert isinstance(make_summarizer(Settings(method=method)), Summarizer)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("words", [15, 60, 120, 300])
def test_stays_within_the_word_budget(method, words, seed_articles):
    sentences = make_summarizer(Settings(method=method, words=words)).summarize(document(seed_articles))
    assert sum(len(s.text.split()) for s in sentences) <= words


@pytest.mark.parametrize("method", METHODS)
def test_fills_most_of_the_budget(method, seed_articles):
    sentences = make_summarizer(Settings(method=method, words=120)).summarize(document(seed_articles))
    assert sum(len(s.text.split()) for s in sentences) >= 90


@pytest.mark.parametrize("method", METHODS)
def test_every_sentence_is_cited_text_of_its_sources(method, seed_articles):
    text_of = {a.id: a.text for a in seed_articles}
    sentences = make_summarizer(Settings(method=method)).summarize(document(seed_articles))
    assert sentences
    for sentence in sentences:
        assert sentence.sources
        first = sentence.sources[0]
        assert text_of[first.article_id][first.start:first.end] == sentence.text


@pytest.mark.parametrize("method", METHODS)
def test_is_deterministic(method, seed_articles):
    summarizer = make_summarizer(Settings(method=method))
    assert summarizer.summarize(document(seed_articles)) == summarizer.summarize(document(seed_articles))


@pytest.mark.parametrize("method", METHODS)
def test_no_articles_give_no_sentences(method):
    assert make_summarizer(Settings(method=method)).summarize(document([])) == []


@pytest.mark.parametrize("method", METHODS)
def test_a_sentence_carried_by_two_articles_cites_both(method, seed_articles):
    copy = Article(id="copy", text=seed_articles[0].text)
    sentences = make_summarizer(Settings(method=method)).summarize(document([seed_articles[0], copy]))
    assert sentences
    for sentence in sentences:
        assert {span.article_id for span in sentence.sources} == {seed_articles[0].id, "copy"}


@pytest.mark.parametrize("method", METHODS)
def test_headings_are_never_chosen(method, seed_articles):
    chosen = {s.text for s in make_summarizer(Settings(method=method, words=2000)).summarize(document(seed_articles))}
    assert not chosen & {"Failed attempts at peace", "Nowhere to run"}
