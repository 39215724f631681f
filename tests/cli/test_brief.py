"""The command line: output formats, options and one-line errors for bad input."""

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_DIR = REPO / "examples" / "aleppo"

pytestmark = pytest.mark.filterwarnings("ignore")


def test_brief_of_the_bundled_example_is_markdown_with_citations(cli):
    result = cli("brief", EXAMPLE_DIR)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert "[1]" in result.stdout and "[2]" in result.stdout
    assert "## Sources" in result.stdout


def test_json_output_follows_the_schema(cli):
    import jsonschema

    from newsbrief.output.jsonout import SCHEMA_VERSION

    schema = json.loads((REPO / "newsbrief" / "schema" / "brief-1.json").read_text())
    result = cli("brief", EXAMPLE_DIR, "--format", "json", "--words", "150")
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema)
    assert document["schema"] == SCHEMA_VERSION
    assert 0 < document["words"] <= 150 and document["settings"]["words"] == 150


def test_json_offsets_point_into_the_cleaned_text(cli):
    import newsbrief

    brief = newsbrief.brief([EXAMPLE_DIR])
    text_of = {a.id: a.text for a in brief.articles}
    document = json.loads(cli("brief", EXAMPLE_DIR, "--format", "json").stdout)
    assert document["sentences"]
    for sentence in document["sentences"]:
        assert sentence["sources"]
        for source in sentence["sources"]:
            assert text_of[source["article_id"]][source["start"]:source["end"]] == sentence["text"]


def test_words_option_limits_the_brief(cli):
    document = json.loads(cli("brief", EXAMPLE_DIR, "--format", "json", "--words", "40").stdout)
    assert sum(len(s["text"].split()) for s in document["sentences"]) <= 40


def test_explain_lists_removed_debris_with_reasons(cli):
    result = cli("brief", EXAMPLE_DIR, "--explain")
    assert "## Removed as debris" in result.stdout
    assert "Advertisement" in result.stdout.split("## Removed as debris")[1]


def test_lead_method_is_available(cli):
    assert cli("brief", EXAMPLE_DIR, "--method", "lead").exit_code == 0


def test_output_file_is_written_whole(cli, tmp_path):
    target = tmp_path / "brief.md"
    result = cli("brief", EXAMPLE_DIR, "--output", target)
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


@pytest.mark.parametrize("args", [(), ("brief",)])
def test_help_is_available(cli, args):
    result = cli(*args, "--help")
    assert result.exit_code == 0 and "Usage" in result.stdout


def test_missing_path_is_a_one_line_error(cli, tmp_path, assert_one_line_error):
    assert_one_line_error(cli("brief", tmp_path / "nope.txt"), "nope.txt", "no such file")


def test_empty_file_is_a_one_line_error(cli, tmp_path, assert_one_line_error):
    (tmp_path / "empty.txt").write_text("")
    assert_one_line_error(cli("brief", tmp_path / "empty.txt"), "empty.txt", "empty")


def test_binary_file_is_a_one_line_error(cli, tmp_path, assert_one_line_error):
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 40)
    assert_one_line_error(cli("brief", tmp_path / "image.txt"), "image.txt", "binary")


def test_directory_without_articles_is_a_one_line_error(cli, tmp_path, assert_one_line_error):
    (tmp_path / "sub").mkdir()
    assert_one_line_error(cli("brief", tmp_path / "sub"), "sub", "no article files")


def test_malformed_json_is_a_one_line_error(cli, tmp_path, assert_one_line_error):
    (tmp_path / "bad.json").write_text('{"title": "x", "text": "unterminated')
    assert_one_line_error(cli("brief", tmp_path / "bad.json"), "bad.json", "malformed JSON")


def test_oversized_file_is_refused_with_the_limit(cli, tmp_path, assert_one_line_error):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write(b"Syrian forces advanced. " * 10)
        f.truncate(20_000_000)
    assert_one_line_error(cli("brief", path), "huge.txt", "too large", "limit")


def test_non_utf8_file_is_decoded(cli, seed_paths, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(seed_paths[0].read_text(encoding="utf-8").replace("’", "'").replace("“", '"').replace("”", '"')
                     .replace("—", "-").encode("cp1252", errors="replace") + "\nCafé crème à Alep.".encode("cp1252"))
    result = cli("brief", path)
    assert result.exit_code == 0, result.stderr
    assert "[1]" in result.stdout


def test_a_bad_input_beside_good_ones_is_a_warning_and_a_skip(cli, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = cli("brief", EXAMPLE_DIR, tmp_path / "empty.txt")
    assert result.exit_code == 0
    assert "warning" in result.stderr and "empty.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_invalid_option_value_is_a_usage_error(cli):
    result = cli("brief", EXAMPLE_DIR, "--words", "0")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_version_is_printed(cli):
    import newsbrief

    assert cli("--version").stdout.strip() == f"newsbrief {newsbrief.__version__}"


def test_the_command_line_loads_no_stage_before_a_command_runs():
    """`newsbrief --help` stays fast: numpy, lxml and the stages load only when a command needs them."""
    import subprocess
    import sys

    code = "import sys, newsbrief.cli; print(sorted({'numpy', 'lxml', 'newsbrief.pipeline'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
