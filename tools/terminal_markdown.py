"""Rich's Markdown whose paragraphs wrap as Japanese allows (tools.terminal_wrap), kept apart so
that a command printing only text loads no Markdown parser (start-up)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.markdown import Markdown, MarkdownElement, Paragraph

from tools.terminal_wrap import as_wrapping

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


class _Paragraph(Paragraph):
    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self.text.justify = self.justify
        yield as_wrapping(self.text)


class WrapMarkdown(Markdown):
    """Rich's Markdown whose paragraphs (list items' and quotes' too) wrap as WrapText."""

    elements: ClassVar[dict[str, type[MarkdownElement]]] = {
        **Markdown.elements,
        "paragraph_open": _Paragraph,
    }
