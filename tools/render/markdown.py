"""Markdown: a governance plan a founder could hand to a board (same content as the DOCX)."""

from __future__ import annotations

from tools.assess import Assessment
from tools.markdown_text import inline
from tools.render.document import Heading, Items, Line, Paragraph, Table, plan_document


def _cell(text: str) -> str:
    # A pipe or newline would break the table row.
    return text.replace("|", "\\|").replace("\n", " ")


# Full-width punctuation just inside a closing '**' keeps CommonMark from closing the bold
# when a Japanese letter follows ('**理由：**AI' stays unbolded), so it goes outside: '**理由**：'.
_CJK_CLOSE = "：、。）」』"


def _bold(text: str) -> str:
    tail = ""
    while text and text[-1] in _CJK_CLOSE:
        text, tail = text[:-1], text[-1] + tail
    return f"**{text}**{tail}"


def _span_text(line: Line) -> str:
    out = []
    for span in line:
        # The user's words are escaped so they stay text; rule-base text is trusted Markdown.
        text = inline(span.text) if span.user else " ".join(span.text.split())
        lead = " " if span.text[:1].isspace() else ""
        trail = " " if span.text[-1:].isspace() else ""
        out.append(f"{lead}{_bold(text)}{trail}" if span.bold else f"{lead}{text}{trail}")
    return "".join(out)


def render_markdown(assessment: Assessment, *, appendix: bool = False) -> str:
    """The plan in Markdown; `appendix` adds the official checklist references."""
    doc = plan_document(assessment)
    out: list[str] = [f"# {inline(doc.title)}", ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            out += [f"{'#' * block.level} {inline(block.text)}", ""]
        elif isinstance(block, Paragraph):
            text = _span_text(block.spans)
            out += [f"*{text}*" if block.italic else text, ""]
        elif isinstance(block, Items):
            for number, item in enumerate(block.items, 1):
                mark = f"{number}." if block.numbered else "-"
                out.append(f"{mark} {_span_text(item)}")
            out.append("")
        elif isinstance(block, Table):
            out.append("| " + " | ".join(block.headers) + " |")
            out.append("|" + "---|" * len(block.headers))
            for row in block.rows:
                out.append("| " + " | ".join(_cell(_span_text(cell)) for cell in row) + " |")
            out.append("")
    if appendix:
        from tools.worksheet import markdown_appendix  # late: it pulls in openpyxl

        out.append(markdown_appendix(assessment))
    return "\n".join(out).rstrip("\n") + "\n"
