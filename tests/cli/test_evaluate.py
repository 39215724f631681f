"""`newsbrief evaluate multinews`: the table, the JSON file, and one-line errors."""

import gzip
import itertools
import json
from pathlib import Path

import pytest
import typer

from newsbrief.cli.evaluate import data_dirs, evaluate_app
from newsbrief.evaluate.systems import system_names

pytestmark = pytest.mark.filterwarnings("ignore")


@pytest.fixture
def evaluate(cli, monkeypatch):
    """evaluate(*args) runs `newsbrief evaluate ARGS` through the real entry point (`main`),
    registering the sub-app for the test if `newsbrief.cli` does not register it yet."""
    from newsbrief.cli import app

    if not any(group.name == "evaluate" for group in app.registered_groups):
        monkeypatch.setattr(app, "registered_groups", list(app.registered_groups))
        app.add_typer(evaluate_app, name="evaluate")
    return lambda *args: cli("evaluate", *args)


@pytest.fixture
def val_sample(multinews_val, tmp_path) -> Path:
    """A gzip JSONL of the first 3 validation records, without their ids."""
    path = tmp_path / "sample.jsonl.gz"
    with gzip.open(multinews_val, "rt", encoding="utf-8") as lines, gzip.open(path, "wt", encoding="utf-8") as out:
        for line in itertools.islice(lines, 3):
            record = json.loads(line)
            out.write(json.dumps({"documents": record["documents"], "summary": record["summary"]}) + "\n")
    return path


def table_rows(stdout):
    return [line.split("|")[1].strip() for line in stdout.splitlines() if line.startswith("| ")][2:]


def test_a_jsonl_file_given_with_data_is_scored_by_every_system(evaluate, val_sample, tmp_path):
    pytest.importorskip("rouge_score")
    pytest.importorskip("sumy")
    out = tmp_path / "scores.json"
    result = evaluate("multinews", "--data", val_sample, "--words", "100", "--json", out)
    assert result.exit_code == 0, result.stderr
    assert f"{val_sample}: 3 clusters, 100-word budget" in result.stdout
    assert table_rows(result.stdout) == system_names()
    assert len(result.stderr.strip().splitlines()) == len(system_names())  # a progress line per system
    document = json.loads(out.read_text())
    assert document["settings"]["clusters"] == 3 and document["settings"]["words"] == 100
    assert [r["name"] for r in document["results"]] == system_names()
    assert all(0 < r["words_mean"] <= 100 for r in document["results"])
    assert not list(tmp_path.glob(".scores.json.*"))  # no temporary file left behind


def test_the_split_is_found_beside_the_checkout(evaluate, multinews_val, monkeypatch, tmp_path):
    pytest.importorskip("rouge_score")
    monkeypatch.chdir(tmp_path)  # no ../shared/data here: the checkout's is used
    result = evaluate("multinews", "--limit", "2", "--seed", "1", "--methods", "lead,oracle")
    assert result.exit_code == 0, result.stderr
    assert "Multi-News val (" in result.stdout and "2 clusters sampled with seed 1" in result.stdout
    assert table_rows(result.stdout) == ["lead", "oracle"]


def test_data_folders_are_looked_for_beside_the_current_directory_then_the_checkout(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    repo = Path(__file__).resolve().parents[2]
    assert data_dirs() == [tmp_path.parent / "shared" / "data", repo.parent / "shared" / "data"]


def test_a_missing_data_file_is_a_one_line_error(evaluate, tmp_path, assert_one_line_error):
    result = evaluate("multinews", "--data", tmp_path / "nope.jsonl", "--methods", "lead")
    assert_one_line_error(result, "nope.jsonl: no such file")


def test_a_malformed_record_is_a_one_line_error(evaluate, tmp_path, assert_one_line_error):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"documents": ["A town flooded."], "summary": "Flood."}\n{"documents": "x"}\n')
    assert_one_line_error(evaluate("multinews", "--data", path, "--methods", "lead"), f"{path}:2: not a ")


@pytest.mark.parametrize("args, fragment", [
    (["--methods", "lead,nope"], "unknown system(s) nope; choose from"),
    (["--methods", " , "], "names no system"),
    (["--methods", "lead", "--seed", "3"], "give --limit too"),
    (["--methods", "lead", "--json", "/no/such/folder/out.json"], "its folder does not exist"),
])
def test_bad_options_are_one_line_errors(evaluate, tmp_path, args, fragment, assert_one_line_error):
    path = tmp_path / "ok.jsonl"
    path.write_text('{"documents": ["A town flooded."], "summary": "Flood."}\n')
    assert_one_line_error(evaluate("multinews", "--data", path, *args), fragment)


def test_every_option_has_a_help_text():
    command = typer.main.get_command(evaluate_app).commands["multinews"]
    options = [p for p in command.params if p.name != "help"]
    assert {p.name for p in options} == {"split", "data", "limit", "seed", "words", "methods", "json_path"}
    assert all(p.help and len(p.help) > 20 for p in options)
