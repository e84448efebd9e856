"""Open the embedding model in the background while the index opens (cold-start latency).

onnxruntime releases the GIL while it builds the session (~0.3-0.45 s here), so starting it
before Chroma is imported and opened hides most of it behind that work. Nothing here changes
what a search returns: it only decides when the (cached) session gets built.
"""

from __future__ import annotations

import contextlib
import threading

from knowledge.index.embeddings import embed

_thread: threading.Thread | None = None
_lock = threading.Lock()


def prewarm() -> None:
    """Start building the model session in a thread, once per process.

    Not a daemon thread: an early exit waits for it rather than tearing down a native session
    that is still being built.
    """
    global _thread
    with _lock:
        if _thread is not None:
            return
        # Imports happen here, in the calling thread: importing numpy in two threads at once
        # broke on its circular imports (a partially initialised module). The thread only
        # builds the session and runs one query, which is native work.
        import numpy  # noqa: F401
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401

        from knowledge.index.embeddings import load_tokenizer, onnx_model_path

        onnx_model_path()
        load_tokenizer()
        _thread = threading.Thread(target=_warm, name="shirube-prewarm")
        _thread.start()


def _warm() -> None:
    # A failure here is not reported: the first real query opens the model again and raises
    # in the caller's thread, with the caller's error handling.
    with contextlib.suppress(Exception):
        embed(["shirube"])


def await_prewarm() -> None:
    """Wait for a started warm-up: the model loader is cached without a lock, and calling it
    while the thread is still inside would build a second session beside the first."""
    thread = _thread
    if thread is not None and thread is not threading.current_thread():
        thread.join()
