"""Page metadata: title, outlet, canonical URL and author from explicit markup first."""

from __future__ import annotations

import pytest

from newsbrief.ingest.html import parse_html
from newsbrief.ingest.metadata import canonical_url, page_metadata, site_name, strip_site_suffix


def page(head: str, body: str = "<h1>Rebels withdraw from Aleppo</h1><p>Text.</p>"):
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>")


def test_og_title_and_site_name_win():
    meta = page_metadata(page('<meta property="og:title" content="Aleppo gains"><meta property="og:site_name" content="The Times">'
                              "<title>Something else | The Times</title>"))
    assert (meta.title, meta.outlet) == ("Aleppo gains", "The Times")


def test_title_element_loses_the_site_name_suffix():
    meta = page_metadata(page('<title>Rebels withdraw from Aleppo | The Times</title><meta property="og:site_name" content="The Times">',
                              body="<p>Text.</p>"))
    assert meta.title == "Rebels withdraw from Aleppo"


def test_publisher_given_as_a_url_is_not_an_outlet():
    meta = page_metadata(page('<meta property="article:publisher" content="https://www.facebook.com/thetimes">'),
                         url="https://www.thetimes.example/world/aleppo")
    assert meta.outlet == "thetimes.example"


def test_relative_canonical_link_is_resolved_against_the_fetch_address():
    tree = page('<link rel="canonical" href="/world/aleppo">')
    assert canonical_url(tree, None, "https://news.example.com/world/aleppo?utm=x") == "https://news.example.com/world/aleppo"


def test_og_url_is_used_without_a_canonical_link():
    assert canonical_url(page(""), "https://news.example.com/a", "https://mirror.example.net/a") == "https://news.example.com/a"


def test_no_address_at_all_is_none():
    assert canonical_url(page('<link rel="canonical" href="/only/relative">'), None, None) is None


def test_author_comes_from_the_meta_tag():
    assert page_metadata(page('<meta name="author" content="Jane Roe">')).author == "Jane Roe"


@pytest.mark.parametrize("value, expected", [("The Times", "The Times"), ("@thetimes", "thetimes"),
                                             ("https://facebook.com/x", None), ("", None), (None, None)])
def test_site_name(value, expected):
    assert site_name(value) == expected


def test_suffix_is_kept_when_it_is_not_the_outlet():
    assert strip_site_suffix("Rebels - the last stand", "The Times") == "Rebels - the last stand"
