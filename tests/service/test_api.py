"""Every API endpoint, with good and bad input: bad input is a 4xx with a clear message, never a 500."""

from __future__ import annotations

import json

import pytest

from tests.conftest import validate_schema
from tests.service.conftest import XSS_TEXT

ARTICLE = {"id": "storm-1", "title": "Storm floods coastal towns", "outlet": "Example News", "published": "2024-03-04",
           "url": "https://example.com/storm", "text": XSS_TEXT}


def first_story(client) -> dict:
    return client.get("/api/stories", params={"limit": 1}).json()["stories"][0]


# -- stories ------------------------------------------------------------------------------------

def test_list_stories_is_paged_and_latest_first(client):
    page = client.get("/api/stories", params={"limit": 5}).json()
    assert page["total"] > 5 and page["limit"] == 5 and page["offset"] == 0
    assert len(page["stories"]) == 5
    story = page["stories"][0]
    assert set(story) >= {"id", "label", "size", "outlets", "first", "last", "updated_at"}
    lasts = [s["last"] for s in page["stories"] if s["last"]]
    assert lasts == sorted(lasts, reverse=True)
    nxt = client.get("/api/stories", params={"limit": 5, "offset": 5}).json()
    assert not {s["id"] for s in nxt["stories"]} & {s["id"] for s in page["stories"]}
    everything = client.get("/api/stories", params={"limit": 100}).json()
    assert len(everything["stories"]) == everything["total"]
    assert sum(s["size"] for s in everything["stories"]) == 42  # every ingested article is in one story


def test_list_stories_filters(client):
    everything = client.get("/api/stories", params={"limit": 100}).json()["stories"]
    story = max(everything, key=lambda s: s["size"])
    outlet = story["outlets"][0]
    by_outlet = client.get("/api/stories", params={"outlet": outlet.upper(), "limit": 100}).json()
    assert story["id"] in {s["id"] for s in by_outlet["stories"]}
    assert all(outlet in s["outlets"] for s in by_outlet["stories"])
    word = max(story["label"].split(), key=len)
    by_text = client.get("/api/stories", params={"q": word}).json()
    assert story["id"] in {s["id"] for s in by_text["stories"]}
    dated = client.get("/api/stories", params={"since": story["last"], "until": story["last"], "limit": 100}).json()
    assert story["id"] in {s["id"] for s in dated["stories"]}
    later = client.get("/api/stories", params={"since": "2099-01-01"}).json()
    assert later["total"] == 0 and later["stories"] == []


@pytest.mark.parametrize("params, fragment", [
    ({"limit": 0}, "limit"), ({"limit": 101}, "limit"), ({"limit": "ten"}, "limit"), ({"offset": -1}, "offset"),
    ({"since": "yesterday"}, "since"), ({"until": "2024-13-01"}, "until"),
    ({"since": "2024-02-01", "until": "2024-01-01"}, "before"), ({"q": "x" * 501}, "q"),
])
def test_list_stories_bad_paging_and_filters_are_422(client, params, fragment):
    response = client.get("/api/stories", params=params)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]


def test_get_story_has_brief_sources_syndication_and_timeline(client):
    story_id = max(client.get("/api/stories", params={"limit": 100}).json()["stories"], key=lambda s: s["size"])["id"]
    story = client.get(f"/api/stories/{story_id}").json()
    assert story["id"] == story_id and story["size"] >= 2
    brief = story["brief"]
    assert brief["schema"] == "newsbrief.brief/1" and brief["sentences"]
    numbers = {s["number"] for s in brief["sources"]}
    for sentence in brief["sentences"]:
        for cite in sentence["sources"]:
            assert cite["source"] in numbers
            text = client.get(f"/api/articles/{cite['article_id']}").json()["text"]
            assert text[cite["start"]:cite["end"]] == sentence["text"] or cite["end"] > cite["start"]
    assert all("also_published_by" in s for s in brief["sources"])
    assert len(story["timeline"]) == story["size"]
    dates = [t["published"] for t in story["timeline"] if t["published"]]
    assert dates == sorted(dates)
    assert isinstance(story["syndicated"], list)


