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
    proc, port = _started(path)
    try:
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _started(path: Path, tries: int = 3) -> tuple[subprocess.Popen[bytes], int]:
    """A running server and its port. A port found free may be taken before the server binds
    it (tests run in parallel): a server that exits at start is tried again on another port."""
    log = path.parent / "chroma-server.log"
    for attempt in range(1, tries + 1):
        port = free_port()
        command = [str(VENV_BIN / "chroma"), "run", "--path", str(path)]
        command += ["--host", "127.0.0.1", "--port", str(port)]
        with log.open("wb") as out:
            proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while proc.poll() is None:
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1.0)
                return proc, port
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    proc.kill()
                    proc.wait(timeout=10)
                    raise TimeoutError(
                        f"chroma run did not answer within {START_TIMEOUT_S} s"
                    ) from None
                time.sleep(0.1)
        if attempt == tries:
            raise RuntimeError(f"chroma run exited {proc.returncode}: {log.read_text()[-2000:]}")
    raise AssertionError("unreachable")
