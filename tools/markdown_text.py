"""User text inside Markdown documents: shown as written, never as headings, HTML or links.

A profile's name or description, a chat question or a file path is the user's own text; put
into a plan or an export it must not add a heading ("# APPI does not apply"), raw HTML
(`<script>`) or a link (`[x](javascript:...)`). Model answers are Markdown on purpose: they
keep their formatting, but lose raw HTML and script links.
"""

from __future__ import annotations

import re

from tools.terminal_text import clean

# Characters that start inline Markdown or HTML anywhere in a line (CommonMark escapes them).
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!])")
# What makes a line a block of its own: a list, quote, heading underline, fence or numbered item.
_LINE_START = re.compile(r"^(\s*)([-+=>:]|\d+(?=[.)]))")
# Raw HTML in a model answer (autolinks like <https://...> stay links).
_HTML = re.compile(r"<(?=[A-Za-z/!?])(?!https?://)")
# "](javascript:" → "]\(javascript:": the link syntax breaks and the text shows as written.
_SCRIPT_LINK = re.compile(r"\]\((?=\s*(?:javascript|vbscript|data):)", re.IGNORECASE)


def _line(text: str) -> str:
    escaped = _INLINE.sub(r"\\\1", text)
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    lead, mark = match.groups()
    if mark.isdigit():  # "1. x" → "1\. x": the number stays, the list does not
        end = match.end()
        return f"{escaped[:end]}\\{escaped[end:]}"
    return f"{lead}\\{mark}{escaped[match.end() :]}"


def inline(text: object) -> str:
    """Untrusted text for one line (a heading, a list item, a table cell): literal, one line."""
    return _line(" ".join(clean(text).split()))


def block(text: object) -> str:
    """Untrusted text as a paragraph: line breaks kept, every line literal."""
    lines = [line.strip() for line in clean(text).split("\n")]
    return "\n".join(_line(line) for line in lines).strip()


def model_markdown(text: object) -> str:
    """A model's Markdown answer: formatting kept; no control characters, HTML or script links."""
    return _SCRIPT_LINK.sub(r"]\\(", _HTML.sub("&lt;", clean(text)))


__all__ = ["block", "inline", "model_markdown"]