def test_a_storys_brief_follows_the_brief_schema_and_carries_the_facts_once(client):
    story_id = max(client.get("/api/stories", params={"limit": 100}).json()["stories"], key=lambda s: s["size"])["id"]
    story = client.get(f"/api/stories/{story_id}").json()
    validate_schema(story["brief"], "brief-1.json")
    assert "facts" in story["brief"] and "facts" not in story


def test_a_story_is_the_same_object_as_in_newsbrief_stories(client):
    story_id = client.get("/api/stories", params={"limit": 1}).json()["stories"][0]["id"]
    story = client.get(f"/api/stories/{story_id}").json()
    assert set(story) >= {"article_count", "articles", "first_published", "last_published", "syndicated", "timeline",
                          "brief", "size", "updated_at", "brief_articles"}


def test_unknown_story_is_404(client):
    for path in ("/api/stories/no-such-story", "/api/stories/no-such-story/new?since=2020-01-01"):
        response = client.get(path)
        assert response.status_code == 404
        assert "no-such-story" in response.json()["detail"]


def test_whats_new_since(client):
    story = max(client.get("/api/stories", params={"limit": 100}).json()["stories"], key=lambda s: s["size"])
    early = client.get(f"/api/stories/{story['id']}/new", params={"since": "1990-01-01"}).json()
    assert early["since"] == "1990-01-01" and early["articles"] and early["brief"]["sentences"]
    late = client.get(f"/api/stories/{story['id']}/new", params={"since": "2099-01-01"}).json()
    assert late["articles"] == [] and late["brief"] is None
    for params in ({}, {"since": "soon"}):
        response = client.get(f"/api/stories/{story['id']}/new", params=params)
        assert response.status_code == 422 and "since" in response.json()["detail"]


# -- articles -----------------------------------------------------------------------------------

def test_search_and_get_articles(client):
    found = client.get("/api/articles", params={"q": "Aleppo", "limit": 3}).json()
    assert found["total"] >= 2 and len(found["articles"]) <= 3
    hit = found["articles"][0]
    assert "aleppo" in (hit["snippet"] + (hit["title"] or "")).lower() and hit["story_id"]
    article = client.get(f"/api/articles/{hit['id']}").json()
    assert article["id"] == hit["id"] and "Aleppo" in article["text"]
    assert client.get("/api/articles", params={"q": "zzqxnotaword"}).json()["total"] == 0
    assert client.get("/api/articles", params={"q": "100%_\\"}).status_code == 200  # LIKE wildcards are literal
    assert client.get("/api/articles", params={"limit": 1000}).status_code == 422


def test_unknown_article_is_404(client):
    response = client.get("/api/articles/nope")
    assert response.status_code == 404 and "nope" in response.json()["detail"]


def test_post_article_then_again_changes_nothing(empty_client):
    c = empty_client
    first = c.post("/api/articles", json=ARTICLE)
    assert first.status_code == 201, first.text
    result = first.json()["results"][0]
    assert result["status"] == "added" and result["new_story"] and result["id"] == "storm-1"
    again = c.post("/api/articles", json=ARTICLE)
    assert again.status_code == 200 and again.json()["results"][0]["status"] == "duplicate"
    stories = c.get("/api/stories").json()
    assert stories["total"] == 1 and stories["stories"][0]["size"] == 1
    stored = c.get("/api/articles/storm-1").json()
    assert stored["story_id"] == result["story_id"] and "<script>" in stored["text"]  # stored as given, escaped on output


