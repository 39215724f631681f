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


PAST = ("Rescuers searched the river for survivors on Tuesday after the ferry sank near the city of Rivertown.\n"
        "The last ferry disaster on the river, on March 3, 2009, killed 41 people near the same bridge.")


def test_an_event_long_before_the_first_article_is_background():
    from newsbrief.model import Article

    facts = extract_facts(document([Article("a", PAST, published=date(2018, 1, 9))]), Settings(entity_model=""))
    background = {e.when: e.background for e in facts.timeline}
    assert background == {"on Tuesday": False, "March 3, 2009": True}


def test_a_figure_of_a_past_event_is_background():
    from newsbrief.model import Article

    facts = extract_facts(document([Article("a", PAST, published=date(2018, 1, 9))]), Settings(entity_model=""))
    [killed] = [f for f in facts.figures if f.value == 41]
    assert killed.background


def test_the_markdown_timeline_shows_the_storys_own_days_before_past_events():
    from newsbrief.model import Facts, Mention, TimelineEvent
    from newsbrief.output.facts_markdown import facts_to_markdown

    own = [TimelineEvent(date(2018, 1, d), "day", f"January {d}", f"Search resumed on January {d}.",
                         (Mention("a", 0, 5),)) for d in (5, 6)]
    past = TimelineEvent(date(2009, 3, 3), "day", "March 3, 2009", "The last disaster was on March 3, 2009.",
                         (Mention("a", 0, 5),), background=True)
    text = "\n".join(facts_to_markdown(Facts(timeline=(past, *own)), {"a": 1}, limit=2))
    assert "January 5" in text and "January 6" in text and "March 3, 2009:" not in text
