"""Issue 18: a Japanese answer or chat exported as Markdown has its frame in Japanese too (the
sources heading, the rule base's date and disclaimer, the thread's title), English unchanged."""

from __future__ import annotations

from agent.answer.markdown import to_markdown
from agent.chat.thread import ChatThread
from agent.qa import ask
from core.config import Settings

ENGLISH_FRAME = ("**Sources**", "Rule base as of", "Shirube chat", "Understood as", "legal advice")


def test_a_japanese_answer_as_markdown(chat_settings: Settings) -> None:
    markdown = to_markdown(ask("AI推進法とは何ですか", settings=chat_settings, offline=True))
    assert "**出典**" in markdown and "ルールベースは 2026-" in markdown, markdown
    assert not [words for words in ENGLISH_FRAME if words in markdown], markdown
    english = to_markdown(
        ask("What is the AI Promotion Act?", settings=chat_settings, offline=True)
    )
    assert "**Sources**" in english and "_Rule base as of 2026-" in english, english


def test_a_japanese_thread_exports_in_japanese(chat_settings: Settings) -> None:
    with ChatThread.start(chat_settings, offline=True) as thread:
        thread.ask("AI推進法に罰則はありますか？")
        markdown = thread.export_markdown()
    assert markdown.startswith("# Shirube チャット ") and "**出典**" in markdown, markdown
    assert "法的助言ではありません" in markdown, markdown
    assert not [words for words in ENGLISH_FRAME if words in markdown], markdown
