"""`newsbrief stories`: lists stories with their articles, hides singletons on request."""

from __future__ import annotations

import json

from tests.service.conftest import filled_db, small_input  # noqa: F401


def test_json_lists_every_story_with_its_article_ids(cli, seed_paths):
    result = cli("stories", *map(str, seed_paths), "--format", "json", "--no-briefs")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "newsbrief.stories/1"
    assert [sorted(s["articles"]) for s in data["stories"]] == [sorted(map(str, seed_paths))]


def test_min_articles_hides_singletons(cli, seed_paths):
    result = cli("stories", str(seed_paths[0]), "--min-articles", "2", "--format", "json")
    assert json.loads(result.stdout)["stories"] == []


def test_markdown_briefs_each_story(cli, seed_paths):
    result = cli("stories", *map(str, seed_paths))
    assert result.exit_code == 0
    assert "# 1 story" in result.stdout and "[1]" in result.stdout


def test_a_bad_since_date_is_a_one_line_error(cli, seeds_dir, assert_one_line_error):
    assert_one_line_error(cli("stories", str(seeds_dir), "--since", "last week"), "--since")


def test_json_follows_the_stories_schema_and_each_brief_the_brief_schema(cli, seed_paths):
    from jsonschema import Draft202012Validator

    from tests.conftest import REPO

    schemas = REPO / "newsbrief" / "schema"
    stories_schema = json.loads((schemas / "stories-1.json").read_text(encoding="utf-8"))
    brief_schema = json.loads((schemas / "brief-1.json").read_text(encoding="utf-8"))
    data = json.loads(cli("stories", *map(str, seed_paths), "--format", "json", "--since", "2000-01-01").stdout)
    Draft202012Validator(stories_schema).validate(data)
    for story in data["stories"]:
        Draft202012Validator(brief_schema).validate(story["brief"])


def test_with_db_the_store_stories_are_listed_latest_first(cli, filled_db):
    from newsbrief.store import Store

    result = cli("stories", "--db", filled_db, "--format", "json", "--limit", "5")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    _, rows = Store(filled_db).stories(limit=5)
    assert [s["id"] for s in data["stories"]] == [r.id for r in rows]
    assert all(s["brief"] for s in data["stories"] if s["article_count"] > 1)


def test_with_db_since_lists_what_is_new_in_each_story(cli, filled_db):
    result = cli("stories", "--db", filled_db, "--since", "2000-01-01", "--limit", "2")
    assert result.exit_code == 0 and "# 2 stories" in result.stdout and "### New since 2000-01-01" in result.stdout
    assert cli("stories", "--db", filled_db, "--since", "2099-01-01").stdout.startswith("# 0 stories")


def test_inputs_and_db_together_are_a_one_line_error(cli, filled_db, seeds_dir, assert_one_line_error):
    assert_one_line_error(cli("stories", str(seeds_dir), "--db", filled_db), "--db")
    assert_one_line_error(cli("stories"), "--db")
