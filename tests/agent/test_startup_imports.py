"""What the fast paths leave unloaded (issue 17: `sessions list` and the TUI's first screen).

LangChain, LangGraph and Chroma wait for the workers that start after the first frame; the
rule-base schemas, textual's Markdown and the answer models are built when first needed; and a
command line loads only the command module it names.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from agent.cli.main import COMMAND_MODULES, _sessions_list, commands_for
from tests.conftest import REPO_ROOT

HEAVY = ("langchain_core", "langgraph", "chromadb")  # seconds of imports: workers only
LATER = ("knowledge.schema", "knowledge.loader", "markdown_it")  # built on first use only
OTHER_COMMANDS = tuple(f"agent.cli.{name}" for name in COMMAND_MODULES if name != "sessions")
# The first screen shows no answer and no profile yet: their pydantic models wait too; the
# full settings (pydantic-settings) wait for the workers.
NOT_ON_THE_FIRST_SCREEN = ("agent.state", "core.profile", "pydantic_settings", "core.config")

SESSIONS_LIST = """
sys.argv = ["shirube", "sessions", "list"]
from agent.cli.main import main
try:
    main()
except SystemExit:
    pass
"""

SHIRUBE_ALONE = """
import tui.app
tui.app.run_app = lambda lang=None: None  # where the app would open
sys.argv = ["shirube"]
from agent.cli.main import main
main()
"""

FIRST_SCREEN = """
from tui.app import ShirubeApp
from tui.screens.chat import ChatScreen
from tui.legal import as_of
ShirubeApp(); ChatScreen(); as_of()
"""


def _loaded(code: str, home: Path, modules: tuple[str, ...]) -> list[str]:
    """Which of `modules` (or their top-level packages) a fresh process has loaded after `code`."""
    probe = (
        f"import json, sys\n{code}\nprint(json.dumps([m for m in {modules!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
        check=True,
        env={"SHIRUBE_HOME": str(home), "SHIRUBE_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_sessions_list_loads_no_rule_base_no_langchain_and_no_other_command(
    tmp_path: Path,
) -> None:
    assert _loaded(SESSIONS_LIST, tmp_path, HEAVY + LATER + OTHER_COMMANDS) == []


def test_sessions_list_runs_without_typer(tmp_path: Path) -> None:
    # typer's options build pydantic adapters: ~0.1 s of the half-second target.
    assert _loaded(SESSIONS_LIST, tmp_path, ("typer", "agent.cli.sessions")) == []
    with_lang = SESSIONS_LIST.replace('"list"]', '"list", "--lang", "ja"]')
    assert _loaded(with_lang, tmp_path, ("typer",)) == []


def test_only_a_plain_sessions_list_line_skips_typer() -> None:
    assert _sessions_list(["sessions", "list"]) == (None,)
    assert _sessions_list(["sessions", "list", "--lang", "ja"]) == ("ja",)
    # Help, another option, a misplaced flag or another command: typer parses them.
    for argv in (
        ["sessions", "list", "--help"],
        ["sessions", "list", "--lang"],
        ["sessions", "list", "--lang", "--help"],
        ["sessions", "list", "extra"],
        ["sessions", "show", "abc"],
        ["--lang", "ja", "sessions", "list"],
        [],
    ):
        assert _sessions_list(argv) is None, argv


def test_sessions_list_with_its_labels_cached_loads_no_pydantic_and_no_yaml(
    tmp_path: Path,
) -> None:
    # ~0.2 s of CPU: the labels the validated cache holds are plain values, a session row is a
    # dataclass, CleanText needs pydantic only where a model uses it. The first run validates.
    saved = (  # one saved chat to list, its status recorded in English (reworded for ja)
        "from agent.interview import store\n"
        "with store.opened() as conn:\n"
        "    store.register_session(conn, 'abcd1234', 'chat', 'What applies?')\n"
        "    store.set_status(conn, 'abcd1234', '3 turns')\n"
    )
    _loaded(saved + SESSIONS_LIST, tmp_path, ())
    assert list((tmp_path / "cache").glob("ui_labels-*.pickle"))
    for lang in ("en", "ja"):
        code = SESSIONS_LIST.replace('"list"]', f'"list", "--lang", "{lang}"]')
        assert _loaded(code, tmp_path, ("pydantic", "pydantic_core", "yaml")) == [], lang
        listed = subprocess.run(
            [sys.executable, "-c", f"import sys\n{code}"],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            check=True,
            env={"SHIRUBE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "COLUMNS": "120"},
        ).stdout
        assert ("3 turns" if lang == "en" else "質問 3件") in listed, listed


def test_sessions_list_reads_its_settings_without_pydantic_settings(tmp_path: Path) -> None:
    # A seventh of a second of CPU; core.light_settings gives the same values (tests/core).
    assert _loaded(SESSIONS_LIST, tmp_path, ("pydantic_settings", "core.config")) == []


def test_the_first_screen_loads_no_langchain_no_schema_no_markdown_and_no_answer_model(
    tmp_path: Path,
) -> None:
    assert _loaded(FIRST_SCREEN, tmp_path, HEAVY + LATER + NOT_ON_THE_FIRST_SCREEN) == []


def test_a_command_line_loads_only_the_command_it_names() -> None:
    assert commands_for(["sessions", "list", "--lang", "ja"]) == ("sessions",)
    assert commands_for(["ask", "--help"]) == ("ask",)
    # The top-level help, no command and a misspelt one (typer suggests the others) need all.
    assert commands_for(["--help"]) == COMMAND_MODULES
    assert commands_for([]) == COMMAND_MODULES
    assert commands_for(["sesions"]) == COMMAND_MODULES


def test_shirube_alone_opens_the_app_without_typer_or_any_command(tmp_path: Path) -> None:
    commands = tuple(f"agent.cli.{name}" for name in COMMAND_MODULES if name != "tui")
    assert _loaded(SHIRUBE_ALONE, tmp_path, ("typer", "pydantic_settings", *commands)) == []
