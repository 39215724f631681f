"""Telling a file's kind from its name and first bytes."""

from __future__ import annotations

import pytest

from newsbrief.ingest.sniff import is_candidate, kind_of, looks_binary, suffixes


@pytest.mark.parametrize("name, head, kind", [
    ("a.txt", b'{"text": "x"}', "text"),
    ("a.jsonl", b"whatever", "jsonl"),
    ("a.jsonl", b'[{"text": "x"},\n {"text": "y"}]', "json"),
    ("a.ndjson", b'{"text": "x"}\n', "jsonl"),
    ("a.json", b'{\n  "text": "x"\n}', "json"),
    ("a.json", b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
    ("a.json", b'{"text": "x"}\n', "json"),
    ("a.json", b"not json at all", "json"),
    ("a.jsonl.gz", b"", "jsonl"),
    ("a", b'  [{"text": "x"}]', "json"),
    ("a", b'{"text": "x"}\n{"text": "y"}', "jsonl"),
    ("a.dat", b'\xef\xbb\xbf{"text": "x"}', "json"),
    ("a", b"[Reuters] Officials said", "text"),
    ("a", b"{Update} Officials said", "text"),
    ("a", b"Officials said", "text"),
])
def test_kind_of(name, head, kind):
    assert kind_of(name, head) == kind


def test_utf16_json_is_recognised_by_content():
    assert kind_of("a", '{"text": "x"}'.encode("utf-16")) == "json"


def test_gz_suffix_is_looked_through():
    assert suffixes("news.JSONL.gz") == [".jsonl"]


@pytest.mark.parametrize("name", ["a.txt", "a", "a.json", "a.jsonl.gz", "a.txt.gz", "a.dat", "story.md"])
def test_article_files_are_candidates(name):
    assert is_candidate(name)


@pytest.mark.parametrize("name", ["a.png", "a.JPG", "a.zip", "a.tar.gz", "a.pdf", "a.css", "a.pyc", "a.docx"])
def test_non_article_files_are_not_candidates(name):
    assert not is_candidate(name)


@pytest.mark.parametrize("head", [
    b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"%PDF-1.4", b"PK\x03\x04", b"\x7fELF\x02",
    b"\x00\x00\x00\x18ftypmp42", b"text\x00with a NUL", bytes(range(1, 32)) * 10,
])
def test_binary_heads(head):
    assert looks_binary(head)


@pytest.mark.parametrize("head", [
    b"Plain text.\n", "café".encode("cp1252"), "Text".encode("utf-16"), "Text here".encode("utf-16-le"),
    b"Tabs\tand form feeds\f are text\r\n",
])
def test_text_heads(head):
    assert not looks_binary(head)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_json_with_bom_is_recognised(encoding):
    head = "\ufeff" + '{"text": "x"}\n{"text": "y"}\n'
    assert kind_of("a", head.encode(encoding)) == "jsonl"
    assert not looks_binary(head.encode(encoding))


@pytest.mark.parametrize("name, head, kind", [
    ("a.html", b"<!DOCTYPE html><html><head>", "html"),
    ("a.htm", b"plain words in an HTML-named file", "html"),
    ("saved", b"<!-- saved from url=(0042)https://example.com/ -->\n<html lang='en'>", "html"),
    ("a.txt", b"\xef\xbb\xbf  <!doctype html>\n<html>", "html"),
    ("a", b"<div class='story'><p>Officials said</p></div>", "html"),
    ("a.md", b"<p align='center'>A README heading</p>", "text"),
    ("a.xml", b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html>', "html"),
    ("feed", b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>', "feed"),
    ("a.xml", b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    ("a.rdf", b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "feed"),
    ("a.rss", b"not a feed inside", "feed"),
    ("a.xml", b'<?xml version="1.0"?><urlset><url>', "xml"),
    ("a", b'<?xml version="1.0"?><urlset><url>', "xml"),
    ("a", b"<Reuters> Officials said on Sunday", "text"),
    ("crawl.warc.gz", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
    ("crawl.dat", b"WARC/1.1\r\nWARC-Type: response\r\n", "warc"),
    ("a.json", b"WARC/1.0\r\n", "warc"),
])
def test_kind_of_markup_and_archives(name, head, kind):
    assert kind_of(name, head) == kind


@pytest.mark.parametrize("name", ["page.html", "page.HTM", "feed.xml", "feed.rss", "crawl.warc", "crawl.warc.gz"])
def test_pages_feeds_and_archives_are_candidates(name):
    assert is_candidate(name)
