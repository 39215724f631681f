"""`newsbrief facts` and the facts in `newsbrief brief`: output, schema, one-line errors, the fallback warning."""

import json
from pathlib import Path

import pytest

from tests.conftest import validate_schema

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_DIR = REPO / "examples" / "aleppo"



def test_facts_lists_figures_with_sources_and_the_articles_that_carry_them(cli):
    result = cli("facts", EXAMPLE_DIR)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Facts")
    for heading in ("## Key figures", "## Disagreements", "## Quotes", "## Who and where", "## Timeline", "## Sources"):
        assert heading in result.stdout
    assert "**around 20,000** — SANA" in result.stdout
    assert "An estimated 10,000 (civilians) [1] vs around 20,000 (SANA) [1]" in result.stdout


def test_facts_json_follows_its_schema(cli):
    result = cli("facts", EXAMPLE_DIR, "--format", "json")
    document = json.loads(result.stdout)
    validate_schema(document, "facts-1.json")
    assert document["schema"] == "newsbrief.facts/1"
    figures = document["facts"]["figures"]
    conflict = next(d for d in document["facts"]["disagreements"] if d["kind"] == "conflict")
    assert {figures[i]["source"]["name"] for i in conflict["figures"]} == {"civilians", "SANA"}


def test_the_brief_json_carries_facts_and_still_follows_its_schema(cli):
    document = json.loads(cli("brief", EXAMPLE_DIR, "--format", "json").stdout)
    validate_schema(document, "brief-1.json")
    assert document["facts"]["figures"]


def test_no_facts_leaves_the_brief_as_it_was(cli):
    markdown = cli("brief", EXAMPLE_DIR, "--no-facts").stdout
    assert "## Key figures" not in markdown and "## Sources" in markdown
    assert "facts" not in json.loads(cli("brief", EXAMPLE_DIR, "--no-facts", "--format", "json").stdout)


def test_the_brief_shows_at_most_facts_limit_items_a_section(cli, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_FACTS_LIMIT", "2")
    markdown = cli("brief", EXAMPLE_DIR).stdout
    figures = markdown.split("## Key figures")[1].split("## ")[0]
    assert figures.count("\n- ") == 3 and "more (`newsbrief facts` lists them all)" in figures


def test_a_missing_input_is_one_line(cli, assert_one_line_error, tmp_path):
    result = cli("facts", tmp_path / "missing.txt")
    assert_one_line_error(result, "missing.txt")


def test_without_the_spacy_pipeline_facts_warn_once_and_go_on(cli, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_ENTITY_MODEL", "")
    result = cli("facts", EXAMPLE_DIR)
    assert result.exit_code == 0 and "## Key figures" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if "named entities" in line]
    assert len(warnings) == 1 and warnings[0].startswith("newsbrief: warning:")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("option", ["--format", "--output", "--max-file-bytes"])
def test_every_option_is_in_the_help(cli, option):
    assert option in cli("facts", "--help").stdout
