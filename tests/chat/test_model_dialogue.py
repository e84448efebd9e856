"""The fake-model path: verified model answers per turn, follow-ups resolved the same way."""

from __future__ import annotations

from agent.chat.thread import ChatThread
from agent.config import Settings
from tests.fakes import fake_model


def test_model_turns_are_verified_and_followups_resolved(chat_settings: Settings) -> None:
    model = fake_model(
        [
            "The AI Basic Plan is a Cabinet decision under the AI Promotion Act [ai_basic_plan].",
            "It was adopted by Cabinet decision [ai_basic_plan].",
            # Cites nothing retrieved: fails verification twice, so the composer answers instead.
            "The AI Basic Plan imposes fines of 1 billion yen [made_up_source].",
            "Still fines [made_up_source].",
        ]
    )
    with ChatThread.start(chat_settings, chat_model=model) as thread:
        first = thread.ask("What is the AI Basic Plan?")
        assert first.mode.startswith("model:") and first.citations[0].id == "ai_basic_plan"
        assert "[1]" in first.answer and "[ai_basic_plan]" not in first.answer
        second = thread.ask("when was it adopted?")
        assert second.resolved == "when was the AI Basic Plan adopted?"
        assert second.mode.startswith("model:")
        third = thread.ask("does it carry fines?")
        assert third.mode == "offline" and "made_up_source" not in third.answer
        assert "failed verification" in (third.notice or "")
        assert {c.id for c in third.citations} >= {"ai_basic_plan"}
