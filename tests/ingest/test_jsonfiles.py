"""JSON and JSONL files: one article object, a list of them, or one per line."""

from __future__ import annotations

import json

from newsbrief.model import Rejected

from .conftest import STORY, jsonl


def test_json_object_is_one_article_with_the_path_as_id(read, write):
    path = write("story.json", {"text": STORY, "title": "Gains", "url": "https://example.com/a"})
    articles, rejected = read(path)
    assert rejected == []
    assert [(a.id, a.path, a.text, a.title, a.url) for a in articles] == [
        (path, path, STORY, "Gains", "https://example.com/a")]


def test_json_object_keeps_its_own_id(read, write):
    articles, _ = read(write("story.json", {"id": "afp-123", "text": STORY}))
    assert articles[0].id == "afp-123"


def test_json_list_is_one_article_per_record(read, write):
    path = write("stories.json", [{"text": "One. " + STORY}, {"id": 7, "text": "Two. " + STORY}])
    articles, rejected = read(path)
    assert rejected == []
    assert [a.id for a in articles] == [f"{path}#1", "7"]
    assert [a.text[:4] for a in articles] == ["One.", "Two."]


def test_jsonl_is_one_article_per_line_with_field_name_variants(read, write):
    path = write("news.jsonl", jsonl(
        {"headline": "First", "body": STORY, "link": "https://a.example/1", "date": "2016-12-05"},
        {"title": "Second", "content": STORY, "url": "https://b.example/2", "published_at": "2016-12-06T09:30:00Z"},
    ))
    articles, rejected = read(path)
    assert rejected == []
    assert [(a.id, a.title, a.url, a.published.isoformat(), a.text) for a in articles] == [
        (f"{path}#1", "First", "https://a.example/1", "2016-12-05", STORY),
        (f"{path}#2", "Second", "https://b.example/2", "2016-12-06", STORY),
    ]


def test_jsonl_blank_lines_are_skipped_and_not_counted(read, write):
    path = write("news.jsonl", "\n" + jsonl({"text": STORY}) + "\n  \n" + jsonl({"text": STORY}))
    articles, rejected = read(path)
    assert rejected == []
    assert [a.id for a in articles] == [f"{path}#1", f"{path}#2"]


def test_jsonl_with_a_broken_line_still_yields_the_other_records(read, write):
    path = write("news.jsonl", jsonl({"text": STORY}, '{"text": "cut off', {"text": STORY}))
    articles, rejected = read(path)
    assert [a.id for a in articles] == [f"{path}#1", f"{path}#3"]
    assert [str(r) for r in rejected] == [
        f"{path}:2: malformed JSON: Unterminated string starting at (column 10)"]


def test_record_without_text_is_rejected_naming_file_and_line(read, write):
    path = write("news.jsonl", jsonl({"text": STORY}, {"text": STORY}, {"title": "No body"}))
    articles, rejected = read(path)
    assert len(articles) == 2
    assert rejected == [Rejected(f"{path}:3", "ingest",
                                 "no article text (expected one of text, body, content, maintext, article)")]


def test_record_with_empty_text_is_rejected(read, write):
    path = write("stories.json", [{"text": STORY}, {"text": "  \n "}])
    _, rejected = read(path)
    assert rejected == [Rejected(f"{path}#2", "ingest", "empty article text in 'text'")]


def test_record_that_is_not_an_object_is_rejected(read, write):
    path = write("news.jsonl", jsonl({"text": STORY}, ["a", "list"]))
    _, rejected = read(path)
    assert rejected == [Rejected(f"{path}:2", "ingest", "record is not a JSON object (got array)")]


def test_malformed_json_is_rejected_with_line_and_column(read, write):
    path = write("bad.json", '{\n  "title": "x",\n  "text": "y"\n  "url": "z"\n}')
    _, rejected = read(path)
    assert [str(r) for r in rejected] == [
        f"{path}: malformed JSON: Expecting ',' delimiter (line 4, column 3)"]


def test_json_holding_a_scalar_is_rejected(read, write):
    _, rejected = read(write("odd.json", "42"))
    assert [r.reason for r in rejected] == ["JSON holds neither an article object nor a list of them"]


