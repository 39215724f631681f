"""The static embedder: pooling mechanics on a hand-built model, then the packaged model's contract."""

from __future__ import annotations

import json

import numpy as np
import pytest

pytest.importorskip("tokenizers")

from tokenizers import Tokenizer, models, pre_tokenizers  # noqa: E402

from newsbrief.embed.static import MODEL_DIR, StaticEmbedder, load_embedder  # noqa: E402
from newsbrief.errors import NewsbriefError  # noqa: E402

from tests.embed.conftest import modules_loaded_by, semeval_pearson  # noqa: E402


def word_model(vectors: dict[str, list[float]], max_tokens: int | None = 512) -> StaticEmbedder:
    """A tiny embedder: whitespace words, `[UNK]` for the rest, one vector per word."""
    vocab = {"[UNK]": 0, **{word: i + 1 for i, word in enumerate(vectors)}}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    dim = len(next(iter(vectors.values())))
    table = np.array([[0.0] * dim, *vectors.values()], dtype=np.float16)
    return StaticEmbedder(table, tokenizer, max_tokens=max_tokens)


@pytest.fixture(scope="module")
def embedder() -> StaticEmbedder:
    return load_embedder()


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


# --- mechanics, on a hand-built model -------------------------------------------------------

def test_mean_of_token_vectors_scaled_to_unit_length():
    model = word_model({"red": [1, 0, 0], "blue": [0, 1, 0], "sky": [0, 0, 2]})
    got = model.encode(["red blue", "sky", "red red blue"])
    expected = np.array([[1, 1, 0], [0, 0, 1], [2, 1, 0]], dtype=np.float32)
    np.testing.assert_allclose(got, expected / np.linalg.norm(expected, axis=1, keepdims=True), rtol=1e-6)


def test_unknown_tokens_are_ignored_and_a_text_without_known_ones_is_zero():
    model = word_model({"red": [1, 0], "blue": [0, 1]})
    got = model.encode(["red zebra", "zebra okapi", ""])
    np.testing.assert_allclose(got[0], [1, 0])
    np.testing.assert_array_equal(got[1:], np.zeros((2, 2)))


def test_max_tokens_reads_only_the_start():
    model = word_model({"red": [1, 0], "blue": [0, 1]}, max_tokens=2)
    np.testing.assert_allclose(model.encode(["red red blue blue blue"])[0], [1, 0])


def test_many_texts_of_mixed_lengths_keep_their_order():
    model = word_model({"a": [1, 0], "b": [0, 1]})
    texts = [" ".join(["a"] * (i % 7) + ["b"] * (i % 3)) for i in range(3000)]
    got = model.encode(texts)
    for i in (0, 1, 5, 1234, 2999):
        counts = np.array([i % 7, i % 3], dtype=np.float32)
        norm = np.linalg.norm(counts)
        np.testing.assert_allclose(got[i], counts / norm if norm else counts, rtol=1e-6)


def test_table_and_tokenizer_must_agree():
    tokenizer = Tokenizer(models.WordLevel({"[UNK]": 0, "a": 1}, unk_token="[UNK]"))
    with pytest.raises(NewsbriefError, match="3 rows but the tokenizer has 2 tokens"):
        StaticEmbedder(np.zeros((3, 4)), tokenizer)


def test_a_single_string_is_refused():
    with pytest.raises(TypeError, match="sequence of texts"):
        word_model({"a": [1.0]}).encode("a")


def test_missing_model_files_are_named(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(NewsbriefError, match="missing tokenizer.json, embeddings.npy"):
        StaticEmbedder.from_dir(tmp_path)


# --- the packaged model -----------------------------------------------------------------------

def test_shapes_dtype_and_unit_norms(embedder):
    texts = ["Rebels shelled the city overnight.", "Markets fell sharply on Monday.", "A third one."]
    got = embedder.encode(texts)
    assert got.shape == (3, embedder.dim) and got.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, rtol=1e-5)


def test_zero_texts_give_an_empty_matrix(embedder):
    assert embedder.encode([]).shape == (0, embedder.dim)


def test_identical_texts_have_cosine_one(embedder):
    a, b = embedder.encode(["The ceasefire collapsed after two days.", "The ceasefire collapsed after two days."])
    assert cosine(a, b) == pytest.approx(1.0, abs=1e-6)


def test_a_paraphrase_is_closer_than_an_unrelated_sentence(embedder):
    a, para, other = embedder.encode([
        "The president met the prime minister in Washington on Tuesday.",
        "On Tuesday the prime minister held talks with the president in Washington.",
        "Heavy rain flooded the football stadium before the match.",
    ])
    assert cosine(a, para) > cosine(a, other) + 0.2


def test_empty_and_very_long_texts_do_not_crash(embedder):
    got = embedder.encode(["", "   ", "word " * 200_000])
    np.testing.assert_array_equal(got[:2], 0.0)
    assert np.linalg.norm(got[2]) == pytest.approx(1.0, rel=1e-5)


def test_loaded_once_per_process():
    assert load_embedder() is load_embedder()


def test_model_files_are_small_and_described():
    config = json.loads((MODEL_DIR / "config.json").read_text())
    assert np.load(MODEL_DIR / "embeddings.npy", mmap_mode="r").shape == (config["vocab_size"], config["dims"])
    assert sum(p.stat().st_size for p in MODEL_DIR.iterdir()) < 20_000_000
    assert "all-MiniLM-L6-v2" in (MODEL_DIR / "README.md").read_text()


def test_importing_the_embedder_loads_neither_torch_nor_the_model():
    assert modules_loaded_by("import newsbrief.embed", {"torch", "tokenizers", "transformers"}) == []


def test_quality_floor_on_semeval_news_similarity(embedder):
    """Measured 0.691 (Pearson r of -cosine with the judges' Overall score)."""
    assert semeval_pearson(embedder.encode) >= 0.66
