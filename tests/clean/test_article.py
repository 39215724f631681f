import pytest

from newsbrief.clean.article import clean_article
from newsbrief.model import Article
from tests.clean.conftest import FOX43, GRAPHIC, paragraphs

FOX43_DEBRIS = {
    "Come out to the York JCC": "promo",
    "This is an archived article": "archive notice",
    "Syrian pro-government soldiers chat as they advance": "photo caption",
    "READ: What you need to know about Aleppo": "cross-link",
    "READ: Syrian regime forces seize most of old city": "cross-link",
    "Notice: you are using an outdated browser": "browser notice",
}
GRAPHIC_DEBRIS = {
    "Advertisement": "advertisement",
    "Credit: CNN": "photo credit",
    "Connect With Us": "contact footer",
}
CAPTION = "Syrian pro-government forces in the Masaken Hanano district"


def _removed_reason(article, prefix):
    return [r.reason for r in article.removed if r.text.startswith(prefix)]


@pytest.mark.parametrize("prefix, reason", FOX43_DEBRIS.items())
def test_fox43_debris_is_removed_with_its_reason(fox43, prefix, reason):
    assert _removed_reason(fox43, prefix) == [reason]
    assert prefix not in fox43.text


@pytest.mark.parametrize("prefix, reason", GRAPHIC_DEBRIS.items())
def test_graphic_debris_is_removed_with_its_reason(graphic, prefix, reason):
    assert _removed_reason(graphic, prefix) == [reason]
    assert not any(p.startswith(prefix) for p in graphic.text.split("\n\n"))


@pytest.mark.parametrize("path, debris", [(FOX43, FOX43_DEBRIS), (GRAPHIC, GRAPHIC_DEBRIS)])
def test_every_body_paragraph_survives(path, debris):
    article = clean_article(Article(id=path.name, text=path.read_text(encoding="utf-8")))
    kept = set(article.text.split("\n\n"))
    body = [p for p in paragraphs(path) if not p.startswith(tuple(debris)) and not p.startswith(CAPTION)]
    assert len(body) >= 15
    assert [p for p in body if p not in kept] == []


def test_short_quote_and_subheads_survive(fox43, graphic):
    kept = fox43.text.split("\n\n") + graphic.text.split("\n\n")
    assert "\u201cIt is going to be a very difficult situation because there is no place for all these fleeing civilians." in kept
    assert "Failed attempts at peace" in kept
    assert "Nowhere to run" in kept


def test_repeated_caption_survives_at_most_once(graphic):
    assert graphic.text.count(CAPTION) <= 1
    assert _removed_reason(graphic, CAPTION).count("repeated line") >= 1


@pytest.mark.parametrize("fixture, title", [
    ("fox43", "Aleppo: Syrian government forces make significant gains"),
    ("graphic", "Syrian forces make sweeping gains in eastern Aleppo"),
])
def test_title_is_the_headline_line(request, fixture, title):
    article = request.getfixturevalue(fixture)
    assert article.title == title
    assert title in article.text.split("\n\n")


def test_given_title_is_kept():
    article = clean_article(Article(id="a", text="Some headline\n\nBody text here.", title="Given"))
    assert article.title == "Given"


@pytest.mark.parametrize("fixture", ["fox43", "graphic"])
def test_cleaning_twice_changes_nothing(request, fixture):
    article = request.getfixturevalue(fixture)
    assert article.removed and clean_article(article) == article  # the first cleaning's removals kept


def test_output_has_blank_line_paragraphs_and_collapsed_spaces(graphic):
    assert not graphic.text.startswith("\n") and not graphic.text.endswith("\n")
    assert "\n\n\n" not in graphic.text
    assert all("  " not in p and "\u00a0" not in p for p in graphic.text.split("\n\n"))


def test_removed_lines_carry_raw_line_numbers(graphic):
    assert graphic.removed[0].line_no == 1
    assert graphic.removed[0].text == "Advertisement"


def test_trailing_advertisement_is_trimmed():
    article = clean_article(Article(id="a", text="Officials confirmed the vote on Monday. Advertisement"))
    assert article.text == "Officials confirmed the vote on Monday."
    assert [r.reason for r in article.removed] == ["advertisement"]


def test_hard_wrapped_paragraph_is_joined():
    article = clean_article(Article(id="a", text="The council met on Monday and\nvoted to close the road.\n"))
    assert article.text == "The council met on Monday and voted to close the road."


def test_repeat_is_matched_ignoring_case_space_and_punctuation():
    article = clean_article(Article(id="a", text="Troops entered the city on Sunday\n\ntroops  entered the city on Sunday."))
    assert article.text == "Troops entered the city on Sunday"
    assert article.removed[0].reason == "repeated line"


@pytest.mark.slow
def test_ten_megabytes_clean_in_linear_time():
    text = "\n\n".join(paragraphs(FOX43) + paragraphs(GRAPHIC) + [f"Paragraph number {i} of the report." for i in range(60)])
    big = (text + "\n\n") * (10_000_000 // len(text))
    article = clean_article(Article(id="big", text=big))
    assert len(article.text) > 0


def test_a_page_that_is_only_a_messenger_prompt_has_no_text_left():
    # the whole text of two edition.cnn.com pages in the Giveme5W1H set
    text = "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds."
    cleaned = clean_article(Article("cnn", text))
    assert cleaned.text == "" and cleaned.removed[0].reason == "share prompt"
