"""How much the debris cleaner flags on Multi-News, how fast it runs, and samples to eyeball.

    python benchmarks/bench_debris.py [--splits val train] [--sample 20]

Multi-News documents are one line each, so `debris_reason(document)` is the document-level
decision (debris when most of its text is); sentences are what the summarizer asks about.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from collections import Counter
from pathlib import Path

from newsbrief.clean.boilerplate import debris_reason, normalise, split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews"
SEEDS = Path(__file__).resolve().parents[1] / "examples" / "aleppo"


def documents(split: str) -> list[str]:
    with gzip.open(DATA / f"{split}.jsonl.gz", "rt", encoding="utf-8") as lines:
        return [doc for line in lines for doc in json.loads(line)["documents"]]


def rate(lines: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    flagged = sum(1 for line in lines if debris_reason(line))
    return len(lines) / (time.perf_counter() - start), flagged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="+", default=["val", "train"])
    parser.add_argument("--sample", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(0)

    seed_lines = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text().splitlines() if line.strip()]
    seed_rate, _ = rate(seed_lines * 2000)
    print("| input | items | flagged | flagged % | items/s |\n|---|---:|---:|---:|---:|")
    print(f"| seed lines x2000 | {len(seed_lines) * 2000} | - | - | {seed_rate:,.0f} |")
    for split in args.splits:
        docs = documents(split)
        doc_rate, doc_flagged = rate(docs)
        sentences = [s for doc in rng.sample(docs, min(len(docs), 20_000)) for s in split_sentences(normalise(doc))]
        sentence_rate, sentence_flagged = rate(sentences)
        print(f"| {split} documents | {len(docs)} | {doc_flagged} | {100 * doc_flagged / len(docs):.1f} | {doc_rate:,.0f} |")
        print(f"| {split} sentences (20k docs) | {len(sentences)} | {sentence_flagged} "
              f"| {100 * sentence_flagged / len(sentences):.1f} | {sentence_rate:,.0f} |")
        if split == args.splits[0]:
            flagged = [(debris_reason(d), d) for d in docs]
            reasons = Counter(r for r, _ in flagged if r)
            print(f"\n{split} document reasons: {dict(reasons.most_common())}\n")
            for title, pool in (("flagged", [x for x in flagged if x[0]]), ("kept", [x for x in flagged if not x[0]])):
                print(f"--- sample of {title} {split} documents")
                for reason, doc in rng.sample(pool, min(args.sample, len(pool))):
                    print(f"  [{reason}] {doc[:150]}")
            print()


if __name__ == "__main__":
    main()