def test_post_a_list_and_articles_without_id(empty_client):
    c = empty_client
    batch = [{"text": "The council approved the new budget on Tuesday after a long debate about schools.\n"
                      "The vote was seven to two, the clerk said.", "title": "Council passes budget",
              "published": "2024-03-05T10:00:00Z"},
             {"text": "   ", "title": "empty"}]
    response = c.post("/api/articles", json=batch)
    assert response.status_code == 422 and "1" in response.json()["detail"] and "no text" in response.json()["detail"]
    response = c.post("/api/articles", json=batch[:1])
    assert response.status_code == 201
    added = response.json()["results"][0]
    assert added["id"].startswith("h")  # a hash of the text: posting it again is a duplicate
    assert c.post("/api/articles", json=batch[:1]).json()["results"][0]["status"] == "duplicate"
    assert c.get(f"/api/articles/{added['id']}").json()["published"] == "2024-03-05"


def test_post_html(empty_client):
    html = ("<html><head><title>Bridge reopens after repairs</title></head><body><nav>Home | News | Sport</nav>"
            "<article><h1>Bridge reopens after repairs</h1>"
            "<p>The city's main bridge reopened to traffic on Friday after eight months of repairs, officials said.</p>"
            "<p>Engineers replaced the steel cables and resurfaced the deck at a cost of twelve million dollars.</p>"
            "<p>Commuters said the reopening would cut their journeys by half an hour each day.</p></article>"
            "<footer>Copyright 2024</footer></body></html>")
    response = empty_client.post("/api/articles", json={"id": "bridge", "html": html, "outlet": "City Paper"})
    assert response.status_code == 201, response.text
    text = empty_client.get("/api/articles/bridge").json()["text"]
    assert "steel cables" in text and "<p>" not in text


@pytest.mark.parametrize("body, status, fragment", [
    (b"{not json", 400, "malformed JSON"),
    (b'{"text": "unterminated', 400, "malformed JSON"),
    (b'"just a string"', 422, "article object"),
    (b"[]", 422, "empty"),
    (b'{"text": ""}', 422, "no text"),
    (b'{"text": "   \\n  "}', 422, "no text"),
    (b'{"title": "no body"}', 422, "no text"),
    (b'{"text": "a", "html": "<p>b</p>"}', 422, "not both"),
    (b'{"text": "Some words here.", "published": "last tuesday"}', 422, "published"),
    (b'{"text": 42}', 422, "text"),
    (b'{"html": "<html><body></body></html>"}', 422, "rejected"),
])
def test_post_bad_input_is_4xx_with_a_clear_message(empty_client, body, status, fragment):
    response = empty_client.post("/api/articles", content=body, headers={"content-type": "application/json"})
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and fragment in detail, detail


