"""Every shipped model has one shape: `load_model(path=None)`, loaded once, with `predict()`."""

from __future__ import annotations

import numpy as np
import pytest

from newsbrief.clean import learned as debris
from newsbrief.stories import pairmodel
from newsbrief.summarize import learned as summarizer
from newsbrief.summarize.features import FEATURES

MODELS = {
    "summarizer": (summarizer.load_model, np.zeros((3, len(FEATURES)))),
    "story pairs": (pairmodel.load_model, np.zeros((3, len(pairmodel.FEATURES)))),
    "debris": (debris.load_model, "click here to subscribe to our newsletter"),
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
