"""A saved chat thread on the terminal (`shirube sessions show`) and as Markdown (`export`)."""

from __future__ import annotations

from pathlib import Path

from tools.terminal_text import clean

ANSWER_START = 160  # characters of each answer `sessions show` prints for a chat turn


def _answer_start(answer: str) -> str:
    text = " ".join(answer.split())
    return text if len(text) <= ANSWER_START else text[: ANSWER_START - 1].rstrip() + "…"


def _source_name(source_id: str, lang: str) -> str:
    """A cited source's short name in `lang` (its id when the rule base no longer has it)."""
    from knowledge.loader import load_rule_base
    from knowledge.schema import text_in

    source = load_rule_base().sources.get(source_id)
    return text_in(source, "short_name", lang) if source else source_id


def show_chat(session_id: str, lang: str) -> None:
    from rich.console import Console
    from rich.text import Text

    from agent.chat.thread import ChatThread
    from knowledge.ui_labels import ui_text
    from tools.terminal_wrap import WrapText, hanging

    console = Console(highlight=False)

    def say(key: str, **values: object) -> None:
        console.print(WrapText(clean(ui_text(key, lang, **values))))

    with ChatThread.open(session_id) as thread:
        if thread.profile_source:
            say("cli.chat_linked", path=thread.profile_source)
        turns = thread.turns
        if not turns:
            say("cli.chat_empty")
        for number, turn in enumerate(turns, 1):
            console.print(WrapText(f"{number}. {clean(turn.question)}"))
            if turn.followup:
                console.print("   ", end="")
                say("cli.chat_understood", text=turn.resolved)
            # Wrapped by display width under its indent: Japanese breaks between characters
            # (never inside 第30条の4), not only at spaces.
            answer = _answer_start(clean(turn.answer))
            console.print(hanging(Text("   "), WrapText(answer)))
            cites = [
                f"{_source_name(c.id, lang)}{f' {c.section}' if c.section else ''}"
                for c in turn.citations
            ]
            if cites:
                console.print("   ", end="")
                say("cli.chat_sources", cites=ui_text("cli.chat_cite_sep", lang).join(cites))
    say("cli.chat_resume", id=session_id)


def export_chat(session_id: str, output: Path | None, lang: str) -> None:
    from agent.chat.commands import write_export
    from agent.chat.thread import ChatThread
    from knowledge.ui_labels import ui_text

    path = output or Path.cwd() / f"shirube-chat-{session_id}.md"
    with ChatThread.open(session_id) as thread:
        written = write_export(thread, str(path))
    print(ui_text("cli.chat_exported", lang, path=clean(written)))
