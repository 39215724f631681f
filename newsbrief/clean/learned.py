"""A small logistic regression over hashed word n-grams that scores how debris-like a line is.

It catches page furniture no named rule describes ("we look forward to seeing you on the
website"). The weights come from `newsbrief.learn.debris` (weak labels: sentences that recur across
many unrelated Multi-News stories, plus the named rules) and ship as `newsbrief/data/debris_weights.npz`;
without that file the scorer is silently off and only the rules apply.

Features: token unigrams, adjacent-token bigrams (with start/end markers), the first token, and a
few shape features (length bucket, final punctuation, digits, @, links). Hashing uses crc32, so
training and inference agree across processes and machines.
"""

from __future__ import annotations

import math
import re
import zlib
from array import array
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

WEIGHTS_PATH = Path(__file__).resolve().parents[1] / "data" / "debris_weights.npz"
BITS = 18
THRESHOLD = 0.95
MAX_WORDS = 25  # longer lines are body or are caught by the rules; keeps scoring cheap

_MASK = (1 << BITS) - 1
_MIX = 1_000_003
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]")
_START = zlib.crc32(b"<s>")
_END = zlib.crc32(b"</s>")
_LENGTH_BUCKETS = (1, 2, 3, 5, 8, 12, 20, 30)


@lru_cache(maxsize=65_536)  # common tokens; bounded, so a long ingest stays flat
def _hash(text: str) -> int:
    return zlib.crc32(text.encode())


def features(low: str) -> list[int]:
    """Hashed feature indices of a normalised (lowercased) line."""
    tokens = _TOKEN.findall(low)
    if not tokens:
        return []
    hashes = [_hash(token) for token in tokens]
    out = [h & _MASK for h in hashes]
    out += [((p * _MIX) ^ h) & _MASK for p, h in zip([_START, *hashes], [*hashes, _END])]
    out.append(_hash("^" + tokens[0]) & _MASK)
    words = low.count(" ") + 1
    bucket = next((b for b in _LENGTH_BUCKETS if words <= b), 99)
    out.append(_hash(f"#len{bucket}") & _MASK)
    out.append(_hash("#end" + (low[-1] if low[-1] in ".!?:\"'" else "x")) & _MASK)
    if _DIGIT.search(low):
        out.append(_hash("#digit") & _MASK)
    if "@" in low:
        out.append(_hash("#at") & _MASK)
    if "http" in low or "www." in low or ".com" in low:
        out.append(_hash("#link") & _MASK)
    return out


@dataclass(frozen=True)
class DebrisModel:
    """The shipped weights: `predict` gives a line's debris score; without weights it gives None."""

    bias: float = 0.0
    weights: array | None = None  # float32 per hashed feature; None: no weights file shipped

    def predict(self, low: str) -> float | None:
        """Probability-like score in [0, 1] that a normalised line is debris (None: no weights, or too long)."""
        if self.weights is None or low.count(" ") >= MAX_WORDS:
            return None
        z = self.bias + sum(map(self.weights.__getitem__, features(low)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load_model(path: str | None = None) -> DebrisModel:
    """The packaged weights (or those at `path`), loaded once per process."""
    path = Path(path) if path else WEIGHTS_PATH
    if path.is_file():
        with np.load(path) as data:
            if int(data["bits"]) == BITS:
                return DebrisModel(float(data["bias"]), array("f", data["weights"].astype(np.float32).tobytes()))
    return DebrisModel()


def debris_score(low: str) -> float | None:
    """The packaged model's score of a normalised line (`DebrisModel.predict`)."""
    return load_model().predict(low)
