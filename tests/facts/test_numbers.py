"""Quantities: what is a figure, its value, range, qualifier and unit; what is not a figure."""

import pytest

from newsbrief.facts.numbers import bounds, find_quantities


def only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, high, qualifier, unit", [
    ("An estimated 10,000 people fled", 10_000, None, "an estimated", None),
    ("civilians are fleeing by the tens of thousands", 10_000, 99_999, None, None),
    ("More than 500 people have been killed", 500, None, "more than", None),
    ("it lost a third of the city", 1 / 3, None, None, None),
    ("taken more than three-quarters of the area", 0.75, None, "more than", None),
    ("fled from around 20% of their territory", 20, None, "around", "%"),
    ("among them are 100,000 children", 100_000, None, None, None),
    ("a $5 billion hit to profits", 5e9, None, None, "USD"),
    ("the crowds - about 5-6,000 people - were removed", 5_000, 6_000, "about", None),
    ("a tax of between 8% and 15.5% on cash", 8, 15.5, None, "%"),
    ("after an 18-month investigation", 18, None, None, "months"),
    ("pushed into 4 and a half minutes", 4.5, None, None, "minutes"),
    ("a 40-metre-deep well", 40, None, None, "m"),
    ("two hundred and fifty thousand people", 250_000, None, None, None),
    ("99.9 percent of the time", 99.9, None, None, "%"),
    ("injuring one person", 1, None, None, None),
])
def test_a_quantity_is_read_with_its_value_range_qualifier_and_unit(text, value, high, qualifier, unit):
    q = only(text)
    assert q.value == pytest.approx(value)
    assert q.high == (pytest.approx(high) if high is not None else None)
    assert q.qualifier == qualifier
    assert q.unit == unit


def test_the_span_covers_the_qualifier_and_the_number():
    text = "SANA put the figure at around 20,000."
    q = only(text)
    assert text[q.start:q.end] == "around 20,000"


@pytest.mark.parametrize("text", [
    "In August 2012 it happened again",
    "on December 12 and Dec. 31, 2017",
    "at around 5:10 a.m., at 9pm and 5.10am",
    "the 53rd Street tunnel, the first time",
    "the 58-year-old Horomanski; Ahed Tamimi, 16, was charged",
    "Michael Neu, 67 of Slidell, was arrested",
    "Hawaii Airlines Flight no. 446, Flight #HA446, a Cessna 208B, COVID-19",
    "call 0207 782 4368",
    "One of the pilots died; no one was injured; one involving an organizer",
    "One train was stationary and the other was moving",
    "punching a soldier two weeks ago; arrested three days after the confrontation",
    "a third party; a couple hundred",
])
def test_dates_times_ages_ordinals_identifiers_and_pronouns_are_not_figures(text):
    assert find_quantities(text) == []


def test_another_marks_an_increment():
    assert only("Another 1,800 have been injured").increment


@pytest.mark.parametrize("qualifier, expected", [
    (None, (9_500, 10_500)), ("about", (9_000, 11_000)), ("more than", (10_000, float("inf"))),
    ("up to", (0, 10_000)),
])
def test_bounds_follow_the_qualifier_and_the_tolerance(qualifier, expected):
    assert bounds(10_000, None, qualifier, False, 0.1) == pytest.approx(expected)


@pytest.mark.parametrize("text", [
    "It can lift more than a fully laden 737 aircraft into space.",
    "The airline grounded its 737 jets.",
    "The Heavy is capable of delivering, in one fell swoop, a record payload.",
])
def test_aircraft_models_and_idioms_are_not_figures(text):
    assert find_quantities(text) == []
