"""A thread as Markdown: every question, its answer and the full citations under it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agent.answer.markdown import sources_markdown
from agent.chat.state import Turn
from tools.markdown_text import inline, model_markdown

if TYPE_CHECKING:
    from agent.chat.thread import ChatThread


def turn_markdown(number: int, turn: Turn) -> str:
    parts = [f"## {number}. {inline(turn.question)}"]
    if turn.followup:
        parts.append(f"_Understood as: {inline(turn.resolved)}_")
    parts.append(model_markdown(turn.answer))
    if turn.citations:
        parts.append("**Sources**\n\n" + sources_markdown(turn.citations))
    if turn.notice:
        parts.append(f"_{inline(turn.notice)}_")
    return "\n\n".join(parts)


def to_markdown(thread: ChatThread) -> str:
    from knowledge.loader import load_rule_base

    head = [f"# Shirube chat {thread.thread_id}"]
    if thread.profile_source:
        head.append(f"Linked profile: {inline(thread.profile_source)}")
    meta = load_rule_base().meta
    head.append(f"_Rule base as of {meta.as_of}. {' '.join(meta.disclaimer.split())}_")
    body = [turn_markdown(i, t) for i, t in enumerate(thread.turns, 1)]
    return "\n\n".join(["\n\n".join(head), *body]) + "\n"
