"""Fixtures shared by the whole suite: paths to ../shared data, the seeds, a CLI runner."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE_DIR = REPO / "examples" / "aleppo"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip saying what is missing (a user's clone has no ../shared)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"needs {path} (the shared data folder beside the repository)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": CI must provide it")
        pytest.skip(message)
    return path


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
