"""What a quantity counts: the counted noun and the event, read from the words around it."""

import pytest

from newsbrief.facts.counting import Counted, counted, noun_key
from newsbrief.facts.numbers import find_quantities


def what(sentence: str, previous: Counted | None = None) -> Counted:
    quantity = find_quantities(sentence)[0]
    return counted(sentence, quantity, (0, len(sentence)), previous)


@pytest.mark.parametrize("sentence, noun, event", [
    ("An estimated 10,000 people fled over the weekend, civilians told CNN.", "people", "fled"),
    ("More than 500 people have already been killed in the past two weeks.", "people", "killed"),
    ("An estimated 250,000 people have been trapped in eastern Aleppo since July.", "people", "trapped"),
    ("Among them, UNICEF says, are 100,000 children.", "children", None),
    ("A small plane crash killed 12 people, officials said.", "people", "killed"),
    ("killing at least six civilians and wounding 120, officials said.", "civilians", "killed"),
    ("Two pyrotechnicians jumped off the boat.", "pyrotechnicians", None),
    ("They have fled from around 20% of their territory.", "territory", "fled"),
    ("The government has now taken more than three-quarters of the area.", "area", None),
])
def test_the_counted_noun_and_event(sentence, noun, event):
    assert what(sentence) == Counted(noun, event)


def test_a_figure_without_a_noun_takes_the_one_it_continues():
    assert what("Another 1,800 have been injured, the group said.", Counted("people", "killed")) == Counted("people", "injured")
    assert what("SANA put the figure at around 20,000.", Counted("people", "fled")) == Counted("people", "fled")


def test_how_many_names_what_a_bare_number_counts():
    sentence = "It's difficult to know how many civilians remain trapped, but 100,000 are estimated to still be living there."
    assert what(sentence) == Counted("civilians", "trapped")


def test_civilians_and_people_compare_as_people():
    assert noun_key("civilians") == noun_key("people") == "people"
    assert noun_key("children") != noun_key("people")


@pytest.mark.parametrize("sentence, noun", [
    ("With more than 5 million pounds of liftoff thrust the Heavy will be capable of lifting super-size satellites.",
     "pounds of liftoff thrust"),
    ("The Heavy is capable of delivering 140,660 pounds (63,800 kilograms) of cargo to low-Earth orbit.", "pounds of cargo"),
])
def test_a_measure_counts_what_it_measures(sentence, noun):
    assert what(sentence).noun == noun


def test_a_bare_measure_has_no_comparison_key():
    assert noun_key("pounds") is None and noun_key("pounds of liftoff thrust") == noun_key("pound of thrust")


def test_model_numbers_and_participles_are_not_part_of_the_counted_noun():
    sentence = "the average thrust from the Falcon Heavy’s 27 kerosene-fueled Merlin 1D engines will be throttled back"
    assert what(sentence).noun == "Merlin engines"


def test_the_counted_noun_stops_at_a_parenthesis():
    assert what("The Delta 4-Heavy can haul up to 62,540 pounds (28,370 kilograms) to a low-altitude orbit.").noun == "pounds"


def test_a_part_of_a_set_named_before_is_marked():
    sentence = "A spokeswoman said 20 of those injured were taken to St George’s university hospital in Tooting."
    assert what(sentence) == Counted("people", "injured", part=True)


def test_trapping_is_the_trapped_event():
    assert what("The tram overturned in Croydon, trapping five people.") == Counted("people", "trapped")
