"""One bad input never ends a run: a reader that fails (a missing module, an exception deep in a
parser) costs that input only, with a one-line reason; an install problem is said once, with its fix."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsbrief.config import Settings
from newsbrief.errors import REINSTALL
from newsbrief.ingest.files import read_inputs
from tests.conftest import EXAMPLE_DIR, REPO
from tests.every_kind import NOT_A_PAGE, write_every_kind

WITHOUT_LXML_HTML_CLEAN = """
import sys
sys.modules["lxml_html_clean"] = None  # as in an install that lacks it: lxml.html.clean fails to import
from newsbrief.cli import main
sys.argv = ["newsbrief", *sys.argv[1:]]
main()
"""


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    return write_every_kind(tmp_path_factory.mktemp("every-kind"))


def test_every_input_kind_gives_its_articles(inputs):
    for name in ("page.html", "page.html.gz", "crawl.warc.gz", "feed.rss", "feed.atom", "articles.jsonl"):
        articles, rejected = read_inputs([inputs[name]], Settings())
        assert articles and not rejected, name
        assert all("Aleppo" in a.text for a in articles), name


def test_a_binary_file_named_html_is_skipped_and_the_brief_still_made(cli, inputs):
    result = cli("brief", inputs[NOT_A_PAGE], EXAMPLE_DIR, "--no-facts")
    assert result.exit_code == 0
    assert result.stderr.strip() == f"newsbrief: warning: skipped {inputs[NOT_A_PAGE]}: binary file, not text"
    assert result.stdout.startswith("# ") and "[2]" in result.stdout


def test_a_missing_module_skips_the_pages_says_the_fix_once_and_keeps_the_rest(inputs):
    pages = [inputs["page.html"], inputs["page.html.gz"]]
    done = subprocess.run([sys.executable, "-c", WITHOUT_LXML_HTML_CLEAN, "brief", *pages, EXAMPLE_DIR, "--no-facts"],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    warnings = done.stderr.strip().splitlines()
    assert len(warnings) == 2, done.stderr
    assert warnings[0].startswith(f"newsbrief: warning: skipped {pages[0]}: cannot be read: lxml.html.clean")
    assert warnings[0].endswith(f"({REINSTALL})")
    assert warnings[1] == (f"newsbrief: warning: skipped {pages[1]}: cannot be read: "
                           f"the same install problem as {pages[0]}")
    assert done.stdout.startswith("# ") and "[2]" in done.stdout


def test_only_unreadable_inputs_exit_1_naming_the_first(inputs):
    done = subprocess.run([sys.executable, "-c", WITHOUT_LXML_HTML_CLEAN, "brief", inputs["page.html"], inputs[NOT_A_PAGE]],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("newsbrief: error: no usable article among 2 inputs")
    assert "Traceback" not in done.stderr


def test_an_exception_deep_in_a_parser_costs_that_file_only(inputs, monkeypatch):
    import feedparser

    def broken(data):
        raise RuntimeError("parser state\ncorrupted")

    monkeypatch.setattr(feedparser, "parse", broken)
    articles, rejected = read_inputs([inputs["feed.rss"], inputs["articles.jsonl"]], Settings())
    assert [a.id for a in articles] == ["a0", "a1"]
    assert [str(r) for r in rejected] == [f"{inputs['feed.rss']}: internal error: RuntimeError: parser state corrupted"]


def test_a_page_whose_extraction_fails_does_not_end_the_crawl(tmp_path, monkeypatch):
    from newsbrief.ingest import html
    from newsbrief.ingest.warc import articles_from_warc
    from tests.every_kind import page, warc

    calls = []
    real = html.main_text

    def first_fails(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("no tree")
        return real(*args, **kwargs)

    monkeypatch.setattr(html, "main_text", first_fails)
    text = ["Syrian government forces made significant gains in eastern Aleppo on Sunday, taking several "
            "districts that rebels had held for four years, a monitoring group said."] * 3
    crawl = warc("https://a.example/1", page("One", text, "https://a.example/1")) + \
        warc("https://a.example/2", page("Two", text, "https://a.example/2"))
    results = list(articles_from_warc(__import__("io").BytesIO(crawl), path="crawl.warc.gz", settings=Settings()))
    assert [type(r).__name__ for r in results] == ["Rejected", "Article"]
    assert results[0].reason == "internal error: ValueError: no tree"


def test_an_article_whose_cleaning_fails_is_skipped_with_the_reason(monkeypatch):
    from newsbrief import pipeline
    from newsbrief.model import Article

    real = pipeline.clean_article
    monkeypatch.setattr(pipeline, "clean_article",
                        lambda a: (_ for _ in ()).throw(UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"))
                        if a.id == "bad" else real(a))
    good = Article(id="good", text="Rebels said they had withdrawn from the districts after days of heavy shelling.")
    cleaned, rejected = pipeline.clean_articles([Article(id="bad", text="x y z"), good], [])
    assert [a.id for a in cleaned] == ["good"]
    assert rejected[0].source == "bad" and rejected[0].reason.startswith("internal error: UnicodeEncodeError:")


@pytest.mark.parametrize("command", ["brief", "facts", "extract", "stories"])
def test_a_record_with_a_lone_surrogate_breaks_no_command(cli, tmp_path, command):
    import json

    from tests.every_kind import example_articles

    (title, first), (_, second) = example_articles()
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"id": "cut", "title": title + " \ud83d", "text": "\n\n".join(first) + " \ud800"}) + "\n"
                    + json.dumps({"id": "next", "text": "\n\n".join(second)}) + "\n", encoding="utf-8")
    result = cli(command, path)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "" and result.stdout.strip()


def test_a_broken_link_inside_a_folder_is_one_warning(cli, tmp_path):
    import shutil

    folder = tmp_path / "in"
    shutil.copytree(EXAMPLE_DIR, folder)
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = cli("brief", folder, "--no-facts")
    assert result.exit_code == 0
    assert result.stderr.strip() == (f"newsbrief: warning: skipped {folder / 'gone.txt'}: "
                                     "cannot read: broken symbolic link: its target does not exist")


def test_an_unreadable_date_is_one_warning_line_and_the_article_still_briefed(cli, tmp_path):
    import json

    from tests.every_kind import example_articles

    (title, first), _ = example_articles()
    path = tmp_path / "dated.jsonl"
    path.write_text(json.dumps({"id": "a", "title": title, "text": "\n\n".join(first), "published": "Tuesday"}) + "\n",
                    encoding="utf-8")
    result = cli("brief", path, "--no-facts")
    assert result.exit_code == 0 and result.stdout.strip()
    assert result.stderr.strip() == (f"newsbrief: warning: {path}:1: published 'Tuesday' is not a day newsbrief reads "
                                     "(ISO 8601, RFC 822, 'December 5, 2016'); the article is kept without a date")
