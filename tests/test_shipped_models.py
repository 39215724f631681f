"""Every shipped model has one shape: a loader taking an optional path (`load_model`, `load_embedder`,
`load_contextual_embedder`), loaded once, and `predict()`."""

from __future__ import annotations

import numpy as np
import pytest

from newsbrief.clean import learned as debris
from newsbrief.embed.contextual import load_contextual_embedder
from newsbrief.embed.static import load_embedder
from newsbrief.stories import pairmodel
from newsbrief.summarize import learned as summarizer
from newsbrief.summarize.features import FEATURES

MODELS = {
    "summarizer": (summarizer.load_model, np.zeros((3, len(FEATURES)))),
    "story pairs": (pairmodel.load_model, np.zeros((3, len(pairmodel.FEATURES)))),
    "debris": (debris.load_model, "click here to subscribe to our newsletter"),
    "static embedder": (load_embedder, ["Rebels left eastern Aleppo."]),
    "contextual embedder": (load_contextual_embedder, ["Rebels left eastern Aleppo."]),
}


@pytest.mark.parametrize("name", MODELS)
def test_a_shipped_model_is_loaded_once(name):
    load, _ = MODELS[name]
    assert load() is load()


@pytest.mark.parametrize("name", MODELS)
def test_a_shipped_model_predicts(name):
    load, features = MODELS[name]
    predicted = load().predict(features)
    assert predicted is not None
    assert np.all(np.isfinite(np.asarray(predicted, dtype=float)))