def test_empty_json_list_is_rejected(read, write):
    _, rejected = read(write("none.json", []))
    assert [r.reason for r in rejected] == ["empty JSON list: no articles"]


def test_jsonl_of_blank_lines_is_an_empty_file(read, write):
    _, rejected = read(write("news.jsonl", "\n\n  \n"))
    assert [r.reason for r in rejected] == ["empty file"]


def test_jsonl_saved_as_json_is_read_as_jsonl(read, write):
    path = write("news.json", jsonl({"text": STORY}, {"text": STORY}))
    articles, rejected = read(path)
    assert rejected == [] and [a.id for a in articles] == [f"{path}#1", f"{path}#2"]


def test_json_without_an_extension_is_recognised_by_content(read, write):
    articles, _ = read(write("story", json.dumps({"text": STORY, "title": "Gains"}, indent=2)))
    assert articles[0].title == "Gains"


def test_text_starting_with_a_bracket_stays_text(read, write):
    text = "[Reuters] " + STORY
    articles, rejected = read(write("story", text))
    assert rejected == [] and articles[0].text == text


def test_big_jsonl_is_streamed_record_by_record(read, write):
    records = [{"text": f"Record {n}. " + STORY} for n in range(40)]
    articles, rejected = read(write("news.jsonl", jsonl(*records)), max_file_bytes=1000)
    assert rejected == [] and len(articles) == 40


def test_jsonl_line_over_the_size_limit_is_rejected_and_skipped(read, write):
    path = write("news.jsonl", jsonl({"text": STORY * 20}, {"text": STORY}))
    articles, rejected = read(path, max_file_bytes=1000)
    assert [a.id for a in articles] == [f"{path}#2"]
    assert [str(r) for r in rejected] == [
        f"{path}:1: record too large: over 1.0 KB (limit 1.0 KB; see --max-file-bytes)"]


def test_jsonl_record_longer_than_the_article_limit_is_rejected(read, write):
    path = write("news.jsonl", jsonl({"text": "x" * 101}, {"text": "short"}))
    articles, rejected = read(path, max_article_chars=100)
    assert len(articles) == 1
    assert rejected == [Rejected(f"{path}:1", "ingest", "article too long: 101 characters (limit 100)")]


def test_jsonl_in_cp1252_is_decoded_line_by_line(read, write):
    text = "The café – a naïve place – opened on Monday, officials said."
    articles, rejected = read(write("news.jsonl", jsonl({"text": STORY}, {"text": text}), encoding="cp1252"))
    assert rejected == [] and articles[1].text == text


def test_utf16_jsonl_is_read(read, write):
    articles, rejected = read(write("news.jsonl", jsonl({"text": "café " + STORY}, {"text": STORY}),
                                    encoding="utf-16"))
    assert rejected == [] and [a.text[:4] for a in articles] == ["café", STORY[:4]]


def test_json_nested_too_deeply_is_rejected(read, write):
    _, rejected = read(write("deep.json", "[" * 100_000))
    assert [r.reason for r in rejected] == ["malformed JSON: nested too deeply"]


def test_jsonl_number_with_too_many_digits_is_rejected(read, write):
    path = write("news.jsonl", jsonl({"text": STORY}, '{"id": ' + "1" * 5000 + "}"))
    articles, rejected = read(path)
    assert len(articles) == 1
    assert [r.source for r in rejected] == [f"{path}:2"]
    assert rejected[0].reason.startswith("malformed JSON: Exceeds the limit")


def test_a_gzip_of_a_million_blank_lines_reads_both_records_with_their_line_numbers(tmp_path):
    import gzip

    from newsbrief.config import Settings
    from newsbrief.ingest.files import read_inputs

    record = '{"id": "%s", "text": "Rescue teams reached the flooded villages on Tuesday, officials said."}\n'
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress((record % "a").encode() + b"\r\n" * 10 + b"\n" * 1_000_000 + (record % "b").encode()
                                   + b"{broken\n"))
    articles, rejected = read_inputs([path], Settings())
    assert [a.id for a in articles] == ["a", "b"]
    assert [r.source for r in rejected] == [f"{path}:1000013"]
