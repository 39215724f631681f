"""What both embedders' tests share: the imports check and the SemEval agreement."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np

from tests.conftest import REPO, shared_path


def modules_loaded_by(statement: str, watched: set[str]) -> list[str]:
    """Which of `watched` a fresh interpreter has imported after running `statement`."""
    code = f"import json, sys; {statement}; print(json.dumps(sorted(set({sorted(watched)!r}) & set(sys.modules))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(done.stdout)


def semeval_pearson(encode) -> float:
    """Pearson r of -cosine with the human Overall score (1 = same story) on the 354 en-en pairs."""
    path = shared_path("data", "semeval2022-task8-news-similarity", "en_en_pairs.jsonl")
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    a = encode([p["text1"] for p in pairs])
    b = encode([p["text2"] for p in pairs])
    return float(np.corrcoef(-(a * b).sum(axis=1), [p["overall"] for p in pairs])[0, 1])
