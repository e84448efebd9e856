"""Printing an Answer for `shirube ask`: rich text, Markdown or JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from agent.answer.markdown import to_markdown
from agent.answer.numbering import numbered, source_line
from tools.terminal_text import clean, json_text, markup

if TYPE_CHECKING:
    from rich.console import Console

    from agent.answer.numbering import Cited

    # Only a type here: importing agent.state at run time loads langgraph (~0.5 s), which the
    # caller pays anyway only when it actually answers a question.
    from agent.state import Answer


def render(answer: Answer, fmt: str) -> None:
    if fmt == "json":
        print(json_text(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False, indent=2)))
        return
    if fmt == "markdown":
        print(to_markdown(answer), end="")
        return
    # rich's Markdown (markdown-it) only for the text format: json and markdown skip ~35 ms.
    from rich.console import Console

    from knowledge.ui_labels import ui_text
    from tools.terminal_markdown import WrapMarkdown
    from tools.terminal_wrap import wrapped

    console = Console()
    lang = answer.lang  # the headings in the answer's language (the question's, or --lang)
    if answer.notice:
        console.print(wrapped(f"[yellow]{markup(answer.notice)}[/]"), highlight=False)
    # Wrapped by display width: Japanese breaks between characters, never inside 第30条の4.
    console.print(WrapMarkdown(clean(answer.answer)))
    if answer.citations:
        console.print(f"\n[bold]{ui_text('cli.sources', lang)}[/]")
        for number, cite in numbered(answer.citations):
            print_source(console, number, cite)
    date = answer.rule_base_as_of
    as_of = ui_text("cli.rules_as_of", lang, date=date) if date else ""
    footer = ui_text("cli.mode", lang, mode=markup(answer.mode), ms=answer.latency_ms) + as_of
    console.print(wrapped(f"[dim]{footer}[/]"), highlight=False)


def print_source(console: Console, number: int, cite: Cited) -> None:
    """'[1] Title 第13条（label）' wrapped by width beside its number, then the URL whole."""
    from rich.text import Text

    from tools.terminal_wrap import WrapText, hanging

    heading, url = source_line(number, cite).split("\n", 1)
    lead = f"[{number}] "
    console.print(hanging(Text(lead), WrapText(clean(heading[len(lead) :]))))
    # soft_wrap: Rich never cuts the URL, so the terminal can open it whole.
    console.print(url, highlight=False, markup=False, soft_wrap=True)


def render_explanation(answer: Answer) -> None:
    """The `Query`, the route and the facts stated: every step of the answer, on stderr."""
    import sys

    from agent.answer.use_case import layer_ranking

    explained = {
        "route": answer.route,
        "query": answer.query,
        "facts": answer.fact_ids,
        "tools_called": answer.tools_called,
        # A use case: each engaged layer, the data that ranks it, and whether the answer states it.
        "layers": layer_ranking(answer.query),
        "model": answer.model.model_dump(mode="json") if answer.model else None,
    }
    sys.stderr.write(clean(json.dumps(explained, indent=2, ensure_ascii=False)) + "\n")
