"""`newsbrief ingest` and `newsbrief serve` on the command line: idempotent, errors in one line."""

from __future__ import annotations

import os

from tests.conftest import EXAMPLE_DIR


def test_ingest_twice_changes_nothing(cli, tmp_path):
    db = f"sqlite:///{tmp_path / 'news.db'}"
    first = cli("ingest", EXAMPLE_DIR, "--db", db)
    assert first.exit_code == 0, first.stderr
    assert first.stdout.startswith("added 2 articles (0 already stored, 0 skipped)")
    assert "holds 2 articles in" in first.stdout
    assert first.stderr == ""  # no progress bar when stderr is not a terminal
    again = cli("ingest", EXAMPLE_DIR, "--db", db)
    assert again.exit_code == 0 and again.stdout.startswith("added 0 articles (2 already stored")


def test_ingest_uses_the_db_setting_from_the_environment(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_DB", str(tmp_path / "env.db"))
    assert cli("ingest", EXAMPLE_DIR).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_ingest_errors_are_one_line(cli, tmp_path, assert_one_line_error):
    assert_one_line_error(cli("ingest", tmp_path / "missing", "--db", f"sqlite:///{tmp_path / 'a.db'}"),
                          "missing", "no such file")
    assert_one_line_error(cli("ingest", EXAMPLE_DIR, "--db", "mysql://u:secret@h/db"), "unsupported database URL")
    result = cli("ingest", EXAMPLE_DIR, "--db", "postgresql://nobody:secret@127.0.0.1:1/none")
    assert_one_line_error(result, "cannot open the store")
    assert "secret" not in result.stderr
    os.makedirs(tmp_path / "dir.db")
    assert_one_line_error(cli("ingest", EXAMPLE_DIR, "--db", str(tmp_path / "dir.db")), "cannot open the store")


def test_serve_refuses_a_bad_store_in_one_line(cli, assert_one_line_error):
    assert_one_line_error(cli("serve", "--db", "mysql://h/db"), "unsupported database URL")
    assert cli("serve", "--port", "70000").exit_code == 2
