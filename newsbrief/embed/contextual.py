"""A contextual article embedder: all-MiniLM-L6-v2, 8-bit, run by onnxruntime (no torch).

Story grouping and `similarity()` compare whole articles, where a bag of static token vectors
falls behind plain TF-IDF (SemEval-2022 task 8 en-en pairs, Pearson r: static 0.69, TF-IDF 0.73)
and MiniLM itself leads (0.84). MiniLM under torch reads about 20 full articles a second on two
cores; the same network exported to ONNX with int8 weights and read up to `max_tokens` = 128
tokens (a title and an opening paragraph or two) embeds about 150 a second, with the same
agreement. The files in `newsbrief/data/minilm/` are rebuilt by `python -m newsbrief.learn.export_onnx`.

Encoding: MiniLM's uncased WordPiece tokenizer with [CLS]/[SEP], at most `max_tokens` tokens;
the network's last hidden states mean-pooled; rows scaled to unit length (sentence-transformers'
recipe for this model). Each text goes through the network alone: int8 activations are scaled
per batch, so padding a text beside longer ones would shift its vector (by up to 0.01 in cosine),
and a story's grouping must not depend on which articles arrived with it. Batching would gain
under 10 %. onnxruntime is imported on first load only.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from newsbrief.errors import NewsbriefError

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "minilm"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "config.json"


class ContextualEmbedder:
    """Text embeddings from a BERT-style ONNX network; `encode` returns float32 unit rows."""

    def __init__(self, session, tokenizer, dim: int, max_tokens: int = 128):
        if max_tokens < 2:
            raise NewsbriefError(f"max_tokens must be at least 2, got {max_tokens}")
        self.session = session
        self.tokenizer = tokenizer
        self.dim = dim
        self.max_tokens = max_tokens
        self.max_chars_ = max_tokens * 12  # a token is rarely longer: no need to tokenize a whole article
        tokenizer.enable_truncation(max_tokens)
        tokenizer.no_padding()
        self.inputs_ = {i.name for i in session.get_inputs()}
        self.model_dir_: Path | None = None  # set by from_dir: where `fingerprint` reads the model

    @classmethod
    def from_dir(cls, path: str | Path = MODEL_DIR, threads: int | None = None) -> ContextualEmbedder:
        """Load `model.onnx`, `tokenizer.json` and `config.json` written by `export_onnx.py`."""
        path = Path(path)
        missing = [name for name in (MODEL_FILE, TOKENIZER_FILE, CONFIG_FILE) if not (path / name).is_file()]
        if missing:
            raise NewsbriefError(f"article embedding model incomplete in {path}: missing {', '.join(missing)} "
                                 "(rebuild it with `python -m newsbrief.learn.export_onnx`)")
        try:
            import onnxruntime  # heavy: onnxruntime and tokenizers, loaded with the model
            from tokenizers import Tokenizer
        except ImportError as err:
            raise NewsbriefError(f"article embeddings need onnxruntime and tokenizers: pip install newsbrief ({err})") from err
        config = json.loads((path / CONFIG_FILE).read_text(encoding="utf-8"))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or default_threads()
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(path / MODEL_FILE), options, providers=["CPUExecutionProvider"])
        embedder = cls(session, Tokenizer.from_file(str(path / TOKENIZER_FILE)), config["dim"], config["max_tokens"])
        embedder.model_dir_ = path
        return embedder

    @functools.cached_property
    def fingerprint(self) -> str | None:
        """Which model made the vectors (a hash of its files): stored embeddings are reused only
        from the same one. Computed when a store first asks, not at every load."""
        if self.model_dir_ is None:
            return None
        digest = hashlib.sha256()
        for name in (MODEL_FILE, TOKENIZER_FILE, CONFIG_FILE):
            digest.update((self.model_dir_ / name).read_bytes())
        return f"minilm-{digest.hexdigest()[:16]}"

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """The shape every shipped model shares (`load_*()` then `predict()`): the same as `encode`."""
        return self.encode(texts)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed each text: float32 array of shape (len(texts), dim), rows of unit length."""
        if isinstance(texts, str):
            raise TypeError("encode takes a sequence of texts; wrap a single text in a list")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        encodings = self.tokenizer.encode_batch([text[: self.max_chars_] for text in texts])
        for row, encoding in enumerate(encodings):
            out[row] = self._pooled(np.array([encoding.ids], dtype=np.int64))
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def _pooled(self, ids: np.ndarray) -> np.ndarray:
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs_})[0]
        return hidden[0].mean(axis=0)


def default_threads() -> int:
    return min(4, os.cpu_count() or 1)


def load_contextual_embedder(path: str | None = None, threads: int | None = None) -> ContextualEmbedder:
    """The packaged MiniLM (or the one in `path`) with `threads` intra-op threads (default
    `default_threads()`), loaded once per process for each (path, threads)."""
    return _loaded(path, threads or default_threads())


@cache
def _loaded(path: str | None, threads: int) -> ContextualEmbedder:
    return ContextualEmbedder.from_dir(Path(path) if path is not None else MODEL_DIR, threads=threads)
