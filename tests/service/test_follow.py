"""Following sources against a real HTTP server on loopback: feeds, pages and failures."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from html import escape

import pytest

from newsbrief.config import Settings
from newsbrief.ingest.fetch import Fetcher
from newsbrief.service.follow import Follower, SourceError, discover_feed, follow_url
from newsbrief.store import Store
from newsbrief.store.sources import add_source, get_source
from tests.ingest.pages import STORY, web_page
from tests.service.feed_server import FeedServer, benchmark_pages, front_page, json_feed, rss


def fast_settings(tmp_path, **overrides) -> Settings:
    values = dict(db=f"sqlite:///{tmp_path / 'news.db'}", follow_delay=0, follow_retries=1, follow_timeout=2,
                  follow_max_bytes=1_000_000, follow_private_addresses=True)  # the server is on loopback
    return Settings(**{**values, **overrides})


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


@pytest.fixture
def follower(tmp_path):
    settings = fast_settings(tmp_path)
    made = Follower(Store(settings.db), settings, fetcher=Fetcher(settings, backoff=0))
    yield made
    made.stop()


def follow(follower: Follower, url: str, every: int = 30):
    return add_source(follower.store, url, url, every=every)[0]


def summary_feed(server: FeedServer, pages, path: str = "/feed.xml") -> str:
    """A feed whose entries carry only a summary: each links to a real page served beside it."""
    items = []
    for number, (_, html, _) in enumerate(pages):
        server.page(f"/news/{number}.html", html)
        items.append({"title": f"Story {number}", "link": server.url(f"/news/{number}.html"),
                      "description": "<p>Only the first lines of the story.</p>"})
    return server.feed(path, rss("Loopback News", items))


def stored_texts(store: Store) -> dict[str, str]:
    return {s.article.id: s.article.text for s in store.articles_after(0)}


def test_follow_once_stores_every_entry_with_its_pages_full_text(server, follower):
    pages = benchmark_pages(3)
    follow(follower, summary_feed(server, pages))
    report = follower.run_once(every_source=True)
    assert report.added == 3
    texts = stored_texts(follower.store)
    assert set(texts) == {server.url(f"/news/{n}.html") for n in range(3)}
    for number, (_, _, gold) in enumerate(pages):
        longest = max(gold.splitlines(), key=len)
        assert longest[:200] in texts[server.url(f"/news/{number}.html")]


def test_a_second_run_sends_only_conditional_requests_and_adds_nothing(server, follower):
    follow(follower, summary_feed(server, benchmark_pages(2)))
    follower.run_once(every_source=True)
    before = len(server.requests)
    again = follower.run_once(every_source=True)
    assert again.added == 0
    sent = server.requests[before:]
    assert [hit.path for hit in sent] == ["/feed.xml"]
    assert sent[0].headers.get("if-none-match") and sent[0].headers.get("if-modified-since")
    assert again.polled[0].status == "304"


def test_only_the_pages_of_new_entries_are_fetched(server, follower):
    pages = benchmark_pages(3)
    follow(follower, summary_feed(server, pages[:2]))
    follower.run_once(every_source=True)
    summary_feed(server, pages)  # the feed now has a third entry
    before = len(server.requests)
    assert follower.run_once(every_source=True).added == 1
    assert [hit.path for hit in server.requests[before:]] == ["/feed.xml", "/news/2.html"]


def test_a_feed_with_full_content_is_stored_without_fetching_pages(server, follower):
    text = "".join(f"<p>{escape(p)}</p>" for p in STORY)
    feed = server.feed("/full.xml", rss("Full News", [{"title": "Aleppo", "link": server.url("/never.html"),
                                                        "description": "short", "content": text}]))
    follow(follower, feed)
    assert follower.run_once(every_source=True).added == 1
    assert not server.hits("/never.html")
    assert STORY[0] in stored_texts(follower.store)[server.url("/never.html")]


def test_relative_links_are_resolved_against_the_feeds_url(server, follower):
    server.page("/articles/aleppo.html", web_page())
    feed = server.feed("/feeds/rel.xml", rss("Relative", [{"title": "Aleppo", "link": "../articles/aleppo.html",
                                                            "description": "summary"}]))
    follow(follower, feed)
    assert follower.run_once(every_source=True).added == 1
    assert list(stored_texts(follower.store)) == [server.url("/articles/aleppo.html")]


def test_entity_encoded_html_in_a_feed_becomes_plain_text(server, follower):
    encoded = escape("".join(f"<p>{escape(p)}</p>" for p in STORY))  # escaped once more: entities in the XML
    feed = server.feed("/encoded.xml", rss("Encoded", [{"title": "Aleppo", "link": server.url("/a"), "content": encoded}]))
    follow(follower, feed)
    assert follower.run_once(every_source=True).added == 1
    text = stored_texts(follower.store)[server.url("/a")]
    assert STORY[1] in text and "&lt;" not in text and "<p>" not in text


def test_a_json_feed_is_followed(server, follower):
    feed = server.feed("/feed.json", json_feed("JSON News", [
        {"id": "1", "url": "/story/1", "title": "Aleppo", "content_text": "\n".join(STORY),
         "date_published": "2024-03-04T09:00:00Z", "authors": [{"name": "A. Reporter"}]}]), "application/feed+json")
    follow(follower, feed)
    assert follower.run_once(every_source=True).added == 1
    stored = follower.store.article(server.url("/story/1")).article
    assert (stored.outlet, stored.author, str(stored.published)) == ("JSON News", "A. Reporter", "2024-03-04")


def test_one_failing_source_does_not_stop_the_others(server, follower):
    broken = follow(follower, server.answer("/down.xml", 500))
    working = follow(follower, summary_feed(server, benchmark_pages(1)))
    report = follower.run_once(every_source=True)
    assert report.added == 1
    assert len(server.hits("/down.xml")) == 2  # tried, and retried once (follow_retries)
    failed = get_source(follower.store, broken.id)
    assert (failed.last_status, failed.last_error, failed.failures) == ("error", "HTTP 500", 1)
    assert get_source(follower.store, working.id).articles_added == 1


def test_a_failed_source_backs_off_at_each_failure_in_a_row(server, follower):
    source = follow(follower, server.answer("/down.xml", 500), every=10)
    start = datetime(2024, 3, 4, 12, 0, tzinfo=UTC)
    waits = []
    for step in range(3):
        now = start + timedelta(days=step)
        follower.run_once(now=now)
        waits.append(get_source(follower.store, source.id).next_fetch - now)
    assert waits == [timedelta(minutes=10), timedelta(minutes=20), timedelta(minutes=40)]


@pytest.mark.parametrize("make, reason", [
    (lambda s: s.redirect("/loop-a", "/loop-b") and s.redirect("/loop-b", "/loop-a") and s.url("/loop-a"), "redirect loop"),
    (lambda s: s.page("/page.html", web_page()), "not an RSS, Atom or JSON feed"),
    (lambda s: s.feed("/huge.xml", "<rss>" + "x" * 1000, repeat=2000), "larger than"),
    (lambda s: s.url("/missing.xml"), "HTTP 404"),
])
def test_a_source_that_cannot_be_read_is_recorded_with_the_reason(server, follower, make, reason):
    source = follow(follower, make(server))
    assert follower.run_once(every_source=True).polled[0].status == "error"
    assert reason in get_source(follower.store, source.id).last_error


def test_a_slow_drip_fails_within_the_timeout(server, tmp_path):
    settings = fast_settings(tmp_path, follow_timeout=0.3, follow_retries=0)
    follower = Follower(Store(settings.db), settings, fetcher=Fetcher(settings, backoff=0))
    source = follow(follower, server.feed("/slow.xml", "<rss>" + " " * 200 + "</rss>", drip=0.01))
    follower.run_once(every_source=True)
    follower.stop()
    assert "timed out" in get_source(follower.store, source.id).last_error


def test_a_page_that_is_not_html_is_skipped_and_the_other_entries_stored(server, follower):
    server.page("/good.html", web_page())
    server.page("/file.pdf", b"%PDF-1.4 not a page", "application/pdf")
    feed = server.feed("/mixed.xml", rss("Mixed", [{"title": "PDF", "link": server.url("/file.pdf"), "description": "s"},
                                                     {"title": "Good", "link": server.url("/good.html"), "description": "s"}]))
    source = follow(follower, feed)
    polled = follower.run_once(every_source=True).polled[0]
    assert polled.added == 1 and polled.status == "200"
    assert "not an HTML page (application/pdf)" in polled.skipped[0]
    assert "not an HTML page" in get_source(follower.store, source.id).last_error


def test_a_page_skipped_for_good_is_not_fetched_again(server, follower):
    server.page("/file.pdf", b"%PDF-1.4 not a page", "application/pdf")
    items = [{"title": "PDF", "link": server.url("/file.pdf"), "description": "s"}]
    follow(follower, server.feed("/feed.xml", rss("Mixed", items)))
    follower.run_once(every_source=True)
    server.page("/good.html", web_page())
    server.feed("/feed.xml", rss("Mixed", [*items, {"title": "Good", "link": server.url("/good.html"), "description": "s"}]))
    assert follower.run_once(every_source=True).added == 1
    assert len(server.hits("/file.pdf")) == 1


def test_a_page_that_may_load_later_is_retried_at_the_next_poll(server, follower):
    (_, good, _), (_, later, _) = benchmark_pages(2)
    server.answer("/later.html", 503)
    server.page("/good.html", good)
    feed = server.feed("/feed.xml", rss("Later", [{"title": "Later", "link": server.url("/later.html"), "description": "s"},
                                                    {"title": "Good", "link": server.url("/good.html"), "description": "s"}]))
    source = follow(follower, feed, every=10)
    now = datetime(2024, 3, 4, 12, 0, tzinfo=UTC)
    first = follower.run_once(now=now).polled[0]
    assert (first.status, first.added) == ("partial", 1)
    kept = get_source(follower.store, source.id)
    assert kept.etag  # the feed's validators are kept: the next poll is a 304
    assert (kept.next_fetch, kept.failures) == (now + timedelta(minutes=10), 0)  # the source keeps its schedule
    server.page("/later.html", later)
    before = len(server.requests)
    again = follower.run_once(now=now + timedelta(minutes=10)).polled[0]
    assert (again.status, again.added) == ("304", 1)  # the page alone, retried from memory
    assert [hit.path for hit in server.requests[before:]] == ["/feed.xml", "/later.html"]


def test_a_page_that_keeps_failing_is_given_up_after_three_tries(server, follower, caplog):
    server.answer("/down.html", 503)
    source = follow(follower, server.feed("/feed.xml", rss("Down", [{"title": "Down", "link": server.url("/down.html"),
                                                                     "description": "s"}])), every=10)
    now = datetime(2024, 3, 4, 12, 0, tzinfo=UTC)
    statuses = []
    for step in range(4):
        polled = follower.run_once(now=now + timedelta(minutes=10 * step)).polled[0]
        statuses.append(polled.status)
    assert statuses == ["partial", "partial", "304", "304"]
    assert len(server.hits("/down.html")) == 3 * 2  # three tries, each retried once (follow_retries)
    assert any("given up after 3 tries: HTTP 503" in r.getMessage() for r in caplog.records)
    assert get_source(follower.store, source.id).failures == 0


def test_two_followers_over_one_store_never_poll_a_source_twice(server, tmp_path):
    settings = fast_settings(tmp_path)
    store = Store(settings.db)
    feed = server.feed("/slow.xml", rss("Slow", []), drip=0.002)  # slow enough that the two overlap
    add_source(store, feed, feed, every=30)
    followers = [Follower(Store(settings.db), settings, fetcher=Fetcher(settings, backoff=0)) for _ in range(2)]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        reports = list(pool.map(lambda f: f.run_once(), followers))
    for follower in followers:
        follower.stop()
    # whether the second finds the source busy or already polled depends on how the threads
    # overlap on a loaded machine; either way it polls nothing and the source is fetched once
    assert sorted(len(r.polled) for r in reports) == [0, 1] and sum(r.busy for r in reports) <= 1
    assert len(server.hits("/slow.xml")) == 1


def test_follow_once_skips_a_source_another_follower_is_polling(server, follower):
    from newsbrief.store.sources import claim_source

    source = follow(follower, summary_feed(server, benchmark_pages(1)))
    assert claim_source(follower.store, source, datetime.now(UTC), timedelta(minutes=30))  # another follower's claim
    report = follower.run_once(every_source=True)
    assert (report.polled, report.busy) == ([], 1) and not server.hits("/feed.xml")
    assert get_source(follower.store, source.id).last_status == "polling"


def test_robots_txt_is_honoured_for_pages(server, follower):
    server.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    server.page("/private/a.html", web_page())
    feed = server.feed("/feed.xml", rss("Robots", [{"title": "A", "link": server.url("/private/a.html"), "description": "s"}]))
    follow(follower, feed)
    polled = follower.run_once(every_source=True).polled[0]
    assert polled.added == 0 and "disallowed by robots.txt" in polled.skipped[0]
    assert not server.hits("/private/a.html")


def test_a_front_page_is_followed_through_the_feed_it_announces(server, follower):
    feed = summary_feed(server, benchmark_pages(1))
    site = server.page("/", front_page("/feed.xml"))
    source, new = follow_url(follower.store, follower.fetcher, site, 15, default=30)
    assert new and (source.url, source.feed_url, source.title, source.every_minutes) == (site, feed, "Loopback News", 15)
    assert follow_url(follower.store, follower.fetcher, site, None, default=30) == (source, False)


def test_a_page_without_a_feed_cannot_be_followed(server, follower):
    site = server.page("/", web_page())
    with pytest.raises(SourceError, match="no feed found"):
        discover_feed(follower.fetcher, site)


def test_the_background_follower_stores_articles_and_stops(server, follower):
    follow(follower, summary_feed(server, benchmark_pages(1)))
    follower.start()
    deadline = time.monotonic() + 30
    while follower.store.counts()[0] < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    follower.stop(timeout=10)
    assert follower.store.counts()[0] == 1
    assert not follower._thread.is_alive()


def test_the_app_follows_sources_while_it_runs_when_asked(server, tmp_path):
    from fastapi.testclient import TestClient

    from newsbrief.service.app import create_app

    settings = fast_settings(tmp_path, warm_briefs=0)
    store = Store(settings.db)
    feed = summary_feed(server, benchmark_pages(1))
    add_source(store, feed, feed, every=30)
    with TestClient(create_app(settings, store, follow=True)):
        deadline = time.monotonic() + 30
        while store.counts()[0] < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
    assert store.counts()[0] == 1
