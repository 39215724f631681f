"""All of newsbrief's exceptions. They carry a one-line message meant for the user;
only the edges (CLI, API server) translate them into exit codes or HTTP statuses."""

from __future__ import annotations


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
