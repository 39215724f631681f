"""Loading Multi-News clusters."""

import gzip
import json

import pytest

from newsbrief.errors import InputError, SettingsError

from newsbrief.evaluate.multinews import Cluster, cluster_articles, load_clusters, reference_sentences


@pytest.fixture
def clusters_file(tmp_path):
    path = tmp_path / "clusters.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for i in range(60):
            documents = [f"Document {i} a.", f"Document {i} b."]
            record = {"id": f"mn-{i}", "documents": documents, "summary": f"Summary {i}."}
            out.write(json.dumps(record) + "\n")
    return path


def ids(clusters):
    return [c.id for c in clusters]


def test_first_clusters_without_seed(clusters_file):
    first = list(load_clusters(clusters_file, limit=3))
    assert ids(first) == ["mn-0", "mn-1", "mn-2"]
    assert first[0] == Cluster("mn-0", ("Document 0 a.", "Document 0 b."), "Summary 0.")
    assert len(list(load_clusters(clusters_file))) == 60


def test_seeded_sample_is_reproducible_and_in_file_order(clusters_file):
    a = ids(load_clusters(clusters_file, limit=10, seed=7))
    assert a == ids(load_clusters(clusters_file, limit=10, seed=7))
    assert len(set(a)) == 10
    assert a == sorted(a, key=lambda i: int(i.split("-")[1]))
    assert a != ids(load_clusters(clusters_file, limit=10, seed=8))
    assert a != ids(load_clusters(clusters_file, limit=10))
    assert len(list(load_clusters(clusters_file, limit=100, seed=7))) == 60


def test_bad_arguments_and_records(clusters_file, tmp_path):
    with pytest.raises(SettingsError, match="limit"):
        load_clusters(clusters_file, seed=1)
    with pytest.raises(InputError):
        load_clusters(tmp_path / "missing.jsonl.gz")
    broken = tmp_path / "broken.jsonl.gz"
    with gzip.open(broken, "wt") as out:
        out.write('{"id": "x"}\n')
    with pytest.raises(InputError, match=r"broken.jsonl.gz:1: not a"):
        list(load_clusters(broken))


def test_cluster_articles_and_reference_sentences():
    cluster = Cluster("mn-9", ("First doc.", "Second doc."), "It rained. Then it stopped.")
    articles = cluster_articles(cluster)
    assert [(a.id, a.text) for a in articles] == [("mn-9/0", "First doc."), ("mn-9/1", "Second doc.")]
    assert reference_sentences(cluster.summary) == ["It rained.", "Then it stopped."]
