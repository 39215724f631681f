"""What every command prints: its result (stdout or a file written whole) and one-line warnings."""

from __future__ import annotations

import sys
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
