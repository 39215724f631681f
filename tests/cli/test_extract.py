"""`newsbrief extract` and `brief` on real inputs: pages, feeds, archives; one-line errors."""

from __future__ import annotations

import gzip
import json

import pytest

from tests.ingest.pages import GERMAN, STORY, meta_head, rss, warc, web_page

pytestmark = pytest.mark.filterwarnings("ignore")


@pytest.fixture
def inputs(tmp_path):
    """A folder mixing a gzipped page, a page with no article, a feed with a broken entry and a WARC."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html.gz").write_bytes(gzip.compress(web_page(head=meta_head()).encode()))
    (folder / "feed.xml").write_bytes(rss({"title": "Aid agencies warn", "content": "".join(f"<p>{p}</p>" for p in STORY[2:])},
                                          {"title": "Headline only"}, title="Example Wire"))
    (folder / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "crawl.warc.gz").write_bytes(warc(("https://other.example.org/aleppo", web_page(STORY[:2]).encode(), "text/html")))
    return folder


def test_extract_prints_metadata_then_text(cli, inputs):
    result = cli("extract", inputs / "page.html.gz")
    assert result.exit_code == 0, result.stderr
    header, text = result.stdout.split("\n\n", 1)
    assert header.splitlines() == [
        "title: Government forces take eastern Aleppo districts", "outlet: Example News",
        "url: https://news.example.com/world/aleppo-gains", "author: Jane Roe", "published: 2016-12-04",
        "language: en", f"source: {inputs / 'page.html.gz'}"]
    assert text.split("\n\n")[0] == STORY[0]


def test_extract_reads_a_folder_recursively_and_reports_what_it_skips(cli, inputs):
    result = cli("extract", inputs, "--format", "json")
    document = json.loads(result.stdout)
    assert document["schema"] == "newsbrief.articles/1"
    assert [a["id"].removeprefix(str(inputs) + "/") for a in document["articles"]] == [
        "feed.xml#1", "page.html.gz", "sub/crawl.warc.gz#2"]
    assert result.stderr.splitlines() == [f"newsbrief: warning: skipped {inputs / 'feed.xml'}#2: feed entry has no text",
                                          f"newsbrief: warning: skipped {inputs / 'menu.html'}: no article text found"]
    assert [r["source"] for r in document["rejected"]] == [f"{inputs / 'feed.xml'}#2", str(inputs / "menu.html")]


def test_extract_json_gives_null_for_unknown_metadata(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(web_page(), encoding="utf-8")
    [article] = json.loads(cli("extract", page, "-f", "json").stdout)["articles"]
    assert (article["url"], article["published"], article["author"], article["words"]) == (None, None, None, len(" ".join(STORY).split()))


def test_extract_labels_a_german_page_and_keeps_it(cli, tmp_path):
    page = tmp_path / "seite.html"
    page.write_text(web_page(GERMAN, title="Regierungstruppen erobern Aleppo", lang="de"), encoding="utf-8")
    result = cli("extract", page)
    assert result.exit_code == 0 and "language: de" in result.stdout


def test_extract_of_a_page_without_article_is_a_one_line_error(cli, tmp_path, assert_one_line_error):
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    assert_one_line_error(cli("extract", page), "menu.html", "no article text found")


def test_extract_writes_the_output_file_whole(cli, inputs, tmp_path):
    target = tmp_path / "out.txt"
    result = cli("extract", inputs / "page.html.gz", "-o", target)
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("title: ")


def test_extract_fields_option_names_record_fields(cli, tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps({"story": s, "meta": {"outlet": "Wire"}}) for s in STORY[:2]) + "\n", encoding="utf-8")
    document = json.loads(cli("extract", dump, "-f", "json", "--fields", "text=story,outlet=meta.outlet").stdout)
    assert [(a["text"], a["outlet"]) for a in document["articles"]] == [(STORY[0], "Wire"), (STORY[1], "Wire")]


def test_bad_fields_option_is_a_one_line_error(cli, tmp_path, assert_one_line_error):
    result = cli("extract", tmp_path, "--fields", "body")
    assert result.exit_code == 2
    assert_one_line_error(result, "fields", "role=name")


def test_brief_of_mixed_inputs_lists_a_source_of_every_kind(cli, inputs):
    result = cli("brief", inputs, "--format", "json", "--words", "200")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert {s["outlet"] for s in document["sources"]} == {"Example News", "Example Wire", "other.example.org"}


def test_brief_skips_a_german_page_with_a_warning(cli, inputs):
    (inputs / "seite.html").write_text(web_page(GERMAN, title="Regierungstruppen erobern Aleppo"), encoding="utf-8")
    result = cli("brief", inputs)
    assert result.exit_code == 0
    assert f"newsbrief: warning: skipped {inputs / 'seite.html'}: language 'de' (newsbrief briefs English articles" in result.stderr
