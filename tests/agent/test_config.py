"""Settings come from the environment; a bad value is a clear usage error, never a traceback."""

from __future__ import annotations

import pytest

from core.config import get_settings
from core.errors import UsageError
from tests.conftest import run_shirube


def test_ollama_host_without_scheme_or_port_gets_the_defaults(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OLLAMA_HOST", "gpu-box")
    assert get_settings().ollama_url == "http://gpu-box:11434"


def test_a_bad_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHIRUBE_READ_TIMEOUT", "soon")
    with pytest.raises(UsageError, match=r"SHIRUBE_READ_TIMEOUT='soon' is invalid"):
        get_settings()


@pytest.mark.parametrize(
    ("variable", "value", "command"),
    [("CHROMA_PORT", "eighty", "doctor"), ("SHIRUBE_CONNECT_TIMEOUT", "-1", "ask")],
)
def test_cli_exits_2_on_a_bad_setting(variable: str, value: str, command: str) -> None:
    question = ["Is the AIGfB binding?"] if command == "ask" else []
    result = run_shirube(command, *question, env={variable: value})
    assert result.returncode == 2
    assert f"{variable}='{value}' is invalid" in result.stderr
    assert "Traceback" not in result.stderr
