"""Which figures a reader is shown: those whose words say what the number counts."""

from __future__ import annotations

import pytest

from newsbrief.facts.figures import says_what_it_counts
from newsbrief.model.facts import Figure, Mention


def figure(noun, event=None, unit=None):
    return Figure(text="25", value=25, high=None, qualifier=None, unit=unit, noun=noun, event=event, source=None,
                  sentence="…", mentions=(Mention("a", 0, 2),))


# labels read on the judged review set (tests/data/review): the first group says what it counts
@pytest.mark.parametrize("noun, event, shown", [
    ("people", "fled", True), ("civilians", None, True), ("scam email accounts", None, True),
    ("Costa Rican pilots", None, True), ("loss", None, True), ("Americans", None, True), ("Republicans", None, True),
    (None, None, False),  # "**eight days**" alone
    ("behind", None, False), ("Photos", None, False), ("SONY Spider-Man", None, False),
    ("people", None, False), ("times", None, False), ("thing's", None, False),
    ("pounds", None, False), ("seasons", None, False), ("countries", None, False),  # a unit alone: of what?
    ("seasons", "won", True), ("debris pounds", None, True),
])
def test_a_figure_is_shown_only_when_its_words_say_what_it_counts(noun, event, shown):
    assert says_what_it_counts(figure(noun, event)) is shown
