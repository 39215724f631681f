"""The article embedder: packaged int8 MiniLM under onnxruntime, its contract and its quality."""

from __future__ import annotations

import json

import numpy as np
import pytest

pytest.importorskip("onnxruntime")

from newsbrief.embed.contextual import MODEL_DIR, ContextualEmbedder, load_contextual_embedder  # noqa: E402
from newsbrief.errors import NewsbriefError  # noqa: E402

from tests.embed.conftest import modules_loaded_by, semeval_pearson  # noqa: E402


@pytest.fixture(scope="module")
def embedder() -> ContextualEmbedder:
    return load_contextual_embedder()


def test_shapes_dtype_and_unit_norms(embedder):
    got = embedder.encode(["Rebels shelled the city overnight.", "Markets fell sharply on Monday.", ""])
    assert got.shape == (3, embedder.dim) and got.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, rtol=1e-5)


def test_zero_texts_give_an_empty_matrix(embedder):
    assert embedder.encode([]).shape == (0, embedder.dim)


def test_a_text_embeds_the_same_alone_or_beside_others(embedder):
    short = "Aid convoys reached the city."
    alone = embedder.encode([short])[0]
    batched = embedder.encode([short, "A much longer sentence about something else entirely, " * 6])[0]
    assert float(alone @ batched) == pytest.approx(1.0, abs=1e-6)


def test_a_paraphrase_is_closer_than_an_unrelated_sentence(embedder):
    a, para, other = embedder.encode([
        "The president met the prime minister in Washington on Tuesday.",
        "On Tuesday the prime minister held talks with the president in Washington.",
        "Heavy rain flooded the football stadium before the match.",
    ])
    assert float(a @ para) > float(a @ other) + 0.3


def test_a_single_string_is_refused(embedder):
    with pytest.raises(TypeError):
        embedder.encode("a text")


def test_a_very_long_text_is_read_up_to_max_tokens(embedder):
    head = "Floods forced thousands from their homes in the north of the country. "
    a, b = embedder.encode([head * 20, head * 20 + "unrelated words about football " * 5_000])
    assert float(a @ b) == pytest.approx(1.0, abs=1e-4)


def test_missing_model_files_are_named(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(NewsbriefError, match="missing model.onnx, tokenizer.json"):
        ContextualEmbedder.from_dir(tmp_path)


def test_loaded_once_per_process():
    assert load_contextual_embedder() is load_contextual_embedder()


def test_model_files_are_small():
    assert sum(p.stat().st_size for p in MODEL_DIR.iterdir()) < 25_000_000
    assert json.loads((MODEL_DIR / "config.json").read_text())["max_tokens"] == 128


def test_importing_the_embedder_loads_neither_onnxruntime_nor_torch():
    assert modules_loaded_by("import newsbrief.embed.contextual", {"torch", "onnxruntime"}) == []


def test_quality_floor_on_semeval_news_similarity(embedder):
    """Measured 0.845 (Pearson r of -cosine with the judges' Overall score)."""
    assert semeval_pearson(embedder.encode) >= 0.83
