"""`newsbrief sources add|import|list|remove` and `newsbrief follow` against a loopback server."""

from __future__ import annotations

import pytest

from newsbrief.store import Store

from tests.service.feed_server import FeedServer, benchmark_pages, front_page, rss


@pytest.fixture
def server():
    with FeedServer() as running:
        pages = benchmark_pages(2)
        for number, (_, html, _) in enumerate(pages):
            running.page(f"/news/{number}.html", html)
        running.feed("/feed.xml", rss("Loopback News", [
            {"title": f"Story {n}", "link": f"/news/{n}.html", "description": "first lines"} for n in range(len(pages))]))
        running.page("/", front_page("/feed.xml"))
        yield running


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_FOLLOW_DELAY", "0")
    monkeypatch.setenv("NEWSBRIEF_FOLLOW_PRIVATE_ADDRESSES", "1")  # the server is on loopback
    url = f"sqlite:///{tmp_path / 'news.db'}"
    Store(url).close()  # a store, empty (the commands that only read refuse to make one)
    return url


def test_a_site_is_added_through_its_feed_and_listed(cli, server, db):
    added = cli("sources", "add", server.url("/"), "--db", db, "--every", "15")
    assert added.exit_code == 0, added.stderr
    assert added.stdout.strip() == f"following {server.url('/')} (feed {server.url('/feed.xml')}): source 1"
    listed = cli("sources", "list", "--db", db)
    assert listed.stdout.startswith(f"1\t{server.url('/feed.xml')}\tevery 15 min\tlast never: never fetched\tnext now\t"
                                    "0 articles added")


def test_adding_a_followed_source_with_every_sets_its_interval(cli, server, db):
    cli("sources", "add", server.url("/feed.xml"), "--db", db)
    again = cli("sources", "add", server.url("/feed.xml"), "--db", db, "--every", "5")
    assert again.stdout.strip() == f"already following {server.url('/feed.xml')}: source 1; now every 5 minutes"
    assert "\tevery 5 min\t" in cli("sources", "list", "--db", db).stdout


def test_usage_lines_name_the_arguments(cli):
    assert "URL}..." in cli("sources", "add", "--help").stdout
    assert "ID}..." in cli("sources", "remove", "--help").stdout
    assert "FILE.opml" in cli("sources", "import", "--help").stdout


def test_follow_once_stores_every_entry_and_a_second_run_adds_nothing(cli, server, db):
    cli("sources", "add", server.url("/feed.xml"), "--db", db)
    first = cli("follow", "--once", "--db", db)
    assert first.exit_code == 0, first.stderr
    assert "polled 1 sources (0 failed, 0 partial): added 2 articles" in first.stdout
    before = len(server.requests)
    second = cli("follow", "--once", "--db", db)
    assert "added 0 articles" in second.stdout
    assert [hit.path for hit in server.requests[before:]] == ["/robots.txt", "/feed.xml"]  # a new process reads robots.txt again
    assert server.requests[-1].headers.get("if-none-match")
    assert "200\t" not in cli("sources", "list", "--db", db).stdout and "304" in cli("sources", "list", "--db", db).stdout


def test_an_opml_list_is_imported(cli, server, db, tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text(f'<opml version="2.0"><body><outline text="L" xmlUrl="{server.url("/feed.xml")}"/>'
                    f'<outline text="gone" xmlUrl="{server.url("/gone.xml")}"/></body></opml>')
    result = cli("sources", "import", str(opml), "--db", db)
    assert result.exit_code == 0
    assert "source 1" in result.stdout and f"skipped {server.url('/gone.xml')}: HTTP 404" in result.stderr


def test_a_url_without_a_feed_is_a_one_line_error(cli, server, db, assert_one_line_error):
    server.page("/plain.txt", "just text", "text/plain")
    result = cli("sources", "add", server.url("/plain.txt"), "--db", db)
    assert result.exit_code == 1 and "nor a web page" in result.stderr and "Traceback" not in result.stderr


def test_a_source_is_removed(cli, server, db, assert_one_line_error):
    cli("sources", "add", server.url("/feed.xml"), "--db", db)
    assert cli("sources", "remove", "1", "--db", db).stdout == "removed source 1\n"
    assert_one_line_error(cli("sources", "remove", "1", "--db", db), "no source 1")


def test_follow_once_exits_1_when_every_source_failed(cli, server, db, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_FOLLOW_RETRIES", "0")
    cli("sources", "add", server.url("/feed.xml"), "--db", db)
    server.answer("/feed.xml", 500)
    result = cli("follow", "--once", "--db", db)
    assert result.exit_code == 1 and "polled 1 sources (1 failed, 0 partial)" in result.stdout
    assert "every source failed" in result.stderr and "HTTP 500" in result.stderr


def test_follow_once_counts_partial_polls(cli, server, db, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_FOLLOW_RETRIES", "0")
    server.answer("/news/1.html", 503)
    cli("sources", "add", server.url("/feed.xml"), "--db", db)
    result = cli("follow", "--once", "--db", db)
    assert result.exit_code == 0 and "polled 1 sources (0 failed, 1 partial): added 1 articles" in result.stdout


def test_removing_an_unknown_source_is_a_one_line_error(cli, db, assert_one_line_error):
    assert_one_line_error(cli("sources", "remove", "99", "--db", db), "no source 99")


def test_follow_once_without_sources_says_so(cli, db):
    result = cli("follow", "--once", "--db", db)
    assert result.exit_code == 0 and "no sources followed" in result.stdout
