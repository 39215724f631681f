"""Date expressions: explicit dates stand alone; the rest need the article's date, never a guess."""

from datetime import date

import pytest

from newsbrief.facts.dates import find_dates

MONDAY = date(2016, 12, 12)


def only(text: str, published=None):
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, expected", [
    ("forces made gains in east Aleppo on Monday", date(2016, 12, 12)),
    ("Forces on Saturday broke through", date(2016, 12, 10)),
    ("yesterday the army said", date(2016, 12, 11)),
    ("An estimated 10,000 people fled over the weekend", date(2016, 12, 10)),
    ("forces entered the enclave by ground on November 27", date(2016, 11, 27)),
    ("the talks will resume on Wednesday", date(2016, 12, 14)),
    ("the bill is due by January 5", date(2017, 1, 5)),
])
def test_references_resolve_against_the_article_date(text, expected):
    assert only(text, MONDAY).date == expected


def test_an_explicit_date_needs_no_article_date():
    mention = only("Syrian soldiers advance on October 6, 2016.")
    assert mention.date == date(2016, 10, 6) and mention.precision == "day"


@pytest.mark.parametrize("text", ["on Monday", "November 27", "over the weekend", "since July"])
def test_without_an_article_date_nothing_is_guessed(text):
    mention = only(text)
    assert mention.date is None
    assert mention.text.endswith(text.split()[-1])


def test_a_month_and_a_year():
    mention = only("she had to pay by November 2018")
    assert (mention.date, mention.precision) == (date(2018, 11, 1), "month")


def test_may_the_verb_is_no_month():
    assert find_dates("the verdict may be appealed", MONDAY) == []


FEB_MONDAY = date(2018, 2, 5)  # read on the review set's stories (tests/data/review)


@pytest.mark.parametrize("text", [
    "USA TODAY's request for comment was not immediately returned.",
    "Speaking to BBC Radio 4's Today programme, he said it was over.",
    "It is the biggest of today's companies.",
    "The key to this is the Long March 9 rocket.",
])
def test_names_and_nowadays_are_not_dates(text):
    assert find_dates(text, FEB_MONDAY) == []


def test_the_publication_weekday_is_that_day_whatever_the_tense():
    (monday,) = find_dates("In a blog post Monday, he wrote that the phone will ship in March.", FEB_MONDAY)[:1]
    assert monday.date == FEB_MONDAY


def test_a_month_that_will_come_is_the_next_one():
    (june,) = find_dates("The mission will launch in June.", date(2018, 1, 1))
    assert june.date == date(2018, 6, 1)
    (release,) = find_dates("The film will be released May 4.", date(2017, 11, 29))
    assert release.date == date(2018, 5, 4)


def test_last_july_is_past_whatever_else_the_sentence_will_do():
    (july,) = find_dates("The company, which bought it last July, will ship the glasses soon.", FEB_MONDAY)
    assert july.date == date(2017, 7, 1)


@pytest.mark.parametrize("text, expected", [
    ("On Feb. 20, the company said it would cut 500 jobs.", date(2024, 2, 20)),  # reported speech, past
    ("The rally, planned for Jan. 5, was cancelled.", date(2024, 1, 5)),
    ("The case was filed in U.S. District Court March 3.", date(2024, 3, 3)),
    ("Today's vote was close.", date(2024, 3, 10)),
])
def test_a_past_date_in_reported_speech_or_after_a_name_stays_past(text, expected):
    assert find_dates(text, date(2024, 3, 10))[0].date == expected


def test_the_weekday_after_the_page_date_is_the_next_day_not_six_days_before():
    thursday = date(2016, 7, 14)
    assert only("Hollande said in an address early Friday.", thursday).date == date(2016, 7, 15)
    assert only("Police arrested him last Friday.", thursday).date == date(2016, 7, 8)
    assert only("The mayor spoke on Tuesday.", thursday).date == date(2016, 7, 12)
