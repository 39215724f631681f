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
