"""A thread as Markdown: every question, its answer and the full citations under it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agent.answer.markdown import sources_markdown
from agent.chat.state import Turn
from tools.markdown_text import inline, model_markdown

if TYPE_CHECKING:
    from agent.chat.thread import ChatThread


def turn_markdown(number: int, turn: Turn, lang: str = "en") -> str:
    from knowledge.ui_labels import ui_text

    parts = [f"## {number}. {inline(turn.question)}"]
    if turn.followup:
        parts.append(
            f"_{ui_text('cli.chat_export_understood', lang, question=inline(turn.resolved))}_"
        )
    parts.append(model_markdown(turn.answer))
    if turn.citations:
        heading = ui_text("cli.sources", lang)
        parts.append(f"**{heading}**\n\n" + sources_markdown(turn.citations))
    if turn.notice:
        parts.append(f"_{inline(turn.notice)}_")
    return "\n\n".join(parts)


def export_lang(thread: ChatThread) -> str:
    """The thread's language ('en', 'ja'), else that of its first question."""
    from agent.answer.lang import detect

    if thread.lang in ("en", "ja"):
        return str(thread.lang)
    return detect(thread.turns[0].question) if thread.turns else "en"


def to_markdown(thread: ChatThread) -> str:
    """The thread, its frame (title, rule base, disclaimer) in the thread's language."""
    from knowledge.loader import load_rule_base
    from knowledge.ui_labels import ui_text

    lang = export_lang(thread)
    head = [ui_text("cli.chat_export_title", lang, id=thread.thread_id)]
    if thread.profile_source:
        head.append(ui_text("cli.chat_export_profile", lang, source=inline(thread.profile_source)))
    meta = load_rule_base().meta
    as_of = ui_text("cli.chat_rules_as_of", lang, date=meta.as_of)
    head.append(f"_{as_of} {' '.join(meta.disclaimer_in(lang).split())}_")
    body = [turn_markdown(i, t, lang) for i, t in enumerate(thread.turns, 1)]
    return "\n\n".join(["\n\n".join(head), *body]) + "\n"
