"""The story page's correction forms: signed in and with the page's CSRF token, each correction
is made and leads to the corrected story; without them, nothing changes."""

from __future__ import annotations

import pytest

from newsbrief.store import Store
from tests.service.test_corrections_api import newsroom  # noqa: F401 - a client over two stored events
from tests.web.conftest import sign_in


@pytest.fixture
def signed_in(newsroom):  # noqa: F811
    client, db, tram, split_up = newsroom
    return client, Store(db), tram, split_up, sign_in(client)


def test_the_story_page_offers_the_forms_and_lists_no_corrections(signed_in):
    client, _, tram, _, _ = signed_in
    page = client.get(f"/stories/{tram}").text
    assert 'action="/stories/' + tram + '/merge"' in page and 'name="articles"' in page
    assert "No corrections." in page


def test_a_visitor_not_signed_in_is_offered_a_sign_in_link_not_the_forms(newsroom):  # noqa: F811
    client, _, tram, _ = newsroom
    page = client.get(f"/stories/{tram}").text
    assert "to correct this story" in page and 'name="articles"' not in page


def test_a_read_only_server_offers_no_corrections(tmp_path):
    from fastapi.testclient import TestClient

    from newsbrief.config import Settings
    from newsbrief.service.app import create_app
    from tests.service.test_corrections_api import stored

    db = f"sqlite:///{tmp_path / 'news.db'}"
    tram, _ = stored(db)
    with TestClient(create_app(Settings(db=db, warm_briefs=0), read_only=True)) as client:
        page = client.get(f"/stories/{tram}").text
    assert "Corrections" in page and "correct this story" not in page.lower()


def test_the_feed_of_a_merged_away_story_leads_to_the_story_it_joined(signed_in):
    client, _, tram, split_up, csrf = signed_in
    client.post(f"/stories/{tram}/merge", data={"stories": split_up, "csrf": csrf})
    moved = client.get(f"/stories/{split_up}.atom", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == f"/stories/{tram}.atom"


def test_merge_through_the_page(signed_in):
    client, store, tram, split_up, csrf = signed_in
    done = client.post(f"/stories/{tram}/merge", data={"stories": split_up, "csrf": csrf}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/stories/{tram}"
    assert store.story(tram).size == 6
    page = client.get(f"/stories/{tram}").text
    assert f"story {split_up} merged in (3 articles)" in page and "by tests-" in page


def test_a_merged_away_story_page_leads_to_the_story_it_joined(signed_in):
    client, _, tram, split_up, csrf = signed_in
    client.post(f"/stories/{tram}/merge", data={"stories": split_up, "csrf": csrf})
    moved = client.get(f"/stories/{split_up}", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == f"/stories/{tram}"


def test_move_ticked_articles_to_a_new_story(signed_in):
    client, store, tram, _, csrf = signed_in
    ticked = [s.article.id for s in store.story_articles(tram)][1:]
    done = client.post(f"/stories/{tram}/articles", data={"articles": ticked, "to": "", "action": "move", "csrf": csrf},
                       follow_redirects=False)
    new = done.headers["location"].removeprefix("/stories/")
    assert done.status_code == 303 and new != tram
    assert [s.article.id for s in store.story_articles(new)] == ticked


def test_delete_ticked_articles(signed_in):
    client, store, tram, _, csrf = signed_in
    gone = store.story_articles(tram)[0].article.id
    done = client.post(f"/stories/{tram}/articles", data={"articles": [gone], "action": "delete", "csrf": csrf},
                       follow_redirects=False)
    assert done.status_code == 303 and store.is_deleted(gone) and store.story(tram).size == 2


def test_a_form_without_the_csrf_token_changes_nothing(signed_in):
    client, store, tram, split_up, _ = signed_in
    refused = client.post(f"/stories/{tram}/merge", data={"stories": split_up}, follow_redirects=False)
    assert refused.status_code == 403 and store.story(split_up) is not None


def test_a_form_from_a_visitor_not_signed_in_changes_nothing(newsroom):  # noqa: F811
    client, db, tram, split_up = newsroom
    refused = client.post(f"/stories/{tram}/merge", data={"stories": split_up, "csrf": "forged"}, follow_redirects=False)
    assert refused.status_code == 403 and Store(db).story(split_up) is not None
