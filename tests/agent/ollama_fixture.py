"""A small threaded HTTP server on 127.0.0.1 that behaves like Ollama where Shirube depends on it.

Like Ollama: /api/chat streams NDJSON pieces and ends with `done_reason` ("stop", or "length" when
`options.num_predict` is reached; no other output cap); the prompt is cut to `options.num_ctx`
tokens (DEFAULT_NUM_CTX when the request sets none), the oldest non-system text going first, so a
too-long prompt loses its question. `server.seen` holds what the model saw after that cut.

Modes: normal (streams `reply`), replay (streams recorded replies from a JSON file in turn; a
`{canary}` in one is the canary the model saw), slow (sleeps before answering), not_found (404 on
show/chat), no_tools (show lists no "tools" capability), malformed (a tool call whose arguments
are not an object), garbled (a stream line that is not JSON), trickle (one token every
`slow_seconds`), flood (FLOOD_CHARS characters, as fast as the client reads them).
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

MODES = (
    "normal",
    "replay",
    "slow",
    "not_found",
    "no_tools",
    "malformed",
    "garbled",
    "trickle",
    "flood",
)
CREATED = "2026-11-24T00:00:00Z"
DEFAULT_NUM_CTX = 4096  # Ollama's default context when a request sets no num_ctx
CHARS_PER_TOKEN = 4
TRICKLE_TOKENS = 60
FLOOD_CHARS = 10_000_000
FLOOD_CHUNK = 65_536
RECORDED = Path(__file__).parent / "recorded"
_CANARY = re.compile(r"SHIRUBE-CANARY-[0-9a-f]+")


def tokens(text: str) -> int:
    """Ollama's tokens, estimated: about four characters each."""
    return math.ceil(len(text) / CHARS_PER_TOKEN)


def fit_context(messages: list[dict[str, Any]], num_ctx: int) -> list[dict[str, Any]]:
    """What the model sees of `messages` in `num_ctx` tokens: whole older turns are dropped
    first, then the front of the remaining non-system text; system messages are kept."""
    kept = [dict(m) for m in messages]
    total = sum(tokens(str(m.get("content") or "")) for m in kept)

    def droppable() -> list[int]:
        return [i for i, m in enumerate(kept) if m.get("role") != "system"]

    while total > num_ctx and len(droppable()) > 1:
        gone = kept.pop(droppable()[0])
        total -= tokens(str(gone.get("content") or ""))
    for i in droppable():
        if total <= num_ctx:
            break
        text = str(kept[i].get("content") or "")
        cut = min(len(text), (total - num_ctx) * CHARS_PER_TOKEN)
        kept[i]["content"] = text[cut:]
        total -= tokens(text) - tokens(text[cut:])
    return kept


def seen_text(seen: list[dict[str, Any]]) -> str:
    return "\n".join(str(m.get("content") or "") for m in seen)


def load_recorded(name: str) -> list[dict[str, Any]]:
    """tests/agent/recorded/<name>.json: {"model", "note", "replies": [{"content", …}]}."""
    return json.loads((RECORDED / f"{name}.json").read_text(encoding="utf-8"))["replies"]


