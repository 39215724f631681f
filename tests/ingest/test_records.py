"""A JSON record's fields -> Article fields, and dates that are never invented."""

from __future__ import annotations

from datetime import date

import pytest

from newsbrief.config import Settings
from newsbrief.ingest.records import article_from_record, parse_date
from newsbrief.model import Article, Rejected

TEXT = "Government forces advanced into the district on Sunday."


def article(**fields) -> Article | Rejected:
    return article_from_record(fields, source="news.jsonl:1", default_id="news.jsonl#1",
                               path="news.jsonl", settings=Settings())


@pytest.mark.parametrize("field", ["text", "body", "content", "maintext", "article"])
def test_text_is_taken_from_any_common_field(field):
    assert article(**{field: TEXT}).text == TEXT


def test_text_field_wins_over_body():
    assert article(text=TEXT, body="Other.").text == TEXT


def test_text_as_a_list_of_paragraphs_is_joined():
    assert article(text=["One.", "Two."]).text == "One.\n\nTwo."


def test_text_that_is_not_a_string_is_rejected():
    assert article(text=42) == Rejected("news.jsonl:1", "ingest", "article text in 'text' is not a string (got number)")


def test_text_windows_line_ends_become_newlines():
    assert article(text="One.\r\nTwo.").text == "One.\nTwo."


def test_id_falls_back_to_the_record_number():
    assert article(text=TEXT).id == "news.jsonl#1"
    assert article(text=TEXT, id="").id == "news.jsonl#1"


def test_numeric_id_becomes_a_string():
    assert article(text=TEXT, id=12).id == "12"


def test_path_is_the_file():
    assert article(text=TEXT).path == "news.jsonl"


@pytest.mark.parametrize("field", ["title", "headline"])
def test_title_variants(field):
    assert article(text=TEXT, **{field: " Gains in Aleppo "}).title == "Gains in Aleppo"


@pytest.mark.parametrize("field", ["url", "link"])
def test_url_variants(field):
    assert article(text=TEXT, **{field: "https://example.com/a"}).url == "https://example.com/a"


@pytest.mark.parametrize("field", ["source", "outlet", "source_domain", "site_name", "publisher"])
def test_outlet_variants(field):
    assert article(text=TEXT, **{field: "Reuters"}).outlet == "Reuters"


def test_outlet_from_a_source_object_uses_its_name():
    assert article(text=TEXT, source={"id": "bbc-news", "name": "BBC News"}).outlet == "BBC News"


def test_missing_fields_stay_none():
    got = article(text=TEXT)
    assert (got.title, got.url, got.outlet, got.published) == (None, None, None, None)


@pytest.mark.parametrize("field", ["published", "date", "published_at", "date_publish", "pubDate"])
def test_published_variants(field):
    assert article(text=TEXT, **{field: "2016-12-05"}).published == date(2016, 12, 5)


def test_first_parseable_date_field_wins():
    assert article(text=TEXT, published="2016-12", date="2016-12-05").published == date(2016, 12, 5)


@pytest.mark.parametrize("value, expected", [
    ("2016-12-05", date(2016, 12, 5)),
    ("2016-12-05T23:30:00Z", date(2016, 12, 5)),
    ("2016-12-05T23:30:00.123-05:00", date(2016, 12, 5)),  # the day as the outlet wrote it
    ("2016-12-05 10:00:00", date(2016, 12, 5)),
    ("Mon, 05 Dec 2016 10:00:00 GMT", date(2016, 12, 5)),
    ("December 5, 2016", date(2016, 12, 5)),
    ("5 Dec 2016", date(2016, 12, 5)),
    ("2016/12/05", date(2016, 12, 5)),
])
def test_published_dates_are_parsed(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2016-12", "2016", "Dec 2016", "05/12/2016", "yesterday", "", None, 1480896000])
def test_partial_ambiguous_or_unparseable_dates_are_none(value):
    assert parse_date(value) is None


def test_null_text_field_gives_way_to_the_next_one():
    assert article(text=None, body=TEXT).text == TEXT


def test_null_text_is_rejected_as_not_a_string():
    assert article(text=None).reason == "article text in 'text' is not a string (got null)"


def configured(fields: str, **record) -> Article | Rejected:
    return article_from_record(record, source="news.jsonl:1", default_id="news.jsonl#1", path="news.jsonl",
                               settings=Settings(fields=fields))


def test_configured_text_field_replaces_the_common_names():
    assert configured("text=story", story=TEXT, text="Not this.").text == TEXT


def test_configured_field_missing_from_a_record_is_named_in_the_reason():
    assert configured("text=story", text=TEXT).reason == "no article text (expected one of story)"


def test_dotted_field_name_reaches_into_nested_objects():
    got = configured("outlet=meta.site.name,published=meta.date", text=TEXT, meta={"site": {"name": "Wire"}, "date": "2016-12-05"})
    assert (got.outlet, got.published) == ("Wire", date(2016, 12, 5))


@pytest.mark.parametrize("value, expected", [("Jane Roe", "Jane Roe"), (["Jane Roe", "John Doe"], "Jane Roe, John Doe"),
                                             ([{"name": "Jane Roe"}], "Jane Roe"), ({"name": "Jane Roe"}, "Jane Roe")])
def test_author_variants(value, expected):
    assert article(text=TEXT, authors=value).author == expected


@pytest.mark.parametrize("value, expected", [("en", "en"), ("de-DE", "de"), ("EN", "en"), ("English", None)])
def test_stated_language_is_a_lower_case_code(value, expected):
    assert article(text=TEXT, language=value).language == expected


def test_text_holding_html_markup_becomes_plain_text():
    assert article(content="<p>One.</p><p>Two &amp; three.</p>").text == "One.\nTwo & three."


def test_record_with_a_page_instead_of_text_is_extracted_and_its_fields_win():
    page = ("<html><head><title>Page title</title></head><body><article>"
            + "".join(f"<p>{TEXT} Paragraph {n} adds a few more words to read.</p>" for n in range(4))
            + "</article></body></html>")
    got = article(html=page, title="Record title", url="https://example.com/a")
    assert (got.id, got.title, got.url, got.outlet) == ("news.jsonl#1", "Record title", "https://example.com/a", "example.com")
    assert got.text.startswith(TEXT)


@pytest.mark.parametrize("value, shown", [("yesterday", "'yesterday'"), (5, "5"), ("2016-12", "'2016-12'")])
def test_a_date_given_but_unreadable_is_a_warning_and_the_article_kept_undated(caplog, value, shown):
    got = article(text=TEXT, published=value)
    assert got.published is None and got.text == TEXT
    (record,) = caplog.records
    assert record.levelname == "WARNING"
    assert record.getMessage().startswith(f"news.jsonl:1: published {shown} is not a day newsbrief reads")


def test_no_warning_when_another_date_field_reads(caplog):
    assert article(text=TEXT, published="2016-12", date="2016-12-05").published == date(2016, 12, 5)
    assert not caplog.records


def test_html_entities_in_a_records_fields_are_decoded():
    got = article(text=TEXT, title="Bread &amp; Butter: a &#8220;rare&#8221; find", source="Wire &amp; Post")
    assert (got.title, got.outlet) == ("Bread & Butter: a “rare” find", "Wire & Post")
