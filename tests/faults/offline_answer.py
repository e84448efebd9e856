"""What a fault test expects when the model server fails: the rule base's own cited answer, with
a one-line notice naming why (tests/faults/test_ollama_faults.py, test_model_deadline.py)."""

from __future__ import annotations

from pathlib import Path

from agent.state import Answer
from core.config import Settings

QUESTION = "Does Japan have an AI Act?"


def fake_model_settings(home: Path, url: str, **extra: object) -> Settings:
    """Settings that send the model's calls to the fake Ollama at `url` (ollama_fixture)."""
    return Settings(home=home, ollama_host=url, model="fake:7b", **extra)


def assert_rule_base_answer(answer: Answer, notice_part: str) -> None:
    """Offline, in scope, citing the AI Promotion Act; a one-line notice saying `notice_part`."""
    assert answer.mode == "offline" and answer.scope == "in"
    assert "ai_promotion_act" in {c.id for c in answer.citations}
    assert answer.notice is not None and "\n" not in answer.notice
    assert notice_part in answer.notice, answer.notice
