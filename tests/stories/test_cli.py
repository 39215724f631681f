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