def test_post_body_over_10_mb_is_413_before_reading_it(empty_client):
    big = json.dumps({"text": "word " * 2_200_000}).encode()
    assert len(big) > 10_000_000
    response = empty_client.post("/api/articles", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "limit" in response.json()["detail"]

    def chunks():  # no Content-Length: counted while read
        for _ in range(11):
            yield b" " * 1_000_000
    response = empty_client.post("/api/articles", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_too_long_article_is_rejected(empty_client):
    response = empty_client.post("/api/articles", json={"text": "Words and more words. " * 50_000})
    assert response.status_code == 422 and "limit" in response.json()["detail"]


def test_openapi_schema_and_docs_are_served(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/new"} <= set(schema["paths"])
    assert client.get("/docs").status_code == 200


def test_docs_page_names_no_other_host_and_its_assets_are_served(client):
    import re

    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r"""(?:src|href)=["']([^"']+)""", page.text) + re.findall(r"""url: ?["']([^"']+)""", page.text)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert "http://" not in page.text and "https://" not in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy and "connect-src 'self'" in policy


def test_a_page_whose_extractor_fails_is_rejected_and_the_batch_stored(empty_client, monkeypatch):
    from newsbrief.ingest import html

    def missing(*args, **kwargs):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")

    monkeypatch.setattr(html, "main_text", missing)
    text = "The council said the bridge would reopen on Monday after three months of repairs to its deck."
    page = f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    response = empty_client.post("/api/articles", json=[{"id": "failing-extractor-text", "text": text},
                                                        {"id": "failing-extractor-page", "html": page}])
    assert response.status_code == 201
    added, rejected = response.json()["results"]
    assert added["status"] == "added"
    assert rejected["status"] == "rejected" and rejected["reason"].startswith("cannot be read: lxml.html.clean")


def test_bad_input_never_reaches_the_500_handler(client, empty_client, caplog):
    caplog.set_level("ERROR", logger="newsbrief.service")
    for c in (client, empty_client):
        for method, path in [("get", "/api/stories?limit=-5"), ("get", "/api/stories/%00"), ("get", "/api/articles/%ff"),
                             ("post", "/api/stories"), ("get", "/stories/nope"), ("get", "/articles/nope?start=-1"),
                             ("get", "/?offset=x"), ("get", "/api/stories/x/new?since=2024-02-30")]:
            response = getattr(c, method)(path)
            assert 400 <= response.status_code < 500, (path, response.status_code)
    assert not [r for r in caplog.records if "internal error" in r.getMessage()]


def test_nul_is_stored_removed_and_lookups_with_one_find_nothing(empty_client):
    text = "The ferry resumed its crossings on Sunday after the storm,\u0000 the harbour master said today."
    response = empty_client.post("/api/articles", json=[{"id": "nul-ferry", "text": text},
                                                        {"id": "after-nul", "text": text.replace("ferry", "bus")}])
    assert response.status_code == 201 and response.json()["added"] == 2
    assert "\u0000" not in empty_client.get("/api/articles/nul-ferry").json()["text"]
    assert empty_client.get("/api/articles", params={"q": "\u0000"}).status_code == 200
    assert empty_client.get("/api/articles/nul%00ferry").status_code == 404


def test_a_lone_surrogate_in_a_posted_body_is_stored_as_a_replacement_character(empty_client):
    text = "The ferry resumed its crossings on Sunday \ud800 after the storm, the harbour master said."
    body = json.dumps([{"id": "cut-pair", "text": text, "title": "Ferry \udc00back"},
                       {"id": "after-cut-pair", "text": text.replace("ferry", "bus")}])
    response = empty_client.post("/api/articles", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 201 and response.json()["added"] == 2
    stored = empty_client.get("/api/articles/cut-pair").json()
    assert "Sunday \ufffd after" in stored["text"] and stored["title"] == "Ferry \ufffdback"
    malformed = empty_client.post("/api/articles", content=b'{"text": "\\ud800', headers={"content-type": "application/json"})
    assert malformed.status_code == 400


def test_head_answers_wherever_get_does_without_a_body(client):
    for path in ("/api/stories", "/", "/docs"):
        response = client.head(path)
        assert response.status_code == 200 and response.content == b"", path
        assert response.headers["content-length"] == client.get(path).headers["content-length"]


@pytest.mark.parametrize("published", [5, 1.5, True, "2024-13-05"])
def test_a_date_that_is_not_an_iso_string_is_a_422(empty_client, published):
    response = empty_client.post("/api/articles", json={"text": "Words about a ferry that resumed its crossings on Sunday.",
                                                        "published": published})
    assert response.status_code == 422 and response.json()["detail"].startswith("published")


def test_an_id_with_a_line_break_is_a_422(empty_client):
    response = empty_client.post("/api/articles", json={"id": "a\nb", "text": "Words about a ferry crossing on Sunday."})
    assert response.status_code == 422 and response.json()["detail"] == "id: an id cannot hold a line break or a tab"


def test_a_not_found_page_never_echoes_a_long_id(client):
    response = client.get("/stories/" + "x" * 5000, headers={"accept": "text/html"})
    assert response.status_code == 404 and len(response.text) < 2000


def test_a_store_error_names_no_database_to_the_client(empty_client, monkeypatch):
    from newsbrief.store import StoreError

    store = empty_client.app.state.newsroom.store

    def down(*args, **kwargs):
        raise StoreError("store postgresql+psycopg://newsbrief@db.internal:5432/news: connection refused")

    monkeypatch.setattr(store, "stories", down)
    response = empty_client.get("/api/stories")
    assert response.status_code == 503
    assert response.json()["detail"] == "the store is unavailable; the server's log says why"
