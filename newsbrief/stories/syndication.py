"""Syndicated copies and updated versions of one article, found with MinHash LSH.

Wire copy republished by many outlets differs only in debris, a headline, a byline or a
trailing paragraph, so the Jaccard similarity of word 5-gram shingles stays high. `datasketch`
finds the candidates in constant time per article; the estimate decides.
"""

from __future__ import annotations

import functools

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsbrief.segment.tokens import words

SHINGLE_WORDS = 5
NUM_PERM = 64


def shingles(text: str) -> set[bytes]:
    tokens = words(text)
    if len(tokens) < SHINGLE_WORDS:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i:i + SHINGLE_WORDS]).encode() for i in range(len(tokens) - SHINGLE_WORDS + 1)}


SCHEME = "affine32"


def minhash(text: str) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())  # one table for all
    found = shingles(text)
    if found:
        signature.update_batch(list(found))
    return signature


def signature_bytes(signature: MinHash) -> bytes:
    """A signature as stored: its hash values, little-endian uint64."""
    return np.asarray(signature.hashvalues, dtype="<u8").tobytes()


def signature_from(stored: bytes) -> MinHash | None:
    """The signature `minhash` gave, back from `signature_bytes`; None when it was made with another
    number of permutations (the text is then shingled again)."""
    if len(stored) != NUM_PERM * 8:
        return None
    return MinHash(seed=1, hashvalues=np.frombuffer(stored, dtype="<u8").astype(np.uint64), scheme=SCHEME,
                   permutations=_permutations())


@functools.cache
def _permutations():
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


class SyndicationIndex:
    """Articles seen so far; `match` names an earlier copy of a new article, if any."""

    def __init__(self, threshold: float = 0.7):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    def match(self, text: str, signature: MinHash | None = None) -> tuple[str | None, MinHash]:
        """The id of the most similar earlier copy at or above the threshold (or None), and the
        signature (`signature`: the text's own `minhash`, computed ahead)."""
        signature = minhash(text) if signature is None else signature
        best, best_score = None, self.threshold
        for key in self._lsh.query(signature):
            score = signature.jaccard(self._signatures[key])
            if score >= best_score and (best is None or score > best_score or key < best):
                best, best_score = key, score
        return best, signature

    def add(self, article_id: str, signature: MinHash) -> None:
        if article_id not in self._signatures:
            self._lsh.insert(article_id, signature)
            self._signatures[article_id] = signature

    def remove(self, article_id: str) -> None:
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def __len__(self) -> int:
        return len(self._signatures)
