"""The numpy tree-ensemble evaluator reproduces LightGBM's dumped trees."""

import numpy as np
import pytest

from newsbrief.summarize.trees import TreeEnsemble

DUMP = {  # the shape of lightgbm.Booster.dump_model(), two small trees
    "feature_names": ["a", "b"],
    "tree_info": [
        {"tree_structure": {
            "split_feature": 0, "threshold": 0.5, "decision_type": "<=",
            "left_child": {"leaf_value": 1.0},
            "right_child": {"split_feature": 1, "threshold": 2.0, "decision_type": "<=",
                            "left_child": {"leaf_value": 2.0}, "right_child": {"leaf_value": 3.0}},
        }},
        {"tree_structure": {"leaf_value": 0.25}},
    ],
}


class FakeBooster:
    def dump_model(self):
        return DUMP


@pytest.fixture
def ensemble():
    return TreeEnsemble.from_lightgbm(FakeBooster(), {"note": "test"})


def test_predict_walks_every_tree_and_sums_the_leaves(ensemble):
    rows = np.array([[0.0, 9.0], [0.5, 9.0], [1.0, 2.0], [1.0, 2.5]])
    assert ensemble.predict(rows).tolist() == [1.25, 1.25, 2.25, 3.25]


def test_save_and_load_round_trip(ensemble, tmp_path):
    ensemble.save(tmp_path / "model.npz")
    loaded = TreeEnsemble.load(tmp_path / "model.npz")
    rows = np.random.default_rng(0).uniform(-1, 4, size=(50, 2))
    assert np.array_equal(loaded.predict(rows), ensemble.predict(rows))
    assert loaded.feature_names == ("a", "b") and loaded.metadata == {"note": "test"}


def test_a_matrix_of_the_wrong_width_is_refused(ensemble):
    with pytest.raises(ValueError, match="2"):
        ensemble.predict(np.zeros((3, 5)))


def test_categorical_splits_are_refused():
    dump = {"feature_names": ["a"], "tree_info": [{"tree_structure": {
        "split_feature": 0, "threshold": "1||2", "decision_type": "==",
        "left_child": {"leaf_value": 1.0}, "right_child": {"leaf_value": 0.0}}}]}

    class Booster:
        def dump_model(self):
            return dump

    with pytest.raises(ValueError, match="numerical"):
        TreeEnsemble.from_lightgbm(Booster())
