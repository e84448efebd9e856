"""Bad settings are caught up front: one line naming the variable and the expected form, exit 2."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from core.config import get_settings
from core.errors import UsageError
from tests.conftest import REPO_ROOT, VENV_BIN, run_python, run_shirube
from tests.faults.cli_runner import run_cli
from tests.integration.chroma_server import free_port

QUESTION = "Does Japan have an AI Act?"


@pytest.mark.parametrize(
    "value",
    ["localhost:abc", "localhost:99999", "ftp://gpu-box:11434", "http://:11434", "http://a b:1"],
)
def test_a_bad_ollama_host_names_the_variable_and_the_form(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("OLLAMA_HOST", value)
    with pytest.raises(UsageError, match=r"OLLAMA_HOST=.*http://host:port"):
        get_settings()


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("gpu-box", "http://gpu-box:11434"),
        ("gpu-box:8080", "http://gpu-box:8080"),
        ("https://llm.example.org/", "https://llm.example.org:443"),
        ("http://[::1]:11434", "http://[::1]:11434"),
        ("", "http://127.0.0.1:11434"),  # empty means the default, as in the ollama client
    ],
)
def test_good_ollama_hosts_are_accepted(
    monkeypatch: pytest.MonkeyPatch, value: str, url: str
) -> None:
    monkeypatch.setenv("OLLAMA_HOST", value)
    assert get_settings().ollama_url == url


def test_a_bad_ollama_host_stops_ask_before_the_ollama_client_loads(tmp_path: Path) -> None:
    # `import ollama` parses OLLAMA_HOST itself and crashed with a traceback.
    code = (
        "import os, sys; os.environ['OLLAMA_HOST'] = 'localhost:abc'\n"
        "from tests.faults.cli_runner import run_cli\n"
        f"r = run_cli('ask', {QUESTION!r})\n"
        "print(r.code, 'ollama' in sys.modules, r.err.replace(chr(10), ' '))"
    )
    result = run_python(code, home=tmp_path)
    assert result.returncode == 0, result.stderr
    code_seen, ollama_loaded, err = result.stdout.split(" ", 2)
    assert (code_seen, ollama_loaded) == ("2", "False"), result.stdout
    assert "OLLAMA_HOST" in err and "http://host:port" in err


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SHIRUBE_READ_TIMEOUT", "inf"),
        ("SHIRUBE_READ_TIMEOUT", "nan"),
        ("SHIRUBE_READ_TIMEOUT", "-5"),
        ("SHIRUBE_READ_TIMEOUT", "1e400"),
        ("SHIRUBE_CONNECT_TIMEOUT", "infinity"),
        ("SHIRUBE_CONNECT_TIMEOUT", "0"),
        ("SHIRUBE_ANSWER_DEADLINE", "inf"),
        ("SHIRUBE_ANSWER_DEADLINE", "0"),
        ("SHIRUBE_MAX_ANSWER_CHARS", "-1"),
        ("CHROMA_PORT", "70000"),
        ("CHROMA_PORT", "0"),
    ],
)
def test_non_finite_or_out_of_range_numbers_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(UsageError, match=rf"{variable}='{value}' is invalid"):
        get_settings()


def test_cli_exits_2_with_one_line_and_no_traceback() -> None:
    result = run_shirube("ask", QUESTION, env={"OLLAMA_HOST": "localhost:abc"})
    assert result.returncode == 2, result.stderr
    assert "OLLAMA_HOST" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args", [["doctor"], ["interview", "--offline"], ["tui"], ["chat"]], ids=" ".join
)
def test_every_command_exits_2_on_a_bad_setting_with_one_line(args: list[str]) -> None:
    # The entry point in-process (an exception would propagate here): the process end to end is
    # `ask` above; a cold start each costs seconds.
    result = run_cli(*args, env={"OLLAMA_HOST": "localhost:abc"})
    assert result.code == 2, result.err
    assert "OLLAMA_HOST" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("value", ["inf", "nan"])
def test_a_non_finite_read_timeout_exits_2_with_one_line(value: str) -> None:
    # The entry point in-process (an exception would propagate here): `ask` exits on a bad
    # setting end to end above, and a cold start costs seconds.
    result = run_cli("ask", QUESTION, env={"SHIRUBE_READ_TIMEOUT": value})
    assert result.code == 2, result.err
    assert "SHIRUBE_READ_TIMEOUT" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("args", [["sessions", "list"], ["ask", "--offline", QUESTION]])
def test_an_empty_shirube_home_never_writes_into_the_current_directory(
    tmp_path: Path, args: list[str]
) -> None:
    empty, blank = tmp_path / "empty", tmp_path / "blank"
    empty.mkdir()
    blank.mkdir()
    result = subprocess.run(
        [str(VENV_BIN / "shirube"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=empty,
        env={**os.environ, "SHIRUBE_HOME": "", "PYTHONPATH": str(REPO_ROOT)},
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "SHIRUBE_HOME" in result.stderr and "Traceback" not in result.stderr
    assert list(empty.iterdir()) == []
    # Blanks read the same; the entry point in-process (a cold start costs seconds).
    spaces = run_cli(*args, env={"SHIRUBE_HOME": "   "}, cwd=blank)
    assert spaces.code == 2, spaces.err
    assert "SHIRUBE_HOME" in spaces.err and "Traceback" not in spaces.err
    assert list(blank.iterdir()) == []


def test_an_unreachable_chroma_server_is_one_line_naming_the_settings() -> None:
    port = str(free_port())  # nothing listens there
    result = run_shirube(
        "ask", "--offline", QUESTION, env={"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": port}
    )
    assert result.returncode in (1, 2), result.stderr
    assert "Traceback" not in result.stderr
    message = " ".join(result.stderr.split())  # rich wraps long lines
    assert "CHROMA_HOST" in message and "CHROMA_PORT" in message and port in message
    assert [line for line in result.stderr.splitlines() if line.startswith("Error:")]
