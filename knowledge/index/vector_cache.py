"""Embedding cache keyed by a hash of (model id, text), kept in memory and beside the index.

A rebuild after a small rule-base edit re-embeds only the texts that changed, and a process
that builds several indexes (the test suite, a server collection plus an embedded one) embeds
each text once. The file is plain numpy arrays (no pickle). It is derived data: a broken file
(truncated by a full disk, garbled) is discarded with a warning and rebuilt, never a failure.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from knowledge.index.embeddings import DIMENSIONS, MODEL_ID, embed

if TYPE_CHECKING:
    from knowledge.ui_labels import Phrase

CACHE_FILE = f"embeddings.{MODEL_ID}.npz"

_MEMORY: dict[str, np.ndarray] = {}


def text_key(text: str) -> str:
    return hashlib.sha256(f"{MODEL_ID}\0{text}".encode()).hexdigest()[:32]


def cache_path(index_dir: Path) -> Path:
    return index_dir / CACHE_FILE


# What numpy raises on a short, garbled or foreign .npz file.
_BROKEN = (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zlib.error)


def _read(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """(keys, vectors) from a cache file; raises one of _BROKEN when it is unusable."""
    with np.load(path, allow_pickle=False) as data:
        keys, vectors = data["keys"], data["vectors"]
    if vectors.ndim != 2 or vectors.shape != (len(keys), DIMENSIONS):
        raise ValueError(f"vectors of shape {vectors.shape} for {len(keys)} keys")
    return keys, vectors


def readable(path: Path) -> bool:
    """Whether the cache file at `path` loads (doctor asks; nothing is changed)."""
    try:
        _read(path)
    except _BROKEN:
        return False
    return True


def load_file(path: Path, warn: Callable[[Phrase], None] | None = None) -> int:
    """Merge a cache file into memory; returns how many vectors it held (0 if unusable).

    An unusable file is deleted (the build writes a fresh one) and `warn` is told why.
    """
    try:
        keys, vectors = _read(path)
    except FileNotFoundError:
        return 0
    except _BROKEN as exc:
        with contextlib.suppress(OSError):
            path.unlink()
        if warn is not None:
            from knowledge.ui_labels import library_said, os_kind, phrase

            # The system's refusal by its errno's kind; a damaged file in numpy's words, worded.
            problem = os_kind(exc) if isinstance(exc, OSError) else library_said(exc)
            warn(phrase("index_reason.cache_unreadable", path=str(path), problem=problem))
        return 0
    for key, vector in zip(keys.tolist(), vectors, strict=True):
        _MEMORY.setdefault(str(key), vector.astype(np.float32))
    return len(keys)


def save_file(path: Path, texts: list[str]) -> None:
    """Write the vectors of `texts` (only those: the file never outgrows the corpus)."""
    keys = [text_key(t) for t in dict.fromkeys(texts)]
    keys = [k for k in keys if k in _MEMORY]
    vectors = np.stack([_MEMORY[k] for k in keys]) if keys else np.zeros((0, DIMENSIONS))
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
    try:
        np.savez(tmp, keys=np.array(keys, dtype="U32"), vectors=vectors.astype(np.float32))
        os.replace(tmp, path)  # atomic: a reader sees the old cache or the new one
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()  # a full disk leaves no half-written file behind
        raise


def embed_texts(
    texts: list[str], embed_fn: Callable[[list[str]], np.ndarray] = embed
) -> tuple[np.ndarray, int]:
    """Vectors for `texts` from the cache, embedding only the misses; returns (vectors, misses)."""
    keys = [text_key(t) for t in texts]
    missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in _MEMORY))
    if missing:
        for text, vector in zip(missing, embed_fn(missing), strict=True):
            _MEMORY[text_key(text)] = vector
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32), 0
    return np.stack([_MEMORY[k] for k in keys]), len(missing)


def clear_memory() -> None:
    """Forget the in-process vectors (tests use it to force real embedding)."""
    _MEMORY.clear()