class FakeOllama(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, mode: str, reply: str, slow_seconds: float, replies: list[dict[str, Any]]
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = mode
        self.reply = reply
        self.replies = list(replies)
        self.slow_seconds = slow_seconds
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.seen: list[list[dict[str, Any]]] = []
        """For each chat request, the messages the model saw after context truncation."""
        self.chars_sent = 0
        """Answer characters written to chat streams."""
        self.hung_up = threading.Event()
        """Set when a client closed a chat stream before its end."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def chats(self) -> list[dict[str, Any]]:
        return [body for path, body in self.requests if path == "/api/chat"]

    def next_reply(self, seen: list[dict[str, Any]]) -> dict[str, Any]:
        if not self.replies:
            return {"content": self.reply}
        recorded = dict(self.replies[min(len(self.seen) - 1, len(self.replies) - 1)])
        leaked = _CANARY.search(seen_text(seen))
        marker = leaked.group(0) if leaked else "(no marker seen)"
        recorded["content"] = str(recorded["content"]).replace("{canary}", marker)
        return recorded


class JSONHandler(BaseHTTPRequestHandler):
    """Quiet JSON in and out: what every Ollama-API server in the tests shares."""

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def _json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b"{}"
        return json.loads(raw or b"{}")


class _Handler(JSONHandler):
    server: FakeOllama

    def do_GET(self) -> None:
        self.server.requests.append((self.path, {}))
        if self.path == "/api/version":
            self._json(200, {"version": "0.12.0"})
        elif self.path == "/api/tags":
            self._json(200, {"models": [{"name": "fake:7b", "model": "fake:7b", "size": 1}]})
        else:
            self._json(404, {"error": "not found"})

    def do_POST(self) -> None:
        body = self._body()
        self.server.requests.append((self.path, body))
        mode = self.server.mode
        if mode == "not_found" and self.path in ("/api/show", "/api/chat"):
            self._json(404, {"error": f"model '{body.get('model')}' not found"})
        elif self.path == "/api/show":
            caps = ["completion"] if mode == "no_tools" else ["completion", "tools"]
            self._json(
                200,
                {
                    "modelfile": "",
                    "template": "",
                    "parameters": "",
                    "details": {"family": "fake"},
                    "model_info": {"general.architecture": "fake"},
                    "capabilities": caps,
                },
            )
        elif self.path == "/api/chat":
            # The client may give up (read timeout, deadline, cap): what those modes test.
            try:
                self._chat(body)
            except (BrokenPipeError, ConnectionResetError):
                self.server.hung_up.set()
        else:
            self._json(404, {"error": "not found"})

    def _line(self, body: dict[str, Any], message: dict[str, Any], **end: Any) -> None:
        line = {"model": body.get("model"), "created_at": CREATED, "message": message, **end}
        self.wfile.write(json.dumps(line).encode() + b"\n")
        self.wfile.flush()

    def _chat(self, body: dict[str, Any]) -> None:
        options = body.get("options") or {}
        num_ctx = int(options.get("num_ctx") or DEFAULT_NUM_CTX)
        seen = fit_context(body.get("messages") or [], num_ctx)
        self.server.seen.append(seen)
        mode = self.server.mode
        if mode == "slow":
            time.sleep(self.server.slow_seconds)
        reply = self.server.next_reply(seen)
        pieces = _pieces(str(reply.get("content") or ""))
        limit = int(options.get("num_predict") or -1)
        reason = "stop"
        if 0 <= limit < len(pieces):
            pieces, reason = pieces[:limit], "length"
        final = {
            "done": True,
            "done_reason": reason,
            "prompt_eval_count": tokens(seen_text(seen)),
            "eval_count": len(pieces),
        }
        if not body.get("stream", True):
            message = {"role": "assistant", "content": "".join(pieces)}
            self._json(
                200,
                {"model": body.get("model"), "created_at": CREATED, "message": message, **final},
            )
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()
        if mode == "malformed":
            call = {"function": {"name": "search_knowledge", "arguments": "not-an-object"}}
            self._line(body, {"role": "assistant", "content": "", "tool_calls": [call]}, done=False)
        elif mode == "garbled":
            self.wfile.write(b'{"model": "fake:7b", "message": {"role": "assis\n')
            self.wfile.flush()
            return
        elif mode in ("trickle", "flood"):
            self._endless(body)
        for piece in pieces:
            self._line(body, {"role": "assistant", "content": piece}, done=False)
            self.server.chars_sent += len(piece)
        self._line(body, {"role": "assistant", "content": ""}, **final)

    def _endless(self, body: dict[str, Any]) -> None:
        """A stream that is slow in total (trickle) or huge (flood), never slow per read."""
        trickle = self.server.mode == "trickle"
        piece = "Japan " if trickle else "x" * FLOOD_CHUNK
        for _ in range(TRICKLE_TOKENS if trickle else FLOOD_CHARS // FLOOD_CHUNK):
            self._line(body, {"role": "assistant", "content": piece}, done=False)
            self.server.chars_sent += len(piece)
            if trickle:
                time.sleep(self.server.slow_seconds)


def _pieces(text: str) -> list[str]:
    """The reply as streamed tokens (about four characters each, as a tokenizer would cut)."""
    return [text[i : i + CHARS_PER_TOKEN] for i in range(0, len(text), CHARS_PER_TOKEN)]


@contextmanager
def ollama_server(
    mode: str = "normal",
    reply: str = "",
    slow_seconds: float = 3.0,
    replay: str | None = None,
) -> Iterator[FakeOllama]:
    """Run a fake Ollama on a free port for the duration of the block; `replay` names a
    recording under tests/agent/recorded/ whose replies the server gives in turn."""
    replies = load_recorded(replay) if replay else []
    mode = "replay" if replay and mode == "normal" else mode
    server = FakeOllama(mode, reply, slow_seconds, replies)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
