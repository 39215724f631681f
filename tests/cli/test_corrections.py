"""`newsbrief story merge|split|move` and `newsbrief article delete` on a store of two real events."""

from __future__ import annotations

import pytest

from newsbrief.store import Store
from tests.service.test_corrections_api import stored


@pytest.fixture
def two_stories(tmp_path):
    db = f"sqlite:///{tmp_path / 'news.db'}"
    tram, split_up = stored(db)
    return db, tram, split_up


def test_story_merge(cli, two_stories):
    db, tram, split_up = two_stories
    result = cli("story", "merge", tram, split_up, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"merged 1 story (3 articles) into {tram}\n"
    assert Store(db).story(tram).size == 6 and Store(db).corrections(tram)[0].by.startswith("cli")


def test_story_split_and_move(cli, two_stories):
    db, tram, split_up = two_stories
    first, second, third = [s.article.id for s in Store(db).story_articles(tram)]
    split = cli("story", "split", tram, second, third, "--db", db)
    assert split.exit_code == 0 and "split 2 articles" in split.stdout
    moved = cli("story", "move", first, "--to", split_up, "--db", db)
    assert moved.exit_code == 0 and moved.stdout == f"moved 1 article to story {split_up}\n"
    assert Store(db).story(tram) is None and Store(db).story(split_up).size == 4


def test_article_delete(cli, two_stories):
    db, tram, _ = two_stories
    gone = Store(db).story_articles(tram)[0].article.id
    result = cli("article", "delete", gone, "--db", db)
    assert result.exit_code == 0 and result.stdout == f"deleted 1 article from story {tram}\n"
    assert Store(db).is_deleted(gone)


def test_a_delete_with_an_unknown_article_deletes_none(cli, two_stories, assert_one_line_error):
    db, tram, _ = two_stories
    kept = Store(db).story_articles(tram)[0].article.id
    assert_one_line_error(cli("article", "delete", kept, "nope", "--db", db), "no article with id 'nope'")
    assert Store(db).article(kept) is not None


def test_move_needs_one_destination(cli, two_stories):
    db, tram, split_up = two_stories
    assert cli("story", "move", "x", "--db", db).exit_code == 2
    assert cli("story", "move", "x", "--to", split_up, "--new", "--db", db).exit_code == 2


def test_a_correction_that_cannot_be_made_is_one_line(cli, two_stories, assert_one_line_error):
    db, tram, _ = two_stories
    result = cli("story", "merge", tram, "s-missing", "--db", db)
    assert result.exit_code == 1
    assert_one_line_error(result, "no story with id 's-missing'")


def test_commands_that_read_or_correct_a_store_make_no_empty_one(cli, tmp_path, assert_one_line_error):
    missing = tmp_path / "typo.db"
    for command in (("stories", "--db", missing), ("digest", "--since", "2024-01-01", "--db", missing),
                    ("sources", "list", "--db", missing), ("follow", "--once", "--db", missing),
                    ("keys", "list", "--db", missing), ("story", "merge", "a", "b", "--db", missing),
                    ("article", "delete", "a", "--db", missing)):
        assert_one_line_error(cli(*command), f"no store at {missing}")
    assert not missing.exists()
