"""An Ollama stand-in whose every answer is an error carrying hostile text (markup, escapes)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer

from tests.agent.ollama_fixture import JSONHandler


@contextmanager
def hostile_ollama(error: str) -> Iterator[str]:
    """Serve on a free port; /api/show and /api/chat answer 500 with `error`. Yields the URL."""

    class Handler(JSONHandler):
        def do_GET(self) -> None:
            self._json(200, {"version": "0.12.0", "models": []})

        def do_POST(self) -> None:
            self._body()
            self._json(500, {"error": error})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
