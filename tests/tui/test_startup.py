"""The TUI's first screen loads nothing heavy: LangChain, LangGraph and Chroma wait for workers."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT

# Import the app and build its first screen's widgets, then list the heavy packages loaded.
FIRST_SCREEN = """
import sys
from tui.app import ShirubeApp
from tui.screens.chat import ChatScreen
from tui.legal import as_of
ShirubeApp(); ChatScreen(); as_of()
print(sorted({m.split(".")[0] for m in sys.modules} & {"langchain_core", "langgraph", "chromadb"}))
"""


def test_the_first_screen_imports_no_langchain_langgraph_or_chroma() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
        check=True,
    )
    assert done.stdout.strip() == "[]"
