"""Suite-wide guards: a private data dir and no reachable model unless a test brings one."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

# Set before any test imports settings: the suite never touches the user's data dir and a
# real model server is unreachable by default (port 9 is discard; nothing listens there).
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="shirube-test-home-"))
os.environ["SHIRUBE_HOME"] = str(_SESSION_HOME)
os.environ["OLLAMA_HOST"] = "http://127.0.0.1:9"
os.environ.pop("CHROMA_HOST", None)
os.environ.pop("SHIRUBE_MODEL", None)
os.environ["ANONYMIZED_TELEMETRY"] = "False"


@pytest.fixture(scope="session")
def session_home() -> Path:
    """The data dir shared by the whole run (the index is built there once)."""
    return _SESSION_HOME


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data dir for tests that need their own sessions or index."""
    home = tmp_path / "home"
    monkeypatch.setenv("SHIRUBE_HOME", str(home))
    return home


REPO_ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = REPO_ROOT / ".venv" / "bin"


def run_shirube(
    *args: str | Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """The installed `shirube` command in a fresh process, as a user runs it."""
    return subprocess.run(
        [str(VENV_BIN / "shirube"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO_ROOT,
        env={**os.environ, **(env or {})},
        check=False,
    )


def run_python(code: str, *, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -c code` in a fresh process (cold start, import checks) with SHIRUBE_HOME=home."""
    return subprocess.run(
        [str(VENV_BIN / "python"), "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO_ROOT,
        env={**os.environ, "SHIRUBE_HOME": str(home)},
        check=False,
    )
