"""A real, throwaway PostgreSQL server for the tests that need one (Debian's `postgresql` package).

`tests/conftest.py` registers these fixtures for every test folder.

Started once per session: initdb into a temporary folder (as the `postgres` user when run as
root), pg_ctl start on a free port. Without PostgreSQL binaries the tests skip, and fail under
CI=true. NEWSBRIEF_TEST_POSTGRES_URL points the tests at a server that is already running.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid

import pytest


def _binaries() -> str | None:
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(folder, "pg_ctl")):
            return folder
    found = shutil.which("pg_ctl")
    return os.path.dirname(found) if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _missing(message: str):
    if os.environ.get("CI") == "true":
        pytest.fail(message + ": CI must provide PostgreSQL (.ci/run installs the Debian package)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_server():
    """A URL of a PostgreSQL server's maintenance database (postgresql://user@host:port/postgres)."""
    if os.environ.get("NEWSBRIEF_TEST_POSTGRES_URL"):
        yield os.environ["NEWSBRIEF_TEST_POSTGRES_URL"]
        return
    bin_dir = _binaries()
    if bin_dir is None:
        _missing("needs PostgreSQL server binaries (apt-get install postgresql)")
    root = tempfile.mkdtemp(prefix="newsbrief-pg-")
    data, sockets = os.path.join(root, "data"), os.path.join(root, "run")
    os.makedirs(sockets)
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True, text=True)  # noqa: E731
    try:
        run(os.path.join(bin_dir, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        run(os.path.join(bin_dir, "pg_ctl"), "-D", data, "-w", "-t", "60", "-l", os.path.join(root, "log"), "start",
            "-o", f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off")
    except subprocess.CalledProcessError as err:
        log = open(os.path.join(root, "log")).read()[-2000:] if os.path.exists(os.path.join(root, "log")) else ""
        pytest.fail(f"could not start PostgreSQL: {err.stderr or err.stdout} {log}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, os.path.join(bin_dir, "pg_ctl"), "-D", data, "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A new, empty database on the throwaway server."""
    import psycopg

    name = "nb_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server.replace("postgresql://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return postgres_server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """Each store test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'news.db'}"
    return request.getfixturevalue("postgres_url")
