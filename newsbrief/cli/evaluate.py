"""`newsbrief evaluate`: ROUGE of every summarizer side by side, as a command.

    newsbrief evaluate multinews [--split val|train] [--data PATH] [--limit N] [--seed N]
                                 [--words 260] [--methods a,b,...] [--json PATH]

The table goes to stdout, one progress line per finished system to stderr. Errors are
`NewsbriefError`s, which the top-level `main()` prints as one line.

Where the Multi-News split is read from, first match wins:
1. `--data PATH` (any JSONL file of records, plain or gzip; `--split` is then ignored);
2. `../shared/data/multinews/<split>.jsonl.gz`, relative to the current directory;
3. the same path beside the newsbrief checkout (`<repo>/../shared/data/...`).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from newsbrief.config import MAX_WORDS
from newsbrief.errors import InputError, NewsbriefError, SettingsError
from newsbrief.output.files import write_atomically

evaluate_app = typer.Typer(
    no_args_is_help=True,
    help="Score newsbrief's summarizers and reference systems side by side with ROUGE.",
)


@evaluate_app.callback()
def evaluate() -> None:
    """Score newsbrief's summarizers and reference systems side by side with ROUGE."""


SHARED_DATA = Path("..") / "shared" / "data"
REPO = Path(__file__).resolve().parents[2]


class Split(str, Enum):
    val = "val"
    train = "train"


def data_dirs() -> list[Path]:
    """Where the shared data folder is looked for: beside the current directory, then beside the repo."""
    candidates = [Path.cwd() / SHARED_DATA, REPO / SHARED_DATA]
    unique: list[Path] = []
    for path in candidates:
        path = Path(os.path.normpath(path))
        if path not in unique:
            unique.append(path)
    return unique


def split_path(split: str) -> Path:
    """The Multi-News file of `split`: the first data folder that has it."""
    relative = Path("multinews") / f"{split}.jsonl.gz"
    tried = [d / relative for d in data_dirs()]
    for path in tried:
        if path.is_file():
            return path
    raise InputError(" or ".join(map(str, tried)), f"Multi-News {split} split not found; give --data PATH")


def parse_methods(methods: str | None) -> list[str]:
    """The comma-separated system names (all systems when None), validated."""
    from newsbrief.evaluate.systems import system_names  # heavy: numpy and every stage; `--help` stays fast

    known = system_names()
    if methods is None:
        return known
    names = [n.strip() for n in methods.split(",") if n.strip()]
    if not names:
        raise SettingsError(f"--methods names no system; choose from {', '.join(known)}")
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SettingsError(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    return list(dict.fromkeys(names))


@evaluate_app.command("multinews")
def multinews(
    split: Annotated[Split, typer.Option(
        "--split", help="Multi-News split, read from ../shared/data/multinews/<split>.jsonl.gz "
                        "(beside the current directory, else beside the newsbrief checkout).")] = Split.val,
    data: Annotated[Optional[Path], typer.Option(
        "--data", help='Score on this JSONL file instead (plain or .gz), one {"documents": [...], '
                       '"summary": ...} record a line; overrides --split.', show_default=False)] = None,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", min=1, help="Score only the first N clusters (default: all of them).",
        show_default=False)] = None,
    seed: Annotated[Optional[int], typer.Option(
        "--seed", help="With --limit: a reproducible random sample of N clusters drawn with this seed "
                       "instead of the first N.", show_default=False)] = None,
    words: Annotated[int, typer.Option(
        "--words", "-w", min=1, max=MAX_WORDS, help="Word budget of every system; the last sentence is cut to fit.")] = 260,
    methods: Annotated[Optional[str], typer.Option(
        "--methods", "-m", help="Comma-separated systems to score (default: all): newsbrief-<method> for each "
                                "newsbrief method, lead, tfidf-centroid-mmr, lexrank, textrank, lsa, sumbasic, "
                                "oracle.", show_default=False)] = None,
    json_path: Annotated[Optional[Path], typer.Option(
        "--json", help="Also write the per-system scores and timings to this JSON file (atomically).",
        show_default=False)] = None,
) -> None:
    """ROUGE-1/2/Lsum F1 and seconds per cluster of every system, side by side.

    Every system gets the same word budget. Progress goes to stderr, the Markdown table to stdout.
    """
    from newsbrief.evaluate.compare import compare, read_clusters, results_to_json, results_to_markdown  # heavy: numpy and every stage; `--help` stays fast
    from newsbrief.evaluate.systems import get_system

    # Everything that can be checked is checked before the (long) run.
    if seed is not None and limit is None:
        raise SettingsError("--seed draws a random sample of --limit clusters: give --limit too")
    names = parse_methods(methods)
    for name in names:
        get_system(name)  # a missing optional package fails here
    if importlib.util.find_spec("rouge_score") is None:
        raise NewsbriefError("evaluate needs the rouge-score package: pip install 'newsbrief[eval]'")
    if json_path is not None and not _folder(json_path).is_dir():
        raise InputError(str(json_path), "its folder does not exist")
    path = data if data is not None else split_path(split.value)
    clusters = read_clusters(path, limit=limit, seed=seed)

    def progress(result) -> None:
        typer.echo(f"newsbrief: evaluate: {result.name} done: ROUGE-1/2/Lsum {result.rouge1:.2f} / "
                   f"{result.rouge2:.2f} / {result.rougeLsum:.2f}, "
                   f"{result.seconds_per_cluster_median * 1000:.1f} ms/cluster (median)", err=True)

    results = compare(names, clusters, words, progress=progress)
    if seed is not None:
        selection = f"{len(clusters)} clusters sampled with seed {seed}"
    else:
        selection = f"{'first ' if limit is not None else ''}{len(clusters)} clusters"
    source = f"Multi-News {split.value} ({path})" if data is None else str(path)
    typer.echo(f"{source}: {selection}, {words}-word budget\n")
    sys.stdout.write(results_to_markdown(results))
    if json_path is not None:
        settings = {
            "data": str(path), "split": split.value if data is None else None, "limit": limit, "seed": seed,
            "clusters": len(clusters), "words": words, "systems": names,
        }
        write_atomically(json_path, results_to_json(results, settings))


def _folder(path: Path) -> Path:
    return path.expanduser().parent
