"""A small threaded HTTP server on 127.0.0.1 that speaks enough of the Ollama API for tests.

Modes: normal, slow (sleeps past the client's read timeout), not_found (404 on show/chat),
no_tools (show lists no "tools" capability), tools_400 (chat answers 400 "does not support
tools"), malformed (chat returns a tool call whose arguments are not an object), trickle (one
word every `slow_seconds`, for TRICKLE_WORDS words: each read is fast, the answer is not), flood
(FLOOD_CHARS characters of answer, as fast as the client reads them).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODES = ("normal", "slow", "not_found", "no_tools", "tools_400", "malformed", "trickle", "flood")
CREATED = "2026-11-24T00:00:00Z"
TRICKLE_WORDS = 60
FLOOD_CHARS = 10_000_000
FLOOD_CHUNK = 65_536


class FakeOllama(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, mode: str, reply: str, slow_seconds: float) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = mode
        self.reply = reply
        self.slow_seconds = slow_seconds
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.chars_sent = 0
        """Answer characters written to chat streams (trickle and flood modes)."""
        self.hung_up = threading.Event()
        """Set when a client closed a chat stream before its end."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


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

    def _chat(self, body: dict[str, Any]) -> None:
        mode = self.server.mode
        if mode == "slow":
            time.sleep(self.server.slow_seconds)
        if mode == "tools_400" and body.get("tools"):
            self._json(
                400, {"error": f"registry.ollama.ai/library/{body['model']} does not support tools"}
            )
            return
        message: dict[str, Any] = {"role": "assistant", "content": self.server.reply}
        if mode == "malformed":
            message = {
                "role": "assistant",
                "content": "",
                "tool_calls": [
                    {"function": {"name": "search_knowledge", "arguments": "not-an-object"}}
                ],
            }
        final = {
            "model": body.get("model"),
            "created_at": CREATED,
            "done": True,
            "done_reason": "stop",
            "eval_count": 1,
            "prompt_eval_count": 1,
        }
        if not body.get("stream", True):
            self._json(200, {**final, "message": message})
            return
        if mode in ("trickle", "flood"):
            self._endless(body, final)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()
        words = message["content"].split(" ") if message["content"] else [""]
        for i, word in enumerate(words):
            chunk = {"role": "assistant", "content": word if i == 0 else f" {word}"}
            if "tool_calls" in message and i == 0:
                chunk["tool_calls"] = message["tool_calls"]
            line = {
                "model": body.get("model"),
                "created_at": CREATED,
                "message": chunk,
                "done": False,
            }
            self.wfile.write(json.dumps(line).encode() + b"\n")
            self.wfile.flush()
        done = {**final, "message": {"role": "assistant", "content": ""}}
        self.wfile.write(json.dumps(done).encode() + b"\n")

    def _endless(self, body: dict[str, Any], final: dict[str, Any]) -> None:
        """A stream that is slow in total (trickle) or huge (flood), never slow per read."""
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()
        trickle = self.server.mode == "trickle"
        word = "Japan " if trickle else "x" * FLOOD_CHUNK
        count = TRICKLE_WORDS if trickle else FLOOD_CHARS // FLOOD_CHUNK
        for _ in range(count):
            line = {
                "model": body.get("model"),
                "created_at": CREATED,
                "message": {"role": "assistant", "content": word},
                "done": False,
            }
            self.wfile.write(json.dumps(line).encode() + b"\n")
            self.wfile.flush()
            self.server.chars_sent += len(word)
            if trickle:
                time.sleep(self.server.slow_seconds)
        done = {**final, "message": {"role": "assistant", "content": ""}}
        self.wfile.write(json.dumps(done).encode() + b"\n")


@contextmanager
def ollama_server(
    mode: str = "normal", reply: str = "", slow_seconds: float = 3.0
) -> Iterator[FakeOllama]:
    """Run a fake Ollama on a free port for the duration of the block."""
    server = FakeOllama(mode, reply, slow_seconds)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
