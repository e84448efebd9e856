"""Renderers of an Assessment: a terminal view (rich), a Markdown governance plan and JSON."""

from __future__ import annotations

from typing import Literal, get_args

from core.errors import UsageError
from tools.assess import Assessment

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[str, ...] = get_args(Format)


def render_plan(assessment: Assessment, fmt: str) -> str:
    """The assessment in `fmt` (text, markdown or json) as one string."""
    if fmt == "json":
        from tools.render.json import render_json

        return render_json(assessment)
    if fmt == "markdown":
        from tools.render.markdown import render_markdown

        return render_markdown(assessment)
    if fmt == "text":
        from tools.render.text import render_text

        return render_text(assessment)
    raise UsageError(f"unknown format '{fmt}'. Allowed formats: {', '.join(FORMATS)}.")


__all__ = ["FORMATS", "Format", "render_plan"]
