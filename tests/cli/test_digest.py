"""`newsbrief digest`: what changed in a store since a date, as one HTML page or Markdown."""

from __future__ import annotations

import json
import re

from tests.service.conftest import filled_db, small_input  # noqa: F401


def story_dates(cli, db: str) -> list[tuple[str, str, str]]:
    """(label, first, last) of every stored story, from the store's own listing."""
    data = json.loads(cli("stories", "--db", db, "--no-briefs", "--limit", "1000", "--format", "json").stdout)
    return [(s["label"], s["first_published"], s["last_published"]) for s in data["stories"]]


def test_the_digest_lists_new_and_updated_stories_apart(cli, filled_db):
    stories = [s for s in story_dates(cli, filled_db) if s[1] and s[2] and s[1] < s[2]]
    assert stories, "the fixture store needs a story that spans days"
    label, first, _ = stories[0]
    result = cli("digest", "--db", filled_db, "--since", first, "--format", "md")
    assert result.exit_code == 0, result.stderr
    section = result.stdout.split(f"## Updated: {label}\n", 1)[1].split("\n## ", 1)[0]
    assert " new), " in section and re.search(r"\. \[\d+\]", section)  # what is new, cited
    for other, day, _ in story_dates(cli, filled_db):
        if day and day > first:
            assert f"## New: {other}" in result.stdout


def test_the_html_digest_is_written_whole_to_a_file(cli, filled_db, tmp_path):
    result = cli("digest", "--db", filled_db, "--since", "2000-01-01", "-o", tmp_path / "digest.html")
    assert result.exit_code == 0 and result.stdout == ""
    page = (tmp_path / "digest.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert "<h2" in page and "[1]</a>" in page and "<script" not in page and "<link" not in page


def test_nothing_new_is_said_plainly(cli, filled_db):
    result = cli("digest", "--db", filled_db, "--since", "2099-01-01", "--format", "md")
    assert result.exit_code == 0 and "Nothing new" in result.stdout


def test_a_bad_date_or_format_is_a_one_line_error(cli, filled_db, assert_one_line_error):
    assert_one_line_error(cli("digest", "--db", filled_db, "--since", "yesterday"), "--since")
    assert_one_line_error(cli("digest", "--db", filled_db, "--since", "2020-01-01", "--format", "pdf"), "--format")


def test_an_unusable_store_is_a_one_line_error(cli, assert_one_line_error):
    assert_one_line_error(cli("digest", "--db", "mysql://x/y", "--since", "2020-01-01"), "mysql://x/y")
