"""The costly, stateless stages on Ray (`--engine ray`); the decisions stay sequential and exact.

    from newsbrief.scale import prepared, brief_stories

What runs where:
1. reading: the inputs are expanded on the driver into file shards (folders walked in the same
   sorted order as `ingest.iter_inputs`); each shard is read by a Ray task, JSONL and WARC
   streamed (`prepare.read_shard`);
2. cleaning, the grouping's profile (MiniLM embedding, TF-IDF terms, names) and the copy
   signature (MinHash): a Ray Data actor pool, each actor loading the ONNX session once with one
   thread per actor (`prepare.Prepare`);
3. the story decisions: the driver consumes the prepared articles in the local engine's order
   (Ray Data with `preserve_order`) and gives them to one `StoryTracker` with the precomputed
   profiles and signatures, so the stories are those of one process, exactly;
4. the briefs of `newsbrief stories`: one Ray task per story (`stories.brief_stories`).

Ray is an optional extra (`pip install 'newsbrief[ray]'`): nothing here imports it at module
level, and `--engine local` never loads this package's Ray paths.
"""

from newsbrief.scale.cluster import connect, import_ray
from newsbrief.scale.prepare import Prepared, prepared
from newsbrief.scale.stories import brief_stories

__all__ = ["Prepared", "brief_stories", "connect", "import_ray", "prepared"]
