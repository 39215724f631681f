"""`newsbrief ingest` and `newsbrief serve`."""

from __future__ import annotations

import sys
from contextlib import closing
from typing import Annotated, Optional

import typer

from newsbrief.cli.console import warn
from newsbrief.cli.engines import ENGINE_HELP, RAY_ADDRESS_HELP, WORKERS_HELP, check_engine
from newsbrief.config import load_settings
from newsbrief.model import Rejected

DB_HELP = "Store URL: sqlite:///PATH, a file path or postgresql://... [default: $XDG_DATA_HOME/newsbrief/newsbrief.db]."


def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Article files (.txt, .json, .jsonl, ...) and/or folders (read recursively).",
                                                show_default=False)],
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP, show_default=False)] = None,
    max_file_bytes: Annotated[Optional[int], typer.Option("--max-file-bytes", min=1, help="Refuse plain-text/JSON files larger than this [default: 10000000].")] = None,
    engine: Annotated[str, typer.Option("--engine", help=ENGINE_HELP)] = "local",
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", help=RAY_ADDRESS_HELP, show_default=False)] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help=WORKERS_HELP, show_default=False)] = None,
) -> None:
    """Add articles to the store and group them into stories; articles already stored are skipped."""
    from newsbrief.cli.inputs import require_some  # heavy: lxml and the stages; `--help` stays fast
    from newsbrief.ingest import iter_inputs

    from newsbrief.service.ingest import ADDED, DUPLICATE, Ingestor  # heavy: SQLAlchemy, datasketch, onnxruntime
    from newsbrief.store import Store
    from newsbrief.stories.tracker import default_profiler

    settings = load_settings(db=db, max_file_bytes=max_file_bytes)
    check_engine(engine, ray_address, workers)
    store = Store(settings.db)
    profiler = default_profiler(threads=1)  # single-threaded: two threads embed beside the one that writes (service.ahead)
    ingestor = Ingestor(store, settings, profiler)
    counts = {ADDED: 0, DUPLICATE: 0}
    unread: list[Rejected] = []  # inputs that could not be read
    skipped: list[str] = []  # articles read but not stored
    notes: list[str] = []

    def note(result) -> None:
        if result.note:
            notes.append(f"{result.source}: {result.note}")
        if result.status in counts:
            counts[result.status] += 1
        else:
            skipped.append(f"{result.source}: {result.reason}")

    if engine == "ray":
        from newsbrief.service.scaled import ray_inputs  # optional and heavy: Ray (the `ray` extra)

        items = ray_inputs(list(inputs), settings, address=ray_address, workers=workers)
    else:
        from newsbrief.service.ahead import computed_ahead  # heavy: the stages and onnxruntime, as the ingestor

        items = computed_ahead(iter_inputs(list(inputs), settings), ingestor)
    def readable():
        for item, computed in items:
            if isinstance(item, Rejected):
                unread.append(item)
            else:
                yield item, computed

    with _progress() as advance, closing(items):  # streamed: stored as read, a batch to a transaction
        for result in ingestor.add_stream(readable()):
            note(result)
            advance()
    require_some(counts[ADDED] or counts[DUPLICATE] or skipped, unread)
    for item in unread:
        warn(f"skipped {item}")
    for message in notes:
        warn(message)
    for message in skipped:
        warn(f"skipped {message}")
    n_articles, n_stories = store.counts()
    typer.echo(f"added {counts[ADDED]} articles ({counts[DUPLICATE]} already stored, "
               f"{len(skipped) + len(unread)} skipped); the store holds {n_articles} articles "
               f"in {n_stories} stories ({store.display_url})")


def serve(
    db: Annotated[Optional[str], typer.Option("--db", help=DB_HELP, show_default=False)] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    follow: Annotated[bool, typer.Option("--follow", help="Also poll the followed sources (`newsbrief sources`) while serving.")] = False,
    public_read_only: Annotated[bool, typer.Option("--public-read-only", help="Refuse every write (403): serve on any address with no API key.")] = False,
) -> None:
    """Serve the stories: web pages at /, the JSON API at /api (OpenAPI docs at /docs)."""
    import uvicorn  # heavy, like the rest of the server: FastAPI, SQLAlchemy

    from newsbrief.service.app import create_app
    from newsbrief.service.auth import refuse_unprotected
    from newsbrief.store import Store

    settings = load_settings(db=db)
    store = Store(settings.db)
    refuse_unprotected(host, store, read_only=public_read_only)
    typer.echo(f"newsbrief: serving {store.display_url} at http://{host}:{port}/", err=True)
    uvicorn.run(create_app(settings, store, follow=follow, read_only=public_read_only), host=host, port=port, log_level="warning")


class _progress:
    """Articles stored so far, their rate and the time elapsed, on stderr when it is a terminal."""

    def __init__(self):
        self.bar = None

    def __enter__(self):
        if not sys.stderr.isatty():
            return lambda: None
        from rich.console import Console  # heavy, and only for a terminal
        from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task):
                return Text(f"{task.speed:.1f} articles/s" if task.speed else "… articles/s")

        self.bar = Progress(SpinnerColumn(), TextColumn("ingest: {task.completed:,} articles"), Rate(),
                            TimeElapsedColumn(), console=Console(stderr=True), transient=False)
        self.bar.start()
        task = self.bar.add_task("ingest", total=None)  # the inputs are streamed: their size is unknown
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False

