"""Renderers of an Assessment: a terminal view (rich), a Markdown plan, JSON and DOCX."""

from __future__ import annotations

from typing import Literal, get_args

from core.errors import UsageError
from tools.assess import Assessment

Format = Literal["text", "markdown", "json", "docx"]
FORMATS: tuple[str, ...] = get_args(Format)
# The file name endings each format may be written to (`--format docx` to plan.md is refused).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text", ".log"),
    "markdown": (".md", ".markdown"),
    "json": (".json",),
    "docx": (".docx",),
}


def render_plan(assessment: Assessment, fmt: str, *, appendix: bool = False) -> str:
    """The assessment in `fmt` (text, markdown or json) as one string."""
    if fmt == "json":
        from tools.render.json import render_json

        return render_json(assessment)
    if fmt == "markdown":
        from tools.render.markdown import render_markdown

        return render_markdown(assessment, appendix=appendix)
    if fmt == "text":
        from tools.render.text import render_text

        return render_text(assessment)
    if fmt == "docx":
        raise UsageError("DOCX is a file format: write it with --output plan.docx.")
    raise UsageError(f"unknown format '{fmt}'. Allowed formats: {', '.join(FORMATS)}.")


def plan_bytes(assessment: Assessment, fmt: str, *, appendix: bool = False) -> bytes:
    """The assessment as the bytes of a file in `fmt` (any format, DOCX included)."""
    if fmt == "docx":
        from tools.render.docx import render_docx

        return render_docx(assessment)
    return render_plan(assessment, fmt, appendix=appendix).encode("utf-8")


__all__ = ["FORMATS", "SUFFIXES", "Format", "plan_bytes", "render_plan"]
