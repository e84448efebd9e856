"""DOCX: the same plan document as the Markdown, for a word processor (python-docx)."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Pt

from tools.assess import Assessment
from tools.render.document import Heading, Items, Line, Paragraph, Table, plan_document
from tools.terminal_text import clean


def _add_spans(paragraph: object, line: Line) -> None:
    for span in line:
        # Control characters would make the XML invalid; the user's text is cleaned of them.
        run = paragraph.add_run(clean(span.text) if span.user else span.text)  # type: ignore[attr-defined]
        run.bold = span.bold


def render_docx(assessment: Assessment) -> bytes:
    """The plan as a .docx file's bytes."""
    plan = plan_document(assessment)
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(clean(plan.title), level=0)
    for block in plan.blocks:
        if isinstance(block, Heading):
            doc.add_heading(clean(block.text), level=min(block.level - 1, 9) or 1)
        elif isinstance(block, Paragraph):
            para = doc.add_paragraph()
            _add_spans(para, block.spans)
            if block.italic:
                for run in para.runs:
                    run.italic = True
        elif isinstance(block, Items):
            style = "List Number" if block.numbered else "List Bullet"
            for item in block.items:
                _add_spans(doc.add_paragraph(style=style), item)
        elif isinstance(block, Table):
            table = doc.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            for cell, header in zip(table.rows[0].cells, block.headers, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(header).bold = True
            for row in block.rows:
                cells = table.add_row().cells
                for cell, line in zip(cells, row, strict=True):
                    _add_spans(cell.paragraphs[0], line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
