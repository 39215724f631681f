"""The stateless per-article stages on Ray Data: read file shards, clean, profile, sign.

    for item in prepared(["wire/", "crawl.warc.gz"], settings, workers=2):
        item.item       # the Article as read (valid text, language) or the Rejected input
        item.cleaned    # the cleaned Article, or None (`item.rejected` says why)
        item.profile    # the grouping's Profile of the cleaned article (embedding, terms, names)
        item.signature  # its copy signature (MinHash)

The items come in exactly the order `ingest.iter_inputs` reads them (Ray Data's
`preserve_order`), so a consumer deciding in arrival order decides as the local engine does.

1. plan (driver): the inputs expanded into shards in reading order: a file each (a folder's
   files in sorted order, a file reached twice read once), or an input that cannot be read;
2. read (Ray tasks, `READ_CPUS` each): a shard through `iter_inputs`, streamed, in blocks of
   at most `READ_ROWS` articles, so a JSONL or WARC file of any size goes through in flat memory;
3. prepare (a Ray Data actor pool of `workers` actors, `ACTOR_CPUS` each; each loads the ONNX
   session once, one thread): clean (`pipeline.clean_articles`), profile
   (`Profiler.profiles`), sign (`syndication.minhash`), each timed (`Prepared.seconds`).
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

import numpy as np

from newsbrief.config import Settings
from newsbrief.ingest import iter_inputs
from newsbrief.ingest.files import already_seen, article_files
from newsbrief.ingest.reader import os_reason
from newsbrief.ingest.unreadable import unreadable
from newsbrief.model import Article, Rejected
from newsbrief.pipeline import clean_articles
from newsbrief.scale.cluster import import_ray, quiet_data
from newsbrief.stories.profile import Profile, Profiler
from newsbrief.stories.syndication import minhash, signature_bytes, signature_from

READ_ROWS = 64  # articles per block out of a reading task: small blocks spread one big file over the pool
BATCH = 16  # articles per call of a preparing actor
READ_CPUS = 0.2  # Ray's logical CPUs: a reading task is mostly I/O beside the embedding
ACTOR_CPUS = 0.8  # so `workers` actors and their readers fit on `workers` CPUs


@dataclass(frozen=True)
class Prepared:
    """One input after the stateless stages (see the module docstring)."""

    item: Article | Rejected
    cleaned: Article | None = None
    rejected: Rejected | None = None  # why cleaning left nothing (None: cleaned, or a Rejected input)
    profile: Profile | None = None
    signature: object | None = None  # a datasketch MinHash
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> seconds spent on this item
    skipped: bool = False  # `skip` said so (e.g. stored already): nothing computed


def plan(inputs: Iterable[str | os.PathLike]) -> list[tuple[str | None, Rejected | None]]:
    """The shards of the inputs in reading order: (file path, None) or (None, a Rejected input),
    as `ingest.iter_inputs` would meet them."""
    shards: list[tuple[str | None, Rejected | None]] = []
    seen: set[str] = set()
    for raw in inputs:
        path = os.fsdecode(raw)
        if not os.path.lexists(path):
            shards.append((None, unreadable(path, "no such file or directory")))
            continue
        if already_seen(path, seen):
            continue
        if not os.path.isdir(path):
            shards.append((path, None))
            continue
        errors: list[OSError] = []
        files = article_files(path, errors)
        shards.extend((None, unreadable(err.filename or path, os_reason(err))) for err in errors)
        if not files and not errors:
            shards.append((None, unreadable(path, "no article files found")))
        shards.extend((f, None) for f in files if not already_seen(f, seen))
    return shards


def read_shard(batch: dict, settings: Settings) -> Iterator[dict]:
    """A reading task: each shard's articles (pickled), `READ_ROWS` at a time, with the seconds
    spent reading each."""
    for path, given in zip(batch["path"], batch["given"]):
        if given:
            yield {"item": _column([given]), "read": np.zeros(1)}
            continue
        rows, seconds, start = [], [], time.perf_counter()
        for item in iter_inputs([str(path)], settings):
            now = time.perf_counter()
            rows.append(pickle.dumps(item, protocol=5))
            seconds.append(now - start)
            start = now
            if len(rows) >= READ_ROWS:
                yield {"item": _column(rows), "read": np.array(seconds)}
                rows, seconds = [], []
        if rows:
            yield {"item": _column(rows), "read": np.array(seconds)}


class Prepare:
    """A preparing actor: the profiler (ONNX session, IDF table) is loaded once, in `__init__`.

    `skip(article)` -> True: nothing to compute for it (an ingest resumed: the article is stored)."""

    def __init__(self, threads: int = 1, skip: Callable[[Article], bool] | None = None):
        from newsbrief.embed.contextual import ContextualEmbedder  # heavy: onnxruntime, loaded once per actor
        from newsbrief.stories.idf import load_idf

        idf, unknown = load_idf()
        self.profiler = Profiler(ContextualEmbedder.from_dir(threads=threads), idf, unknown)
        self.skip = skip

    def __call__(self, batch: dict) -> dict:
        out = []
        for blob, read in zip(batch["item"], batch["read"]):
            out.append(pickle.dumps(self.prepare(pickle.loads(blob), float(read)), protocol=5))
        return {"item": _column(out)}

    def prepare(self, item: Article | Rejected, read: float = 0.0) -> dict:
        """What the driver needs of one item (a plain dict: the signature as bytes, ~10x smaller)."""
        result: dict = {"item": item, "seconds": {"read": read, "worker": os.getpid()}}
        if isinstance(item, Rejected):
            return result
        if self.skip is not None and self.skip(item):
            result["skipped"] = True
            return result
        seconds = result["seconds"]
        start = time.perf_counter()
        cleaned, rejected = clean_articles([item], [])
        seconds["clean"] = (now := time.perf_counter()) - start
        if not cleaned:
            result["rejected"] = rejected[0] if rejected else Rejected(item.id, "clean", "no text")
            return result
        article = result["cleaned"] = cleaned[0]
        dense = self.profiler.embed([article])
        seconds["embed"] = (start := time.perf_counter()) - now
        profile = self.profiler.profiles([article], embed=False)[0]
        result["profile"] = replace(profile, dense=dense[0])
        seconds["terms"] = (now := time.perf_counter()) - start
        result["signature"] = signature_bytes(minhash(article.text))
        seconds["sign"] = time.perf_counter() - now
        return result


def prepared(inputs: Iterable[str | os.PathLike], settings: Settings, *, workers: int = 1,
             batch: int = BATCH, skip: Callable[[Article], bool] | None = None) -> Iterator[Prepared]:
    """Every input item through the stateless stages, in reading order (see the module docstring).
    Ray must be initialised (`cluster.connect`). `skip`: see `Prepare` (a picklable callable,
    run on the actors)."""
    ray = import_ray()
    quiet_data(ray)
    shards = plan(inputs)
    if not shards:
        return
    rows = [{"path": path or "", "given": pickle.dumps(given) if given is not None else b""} for path, given in shards]
    dataset = (ray.data.from_items(rows, override_num_blocks=len(rows))
               .map_batches(read_shard, batch_size=1, fn_kwargs={"settings": settings}, num_cpus=READ_CPUS)
               .map_batches(Prepare, batch_size=batch, compute=ray.data.ActorPoolStrategy(size=workers),
                            fn_constructor_kwargs={"skip": skip}, num_cpus=ACTOR_CPUS))
    for rows_out in dataset.iter_batches(batch_size=None, batch_format="numpy", prefetch_batches=2):
        for blob in rows_out["item"]:
            yield _prepared(pickle.loads(blob))


def _prepared(found: dict) -> Prepared:
    signature = found.get("signature")
    return Prepared(item=found["item"], cleaned=found.get("cleaned"), rejected=found.get("rejected"),
                    profile=found.get("profile"), signature=signature_from(signature) if signature else None,
                    seconds=found["seconds"], skipped=found.get("skipped", False))


def _column(blobs: list[bytes]) -> np.ndarray:
    """Pickled objects as one column (an object array: Ray Data keeps the bytes as they are)."""
    column = np.empty(len(blobs), dtype=object)
    column[:] = blobs
    return column
