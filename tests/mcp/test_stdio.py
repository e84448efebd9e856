"""`shirube mcp` as a host starts it: a subprocess speaking JSON-RPC on stdin/stdout."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT, VENV_BIN

TIMEOUT_S = 60
TOOLS = ["ask", "assess", "changes", "list_sources", "lookup_facts"]
INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "tests", "version": "0"},
    },
}


@pytest.fixture
def home(mcp_settings, tmp_path: Path) -> Path:
    """A fresh data dir holding a copy of the suite's index (no 20 s rebuild)."""
    home = tmp_path / "home"
    shutil.copytree(mcp_settings.index_dir, home / "index")
    return home


def _send(proc: subprocess.Popen, message: dict[str, Any]) -> None:
    assert proc.stdin is not None
    proc.stdin.write(json.dumps(message).encode() + b"\n")
    proc.stdin.flush()


def _receive(proc: subprocess.Popen) -> dict[str, Any]:
    """The next line on stdout, which must be one JSON-RPC message."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], TIMEOUT_S)
    assert ready, "no reply from the server"
    line = proc.stdout.readline()
    assert line, "the server closed stdout" + (f": {proc.stderr.read()!r}" if proc.stderr else "")
    message = json.loads(line)  # anything else on stdout would break the host
    assert message["jsonrpc"] == "2.0"
    return message


def test_stdout_carries_only_the_protocol(home: Path) -> None:
    """Started as the README registers it: command `shirube`, args ["mcp"]."""
    env = {**os.environ, "SHIRUBE_HOME": str(home)}
    proc = subprocess.Popen(
        [str(VENV_BIN / "shirube"), "mcp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO_ROOT,
        env=env,
    )
    try:
        _send(proc, INITIALIZE)
        assert _receive(proc)["result"]["serverInfo"]["name"] == "shirube"
        _send(proc, {"jsonrpc": "2.0", "method": "notifications/initialized"})
        _send(proc, {"jsonrpc": "2.0", "id": 2, "method": "tools/list"})
        tools = _receive(proc)["result"]["tools"]
        assert sorted(t["name"] for t in tools) == TOOLS
        question = {"question": "Does Japan's AI Act have penalties?"}
        _send(proc, _call(3, "ask", question))
        _send(proc, _call(4, "assess", {"profile": {"colour": "red"}}))
        answers = {m["id"]: m["result"] for m in (_receive(proc), _receive(proc))}
        assert answers[3]["structuredContent"]["citations"][0]["source"] == "ai_promotion_act"
        assert (
            answers[4]["isError"] and "unknown field 'colour'" in answers[4]["content"][0]["text"]
        )
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        proc.stdin.close()  # the host quits: the server exits cleanly, printing nothing more
        assert proc.wait(timeout=TIMEOUT_S) == 0
        assert proc.stdout.read() == b""
        stderr = proc.stderr.read().decode()
        assert "Traceback" not in stderr and "DEBUG" not in stderr and "INFO" not in stderr
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _call(number: int, tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
    params = {"name": tool, "arguments": arguments}
    return {"jsonrpc": "2.0", "id": number, "method": "tools/call", "params": params}
