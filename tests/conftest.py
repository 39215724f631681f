"""Fixtures shared by the whole suite: paths to ../shared data, the seeds, a story, a CLI runner."""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest

from newsbrief.config import Settings
from newsbrief.ingest import read_inputs
from newsbrief.ingest.records import article_from_record
from newsbrief.pipeline import clean_articles, prepare
from tests.postgres import db_url, postgres_server, postgres_url  # noqa: F401 - fixtures for every folder

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE_DIR = REPO / "examples" / "aleppo"


def validate_schema(document: dict, name: str) -> None:
    """Fail unless `document` follows the shipped JSON schema `name` ("brief-1.json"), with its $refs."""
    import jsonschema
    from referencing import Registry, Resource

    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (REPO / "newsbrief" / "schema").glob("*-1.json")}
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    jsonschema.Draft202012Validator(schemas[name], registry=registry).validate(document)


def document(articles, settings: Settings | None = None, *, cleaned: bool = True):
    """The prepared Document of `articles` (`pipeline.prepare`), as a stage sees it; `cleaned=True`
    takes their text as already cleaned (a test's hand-written debris stays in)."""
    return prepare(list(articles), settings or Settings(), cleaned=cleaned)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip saying what is missing (a user's clone has no ../shared)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"needs {path} (the shared data folder beside the repository)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": CI must provide it")
        pytest.skip(message)
    return path


TEST_KNOBS = ("NEWSBRIEF_TEST_", "NEWSBRIEF_CHROMIUM", "NEWSBRIEF_CRASH_SEED")
"""NEWSBRIEF_* variables that configure the test suite itself (not newsbrief): kept."""


def isolate_user_environment(patch: pytest.MonkeyPatch, home: Path) -> None:
    """Point HOME and the XDG folders at `home` and drop every NEWSBRIEF_* setting (and
    NEWSBRIEF_CONFIG, NEWSBRIEF_DEBUG): no test reads the developer's own
    ~/.config/newsbrief/config.toml, environment or data folder. The change is to os.environ,
    so subprocesses started by a test inherit it."""
    patch.setenv("HOME", str(home))
    patch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    patch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    patch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    for name in list(os.environ):
        if name.startswith("NEWSBRIEF_") and not name.startswith(TEST_KNOBS):
            patch.delenv(name)


@pytest.fixture(scope="session", autouse=True)
def _no_user_environment_in_session_fixtures(tmp_path_factory):
    """The isolation below, already for session- and module-scoped fixtures."""
    with pytest.MonkeyPatch.context() as patch:
        isolate_user_environment(patch, tmp_path_factory.mktemp("session-home"))
        yield


@pytest.fixture(autouse=True)
def user_home(tmp_path_factory, monkeypatch) -> Path:
    """Each test runs as a user with a new, empty home (see isolate_user_environment); a test
    that wants a config file writes it under user_home / ".config" / "newsbrief"."""
    home = tmp_path_factory.mktemp("home")
    isolate_user_environment(monkeypatch, home)
    return home


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture(scope="session")
def seed_paths(seeds_dir) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def multinews_val() -> Path:
    return shared_path("data", "multinews", "val.jsonl.gz")


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """cli(*args) runs `newsbrief ARGS` in-process through the real entry point."""
    from newsbrief.cli import main

    def run(*args: str) -> CliResult:
        monkeypatch.setattr(sys, "argv", ["newsbrief", *map(str, args)])
        code = 0
        try:
            main()
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


@pytest.fixture
def assert_one_line_error():
    """assert_one_line_error(result, *fragments): a failed run that said why in one stderr line."""

    def check(result: CliResult, *fragments: str) -> None:
        assert result.exit_code != 0
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        for fragment in fragments:
            assert fragment in lines[0], lines[0]

    return check


@contextmanager
def served(app):
    """The ASGI app on a real uvicorn server on loopback, in a thread: yields its port, then stops it."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(10)


# -- a story: the example articles dated as published, and an article about another event -----------

# 001 reports the push of late November; 000, two weeks later, "more than three-quarters" taken.
PUBLISHED = {"001": date(2016, 11, 28), "000": date(2016, 12, 12)}


@pytest.fixture(scope="session")
def aleppo(seed_paths):
    """[earlier, later] example articles, cleaned and dated."""
    articles, _ = read_inputs([str(p) for p in seed_paths], Settings())
    cleaned, _ = clean_articles(articles, [])
    dated = [replace(a, published=PUBLISHED[a.path.rsplit("/", 1)[1][:3]]) for a in cleaned]
    return sorted(dated, key=lambda a: a.published)


@pytest.fixture(scope="session")
def unrelated():
    """A Giveme5W1H article about another event (a Tesla Roadster sent to Mars)."""
    path = shared_path("data", "giveme5w1h-news-cluster", "news_cluster.jsonl")
    with open(path, encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if "Tesla" in (r["title"] or ""))
    article = article_from_record(record, source=str(path), default_id="tesla", path=str(path), settings=Settings())
    return clean_articles([article], [])[0][0]
