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


# -- the Document: built once, read by every later stage ---------------------------------------------

WIRE = ("Government forces took three districts of eastern Aleppo on Sunday, a monitoring group said.\n"
        "Thousands of residents fled towards the west of the city overnight.")


def test_prepare_gives_every_sentence_with_offsets_into_its_cleaned_article(seed_paths):
    from newsbrief.config import Settings
    from newsbrief.ingest import read_inputs
    from newsbrief.pipeline import prepare

    articles, _ = read_inputs([str(p) for p in seed_paths], Settings())
    doc = prepare(articles, Settings())
    text = {a.id: a.text for a in doc.articles}
    assert len(doc.articles) == 2 and len(doc.sentences) > 20
    assert all(text[s.article_id][s.start:s.end] == s.text for s in doc.sentences)
    assert all(doc.sentences_of(a.id) for a in doc.articles)


def test_prepare_groups_a_wire_sentence_carried_by_two_outlets():
    from newsbrief.config import Settings
    from newsbrief.pipeline import prepare

    doc = prepare([Article("a", WIRE, outlet="A"), Article("b", WIRE.replace("Sunday", "Sunday,"), outlet="B")],
                  Settings())
    shared = [g for g in doc.copy_groups if len(g) > 1]
    assert len(shared) == 2
    assert all({doc.sentences[i].article_id for i in g} == {"a", "b"} for g in shared)


def test_prepare_flags_page_furniture_and_leaves_it_out_of_the_copy_groups():
    from newsbrief.config import Settings
    from newsbrief.pipeline import prepare

    caption = "Hide Caption 3 of 12 Photos: Residents leave eastern Aleppo on foot."
    doc = prepare([Article("a", WIRE + "\n" + caption)], Settings(), cleaned=True)  # as stored: the caption kept
    [flagged] = [i for i, s in enumerate(doc.sentences) if s.furniture]
    assert doc.sentences[flagged].text == caption
    assert flagged not in {i for g in doc.copy_groups for i in g}


def test_prepare_orders_the_articles_the_same_whatever_the_input_order():
    from newsbrief.config import Settings
    from newsbrief.pipeline import prepare

    a, b = Article("a", WIRE, outlet="Zeta"), Article("b", WIRE, outlet="Alpha")
    assert prepare([a, b], Settings()) == prepare([b, a], Settings())


def test_the_summary_and_facts_never_split_sentences_again(seed_paths, monkeypatch):
    """Once the Document is built, sentence splitting is not called: the stages read doc.sentences."""
    from newsbrief import pipeline
    from newsbrief.config import Settings
    from newsbrief.ingest import read_inputs

    articles, _ = read_inputs([str(p) for p in seed_paths], Settings())
    doc = pipeline.prepare(articles, Settings())

    def no_split(article):
        raise AssertionError("split again")

    monkeypatch.setattr(pipeline, "segment_article", no_split)
    brief = pipeline.brief_document(doc, Settings(entity_model=""))
    assert brief.sentences and brief.facts is not None and brief.facts.figures


def test_two_articles_with_one_id_keep_their_own_sentences_and_citations():
    from newsbrief.config import Settings
    from newsbrief.pipeline import brief_articles

    first = Article("1", WIRE, path="a.jsonl", outlet="A")
    second = Article("1", "Aid agencies said food and medicine would run out within days in the besieged east.",
                     path="b.jsonl", outlet="B")
    brief = brief_articles([first, second], Settings(facts=False))
    assert [s.article_id for s in brief.sources] == ["1", "1@b.jsonl"]
    texts = {a.id: a.text for a in brief.articles}
    assert all(texts[span.article_id][span.start:span.end] == s.text for s in brief.sentences for span in s.sources)
