"""The README documents how to set up, every command, option and setting; CI runs its test command."""

import re
from dataclasses import fields
from pathlib import Path

import pytest

from newsbrief.config import Settings

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
INSTALL_AND_RUN = "python3 -m pip install -c requirements.lock . && newsbrief brief examples/aleppo/"
INSTALL_AND_TEST = "python3 -m pip install -c requirements.lock -e '.[test]' && python3 -m pytest"


def quickstart_commands() -> list[str]:
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)\n```", section, flags=re.S)


def test_quickstart_has_exactly_the_two_setup_commands():
    assert quickstart_commands() == [INSTALL_AND_RUN, INSTALL_AND_TEST]


def test_ci_runs_both_readme_commands_verbatim_without_upgrading_pip():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert INSTALL_AND_RUN in ci and INSTALL_AND_TEST in ci
    assert "--upgrade pip" not in ci and "install -U pip" not in ci


def test_the_example_the_quickstart_briefs_is_bundled():
    assert sorted(p.suffix for p in (REPO / "examples" / "aleppo").iterdir()) == [".txt", ".txt"]


@pytest.mark.parametrize("setting", [f.name for f in fields(Settings)])
def test_every_setting_is_documented(setting):
    assert f"| `{setting}` |" in README


@pytest.mark.parametrize("command", [("brief",), ("evaluate", "multinews"), ("stories",), ("ingest",), ("serve",),
                                     ("extract",), ("facts",), ("digest",), ("follow",), ("sources", "add"),
                                     ("sources", "import"), ("sources", "list"), ("sources", "remove"),
                                     ("story", "merge"), ("story", "split"), ("story", "move"), ("article", "delete"),
                                     ("keys", "create"), ("keys", "list"), ("keys", "revoke")])
def test_every_command_option_is_documented(cli, command):
    help_text = cli(*command, "--help").stdout
    options = set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}
    assert options
    for option in options:
        assert option in README, option
