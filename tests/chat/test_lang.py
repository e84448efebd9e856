"""Issue 18: a chat thread keeps the language it was set to, across turns and a resume."""

from __future__ import annotations

from pathlib import Path

from agent.chat.thread import ChatThread
from core.config import Settings


def test_a_thread_set_to_japanese_answers_english_questions_in_japanese(
    session_home: Path,
) -> None:
    settings = Settings(home=session_home, offline=True)
    with ChatThread.start(settings, offline=True) as thread:
        thread.set_lang("ja")
        turn = thread.ask("Does the AI Promotion Act have penalties?")
        thread_id = thread.thread_id
    assert turn.answer.startswith("いいえ。"), turn.answer
    with ChatThread.resume(thread_id, settings, offline=True) as again:
        assert again.lang == "ja"
        assert again.ask("Is the AI Basic Plan binding on companies?").answer.startswith("いいえ")
        again.set_lang("auto")
        assert again.ask("Does the AI Promotion Act have penalties?").answer.startswith("No.")
