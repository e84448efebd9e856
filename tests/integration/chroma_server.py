"""A real `chroma run` server on loopback, started from the installed chromadb, for tests."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import VENV_BIN

START_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def chroma_server(path: Path) -> Iterator[int]:
    """Run `chroma run` on a free loopback port until the heartbeat answers; yield the port."""
    port = free_port()
    command = [str(VENV_BIN / "chroma"), "run", "--path", str(path)]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    log = path.parent / "chroma-server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"chroma run exited {proc.returncode}: {log.read_text()[-2000:]}"
                )
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1.0)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise TimeoutError(
                        f"chroma run did not answer within {START_TIMEOUT_S} s"
                    ) from None
                time.sleep(0.1)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
