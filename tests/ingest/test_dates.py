"""Publication dates: explicit markup first, the URL after it, and never a day the page does not state."""

from __future__ import annotations

from datetime import date

import pytest

from newsbrief.ingest.dates import publication_date, states_day
from newsbrief.ingest.html import parse_html


def page(head: str = "", body: str = "<p>Officials said the talks would resume.</p>"):
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>")


def test_published_time_meta_tag_gives_the_day():
    assert publication_date(page('<meta property="article:published_time" content="2019-11-18T22:15:00-05:00">')) == date(2019, 11, 18)


def test_json_ld_date_published_gives_the_day():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-11-19T07:03:25Z"}</script>'
    assert publication_date(page(ld)) == date(2019, 11, 19)


def test_original_date_wins_over_the_last_update():
    head = ('<meta property="article:published_time" content="2019-11-18T10:00:00Z">'
            '<meta property="article:modified_time" content="2019-11-20T10:00:00Z">')
    assert publication_date(page(head)) == date(2019, 11, 18)


def test_markup_wins_over_the_url():
    head = '<meta property="article:published_time" content="2019-11-19T07:03:25Z">'
    assert publication_date(page(head), "https://example.com/2019/11/18/story") == date(2019, 11, 19)


def test_url_date_is_used_when_the_markup_has_none():
    assert publication_date(page(), "https://example.com/2016/12/05/aleppo-gains") == date(2016, 12, 5)


@pytest.mark.parametrize("body", [
    "<p>Posted in November 2019. Officials said the talks would resume.</p>",
    "<footer>Copyright 2019 Example News</footer>",
])
def test_a_month_or_year_never_becomes_the_first_of_the_month(body):
    assert publication_date(page(body=body)) is None


def test_a_year_and_month_url_never_becomes_a_day():
    assert publication_date(page(), "https://example.com/2019/11/story-title") is None


def test_a_stated_first_of_the_month_is_kept():
    head = '<meta property="article:published_time" content="2019-11-01T09:00:00Z">'
    assert publication_date(page(head)) == date(2019, 11, 1)


def test_no_date_anywhere_gives_none():
    assert publication_date(page()) is None


@pytest.mark.parametrize("text", ["2019-11-01", "01.11.2019", "1 November 2019", "November 1, 2019", "Nov. 1st, 2019"])
def test_states_day_recognises_common_spellings(text):
    assert states_day(f"<p>Published {text}</p>", date(2019, 11, 1))


@pytest.mark.parametrize("text", ["November 2019", "2019-11-10", "11 November 2019", "© 2019"])
def test_states_day_is_not_fooled_by_other_dates(text):
    assert not states_day(f"<p>Published {text}</p>", date(2019, 11, 1))
