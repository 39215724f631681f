"""All of newsbrief's exceptions. They carry a one-line message meant for the user;
only the edges (CLI, API server) translate them into exit codes or HTTP statuses."""

from __future__ import annotations

import os
import sys
import traceback


class NewsbriefError(Exception):
    """Base class: `str(err)` is a complete one-line message."""

    exit_code = 1


class InputError(NewsbriefError):
    """An input file or record that cannot be read as an article."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class NothingToSummarize(NewsbriefError):
    """No usable article text was left after reading and cleaning every input."""


class SettingsError(NewsbriefError):
    """A setting (flag, environment variable or config file entry) has an invalid value."""

    exit_code = 2


REINSTALL = "reinstall newsbrief with its locked dependencies: python3 -m pip install -c requirements.lock ."


def failure_reason(err: BaseException) -> str:
    """One line for an unexpected exception raised while one input was read, extracted or cleaned.

    A missing module is an install problem, not a bad input: the reason names the module and the fix.
    """
    if isinstance(err, ImportError):
        return missing_module(err)
    return f"internal error: {type(err).__name__}: {' '.join(str(err).split()) or 'no message'}"


def missing_module(err: ImportError) -> str:
    """The reason an input cannot be read when a module its reader needs is not installed."""
    what = f"Python module {err.name!r} is not installed" if err.name else " ".join(str(err).split())
    return f"cannot be read: {what} ({REINSTALL})"


def show_traceback_when_debugging() -> None:
    """Print the exception being handled, with its traceback, when NEWSBRIEF_DEBUG is set."""
    if os.environ.get("NEWSBRIEF_DEBUG"):
        traceback.print_exc(file=sys.stderr)
