"""Privacy of the whole process: native code (onnxruntime's telemetry) included, not just Python.

The Python audit hook in test_privacy.py cannot see a C++ library resolving a host name, so these
tests run Shirube under `strace -f -e trace=network` and read every connect/sendto it made.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.index.vector_cache import cache_path
from tests.conftest import REPO_ROOT, VENV_BIN

# Variables that would hide a phone-home (onnxruntime stays quiet under CI or its own tests).
HIDING = (
    "ORT_DISABLE_TELEMETRY",
    "ORT_RUNNING_UNIT_TESTS",
    "CI",
    "ANONYMIZED_TELEMETRY",
    "HF_HUB_OFFLINE",
    "HF_HUB_DISABLE_TELEMETRY",
    "DO_NOT_TRACK",
)
# onnxruntime uploads about ten seconds after its first session: a run must outlive that.
TELEMETRY_DELAY = 15
_CALL = re.compile(r"\b(connect|sendto|sendmsg)\(.*?sa_family=(AF_INET6?)(.*)")
_PORT = re.compile(r"sin6?_port=htons\((\d+)\)")
_ADDR = re.compile(r'inet_(?:addr|pton)\((?:AF_INET6?, )?"([^"]+)"')


def _strace_usable() -> str | None:
    """None when strace can trace here, else why not (missing, or ptrace not allowed)."""
    if shutil.which("strace") is None:
        return "strace is not installed (apt-get install strace)"
    probe = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=network", "-o", os.devnull, "true"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        return f"strace cannot trace in this environment: {probe.stderr.strip()[:200]}"
    return None


class _Traced:
    """`command` started under strace; `result` waits for it."""

    def __init__(self, command: list[str], home: Path, tmp_path: Path) -> None:
        reason = _strace_usable()
        if reason:
            pytest.skip(reason)
        self.log = tmp_path / "network.strace"
        env = {k: v for k, v in os.environ.items() if k not in HIDING}
        env |= {"SHIRUBE_HOME": str(home)}
        self.proc = subprocess.Popen(
            ["strace", "-f", "-qq", "-e", "trace=network", "-o", str(self.log), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO_ROOT,
            env=env,
        )

    def result(self) -> tuple[int, str, list[str]]:
        """(exit code, stderr, outward network calls) once the command has ended."""
        try:
            _, err = self.proc.communicate(timeout=280)
        finally:
            self.stop()
        return self.proc.returncode, err, outward_calls(self.log.read_text())

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


def _traced(command: list[str], home: Path, tmp_path: Path) -> tuple[int, str, list[str]]:
    """(exit code, stderr, outward network calls) of `command` run under strace."""
    return _Traced(command, home, tmp_path).result()


def outward_calls(trace: str) -> list[str]:
    """strace lines that reach past this machine: a non-loopback address, or DNS (port 53)."""
    found: list[str] = []
    for line in trace.splitlines():
        call = _CALL.search(line)
        if not call:
            continue  # AF_UNIX, AF_NETLINK and calls on connected sockets (their connect counts)
        port, addr = _PORT.search(line), _ADDR.search(line)
        loopback = addr is not None and (addr[1].startswith("127.") or addr[1] == "::1")
        if not loopback or (port is not None and port[1] == "53"):
            found.append(line.strip())
    return found


def test_outward_calls_reads_strace_lines() -> None:
    trace = "\n".join(
        [
            '7 connect(3, {sa_family=AF_UNIX, sun_path="/run/x"}, 110) = 0',
            '7 connect(4, {sa_family=AF_INET, sin_port=htons(5), sin_addr=inet_addr("127.0.0.1")}'
            ", 16) = 0",
            '8 connect(5, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.53")}'
            ", 16) = 0",
            '8 sendto(6, "x", 1, 0, {sa_family=AF_INET6, sin6_port=htons(443), '
            'sin6_addr=inet_pton(AF_INET6, "2001:db8::1")}, 28) = 1',
            '8 sendto(7, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), '
            'sin_addr=inet_addr("127.0.0.53")}, 16) = 1',
            '8 sendto(7, "x", 1, MSG_NOSIGNAL, NULL, 0) = 1',
        ]
    )
    found = outward_calls(trace)
    assert len(found) == 3
    assert "10.0.0.53" in found[0] and "2001:db8::1" in found[1] and "127.0.0.53" in found[2]


@pytest.fixture(scope="module")
def embedding_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Traced]:
    """The embedding model loaded without agent.cli.main, then kept alive past onnxruntime's
    upload delay; started first so that its wait overlaps the other traced run."""
    home = tmp_path_factory.mktemp("embedding")
    code = (
        "import time; from knowledge.index.embeddings import embed; "
        f"embed(['hello']); time.sleep({TELEMETRY_DELAY})"
    )
    run = _Traced([str(VENV_BIN / "python"), "-c", code], home, home)
    yield run
    run.stop()


@pytest.mark.usefixtures("embedding_run")
def test_offline_ask_with_a_fresh_index_sends_nothing_anywhere(
    tmp_path: Path, session_home: Path
) -> None:
    # A data dir with no index: this process builds it (a new Chroma store) and onnxruntime
    # starts a session in it (the question's embedding). The run's embedding cache lies beside
    # it, so the build takes the texts' vectors from it: embedding the 791 texts again under
    # strace costs ~17 s of CPU and reaches no other library.
    home = tmp_path / "home"
    index_dir = home / "index"
    index_dir.mkdir(parents=True)
    shutil.copy(cache_path(session_home / "index"), cache_path(index_dir))
    code, err, calls = _traced(
        [str(VENV_BIN / "shirube"), "ask", "--offline", "Does Japan have an AI Act?"],
        home,
        tmp_path,
    )
    assert code == 0, err
    assert calls == [], "\n".join(calls)


def test_embedding_model_sends_nothing_whatever_the_entry_point(embedding_run: _Traced) -> None:
    # The TUI, evals and the MCP server reach onnxruntime without agent.cli.main: the opt-out
    # must hold wherever the embedding model is first loaded.
    status, err, calls = embedding_run.result()
    assert status == 0, err
    assert calls == [], "\n".join(calls)
