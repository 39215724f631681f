"""Reading one file: plain text, encodings, gzip, and the checks that reject a file."""

from __future__ import annotations

import gzip
import time

from newsbrief.ingest.reader import os_reason
from newsbrief.model import Rejected

from .conftest import STORY, jsonl

ACCENTED = "The café – a naïve place – opened on Monday, officials said. "


def reasons(rejected):
    return [r.reason for r in rejected]


def test_plain_text_file_is_one_article_with_the_path_as_id(read, write):
    path = write("story.txt")
    articles, rejected = read(path)
    assert rejected == []
    assert [(a.id, a.path, a.text, a.title) for a in articles] == [(path, path, STORY, None)]


def test_plain_text_windows_line_ends_become_newlines(read, write):
    articles, _ = read(write("story.txt", "First line.\r\nSecond line.\r\n"))
    assert articles[0].text == "First line.\nSecond line.\n"


def test_plain_text_byte_order_mark_is_dropped(read, write):
    articles, _ = read(write("story.txt", "\ufeff" + STORY))
    assert articles[0].text == STORY


def test_cp1252_text_is_decoded(read, write):
    text = ACCENTED + STORY * 3
    articles, rejected = read(write("story.txt", text, encoding="cp1252"))
    assert rejected == []
    assert articles[0].text == text


def test_utf16_text_with_bom_is_decoded(read, write):
    articles, rejected = read(write("story.txt", ACCENTED + STORY, encoding="utf-16"))
    assert rejected == []
    assert articles[0].text == ACCENTED + STORY


def test_utf16_text_without_bom_is_decoded(read, write):
    articles, rejected = read(write("story.txt", ACCENTED + STORY, encoding="utf-16-le"))
    assert rejected == []
    assert articles[0].text == ACCENTED + STORY


def test_undetectable_encoding_is_rejected(read, write):
    path = write("noise.txt", bytes(range(128, 256)) * 20)
    assert read(path)[1] == [Rejected(path, "ingest", "cannot detect the text encoding")]


def test_binary_file_with_nul_bytes_is_rejected(read, write):
    path = write("data.txt", b"header\x00\x01\x02" * 100)
    assert read(path)[1] == [Rejected(path, "ingest", "binary file, not text")]


def test_binary_file_with_many_control_bytes_is_rejected(read, write):
    _, rejected = read(write("data", bytes(range(1, 32)) * 100))
    assert reasons(rejected) == ["binary file, not text"]


def test_file_with_a_known_binary_magic_number_is_rejected(read, write):
    _, rejected = read(write("report.txt", b"%PDF-1.7\n" + STORY.encode()))
    assert reasons(rejected) == ["binary file, not text"]


def test_empty_file_is_rejected(read, write):
    path = write("empty.txt", "")
    assert read(path) == ([], [Rejected(path, "ingest", "empty file")])


def test_whitespace_only_file_is_rejected(read, write):
    _, rejected = read(write("blank.txt", " \n\t\r\n  "))
    assert reasons(rejected) == ["empty file"]


def test_oversized_file_is_rejected_without_reading_it(read, tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "w") as f:
        f.write(STORY)
        f.truncate(20_000_000)  # sparse: nothing to read but NULs
    started = time.perf_counter()
    _, rejected = read(path)
    assert time.perf_counter() - started < 0.5
    assert rejected == [Rejected(str(path), "ingest",
                                 "file too large: 20.0 MB (limit 10.0 MB; see --max-file-bytes)")]


def test_oversized_json_file_is_rejected(read, write):
    _, rejected = read(write("big.json", {"text": STORY * 10}), max_file_bytes=500)
    assert reasons(rejected) == ["file too large: 1.6 KB (limit 500 bytes; see --max-file-bytes)"]


def test_article_longer_than_the_limit_is_rejected(read, write):
    _, rejected = read(write("long.txt", "x" * 101), max_article_chars=100)
    assert reasons(rejected) == ["article too long: 101 characters (limit 100)"]


