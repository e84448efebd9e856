"""An answer as Markdown: its text, the numbered sources and the notice (ask, chat exports)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agent.answer.numbering import numbered
from tools.markdown_text import inline, model_markdown

if TYPE_CHECKING:
    # Only a type: agent.state loads langgraph (~0.5 s), paid only when a question is answered.
    from agent.state import Answer, AnswerCitation


def sources_markdown(citations: list[AnswerCitation]) -> str:
    """Numbered Markdown source list; also used for each turn of an exported chat thread."""
    return "\n".join(
        f"{number}. {cite.heading} <{cite.url}>" for number, cite in numbered(citations)
    )


def to_markdown(answer: Answer) -> str:
    """The answer, its sources and notices; the words around them in the answer's language."""
    from knowledge.ui_labels import ui_text

    parts = [model_markdown(answer.answer)]
    if answer.citations:
        heading = ui_text("cli.sources", answer.lang)
        parts.append(f"**{heading}**\n\n" + sources_markdown(answer.citations))
    if answer.notice:
        parts.append(f"_{inline(answer.notice)}_")
    if answer.rule_base_as_of:
        as_of = ui_text("cli.chat_rules_as_of", answer.lang, date=answer.rule_base_as_of)
        parts.append(f"_{as_of}_")
    return "\n\n".join(parts) + "\n"
