"""The timeline: dated sentences in date order, resolved against the article's date, merged across copies."""

from dataclasses import replace
from datetime import date

from newsbrief.config import Settings
from newsbrief.facts import extract_facts

from tests.conftest import document


def test_dates_resolve_against_each_article_and_sort(dated_facts):
    dated = [e for e in dated_facts.timeline if e.date]
    assert [e.date for e in dated] == sorted(e.date for e in dated)
    by_when = {(e.when, e.date) for e in dated}
    assert ("November 15", date(2016, 11, 15)) in by_when
    assert ("on Monday", date(2016, 12, 12)) in by_when


def test_unresolved_dates_keep_their_words_and_come_last(example_facts):
    assert example_facts.timeline and all(e.date is None for e in example_facts.timeline)
    assert any(e.when == "November 27" for e in example_facts.timeline)


def test_a_syndicated_copy_adds_mentions_not_events(dated_articles):
    article = dated_articles[0]
    copy = replace(article, id=article.id + "-copy")
    single = extract_facts(document([article], cleaned=False), Settings(entity_model=""))
    double = extract_facts(document([article, copy], cleaned=False), Settings(entity_model=""))
    assert len(double.timeline) == len(single.timeline)
    assert all(len(e.mentions) == 2 for e in double.timeline)
