"""Figures in sentences about something else than the story are marked aside."""

from dataclasses import replace

from newsbrief.facts.relevance import mark_asides


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
