"""A static sentence embedder: token vectors looked up and pooled with numpy, no torch.

The model is a model2vec-style distillation of all-MiniLM-L6-v2 (see `distill.py` and
`newsbrief/data/embed/README.md`): one precomputed vector per WordPiece token. Encoding is
1. tokenize with MiniLM's own (uncased WordPiece) tokenizer, without [CLS]/[SEP], at most
   `max_tokens` tokens (the text is first cut to `max_tokens` x the median token length in
   characters, as model2vec does, so a huge text is not tokenized in full);
2. drop unknown tokens, look up each token's vector (SIF weighting is already folded in);
3. mean-pool per text and scale each row to unit length.
This reproduces `model2vec.StaticModel.encode` for the same files (the distillation script checks
it) with only numpy and the `tokenizers` wheel: importing this module costs milliseconds, and the
model loads once per process through `load_embedder()`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsbrief.errors import NewsbriefError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "embed"
TOKENIZER_FILE = "tokenizer.json"
VECTORS_FILE = "embeddings.npy"
CONFIG_FILE = "config.json"

_BATCH = 1024  # texts tokenized at once
_BLOCK_TOKENS = 32_768  # tokens gathered at once: a (tokens x dim) float32 block of 32 MB at most


class StaticEmbedder:
    """Sentence embeddings from a table of token vectors.

    `vectors` has one row per token id of `tokenizer`; `max_tokens` caps the tokens read from
    each text (None: no cap). `encode` returns float32 rows of unit length; a text with no known
    token (empty, only symbols the vocabulary lacks) gets an all-zero row.
    """

    def __init__(self, vectors: np.ndarray, tokenizer: Tokenizer, max_tokens: int | None = 512):
        vectors = np.asarray(vectors)
        if vectors.ndim != 2 or vectors.shape[0] == 0:
            raise NewsbriefError(f"embedding table must be a non-empty 2-D array, got shape {vectors.shape}")
        vocab_size = tokenizer.get_vocab_size(with_added_tokens=True)
        if vectors.shape[0] != vocab_size:
            raise NewsbriefError(
                f"embedding table has {vectors.shape[0]} rows but the tokenizer has {vocab_size} tokens"
            )
        if max_tokens is not None and max_tokens < 1:
            raise NewsbriefError(f"max_tokens must be at least 1 or None, got {max_tokens}")
        self.vectors = vectors
        self.tokenizer = tokenizer
        self.max_tokens = max_tokens
        # Derived once: float32 table for fast gathers, the unknown token, and model2vec's
        # character cut (max_tokens x median token length).
        self.table_ = vectors.astype(np.float32)
        unk = getattr(tokenizer.model, "unk_token", None)
        self.unk_id_ = tokenizer.token_to_id(unk) if unk is not None else None
        median = int(np.median([len(token) for token in tokenizer.get_vocab()]))
        self.max_chars_ = None if max_tokens is None else max_tokens * median
        tokenizer.no_padding()
        if max_tokens is None:
            tokenizer.no_truncation()
        else:
            tokenizer.enable_truncation(max_tokens)
        self._encode_batch = getattr(tokenizer, "encode_batch_fast", tokenizer.encode_batch)

    @classmethod
    def from_dir(cls, path: str | Path = MODEL_DIR) -> StaticEmbedder:
        """Load `tokenizer.json`, `embeddings.npy` and `config.json` written by `distill.py`."""
        path = Path(path)
        missing = [name for name in (TOKENIZER_FILE, VECTORS_FILE, CONFIG_FILE) if not (path / name).is_file()]
        if missing:
            raise NewsbriefError(
                f"embedding model incomplete in {path}: missing {', '.join(missing)} "
                "(rebuild it with `python -m newsbrief.learn.distill`)"
            )
        try:
            from tokenizers import Tokenizer  # heavy: tokenizers, loaded with the model
        except ImportError as err:
            raise NewsbriefError("sentence embeddings need the `tokenizers` package: pip install tokenizers") from err
        config = json.loads((path / CONFIG_FILE).read_text(encoding="utf-8"))
        tokenizer = Tokenizer.from_file(str(path / TOKENIZER_FILE))
        vectors = np.load(path / VECTORS_FILE)
        return cls(vectors, tokenizer, max_tokens=config.get("max_length", 512))

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """The token ids each text is pooled over (after the caps, without unknown tokens)."""
        texts = list(texts)
        if self.max_chars_ is not None:
            texts = [text[: self.max_chars_] for text in texts]
        encodings = self._encode_batch(texts, add_special_tokens=False)
        if self.unk_id_ is None:
            return [encoding.ids for encoding in encodings]
        unk = self.unk_id_
        return [[i for i in encoding.ids if i != unk] for encoding in encodings]

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """The shape every shipped model shares (`load_*()` then `predict()`): the same as `encode`."""
        return self.encode(texts)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed each text: float32 array of shape (len(texts), dim), rows of unit length."""
        if isinstance(texts, str):
            raise TypeError("encode takes a sequence of texts; wrap a single text in a list")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), _BATCH):
            self._pool(self.token_ids(texts[start : start + _BATCH]), out[start : start + _BATCH])
        return out

    def _pool(self, ids: list[list[int]], out: np.ndarray) -> None:
        # Texts of equal token count are gathered together into a (texts, tokens, dim) block and
        # summed over tokens: ten times faster than np.add.reduceat over a flat gather. Blocks
        # hold at most _BLOCK_TOKENS tokens, so long texts cannot blow up memory.
        by_length: dict[int, list[int]] = defaultdict(list)
        for i, row in enumerate(ids):
            if row:
                by_length[len(row)].append(i)
        for length, rows in by_length.items():
            step = max(1, _BLOCK_TOKENS // length)
            for start in range(0, len(rows), step):
                chunk = rows[start : start + step]
                block = np.array([ids[i] for i in chunk], dtype=np.int64)
                out[chunk] = self.table_[block].sum(axis=1)
        # The mean's 1/n vanishes in the normalisation, so scaling the sum is enough.
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)


@cache
def load_embedder(path: str | None = None) -> StaticEmbedder:
    """The packaged embedder (or the one in `path`), loaded once per process."""
    return StaticEmbedder.from_dir(Path(path) if path is not None else MODEL_DIR)
