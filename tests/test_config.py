"""The settings layers: defaults < the user config file < NEWSBRIEF_* variables < explicit flags
(newsbrief.config.load_settings), the config file's location, and the errors a bad value gives.

The suite-wide `user_home` fixture (tests/conftest.py) gives every test an empty home and no
NEWSBRIEF_* variables; these tests add the file and variables they need on top of it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsbrief.config import Settings, config_path, load_settings
from newsbrief.errors import SettingsError
from tests.conftest import EXAMPLE_DIR, REPO, TEST_KNOBS

YES = ["1", "true", "yes", "on", "TRUE", "Yes", " on "]
NO = ["0", "false", "no", "off", "FALSE", "No", " off ", ""]


def write_config(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def config_file(tmp_path, monkeypatch):
    """write(text): the user config file (through NEWSBRIEF_CONFIG), with that text."""

    def write(text: str) -> Path:
        path = write_config(tmp_path / "config.toml", text)
        monkeypatch.setenv("NEWSBRIEF_CONFIG", str(path))
        return path

    return write


def settings_error(**flags) -> str:
    with pytest.raises(SettingsError) as caught:
        load_settings(**flags)
    message = str(caught.value)
    assert "\n" not in message, message
    return message


# --- the suite's own isolation ------------------------------------------------------------


def test_the_suite_gives_each_test_an_empty_home_and_no_newsbrief_settings(user_home):
    assert Path.home() == user_home
    assert config_path() == user_home / ".config" / "newsbrief" / "config.toml"
    assert not config_path().exists()
    assert [name for name in os.environ if name.startswith("NEWSBRIEF_") and not name.startswith(TEST_KNOBS)] == []
    assert load_settings() == Settings()


def test_a_subprocess_inherits_the_empty_home(user_home):
    code = "from newsbrief.config import config_path; print(config_path())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert Path(done.stdout.strip()) == user_home / ".config" / "newsbrief" / "config.toml"


# --- where the config file is ----------------------------------------------------------------


def test_the_config_file_is_newsbrief_config_toml_under_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "newsbrief" / "config.toml"


def test_without_xdg_config_home_the_config_file_is_under_home_dot_config(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert config_path() == tmp_path / ".config" / "newsbrief" / "config.toml"


def test_an_empty_xdg_config_home_counts_as_unset(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert config_path() == tmp_path / ".config" / "newsbrief" / "config.toml"


def test_newsbrief_config_names_the_config_file_itself(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("NEWSBRIEF_CONFIG", str(tmp_path / "elsewhere.toml"))
    assert config_path() == tmp_path / "elsewhere.toml"


def test_an_empty_newsbrief_config_counts_as_unset(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("NEWSBRIEF_CONFIG", "")
    assert config_path() == tmp_path / "xdg" / "newsbrief" / "config.toml"


def test_load_settings_reads_the_file_under_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    write_config(tmp_path / "xdg" / "newsbrief" / "config.toml", "words = 42\n")
    assert load_settings().words == 42


def test_load_settings_reads_the_file_under_home_dot_config(user_home, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME")
    write_config(user_home / ".config" / "newsbrief" / "config.toml", "words = 43\n")
    assert load_settings().words == 43


def test_no_config_file_gives_the_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_CONFIG", str(tmp_path / "absent.toml"))
    assert load_settings() == Settings()


# --- the config file ---------------------------------------------------------------------------


def test_the_config_file_sets_settings_of_every_type(config_file):
    config_file('words = 77\nmethod = "lead"\nfacts = false\nnear_copy = 0.5\nredundancy = 0.3\n')
    settings = load_settings()
    assert (settings.words, settings.method, settings.facts, settings.near_copy, settings.redundancy) == (77, "lead", False, 0.5, 0.3)


def test_settings_the_config_file_leaves_out_keep_their_defaults(config_file):
    config_file("words = 77\n")
    assert load_settings() == Settings(words=77)


def test_a_config_file_that_is_not_toml_is_a_settings_error_naming_the_file(config_file):
    path = config_file("words = [\n")
    message = settings_error()
    assert message.startswith(f"{path}: not a valid settings file")


def test_a_config_file_that_is_not_utf8_is_a_settings_error_naming_the_file(config_file):
    path = config_file("")
    path.write_bytes(b'method = "\xff"\n')
    assert settings_error().startswith(f"{path}: not a valid settings file")


def test_a_config_value_of_the_wrong_type_is_a_settings_error_naming_the_file(config_file):
    path = config_file('words = "many"\n')
    assert settings_error() == f"{path}: words must be a whole number, got 'many'"


def test_an_unknown_key_in_the_config_file_is_a_settings_error_naming_the_key(config_file):
    config_file("wrods = 50\n")
    assert "wrods" in settings_error()


def test_an_out_of_range_config_value_is_a_settings_error(config_file):
    config_file("words = 0\n")
    assert "words must be between 1" in settings_error()


@pytest.mark.parametrize("text", ["words = 0\n", "wrods = 50\n", 'method = "fastest"\n'])
def test_every_config_file_error_names_the_file(config_file, text):
    path = config_file(text)
    assert str(path) in settings_error()


def test_a_quoted_no_in_the_config_file_does_not_turn_a_boolean_on(config_file):
    config_file('facts = "no"\n')
    try:
        settings = load_settings()
    except SettingsError:
        return
    assert settings.facts is False


# --- NEWSBRIEF_* variables ---------------------------------------------------------------------


@pytest.mark.parametrize("word", YES)
def test_a_yes_word_turns_a_boolean_setting_on(monkeypatch, config_file, word):
    config_file("facts = false\n")  # on only through the variable
    monkeypatch.setenv("NEWSBRIEF_FACTS", word)
    assert load_settings().facts is True


@pytest.mark.parametrize("word", NO)
def test_a_no_word_turns_a_boolean_setting_off(monkeypatch, word):
    monkeypatch.setenv("NEWSBRIEF_FACTS", word)  # the default is on
    assert load_settings().facts is False


@pytest.mark.parametrize("word", ["maybe", "2", "y", "nope"])
def test_a_boolean_variable_that_is_not_yes_or_no_is_a_settings_error_naming_it(monkeypatch, word):
    monkeypatch.setenv("NEWSBRIEF_FACTS", word)
    assert settings_error() == f"NEWSBRIEF_FACTS={word!r} is not a valid boolean"


def test_an_integer_variable_is_read_as_an_integer(monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_WORDS", "50")
    assert load_settings().words == 50
    assert isinstance(load_settings().words, int)


def test_an_integer_variable_that_is_not_a_number_is_a_settings_error_naming_it(monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_WORDS", "fifty")
    assert settings_error() == "NEWSBRIEF_WORDS='fifty' is not a valid int"


def test_a_float_variable_is_read_as_a_float(monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_NEAR_COPY", "0.5")
    assert load_settings().near_copy == 0.5


@pytest.mark.parametrize("name", ["redundancy", "story_threshold"])
def test_an_optional_float_variable_is_read_as_a_float(monkeypatch, name):
    monkeypatch.setenv(f"NEWSBRIEF_{name.upper()}", "0.25")
    assert getattr(load_settings(), name) == 0.25


def test_an_optional_float_variable_that_is_not_a_number_is_a_settings_error_naming_it(monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_REDUNDANCY", "low")
    assert settings_error() == "NEWSBRIEF_REDUNDANCY='low' is not a valid float"


def test_a_string_variable_is_taken_as_it_is(monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_METHOD", "lead")
    monkeypatch.setenv("NEWSBRIEF_ENTITY_MODEL", "")
    settings = load_settings()
    assert (settings.method, settings.entity_model) == ("lead", "")


def test_an_out_of_range_variable_is_a_settings_error(monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_WORDS", "0")
    assert "words must be between 1" in settings_error()


def test_an_out_of_range_variable_error_names_the_variable(monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_WORDS", "0")
    assert "NEWSBRIEF_WORDS" in settings_error()


def test_a_bad_variable_ends_the_cli_with_one_line_and_exit_2(cli, assert_one_line_error, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_FACTS", "maybe")
    result = cli("brief", EXAMPLE_DIR)
    assert result.exit_code == 2
    assert_one_line_error(result, "NEWSBRIEF_FACTS='maybe' is not a valid boolean")


# --- precedence --------------------------------------------------------------------------------


def test_a_variable_overrides_the_config_file(config_file, monkeypatch):
    config_file("words = 77\nfacts = true\n")
    monkeypatch.setenv("NEWSBRIEF_WORDS", "55")
    monkeypatch.setenv("NEWSBRIEF_FACTS", "no")
    settings = load_settings()
    assert (settings.words, settings.facts) == (55, False)


def test_a_flag_overrides_a_variable_and_the_config_file(config_file, monkeypatch):
    config_file('words = 77\nmethod = "centroid"\n')
    monkeypatch.setenv("NEWSBRIEF_WORDS", "55")
    settings = load_settings(words=33, method="lead")
    assert (settings.words, settings.method) == (33, "lead")


def test_a_false_flag_overrides_a_yes_variable(monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_FACTS", "yes")
    assert load_settings(facts=False).facts is False


def test_a_flag_not_given_leaves_the_variable_and_the_file(config_file, monkeypatch):
    config_file('method = "centroid"\n')
    monkeypatch.setenv("NEWSBRIEF_WORDS", "55")
    settings = load_settings(words=None, method=None, facts=None)
    assert (settings.words, settings.method, settings.facts) == (55, "centroid", True)


def test_an_unknown_flag_is_a_settings_error_naming_it():
    assert settings_error(wrods=5) == "unknown setting(s): wrods"
