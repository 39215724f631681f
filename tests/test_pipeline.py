"""End to end on the two seed articles: debris gone, citations true, budget kept."""

import pytest

import newsbrief
from newsbrief.model import Article

DEBRIS = [
    "Come out to the York JCC",
    "This is an archived article",
    "Advertisement",
    "you are using an outdated browser",
    "Connect With Us",
    "0242202447",
    "READ:",
    "Photo credit should read",
    "GEORGE OURFALIAN",
    "Credit: CNN",
]
CAPTION_REPEAT = "This was the first time the regime had entered the district since 2013"
MASAKEN_CAPTION = "Syrian pro-government forces in the Masaken Hanano district in eastern Aleppo on Sunday"


@pytest.fixture(scope="module")
def seed_brief(seed_paths):
    return newsbrief.brief(seed_paths, words=2000)  # a budget large enough to admit every sentence


@pytest.mark.parametrize("debris", DEBRIS)
def test_no_debris_in_the_brief(seed_brief, debris):
    assert debris not in seed_brief.text


@pytest.mark.parametrize("debris", DEBRIS)
def test_no_debris_in_the_cleaned_text(seed_brief, debris):
    assert seed_brief.articles
    assert all(debris not in article.text for article in seed_brief.articles)


@pytest.mark.parametrize("repeated", [CAPTION_REPEAT, MASAKEN_CAPTION])
def test_a_repeated_sentence_survives_at_most_once(seed_brief, repeated):
    assert sum(article.text.count(repeated) for article in seed_brief.articles) <= 1
    assert seed_brief.text.count(repeated) <= 1


def test_every_brief_sentence_occurs_in_each_cited_article(seed_brief):
    text_of = {a.id: a.text for a in seed_brief.articles}
    assert seed_brief.sentences
    for sentence in seed_brief.sentences:
        assert sentence.sources
        for span in sentence.sources:
            assert text_of[span.article_id][span.start:span.end] == sentence.text


@pytest.mark.parametrize("words", [20, 50, 120, 150])
def test_the_brief_respects_the_word_budget(seed_paths, words):
    brief = newsbrief.brief(seed_paths, words=words)
    assert 0 < brief.words <= words


def test_the_brief_draws_on_both_articles(seed_paths):
    brief = newsbrief.brief(seed_paths, words=150)
    cited = {span.article_id for s in brief.sentences for span in s.sources}
    assert len(cited) == 2


def test_titles_come_from_the_articles(seed_paths):
    brief = newsbrief.brief(seed_paths)
    assert brief.title in {"Aleppo: Syrian government forces make significant gains",
                           "Syrian forces make sweeping gains in eastern Aleppo"}


def test_a_syndicated_copy_is_cited_alongside_the_original(seed_paths, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text("Advertisement\n\n" + seed_paths[1].read_text(encoding="utf-8") + "\n\nShare this article",
                    encoding="utf-8")
    brief = newsbrief.brief([seed_paths[1], copy], words=120)
    assert brief.sentences
    for sentence in brief.sentences:
        assert len({span.article_id for span in sentence.sources}) == 2


def test_articles_can_be_passed_as_objects(seed_paths):
    articles = [Article(id=f"a{i}", text=p.read_text(encoding="utf-8")) for i, p in enumerate(seed_paths)]
    brief = newsbrief.brief(articles, words=80)
    assert brief.sentences and {s.article_id for s in brief.sources} == {"a0", "a1"}
