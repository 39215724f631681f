"""Find sentences that are the same sentence: repeats inside one article and copies across outlets.

Two sentences are near-copies when the Dice overlap of their word bigrams reaches a
threshold (0.75 tolerates a changed word in a 10-word sentence, not a paraphrase) and they
state the same numbers: "10,000 fled" and "20,000 fled" are different claims, never copies.
Exact copies are joined by hashing; the rest are compared only when they share a bigram
that is rare in the input, so the work stays near-linear even for thousands of sentences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsbrief.segment.tokens import bigrams, words

RARE_BIGRAM_MAX_SENTENCES = 50


def near_copy_groups(texts: Sequence[str], threshold: float = 0.75) -> list[list[int]]:
    """Indices of `texts` grouped into near-copies, each group in input order, groups by first index."""
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    first_by_key: dict[str, int] = {}
    for i, text in enumerate(texts):
        key = " ".join(words(text))
        if key in first_by_key:
            union(first_by_key[key], i)
        else:
            first_by_key[key] = i

    shingles = [bigrams(t) for t in texts]
    numbers = [sorted(w for w in words(t) if w[0].isdigit()) for t in texts]
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in first_by_key.values():
        for gram in shingles[i]:
            index[gram].append(i)
    for i in first_by_key.values():
        if not shingles[i]:
            continue
        candidates = set()
        for gram in shingles[i]:
            holders = index[gram]
            if len(holders) <= RARE_BIGRAM_MAX_SENTENCES:
                candidates.update(j for j in holders if j > i)
        for j in candidates:
            if find(i) != find(j) and dice(shingles[i], shingles[j]) >= threshold and numbers[i] == numbers[j]:
                union(i, j)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def dice(a: frozenset, b: frozenset) -> float:
    """2|A∩B| / (|A|+|B|): the share of bigrams the two sentences have in common."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
