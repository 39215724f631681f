"""A gradient-boosted tree ensemble evaluated with numpy, so prediction needs no LightGBM.

Training uses LightGBM (`newsbrief.learn.summarizer`); `TreeEnsemble.from_lightgbm` flattens its trees into
a few arrays that are saved with the package. Prediction walks every tree for every row at once,
one tree level per step, which takes well under a millisecond for a cluster's candidates —
and importing LightGBM (with scikit-learn and pandas behind it) would cost a second at start-up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class TreeEnsemble:
    """Flattened trees: node i splits on `feature[i]` at `threshold[i]` (x <= t goes left),
    or is a leaf (`feature[i] == -1`) worth `value[i]`. `roots` holds each tree's first node."""

    feature: np.ndarray  # int32
    threshold: np.ndarray  # float64
    left: np.ndarray  # int32
    right: np.ndarray  # int32
    value: np.ndarray  # float64
    roots: np.ndarray  # int32
    depth: int
    feature_names: tuple[str, ...]
    metadata: dict

    def predict(self, features: np.ndarray) -> np.ndarray:
        """One score per row of `features` (rows × len(feature_names))."""
        features = np.asarray(features, dtype=np.float64)
        if features.ndim != 2 or features.shape[1] != len(self.feature_names):
            raise ValueError(f"expected a (rows, {len(self.feature_names)}) matrix, got shape {features.shape}")
        rows = np.arange(len(features))[:, None]
        node = np.broadcast_to(self.roots, (len(features), len(self.roots))).copy()
        for _ in range(self.depth):
            feature = self.feature[node]
            leaf = feature < 0
            if leaf.all():
                break
            goes_left = features[rows, np.where(leaf, 0, feature)] <= self.threshold[node]
            node = np.where(leaf, node, np.where(goes_left, self.left[node], self.right[node]))
        return self.value[node].sum(axis=1)

    @classmethod
    def from_lightgbm(cls, booster, metadata: dict | None = None) -> TreeEnsemble:
        """Flatten a trained `lightgbm.Booster` (numerical splits only, no missing values)."""
        dump = booster.dump_model()
        feature, threshold, left, right, value, roots = [], [], [], [], [], []
        depth = 0

        def add(node: dict, level: int) -> int:
            nonlocal depth
            depth = max(depth, level)
            index = len(feature)
            feature.append(-1), threshold.append(0.0), left.append(-1), right.append(-1)
            value.append(float(node.get("leaf_value", 0.0)))
            if "split_feature" in node:
                if node.get("decision_type", "<=") != "<=":
                    raise ValueError(f"unsupported split {node['decision_type']!r}: only numerical '<=' splits")
                feature[index] = int(node["split_feature"])
                threshold[index] = float(node["threshold"])
                left[index] = add(node["left_child"], level + 1)
                right[index] = add(node["right_child"], level + 1)
            return index

        for tree in dump["tree_info"]:
            roots.append(add(tree["tree_structure"], 0))
        return cls(
            np.array(feature, dtype=np.int32), np.array(threshold, dtype=np.float64),
            np.array(left, dtype=np.int32), np.array(right, dtype=np.int32),
            np.array(value, dtype=np.float64), np.array(roots, dtype=np.int32),
            depth + 1, tuple(dump["feature_names"]), dict(metadata or {}),
        )

    def save(self, path: str | Path) -> None:
        np.savez_compressed(
            path, feature=self.feature, threshold=self.threshold, left=self.left, right=self.right,
            value=self.value, roots=self.roots, depth=np.array(self.depth),
            feature_names=np.array(json.dumps(self.feature_names)), metadata=np.array(json.dumps(self.metadata)),
        )

    @classmethod
    def load(cls, path: str | Path) -> TreeEnsemble:
        with np.load(path) as data:
            return cls(
                data["feature"], data["threshold"], data["left"], data["right"], data["value"], data["roots"],
                int(data["depth"]), tuple(json.loads(str(data["feature_names"]))), json.loads(str(data["metadata"])),
            )
