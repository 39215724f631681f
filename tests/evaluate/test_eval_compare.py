"""Scoring systems side by side, and reading clusters from JSONL files."""

import gzip
import json

import pytest

from newsbrief.errors import InputError, NothingToSummarize, SettingsError
from newsbrief.evaluate.compare import (
    MARKDOWN_HEADER, SCHEMA_VERSION, SystemResult, compare, read_clusters, results_to_json, results_to_markdown,
)
from newsbrief.evaluate.multinews import Cluster, load_clusters
from newsbrief.evaluate.systems import system_names


def write_jsonl(path, records, compress=False):
    lines = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)
    if compress:
        with gzip.open(path, "wt", encoding="utf-8") as out:
            out.write(lines)
    else:
        path.write_text(lines, encoding="utf-8")
    return path


RECORDS = [
    {"id": "a", "documents": ["Rain fell on monday. The town flooded."], "summary": "The town flooded."},
    {"documents": ["Aid arrived. People cheered."], "summary": ["Aid arrived.", "Cheers."]},
    {"id": 7, "documents": [], "summary": ""},
]


def test_compare_scores_every_system_on_val_clusters(multinews_val):
    pytest.importorskip("rouge_score")
    pytest.importorskip("sumy")
    names = system_names()
    finished = []
    results = compare(names, load_clusters(multinews_val, limit=3), 260, progress=finished.append)
    assert [r.name for r in results] == names and finished == results
    for r in results:
        assert r.clusters == 3 and r.empty == 0
        assert 20 < r.rouge1 < 80 and 0 < r.rouge2 < r.rouge1 and 0 < r.rougeLsum < 80
        assert 0 < r.seconds_per_cluster_median < 5 and 0 < r.seconds_per_cluster_mean < 5
        assert 0 < r.words_mean <= 260
    by_name = {r.name: r for r in results}
    oracle, lead = by_name["oracle"], by_name["lead"]
    assert oracle.rouge1 + oracle.rouge2 > lead.rouge1 + lead.rouge2


def test_compare_checks_the_systems_before_reading_any_cluster():
    def clusters():
        raise AssertionError("read before the systems were checked")
        yield

    with pytest.raises(SettingsError, match="unknown system"):
        compare(["lead", "nope"], clusters(), 100)
    with pytest.raises(SettingsError):
        compare([], clusters(), 100)
    with pytest.raises(SettingsError):
        compare(["lead"], clusters(), 0)
    with pytest.raises(NothingToSummarize):
        compare(["lead"], [], 100)


def test_compare_counts_empty_summaries():
    pytest.importorskip("rouge_score")
    clusters = [Cluster("a", ("The town flooded on monday.",), "The town flooded."), Cluster("b", ("",), "Aid.")]
    (result,) = compare(["lead"], clusters, 3)
    assert result.empty == 1 and result.words_mean == 1.5 and result.clusters == 2


def test_results_render_as_markdown_and_json():
    results = [SystemResult("lead", 43.6, 14.6, 39.18, 0.0002, 0.0003, 1000, 0, 259.9)]
    table = results_to_markdown(results)
    assert table.startswith(MARKDOWN_HEADER)
    assert table.splitlines()[-1] == "| lead | 43.60 | 14.60 | 39.18 | 259.9 | 0.0002 | 0.0003 | 0 |"
    document = json.loads(results_to_json(results, {"words": 260}))
    assert document["schema"] == SCHEMA_VERSION and document["settings"] == {"words": 260}
    assert document["results"][0]["rouge1"] == 43.6 and document["results"][0]["clusters"] == 1000


@pytest.mark.parametrize("compress", [False, True])
def test_read_clusters_from_plain_or_gzip_jsonl(tmp_path, compress):
    path = write_jsonl(tmp_path / "clusters.jsonl", ["", *RECORDS], compress)  # the name says nothing
    clusters = read_clusters(path)
    assert [c.id for c in clusters] == ["a", "3", "7"]  # no id: the line number
    assert clusters[1].documents == ("Aid arrived. People cheered.",)
    assert clusters[1].summary == "Aid arrived.\nCheers."  # a list summary: one sentence per item
    assert [c.id for c in read_clusters(path, limit=2)] == ["a", "3"]


def test_read_clusters_draws_a_reproducible_sample_in_file_order(tmp_path):
    records = [{"id": str(i), "documents": [f"Doc {i}."], "summary": f"Sum {i}."} for i in range(50)]
    path = write_jsonl(tmp_path / "c.jsonl.gz", records, compress=True)
    sample = [c.id for c in read_clusters(path, limit=5, seed=3)]
    assert sample == [c.id for c in read_clusters(path, limit=5, seed=3)]
    assert len(set(sample)) == 5 and sample == sorted(sample, key=int) and sample != ["0", "1", "2", "3", "4"]
    with pytest.raises(SettingsError, match="give a limit"):
        read_clusters(path, seed=3)


@pytest.mark.parametrize("line, reason", [
    ("{not json", "invalid JSON"),
    ("[1, 2]", "a JSON list, not an object"),
    ('{"summary": "x"}', '"documents" must be a list of strings'),
    ('{"documents": "one string", "summary": "x"}', '"documents" must be a list of strings'),
    ('{"documents": ["a", 3], "summary": "x"}', '"documents" must be a list of strings'),
    ('{"documents": ["a"]}', '"summary" must be a string'),
    ('{"documents": ["a"], "summary": {"text": "x"}}', '"summary" must be a string'),
])
def test_a_malformed_record_names_the_file_and_line(tmp_path, line, reason):
    path = write_jsonl(tmp_path / "bad.jsonl", [RECORDS[0], line])
    with pytest.raises(InputError) as error:
        read_clusters(path)
    message = str(error.value)
    assert message.startswith(f"{path}:2: not a ") and reason in message and "\n" not in message


def test_unreadable_inputs_are_input_errors(tmp_path):
    cases = {
        tmp_path / "missing.jsonl": "no such file",
        tmp_path: "not a file",
        write_jsonl(tmp_path / "empty.jsonl", ["", "  "]): "no {",
    }
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(b'{"documents": [], "summary": ""}\n' * 50)[:40])
    cases[broken] = "cannot be read"
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"documents": ["caf\u00e9"], "summary": "x"}\n'.encode("latin-1"))
    cases[latin] = "not UTF-8"
    for path, reason in cases.items():
        with pytest.raises(InputError, match=reason):
            read_clusters(path)