def test_gzipped_jsonl_is_read(read, write):
    data = gzip.compress(jsonl({"text": STORY, "title": "One"}, {"text": STORY, "title": "Two"}).encode())
    articles, rejected = read(write("news.jsonl.gz", data))
    assert rejected == []
    assert [a.title for a in articles] == ["One", "Two"]


def test_gzipped_text_is_read(read, write):
    articles, _ = read(write("story.txt.gz", gzip.compress(STORY.encode())))
    assert articles[0].text == STORY


def test_gzip_is_recognised_without_a_gz_name(read, write):
    articles, _ = read(write("story.txt", gzip.compress(STORY.encode())))
    assert articles[0].text == STORY


def test_oversized_gzip_content_is_rejected(read, write):
    _, rejected = read(write("big.txt.gz", gzip.compress(b"x" * 2000)), max_file_bytes=1000)
    assert reasons(rejected) == [
        "uncompressed file too large: over 1.0 KB (limit 1.0 KB; see --max-file-bytes)"]


def test_corrupt_gzip_is_rejected(read, write):
    _, rejected = read(write("story.txt.gz", gzip.compress(STORY.encode())[:30]))
    assert len(rejected) == 1 and rejected[0].reason.startswith("corrupt gzip file: ")


def test_permission_error_reads_as_permission_denied():
    assert os_reason(PermissionError(13, "Permission denied")) == "cannot read: permission denied"


def test_other_os_errors_read_as_their_message():
    assert os_reason(OSError(5, "Input/output error")) == "cannot read: input/output error"


PAGE = """<!DOCTYPE html><html><head><title>Government forces take eastern Aleppo</title>
<meta property="og:site_name" content="Example News"></head><body><nav><a href="/">Home</a><a href="/world">World</a></nav>
<article><h1>Government forces take eastern Aleppo</h1>
<p>Syrian government forces made significant gains in eastern Aleppo on Sunday, taking several districts that rebels had held for years.</p>
<p>Rebels said they had withdrawn from the districts after days of heavy shelling and air strikes that killed dozens of civilians.</p>
</article><footer>Copyright Example News</footer></body></html>"""
FEED = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<entry><title>Gains in Aleppo</title><id>urn:1</id><content type="text">Syrian government forces made significant gains
in eastern Aleppo on Sunday, taking several districts that rebels had held for years.</content></entry></feed>"""


def test_html_page_is_read_as_its_article(read, write):
    [article], rejected = read(write("page.html", PAGE))
    assert rejected == []
    assert (article.title, article.outlet, article.language) == ("Government forces take eastern Aleppo", "Example News", "en")
    assert article.text.startswith("Syrian government forces") and "Home" not in article.text


def test_gzipped_html_page_is_read(read, write):
    [article], _ = read(write("page.html.gz", gzip.compress(PAGE.encode())))
    assert article.text.startswith("Syrian government forces")


def test_html_saved_under_a_text_name_is_recognised_by_content(read, write):
    [article], _ = read(write("page.txt", PAGE))
    assert article.title == "Government forces take eastern Aleppo" and "<p>" not in article.text


def test_atom_feed_without_extension_is_read_by_content(read, write):
    path = write("latest", FEED)
    [article], rejected = read(path)
    assert rejected == []
    assert (article.id, article.title, article.outlet) == (f"{path}#1", "Gains in Aleppo", "Example Atom")


def test_xml_that_is_no_feed_is_rejected(read, write):
    path = write("sitemap.xml", '<?xml version="1.0"?><urlset><url><loc>https://example.com/</loc></url></urlset>')
    assert read(path) == ([], [Rejected(path, "ingest", "XML that is neither an RSS/Atom feed nor an HTML page")])


def test_warc_with_no_pages_is_rejected(read, write):
    path = write("crawl.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
                               b"Content-Length: 0\r\n\r\n\r\n\r\n")
    assert read(path) == ([], [Rejected(path, "ingest", "WARC file with no HTML pages")])


def test_text_articles_get_their_language_detected(read, write):
    [article], _ = read(write("story.txt"))
    assert article.language == "en"
