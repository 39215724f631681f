"""Figures and past events in sentences about something else than the story are marked aside."""

from dataclasses import replace
from datetime import date

from newsbrief.facts.relevance import mark_aside_events, mark_asides
from newsbrief.model.facts import Mention, TimelineEvent


def test_a_figure_in_a_sidebar_about_something_else_is_aside(example_articles, example_facts):
    [fled] = [f for f in example_facts.figures if f.text == "An estimated 10,000"]
    deal = replace(fled, sentence="Anyone who upgraded to a new iPhone should buy this $13 charging accessory today.")
    marked = mark_asides([fled, deal], example_articles, threshold=0.2)
    assert [f.aside for f in marked] == [False, True]


def test_no_figure_of_the_example_story_is_aside(example_facts):
    assert not any(f.aside for f in example_facts.figures)


def test_a_threshold_of_zero_marks_nothing(example_articles, example_facts):
    figures = [replace(f, aside=False) for f in example_facts.figures]
    deal = replace(figures[0], sentence="Anyone who upgraded to a new iPhone should buy this $13 charging accessory today.")
    assert not any(f.aside for f in mark_asides([*figures, deal], example_articles, threshold=0))


def past_event(text: str, background: bool = True) -> TimelineEvent:
    return TimelineEvent(date(2009, 1, 1), "year", "in 2009", text, (Mention("a", 0, 1),), background=background)


def test_a_past_event_far_from_the_story_is_aside_and_the_storys_own_days_never(example_articles):
    wedding = "Arnold Schwarzenegger and Maria Shriver separated in May 2011 after 25 years of marriage."
    siege = "Government forces besieged eastern Aleppo in 2012, trapping civilians in the rebel-held districts."
    events = mark_aside_events([past_event(wedding), past_event(siege), past_event(wedding, background=False)],
                               example_articles, threshold=0.35)
    assert [e.aside for e in events] == [True, False, False]
