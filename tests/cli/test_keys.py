"""`newsbrief keys create|list|revoke`, and `serve` refusing to expose a store no key protects."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsbrief.store import Store
from newsbrief.store.keys import key_name


@pytest.fixture
def db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'news.db'}"
    Store(url).close()  # a store, empty (the commands that only read refuse to make one)
    return url


def test_create_prints_the_key_once_on_stdout(cli, db):
    made = cli("keys", "create", "desk", "--db", db)
    assert made.exit_code == 0, made.stderr
    key = made.stdout.strip()
    assert key.startswith("nbk_") and made.stdout == key + "\n"
    assert "cannot be shown again" in made.stderr and key not in made.stderr
    assert key_name(Store(db), key) == "desk"


def test_list_shows_names_and_first_characters_but_never_a_key(cli, db):
    key = cli("keys", "create", "desk", "--db", db).stdout.strip()
    listed = cli("keys", "list", "--db", db)
    assert listed.exit_code == 0
    header, row = listed.stdout.splitlines()
    assert header.split()[:2] == ["NAME", "KEY"]
    assert row.startswith("desk") and key[:12] + "…" in row and key not in listed.stdout


def test_list_of_no_keys_says_how_to_make_one(cli, db):
    listed = cli("keys", "list", "--db", db)
    assert listed.exit_code == 0 and listed.stdout == "" and "newsbrief keys create" in listed.stderr


def test_revoke_refuses_the_key_from_then_on(cli, db):
    key = cli("keys", "create", "desk", "--db", db).stdout.strip()
    revoked = cli("keys", "revoke", "desk", "--db", db)
    assert revoked.exit_code == 0 and "revoked key 'desk'" in revoked.stdout
    assert key_name(Store(db), key) is None
    assert cli("keys", "list", "--db", db).stdout.splitlines()[1].endswith(" UTC")  # its REVOKED column


def test_revoking_no_active_key_is_a_one_line_error(cli, db, assert_one_line_error):
    assert_one_line_error(cli("keys", "revoke", "nobody", "--db", db), "no active key named 'nobody'")


def test_a_taken_or_bad_name_is_a_one_line_error(cli, db, assert_one_line_error):
    cli("keys", "create", "desk", "--db", db)
    assert_one_line_error(cli("keys", "create", "desk", "--db", db), "already exists")
    assert_one_line_error(cli("keys", "create", "  ", "--db", db), "printable")


@pytest.mark.parametrize("command, usage", [
    (("keys", "create"), "keys create [OPTIONS] {NAME}"), (("keys", "revoke"), "keys revoke [OPTIONS] {NAME}"),
    (("story", "merge"), "story merge [OPTIONS] {KEEP} {OTHER}..."),
    (("story", "split"), "story split [OPTIONS] {STORY} {ARTICLE}..."),
    (("story", "move"), "story move [OPTIONS] {ARTICLE}..."),
    (("article", "delete"), "article delete [OPTIONS] {ARTICLE}...")])
def test_usage_lines_name_arguments_as_their_help_does_in_capitals(cli, command, usage):
    """Typer marks a required argument with braces; the name inside is the one the help text uses."""
    shown = cli(*command, "--help")
    assert shown.exit_code == 0 and shown.stdout.splitlines()[0].endswith(f"newsbrief {usage}")
    assert not re.search(r"\{[a-z_]+\}", shown.stdout)  # no parameter's Python name


@pytest.fixture
def started(monkeypatch) -> list[dict]:
    """What `serve` would have run uvicorn with (it is not started)."""
    runs = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: runs.append({"app": app, **options}))
    return runs


def test_serve_beyond_loopback_without_a_key_exits_2_saying_how_to_make_one(cli, db, started, assert_one_line_error):
    refused = cli("serve", "--host", "0.0.0.0", "--db", db)
    assert refused.exit_code == 2 and started == []
    assert_one_line_error(refused, "newsbrief keys create NAME", "--public-read-only")


def test_serve_beyond_loopback_starts_with_a_key(cli, db, started):
    cli("keys", "create", "desk", "--db", db)
    assert cli("serve", "--host", "0.0.0.0", "--db", db).exit_code == 0
    assert started[0]["host"] == "0.0.0.0"


def test_serve_public_read_only_starts_without_a_key_and_refuses_writes(cli, db, started):
    assert cli("serve", "--host", "0.0.0.0", "--public-read-only", "--db", db).exit_code == 0
    with TestClient(started[0]["app"]) as client:
        assert client.post("/api/articles", json={"text": "x"}).status_code == 403
        assert client.get("/api/stories").status_code == 200
