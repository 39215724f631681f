"""WARC archives: one article per HTML response; truncated and corrupt records reported, the rest kept."""

from __future__ import annotations

import gzip
import io

import pytest

from newsbrief.config import Settings
from newsbrief.ingest.warc import articles_from_warc
from newsbrief.model import Article, Rejected

from .pages import SETTINGS, STORY, meta_head, rss, warc, web_page

PAGE = web_page().encode()
OTHER = web_page([p.replace("Aleppo", "Homs") for p in STORY], title="Fighting moves to Homs").encode()


def read(data: bytes, settings: Settings = SETTINGS) -> list[Article | Rejected]:
    return list(articles_from_warc(io.BytesIO(data), path="crawl.warc.gz", settings=settings))


@pytest.mark.parametrize("compress", [True, False])
def test_html_responses_become_articles_numbered_by_record(compress):
    results = read(warc(("https://news.example.com/a", PAGE, "text/html"),
                           ("https://news.example.com/b", OTHER, "text/html; charset=utf-8"), compress=compress))
    assert [(a.id, a.url, a.path) for a in results] == [
        ("crawl.warc.gz#2", "https://news.example.com/a", "crawl.warc.gz"),
        ("crawl.warc.gz#3", "https://news.example.com/b", "crawl.warc.gz")]
    assert results[1].title == "Fighting moves to Homs"


def test_page_metadata_wins_over_the_record_address():
    page = web_page(head=meta_head()).encode()
    [article] = read(warc(("https://cdn.example.net/x?id=1", page, "text/html")))
    assert article.url == "https://news.example.com/world/aleppo-gains"


def test_non_html_redirects_and_errors_are_passed_over_silently():
    results = read(warc(("https://news.example.com/logo.png", b"\x89PNG....", "image/png"),
                           ("https://news.example.com/old", b"", "text/html", "301 Moved Permanently"),
                           ("https://news.example.com/gone", PAGE, "text/html", "404 Not Found"),
                           ("https://news.example.com/a", PAGE, "text/html")))
    assert [r.id for r in results] == ["crawl.warc.gz#5"]


def test_truncated_record_is_reported_and_earlier_articles_kept():
    data = warc(("https://news.example.com/a", PAGE, "text/html"), ("https://news.example.com/b", OTHER, "text/html"),
                   compress=False)
    results = read(data[:-len(OTHER) // 2])
    assert isinstance(results[0], Article) and results[0].url == "https://news.example.com/a"
    assert results[1:] == [Rejected("crawl.warc.gz#3", "ingest", "truncated record: its page is incomplete")]


def test_gzip_archive_cut_inside_a_record_is_reported_and_earlier_articles_kept():
    data = warc(("https://news.example.com/a", PAGE, "text/html"), ("https://news.example.com/b", OTHER, "text/html"))
    results = read(data[:-200])
    assert isinstance(results[0], Article)
    assert [r.source for r in results[1:]] == ["crawl.warc.gz#3"]
    assert "truncated" in results[1].reason


def test_corrupt_record_header_stops_reading_with_one_report():
    data = warc(("https://news.example.com/a", PAGE, "text/html"), compress=False)
    results = read(data + b"WARC/1.0\r\nWARC-Type: resp")
    assert isinstance(results[0], Article)
    assert len(results) == 2 and results[1].source == "crawl.warc.gz#3"
    assert results[1].reason.startswith("corrupt WARC record, stopped reading")


def test_archive_gzipped_as_a_whole_is_read():
    data = warc(("https://news.example.com/a", PAGE, "text/html"), ("https://news.example.com/b", OTHER, "text/html"),
                   compress=False)
    assert [a.id for a in read(gzip.compress(data))] == ["crawl.warc.gz#2", "crawl.warc.gz#3"]


def test_page_with_no_article_is_reported():
    menu = b"<html><body><nav><a href='/'>Home</a></nav></body></html>"
    assert read(warc(("https://news.example.com/", menu, "text/html"))) == [
        Rejected("crawl.warc.gz#2", "ingest", "no article text found")]


def test_page_over_the_size_limit_is_refused():
    [rejected] = read(warc(("https://news.example.com/a", PAGE, "text/html")), Settings(max_file_bytes=1000))
    assert rejected.reason.startswith("page too large")


def test_feed_response_is_read_as_a_feed():
    feed = rss({"title": "Gains", "content": "".join(f"<p>{p}</p>" for p in STORY)})
    [article] = read(warc(("https://news.example.com/feed", feed, "application/rss+xml")))
    assert (article.id, article.title) == ("crawl.warc.gz#2#1", "Gains")



def arc_file(url: str, html: bytes) -> bytes:
    """An ARC (version 1) file, the WARC's predecessor: a filedesc header, then one page."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    desc = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    return (b"filedesc://crawl.arc 0.0.0.0 20161128100000 text/plain %d\n" % len(desc) + desc + b"\n"
            + b"%s 93.184.216.34 20161128100000 text/html %d\n" % (url.encode(), len(http)) + http + b"\n")


@pytest.mark.parametrize("name, compress", [("crawl.arc", False), ("crawl.arc.gz", True), ("crawl", False)])
def test_an_arc_file_is_read_as_an_archive_of_pages(tmp_path, name, compress):
    import gzip as gz

    from newsbrief.ingest.files import read_inputs
    from tests.every_kind import example_articles, page

    title, paragraphs = example_articles()[1]
    data = arc_file("https://news.example.com/aleppo/1", page(title, paragraphs, "https://news.example.com/aleppo/1").encode())
    (tmp_path / name).write_bytes(gz.compress(data) if compress else data)
    articles, rejected = read_inputs([tmp_path / name], SETTINGS)
    assert rejected == []
    assert [(a.title, a.url) for a in articles] == [(title, "https://news.example.com/aleppo/1")]
    assert not articles[0].text.startswith("filedesc") and "Aleppo" in articles[0].text
