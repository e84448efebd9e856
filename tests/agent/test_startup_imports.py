"""What the fast paths leave unloaded: the rule-base schemas and Markdown wait until needed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

# Built on first use only: every rule-base schema (knowledge.schema) and textual's Markdown.
LATER = ("knowledge.schema", "knowledge.loader", "markdown_it")

SESSIONS_LIST = f"""
import json, sys
sys.argv = ["shirube", "sessions", "list"]
from agent.cli.main import main
try:
    main()
except SystemExit:
    pass
print(json.dumps([m for m in {LATER!r} if m in sys.modules]))
"""

FIRST_SCREEN = f"""
import json, sys
from tui.app import ShirubeApp
from tui.screens.chat import ChatScreen
from tui.legal import as_of
ShirubeApp(); ChatScreen(); as_of()
print(json.dumps([m for m in {LATER!r} if m in sys.modules]))
"""


def _loaded(code: str, home: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
        check=True,
        env={"SHIRUBE_HOME": str(home), "SHIRUBE_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_sessions_list_loads_no_rule_base(tmp_path: Path) -> None:
    assert _loaded(SESSIONS_LIST, tmp_path) == []


def test_the_first_screen_builds_no_rule_base_schema_and_no_markdown(tmp_path: Path) -> None:
    assert _loaded(FIRST_SCREEN, tmp_path) == []
