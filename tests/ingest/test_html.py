"""One HTML page -> an Article with its metadata, or Rejected when it holds no article."""

from __future__ import annotations

from datetime import date

import pytest

from newsbrief.ingest import read_inputs
from newsbrief.ingest.html import decode_html, extract_html, has_article_text, unnested
from newsbrief.evaluate.extraction import shingle_scores
from newsbrief.model import Article, Rejected

from .pages import SETTINGS, STORY, meta_head, web_page


def extract(page: str | bytes, **kwargs) -> Article | Rejected:
    return extract_html(page, source="page.html", settings=SETTINGS, **kwargs)


def test_article_text_is_the_story_without_menus_related_links_or_footer():
    article = extract(web_page())
    assert article.text.split("\n") == STORY


def test_headline_is_the_title_and_not_repeated_in_the_text():
    article = extract(web_page(title="Government forces take eastern Aleppo districts"))
    assert article.title == "Government forces take eastern Aleppo districts"
    assert "Government forces take" not in article.text


def test_metadata_comes_from_the_meta_tags():
    article = extract(web_page(head=meta_head()))
    assert (article.outlet, article.url, article.published, article.author) == (
        "Example News", "https://news.example.com/world/aleppo-gains", date(2016, 12, 4), "Jane Roe")


def test_source_names_the_article_and_path_is_kept():
    article = extract_html(web_page(), source="crawl.warc#2", settings=SETTINGS, path="crawl.warc")
    assert (article.id, article.path) == ("crawl.warc#2", "crawl.warc")


def test_page_without_metadata_gets_none_rather_than_guesses():
    article = extract(web_page())  # a copyright year, no date, no address
    assert (article.url, article.published, article.author) == (None, None, None)


def test_fetch_address_gives_url_and_outlet_when_the_page_states_neither():
    article = extract(web_page(), url="https://www.example.org/2016/12/05/aleppo")
    assert (article.url, article.outlet, article.published) == (
        "https://www.example.org/2016/12/05/aleppo", "example.org", date(2016, 12, 5))


def test_english_page_read_from_a_file_is_labelled_english(tmp_path):
    (tmp_path / "page.html").write_text(web_page(), encoding="utf-8")
    [article], _ = read_inputs([str(tmp_path / "page.html")], SETTINGS)
    assert article.language == "en"


def test_page_with_no_article_is_rejected():
    menu_only = "<html><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav><footer>© 2016</footer></body></html>"
    assert extract(menu_only) == Rejected("page.html", "ingest", "no article text found")


def test_text_that_is_not_markup_is_rejected():
    assert extract("just words, no markup at all") == Rejected("page.html", "ingest", "not an HTML page: nothing to parse")


def test_declared_legacy_charset_is_honoured():
    page = web_page([p.replace("Syrian", "Syrian café") for p in STORY]).replace('charset="utf-8"', 'charset="iso-8859-1"')
    assert "Syrian café" in extract(page.encode("cp1252")).text


def test_undeclared_utf8_bytes_are_decoded():
    assert decode_html("<p>café</p>".encode()) == "<p>café</p>"


def test_layout_table_holding_the_article_is_read_as_text():
    cell = "".join(f"<p>{p}</p>" for p in STORY * 4)
    page = f"<html><body><table><tr><td>{cell}</td><td><a href='/'>Home</a></td></tr></table></body></html>"
    text = extract(page).text
    assert not text.startswith("|")
    assert STORY[0] in text.split("\n")


@pytest.mark.parametrize("text, expected", [
    ("Home\nNews\nSport\nWeather", False),
    ("A sentence that is long enough to be prose, and another one after it that reads like an article.", False),
    ("\n".join(STORY[:2]), True),
    ("先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで二十代の男性が逮捕されたというニュースを耳にしました。"
     "報道によると、今回販売されたのは、いわゆる脱獄したiPhoneで、非公式アプリを利用できるようになるとのことです。", True),
])
def test_article_text_needs_sentence_length_lines(text, expected):
    assert has_article_text(text) is expected


def test_benchmark_page_metadata_and_body(benchmark_pages):
    page = next(p for p in benchmark_pages if p["url"].startswith("https://www.wsj.com/articles/google-stadia"))
    article = extract(page["html"], url=page["url"])
    assert (article.title, article.outlet, article.author, article.published) == (
        "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay", "Wall Street Journal",
        "Sarah E Needleman", date(2019, 11, 19))
    assert shingle_scores([(article.text, page["gold"])]).f1 > 0.95


@pytest.mark.parametrize("depth", [300, 100_000])
def test_text_nested_deeper_than_the_parser_goes_is_still_extracted(depth):
    story = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    page = f"<html><head><title>Storm</title></head><body>{'<div class=box>' * depth}{story}{'</div>' * depth}</body></html>"
    got = extract_html(page, source="deep.html", settings=SETTINGS)
    assert isinstance(got, Article) and STORY[0] in got.text


def test_an_ordinary_page_is_parsed_as_it_is():
    page = web_page()
    assert unnested(page) is page
