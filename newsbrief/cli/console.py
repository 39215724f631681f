"""What every command prints: its result (stdout or a file written whole) and one-line warnings."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from newsbrief.output.files import write_atomically


def emit(text: str, output: Path | None) -> None:
    """Print, or write the whole file at once: a failed run never leaves half a file."""
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(output, text)


def warn(message: str) -> None:
    typer.echo(f"newsbrief: warning: {message}", err=True)


class WarningLines(logging.Handler):
    """The stages' logged warnings (an input kept with a problem) as the command's warning lines."""

    def emit(self, record: logging.LogRecord) -> None:
        warn(record.getMessage())


def show_logged_warnings() -> None:
    """Print what newsbrief's stages log at WARNING and above, once, as `newsbrief: warning: ...`."""
    logger = logging.getLogger("newsbrief")
    if not any(isinstance(h, WarningLines) for h in logger.handlers):
        handler = WarningLines(logging.WARNING)
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)


@contextmanager
def status() -> Iterator[Callable[[str], None]]:
    """A `say(message)` that shows what a long command is doing on a terminal's status line
    (stderr; cleared when done), and does nothing when stderr is not a terminal."""
    if not sys.stderr.isatty():
        yield lambda message: None
        return
    from rich.console import Console  # heavy: rich, only for a terminal's status line

    with Console(stderr=True).status("working") as line:
        yield lambda message: line.update(message)
