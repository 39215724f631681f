"""Every module newsbrief imports is a declared dependency, and what runs is what the lock pins.

Two checks: (1) each import in the package's source names a package that pyproject.toml declares
(run-time code: a core dependency; evaluation, training and build tools: their extra); (2) a run
of every command on every input kind, in a fresh interpreter, loads only distributions reachable
from newsbrief's core dependencies, so a module that a library imports but the core install does
not bring (lxml.html.clean, once) fails here even though the test extra happens to install it.
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import json
import re
import subprocess
import sys

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import REPO

PACKAGE = REPO / "newsbrief"
# modules that run only with an extra installed, and the extra
EXTRA_MODULES = {
    "newsbrief/evaluate/": "eval",
    "newsbrief/learn/summarizer.py": "train",
    "newsbrief/learn/places.py": "train",
    "newsbrief/learn/export_onnx.py": "build-models",
    "newsbrief/learn/distill.py": "build-models",
    "newsbrief/scale/": "ray",
}


def declared(extra: str = "") -> set[str]:
    """newsbrief's declared distributions: the core ones, or those one extra adds."""
    names = set()
    for line in metadata.requires("newsbrief") or ():
        requirement = Requirement(line)
        in_core = requirement.marker is None or requirement.marker.evaluate({"extra": ""})
        if (in_core if not extra else requirement.marker is not None and requirement.marker.evaluate({"extra": extra})):
            names.add(canonicalize_name(requirement.name))
    if extra:  # an extra that includes another (newsbrief[eval]) adds its packages
        for line in metadata.requires("newsbrief") or ():
            requirement = Requirement(line)
            if canonicalize_name(requirement.name) == "newsbrief" and requirement.marker.evaluate({"extra": extra}):
                for included in requirement.extras:
                    names |= declared(included)
    return names - {"newsbrief"}


def imports_by_file() -> dict[str, set[str]]:
    """Top-level third-party modules each source file imports (inside functions too)."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "newsbrief":
                    found.setdefault(relative, set()).add(top)
    return found


def distribution_of(module: str) -> str | None:
    """The installed distribution that provides a top-level module (None: not installed)."""
    names = metadata.packages_distributions().get(module)
    return canonicalize_name(names[0]) if names else None


def dist_or_name(module: str) -> str:
    """The module's distribution; for one not installed here (another extra's), its own name."""
    return distribution_of(module) or canonicalize_name(module)


def extra_of(relative: str) -> str:
    return next((extra for prefix, extra in EXTRA_MODULES.items() if relative.startswith(prefix)), "")


@pytest.mark.parametrize("relative, modules", sorted(imports_by_file().items()))
def test_each_import_is_a_declared_dependency(relative, modules):
    extra = extra_of(relative)
    allowed = declared() | (declared(extra) if extra else set())
    missing = []
    for module in sorted(modules):
        dist = dist_or_name(module)
        if dist not in allowed:
            missing.append(f"{module} ({dist})")
    where = f"the {extra!r} extra" if extra else "the core dependencies"
    assert not missing, f"{relative} imports {', '.join(missing)}: declare it in {where} of pyproject.toml"


def test_every_declared_dependency_is_pinned_by_the_lock():
    pinned = {canonicalize_name(m.group(1)) for m in re.finditer(r"^([A-Za-z0-9._-]+)==", (REPO / "requirements.lock").read_text(), re.M)}
    wanted = declared()
    for extra in ("eval", "train", "bench", "test"):
        wanted |= declared(extra)
    assert wanted - pinned == set(), "run: UPGRADE= bash scripts/update-lock"


EVERY_COMMAND = r"""
import asyncio, json, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from tests.every_kind import KINDS, write_every_kind
from newsbrief.cli import main

folder = Path(tempfile.mkdtemp())
paths = [str(p) for name, p in write_every_kind(folder).items() if name in KINDS]
db = "sqlite:///" + str(folder / "news.db")
for args in (["brief", *paths], ["brief", "--format", "json", *paths], ["facts", *paths], ["extract", *paths],
             ["stories", *paths], ["ingest", "--db", db, *paths]):
    sys.argv = ["newsbrief", *args]
    try:
        main()
    except SystemExit as done:
        assert not done.code, (args, done.code)

from newsbrief.config import Settings
from newsbrief.service.app import create_app

app = create_app(Settings(db=db))

async def request(path):  # (status, body) of GET `path`, asked for as a browser asks for a page
    status, body = [], []
    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "query_string": b"",
             "headers": [(b"host", b"127.0.0.1"), (b"accept", b"text/html")], "scheme": "http",
             "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1), "root_path": "", "http_version": "1.1"}
    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}
    async def send(event):
        if event["type"] == "http.response.start":
            status.append(event["status"])
        elif event["type"] == "http.response.body":
            body.append(event.get("body", b""))
    await app(scope, receive, send)
    return status[0], b"".join(body)

async def visit():
    story = json.loads((await request("/api/stories"))[1])["stories"][0]["id"]
    for path in ("/", "/docs", "/openapi.json", f"/stories/{story}", f"/api/stories/{story}"):
        assert (await request(path))[0] == 200, path

asyncio.run(visit())
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})), file=sys.__stdout__)
"""


def core_closure() -> set[str]:
    """Every distribution newsbrief's core dependencies bring, with their extras, as installed."""
    seen: set[str] = set()
    todo = [Requirement(line) for line in metadata.requires("newsbrief") or ()
            if Requirement(line).marker is None or Requirement(line).marker.evaluate({"extra": ""})]
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        key = name + "[" + ",".join(sorted(requirement.extras)) + "]"
        if key in seen:
            continue
        seen.add(key)
        try:
            requires = metadata.requires(name) or ()
        except metadata.PackageNotFoundError:
            continue
        for line in requires:
            sub = Requirement(line)
            if sub.marker is None or any(sub.marker.evaluate({"extra": e}) for e in ("", *requirement.extras)):
                todo.append(sub)
    return {key.split("[")[0] for key in seen}


@pytest.mark.slow
def test_running_every_command_loads_only_what_the_core_install_brings(tmp_path):
    done = subprocess.run([sys.executable, "-c", EVERY_COMMAND, str(REPO)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    closure = core_closure()
    strays = {}
    for module in loaded:
        if module in sys.stdlib_module_names or module in ("newsbrief", "tests", "__main__"):
            continue
        dist = distribution_of(module)
        if dist is not None and dist not in closure:
            strays[module] = dist
    assert strays == {}, f"loaded at run time but not brought by the core install: {strays}"
