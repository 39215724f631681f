"""The search page (/search): the API's article search as a page, paged, each result linking to its
article and its story; and the story page's source list with each source's outlet and date."""

from __future__ import annotations

import re
from datetime import date
from html import unescape


def a_common_word(client) -> str:
    """A word that many stored articles hold (more than a page of them)."""
    for word in ("said", "the"):
        if client.get("/api/articles", params={"q": word, "limit": 1}).json()["total"] > 20:
            return word
    raise AssertionError("the fixture store holds too few articles")


def test_the_search_page_shows_the_api_results_linking_to_article_and_story(client):
    api = client.get("/api/articles", params={"q": "police"}).json()
    assert api["total"] > 0
    page = client.get("/search", params={"q": "police"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f"{api['total']} article" in page.text
    for article in api["articles"]:
        assert f'href="/articles/{article["id"]}"' in page.text
        assert f'href="/stories/{article["story_id"]}"' in page.text


def test_search_results_name_their_story_by_its_label(client):
    article = client.get("/api/articles", params={"q": "police", "limit": 1}).json()["articles"][0]
    label = client.get(f"/api/stories/{article['story_id']}").json()["label"]
    page = client.get("/search", params={"q": "police"}).text
    assert re.search(rf'href="/stories/{article["story_id"]}">{re.escape(label)}</a>', unescape(page))


def test_search_pages_through_the_results(client):
    word = a_common_word(client)
    first = client.get("/search", params={"q": word}).text
    assert "Older" in first and "Newer" not in first
    older = unescape(re.search(r'rel="next" href="([^"]+)"', first).group(1))
    assert older == f"/search?q={word}&offset=20"
    second = client.get(older).text
    assert "Newer" in second and ", 21–" in second
    ids = lambda text: set(re.findall(r'class="label" href="/articles/([^"]+)"', text))  # noqa: E731
    assert ids(first) and ids(second) and not ids(first) & ids(second)


def test_a_search_with_no_words_shows_only_the_form(client):
    page = client.get("/search")
    assert page.status_code == 200 and 'action="/search"' in page.text and "class=\"count\"" not in page.text


def test_a_search_that_finds_nothing_says_so(client):
    assert "No article holds every one of these words" in client.get("/search", params={"q": "zzqxjv"}).text


def test_every_page_has_the_search_link_and_the_feed(client):
    page = client.get("/").text
    assert 'href="/search"' in page and 'type="application/atom+xml"' in page


def test_search_results_escape_untrusted_text(empty_client):
    from tests.service.conftest import XSS_TEXT, XSS_TITLE

    empty_client.post("/api/articles", json={"id": "xss-search", "title": XSS_TITLE, "text": XSS_TEXT,
                                             "outlet": "<b>Outlet</b>", "published": "2024-03-05"})
    page = empty_client.get("/search", params={"q": "storm"}).text
    assert "<img" not in page and "<script" not in page and "<b>" not in page
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in page


def test_a_story_without_a_brief_still_lists_its_sources():
    from newsbrief.model import Article, Story, SyndicatedGroup
    from newsbrief.output.html import source_entries

    a = Article(id="a", text="x", outlet="AP", title="A", published=date(2024, 3, 5))
    b = Article(id="b", text="x", outlet="Reuters")
    copy = Article(id="c", text="x", outlet="Yahoo")
    story = Story(id="s", label="S", articles=(a, b, copy), syndicated=(SyndicatedGroup("a", ("c",)),))
    entries = source_entries(None, story)
    assert [(e["number"], e["id"], e["outlet"]) for e in entries] == [(1, "a", "AP"), (2, "b", "Reuters")]
    assert entries[0]["published"].isoformat() == "2024-03-05" and [c.id for c in entries[0]["copies"]] == ["c"]


def test_the_story_page_lists_each_source_with_its_outlet_and_date(client):
    story = max(client.get("/api/stories", params={"limit": 100}).json()["stories"], key=lambda s: s["size"])
    sources = client.get(f"/api/stories/{story['id']}").json()["brief"]["sources"]
    page = client.get(f"/stories/{story['id']}").text
    listed = page.split('id="sources-h"', 1)[1].split("</section>", 1)[0]
    for source in sources:
        entry = re.search(rf'<li id="source-{source["number"]}".*?</li>', listed, re.S).group(0)
        assert (source["outlet"] or "unknown outlet") in unescape(entry)
        if source["published"]:
            assert f'<time datetime="{source["published"]}">' in entry
