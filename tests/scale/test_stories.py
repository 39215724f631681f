"""`newsbrief stories --engine ray` gives the local engine's stories: the same grouping, decision
for decision, and the same briefs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from newsbrief.config import Settings
from newsbrief.evaluate.clustering import score_clustering
from newsbrief.ingest import read_inputs
from newsbrief.pipeline import brief_stories as local_brief_stories
from newsbrief.pipeline import clean_articles
from newsbrief.scale import brief_stories, prepared
from tests.conftest import EXAMPLE_DIR, REPO
from tests.scale.conftest import cluster_records, write_jsonl


def labels(stories) -> dict[str, str]:
    return {a.id: s.id for s in stories for a in s.articles}


@pytest.mark.slow
def test_the_stories_of_news_cluster_articles_are_the_local_ones(ray_cluster, tmp_path):
    """(The whole set, 383 articles, through the CLI: BCubed F1 1.0 between the engines, README.)"""
    path = str(write_jsonl(tmp_path / "cluster.jsonl", cluster_records(160)))
    settings = Settings()
    items = list(prepared([path], settings, workers=2))
    on_ray = brief_stories(items, settings, brief=False)
    articles, _ = read_inputs([path], settings)
    local = local_brief_stories(clean_articles(articles, [])[0], settings, brief=False, cleaned=True)
    assert on_ray == local  # the same stories, ids, articles, syndicated groups and order
    ray_labels, local_labels = labels(on_ray), labels(local)
    ids = sorted(local_labels)
    assert score_clustering([ray_labels[i] for i in ids], [local_labels[i] for i in ids]).f1 == 1.0


@pytest.mark.slow
def test_the_briefs_built_on_ray_are_the_local_ones(ray_cluster, cli):
    local = cli("stories", EXAMPLE_DIR, "--format", "json")
    on_ray = cli("stories", EXAMPLE_DIR, "--format", "json", "--engine", "ray")
    assert local.exit_code == 0 and on_ray.exit_code == 0, on_ray.stderr
    assert json.loads(on_ray.stdout) == json.loads(local.stdout)
    assert json.loads(on_ray.stdout)["stories"][0]["brief"]["sentences"]


RUN_THEN_LIST_RAY = """
import sys
from newsbrief.cli import main
sys.argv = ["newsbrief", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    assert not done.code, done.code
print("RAY LOADED" if "ray" in sys.modules else "NO RAY", file=sys.stderr)
"""


@pytest.mark.slow
def test_the_local_engine_loads_no_ray(tmp_path):
    """In a fresh interpreter (this one has Ray loaded by the tests above)."""
    for args in (["stories", str(EXAMPLE_DIR), "--no-briefs"], ["ingest", str(EXAMPLE_DIR), "--db", str(tmp_path / "n.db")]):
        done = subprocess.run([sys.executable, "-c", RUN_THEN_LIST_RAY, *args], capture_output=True, text=True,
                              cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stderr.strip().endswith("NO RAY"), done.stderr


def test_ray_missing_is_one_line_saying_what_to_install(cli, assert_one_line_error, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # as if the extra were not installed
    result = cli("stories", EXAMPLE_DIR, "--engine", "ray")
    assert_one_line_error(result, "pip install 'newsbrief[ray]'")
    result = cli("ingest", EXAMPLE_DIR, "--db", f"sqlite:///{tmp_path / 'news.db'}", "--engine", "ray")
    assert_one_line_error(result, "pip install 'newsbrief[ray]'")


def test_ray_options_need_the_ray_engine(cli, assert_one_line_error):
    assert_one_line_error(cli("stories", EXAMPLE_DIR, "--workers", "2"), "--engine ray")
    assert_one_line_error(cli("stories", EXAMPLE_DIR, "--engine", "spark"), "--engine must be local or ray")
