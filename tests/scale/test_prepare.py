"""The stateless stages on Ray give what the local engine computes, in the order it reads."""

from __future__ import annotations

import numpy as np

from newsbrief.config import Settings
from newsbrief.ingest import iter_inputs
from newsbrief.model import Article, Rejected
from newsbrief.pipeline import clean_articles
from newsbrief.scale import prepared
from newsbrief.scale.prepare import plan
from newsbrief.stories.syndication import minhash
from newsbrief.stories.tracker import default_profiler
from tests.scale.conftest import cluster_records, write_jsonl


def inputs(tmp_path):
    """Two JSONL files in a folder (one record of debris only), a text file, a missing path."""
    records = cluster_records(40)
    folder = tmp_path / "wire"
    folder.mkdir()
    write_jsonl(folder / "b.jsonl", records[20:])
    write_jsonl(folder / "a.jsonl", records[:20] + [{"id": "debris", "text": "Advertisement\nShare this article"}])
    (tmp_path / "note.txt").write_text("A storm hit the coast on Monday.\n\nOfficials said three towns were flooded.\n")
    return [str(folder), str(tmp_path / "note.txt"), str(tmp_path / "missing.jsonl"), str(folder / "a.jsonl")]


def test_the_plan_meets_the_files_as_reading_does(tmp_path):
    paths = inputs(tmp_path)
    shards = plan(paths)
    assert [p for p, _ in shards if p] == [paths[0] + "/a.jsonl", paths[0] + "/b.jsonl", paths[1]]  # a.jsonl once
    assert [r.reason for _, r in shards if r] == ["no such file or directory"]


def test_prepared_items_are_the_local_ones_in_reading_order(ray_cluster, tmp_path):
    paths = inputs(tmp_path)
    local = list(iter_inputs(paths, Settings()))
    found = list(prepared(paths, Settings(), workers=2))
    assert [i.item for i in found] == local
    profiler = default_profiler()
    articles = [i for i in local if isinstance(i, Article)]
    cleaned = {a.id: a for a in clean_articles(articles, [])[0]}
    assert len(cleaned) == len(articles) - 1
    for item in found:
        if isinstance(item.item, Rejected):
            assert item.cleaned is None and item.profile is None
        elif item.item.id not in cleaned:
            assert item.cleaned is None and item.rejected.stage == "clean"
        else:
            assert item.cleaned == cleaned[item.item.id]
            expected = profiler.profiles([item.cleaned])[0]
            assert np.array_equal(item.profile.dense, expected.dense)  # each text embedded alone: the same bits
            assert item.profile.terms == expected.terms and item.profile.names == expected.names
            assert item.signature == minhash(item.cleaned.text)
            assert {"read", "clean", "embed", "terms", "sign"} <= set(item.seconds)
