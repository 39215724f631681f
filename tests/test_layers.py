"""The package's layers: each subpackage imports only those below it, and only at the top of a module.

cli / service, web -> learn -> evaluate -> scale -> pipeline -> output -> the stages (stories, facts,
summarize, dedup, segment, clean, store, ingest) -> embed -> model, config, errors. Imports
inside functions are counted too (a cycle hidden in a function is still a cycle); one is
allowed only for a heavy or optional dependency, with a comment on its line or the import
line above it that says which.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "newsbrief"
LAYERS = ["cli", "service", "web", "learn", "evaluate", "scale", "pipeline", "output", "stories", "facts", "summarize",
          "dedup", "segment", "clean", "store", "ingest", "embed", "model", "config", "errors"]
RANK = {unit: rank for rank, unit in enumerate(LAYERS)}


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found.append((".".join(parts[:-1] if parts[-1] == "__init__" else parts), path))
    return found


def unit_of(module: str) -> str | None:
    """The subpackage (or top-level module) a dotted name belongs to; None for the package root."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def imported(module: str, path: Path, node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        base = ".".join(package[: len(package) - node.level + 1])
        return [f"{base}.{node.module}"] if node.module else [f"{base}.{alias.name}" for alias in node.names]
    return [node.module or ""]


def imports() -> list[tuple[str, Path, ast.AST, str, bool]]:
    """(importing module, its file, the import node, the imported module, inside a function)."""
    found = []
    for module, path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inner = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                 for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.extend((module, path, node, name, id(node) in inner) for name in imported(module, path, node))
    return found


def edges() -> dict[tuple[str, str], list[str]]:
    """(importer, imported) subpackage pairs, each with where it happens."""
    found: dict[tuple[str, str], list[str]] = {}
    for module, path, node, name, _ in imports():
        source, target = unit_of(module), unit_of(name) if name.startswith("newsbrief.") else None
        if source and target and source != target:
            found.setdefault((source, target), []).append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def import_block(lines: list[str], at: int) -> list[str]:
    """The run of import lines (blank lines between them included) around line index `at`."""
    def is_import(i: int) -> bool:
        return 0 <= i < len(lines) and (lines[i].strip().startswith(("import ", "from ")) or not lines[i].strip())

    start, end = at, at
    while is_import(start - 1):
        start -= 1
    while is_import(end + 1):
        end += 1
    return lines[start:end + 1]


def test_every_subpackage_has_a_layer():
    units = {unit_of(module) for module, _ in modules()} - {None}
    assert units and units <= set(LAYERS), sorted(units - set(LAYERS))


def test_every_import_between_subpackages_goes_down_a_layer():
    found = edges()
    assert found, "no import between subpackages was found: the scan is broken"
    upward = {f"{a} -> {b}": where for (a, b), where in found.items() if RANK[a] >= RANK[b]}
    assert not upward, upward


def test_no_two_subpackages_import_each_other():
    found = edges()
    assert not [pair for pair in found if pair[::-1] in found]


def test_an_import_inside_a_function_says_which_heavy_dependency_it_defers():
    inner = [(path, node) for _, path, node, _, is_inner in imports() if is_inner]
    assert inner, "no import inside a function was found: the scan is broken"
    silent = []
    for path, node in dict.fromkeys(inner):
        lines = path.read_text(encoding="utf-8").split("\n")
        if not any("#" in line for line in import_block(lines, node.lineno - 1)):
            silent.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    assert not silent, "\n".join(silent)


@pytest.mark.parametrize("source, target", [("stories", "pipeline"), ("web", "service"), ("ingest", "clean")])
def test_the_scan_sees_an_upward_import(tmp_path, source, target, monkeypatch):
    """The checks above would catch what the restructuring removed (a stage calling the pipeline,
    the pages importing the server, reading importing cleaning)."""
    fake = tmp_path / "newsbrief"
    (fake / source).mkdir(parents=True)
    (fake / source / "__init__.py").write_text(f"from newsbrief.{target} import something\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert (source, target) in edges() and RANK[source] >= RANK[target]
