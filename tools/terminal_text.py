"""Safe terminal text: untrusted strings without control sequences, and never read as markup.

Anything a user, a profile file, a model or a model server wrote may hold escape sequences
(set the title, clear the screen, hide text) or rich/Textual markup (`[/]` crashes, `[beta]`
vanishes). Every such string goes through `clean` before it is shown or exported, and through
`markup` before it is put inside a markup template.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any

from rich.markup import escape
from rich.text import Text

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

# Whole escape sequences first, so their parameters do not stay behind as visible junk:
# CSI (7- and 8-bit), then OSC/DCS/SOS/PM/APC strings up to BEL or ST, then two-byte escapes.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
# What is left of C0, DEL and C1, except tab and newline; bidi overrides can hide text too.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: object) -> str:
    """`text` as a string with escape sequences and control characters removed (\\n, \\t kept)."""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", _SEQUENCE.sub("", value))


def markup(text: object) -> str:
    """`text` cleaned and escaped, to put inside a rich or Textual markup string."""
    return escape(clean(text))


def json_text(dumped: str) -> str:
    """`json.dumps(..., ensure_ascii=False)` output with DEL, C1 and bidi controls \\u-escaped.

    json.dumps escapes C0 itself; these it leaves raw, and a terminal may act on them.
    """
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def plain(text: object, style: str = "") -> Text:
    """`text` cleaned as a rich Text: shown literally wherever a renderable is accepted."""
    return Text(clean(text), style=style)


class _Cleaned:
    """pydantic's AfterValidator(clean), through the hook pydantic reads from any annotation,
    so this module (on `sessions list`'s path) does not import pydantic."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(clean, handler(source))


# A model field holding text from a model or a model server: cleaned when the value is made.
CleanText = Annotated[str, _Cleaned]

__all__ = ["CleanText", "clean", "json_text", "markup", "plain"]
