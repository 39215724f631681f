"""`newsbrief stories`: lists stories with their articles, hides singletons on request."""

from __future__ import annotations

import json


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
