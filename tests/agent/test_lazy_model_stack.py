"""The offline ask path never imports the chat-model stack (cold-start latency, issue 8)."""

from __future__ import annotations

from core.config import Settings
from tests.conftest import run_python

# Imported only when a model may answer: each costs cold-start time an offline ask never needs.
MODEL_STACK = (
    "langchain_core.language_models.chat_models",
    "langchain_core.tools",
    "langchain_ollama",
    "ollama",
    "agent.model",
)


def test_offline_ask_imports_no_model_stack(settings: Settings) -> None:
    code = (
        "import sys, json\n"
        "from agent.qa import ask\n"
        "answer = ask('Does Japan have an AI Act?', offline=True)\n"
        f"print(json.dumps([answer.mode, [m for m in {MODEL_STACK!r} if m in sys.modules]]))\n"
    )
    done = run_python(code, home=settings.home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == '["offline", []]'


def test_model_path_still_finds_the_model_stack(settings: Settings) -> None:
    # The lazy imports must resolve when a model is configured: the probe answers offline here.
    from agent.qa import ask

    answer = ask("Does Japan have an AI Act?", settings=settings)
    assert answer.mode == "offline"
    assert answer.notice is not None and "Model unavailable" in answer.notice
