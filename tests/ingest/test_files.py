"""read_inputs: paths, directories and Articles in, raw Articles and Rejected out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsbrief.config import Settings
from newsbrief.ingest import read_inputs
from newsbrief.model import Article, Rejected

from .conftest import EXAMPLES, STORY


def test_reads_the_example_articles_as_plain_text(read):
    articles, rejected = read(str(EXAMPLES))
    assert rejected == []
    assert [Path(a.id).name for a in articles] == ["000_e1b7ed9de78f1bf9.txt", "001_667ba82b30327c78.txt"]
    first = articles[0]
    assert first.path == first.id == os.path.join(str(EXAMPLES), "000_e1b7ed9de78f1bf9.txt")
    assert first.text == Path(first.path).read_text(encoding="utf-8")
    assert (first.title, first.outlet, first.url, first.published) == (None, None, None, None)


def test_accepts_path_objects(read):
    articles, _ = read(EXAMPLES / "000_e1b7ed9de78f1bf9.txt")
    assert articles[0].id == str(EXAMPLES / "000_e1b7ed9de78f1bf9.txt")


def test_directory_is_read_recursively_in_sorted_path_order(read, write, tmp_path):
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "a.txt", "c"]:
        write(f"in/{name}")
    articles, rejected = read(tmp_path / "in")
    assert rejected == []
    assert [os.path.relpath(a.id, tmp_path / "in") for a in articles] == [
        "a/b/c.txt", "a/z.txt", "a.txt", "b.txt", "c"]


def test_directory_paths_are_joined_to_the_path_as_given(read, write, tmp_path, monkeypatch):
    write("in/story.txt")
    monkeypatch.chdir(tmp_path)
    articles, _ = read("in/")
    assert articles[0].id == articles[0].path == "in/story.txt"


def test_directory_skips_hidden_and_non_article_files(read, write, tmp_path):
    write("in/story.txt")
    write("in/.hidden.txt")
    write("in/.git/HEAD.txt")
    write("in/photo.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
    write("in/style.css", "body { margin: 0; }")
    write("in/bundle.tar.gz", b"\x1f\x8b not really a tarball")
    articles, rejected = read(tmp_path / "in")
    assert [Path(a.id).name for a in articles] == ["story.txt"]
    assert rejected == []


def test_directory_recognises_article_files_by_content(read, write, tmp_path):
    write("in/story.dat", STORY)
    write("in/records", {"text": STORY, "title": "Gains in Aleppo"})
    articles, rejected = read(tmp_path / "in")
    assert rejected == []
    assert [(Path(a.id).name, a.title) for a in articles] == [("records", "Gains in Aleppo"), ("story.dat", None)]


def test_binary_file_without_extension_in_a_directory_is_rejected(read, write, tmp_path):
    write("in/story.txt")
    blob = write("in/blob", bytes(range(256)) * 8)
    _, rejected = read(tmp_path / "in")
    assert rejected == [Rejected(blob, "ingest", "binary file, not text")]


def test_article_objects_pass_through(read):
    given = Article(id="mine", text=STORY, title="Given")
    articles, rejected = read(given)
    assert articles == [given] and rejected == []


def test_mixes_articles_files_and_directories_in_input_order(read, write, tmp_path):
    path = write("one.txt")
    given = Article(id="mine", text=STORY)
    articles, _ = read(given, path, EXAMPLES)
    assert [a.id for a in articles][:2] == ["mine", path] and len(articles) == 4


def test_same_file_given_twice_is_read_once(read, write):
    path = write("story.txt")
    articles, _ = read(path, path, Path(path).parent / "." / "story.txt")
    assert len(articles) == 1


def test_same_directory_given_twice_is_read_once(read, write, tmp_path):
    write("in/story.txt")
    articles, rejected = read(tmp_path / "in", str(tmp_path / "in") + "/", tmp_path / "in" / "story.txt")
    assert len(articles) == 1 and rejected == []


def test_missing_path_is_rejected(read, tmp_path):
    missing = str(tmp_path / "nope.txt")
    articles, rejected = read(missing)
    assert articles == []
    assert rejected == [Rejected(missing, "ingest", "no such file or directory")]
    assert str(rejected[0]) == f"{missing}: no such file or directory"


def test_empty_directory_is_rejected(read, tmp_path):
    (tmp_path / "empty").mkdir()
    _, rejected = read(tmp_path / "empty")
    assert rejected == [Rejected(str(tmp_path / "empty"), "ingest", "no article files found")]


def test_directory_of_only_non_article_files_is_rejected(read, write, tmp_path):
    write("in/photo.png", b"\x89PNG\r\n")
    _, rejected = read(tmp_path / "in")
    assert [r.reason for r in rejected] == ["no article files found"]


def test_bad_files_do_not_stop_the_others(read, write, tmp_path):
    write("in/a.txt")
    write("in/b.txt", "")
    write("in/c.txt")
    articles, rejected = read(tmp_path / "in")
    assert [Path(a.id).name for a in articles] == ["a.txt", "c.txt"]
    assert [(Path(r.source).name, r.reason) for r in rejected] == [("b.txt", "empty file")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_rejected(read, write):
    path = write("secret.txt")
    os.chmod(path, 0)
    _, rejected = read(path)
    assert rejected == [Rejected(path, "ingest", "cannot read: permission denied")]


def test_a_non_path_input_is_a_programming_error(read):
    with pytest.raises(TypeError):
        read(42)


def test_a_single_path_is_one_input(write):
    articles, _ = read_inputs(write("story.txt"), Settings())
    assert len(articles) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any folder")
def test_unlistable_directory_is_rejected(read, write, tmp_path):
    write("locked/story.txt")
    os.chmod(tmp_path / "locked", 0)
    try:
        _, rejected = read(tmp_path / "locked")
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    assert rejected == [Rejected(str(tmp_path / "locked"), "ingest", "cannot read: permission denied")]
