"""load_profile: read a use-case profile from JSON or YAML, failing with one clear message."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from core.conditions import field_specs
from core.profile import UseCaseProfile
from knowledge.ui_labels import LabelledError, Phrase, phrase
from tools.data_file import MAX_BYTES, SUFFIXES, FileKind, read_data_file, short

# Re-exported: the CLI tests size their hostile files by it.
__all__ = [
    "MAX_BYTES",
    "SUFFIXES",
    "describe_validation",
    "describe_validation_error",
    "load_profile",
]

PROFILE = FileKind(
    noun="file_errors.profile_noun",
    missing="file_errors.profile_missing",
    flat="file_errors.profile_flat",
)


def load_profile(path: str | Path) -> UseCaseProfile:
    """Parse and validate the profile at `path`; raise UsageError naming what is wrong."""
    path = Path(path)
    data = read_data_file(path, PROFILE)
    if data is None:
        raise LabelledError("file_errors.profile_empty", path=str(path))
    if not isinstance(data, dict):
        raise LabelledError(
            "file_errors.profile_not_mapping", path=str(path), kind=type(data).__name__
        )
    try:
        return UseCaseProfile.model_validate(data)
    except ValidationError as exc:
        raise LabelledError(
            "file_errors.profile_invalid", path=str(path), problem=describe_validation(exc, path)
        ) from None


def _allowed(field: str) -> str | Phrase:
    if field in ("name", "description"):
        return phrase("file_errors.any_text")
    kind, values = field_specs()[field]
    if kind == "bool":
        return phrase("file_errors.true_or_false")
    if kind == "list":
        return phrase("file_errors.list_of", values=", ".join(values))
    return ", ".join(values)


def _typed(path: Path | None, loc: list[str], value: object) -> str | None:
    """A non-text value as written in the file: YAML reads `yes` as True; show `yes`."""
    if path is None or isinstance(value, str | list | dict):
        return None
    if path.suffix.lower() == ".json":
        return json.dumps(value)
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, ValueError, RecursionError, yaml.YAMLError):
        return None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
        else:
            return None
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _nearest(field: str, value: object, typed: str | None) -> str | Phrase:
    """' Did you mean ...?' naming the closest allowed values, or '' when none is close."""
    spec = field_specs().get(field)
    if spec is None or spec[0] == "bool":
        return ""
    values = spec[1]
    if isinstance(value, bool) and "none" in values:
        # Yes/no to a question with a "none" choice: no is none, yes is one of the others.
        picks = ["none"] if not value else [v for v in values if v != "none"]
    else:
        text = (typed if typed is not None else str(value)).strip().lower()
        picks = difflib.get_close_matches(text, values, n=2, cutoff=0.6) if len(text) < 60 else []
    if not picks:
        return ""
    named: str | Phrase = repr(picks[-1])
    for pick in reversed(picks[:-1]):
        named = phrase("file_errors.either", first=repr(pick), second=named)
    return phrase("file_errors.did_you_mean", picks=named)


def describe_validation_error(exc: ValidationError, path: Path | None = None) -> str:
    """One English sentence naming the field, the value as typed, the allowed and the nearest
    values (the API's and MCP's wording)."""
    return describe_validation(exc, path).text("en")


def describe_validation(exc: ValidationError, path: Path | None = None) -> Phrase:
    """describe_validation_error's sentence, to be written in the reader's language."""
    errors = exc.errors()
    first = errors[0]
    loc = [str(part) for part in first["loc"]]
    field = loc[0] if loc else "(profile)"
    more: str | Phrase = (
        phrase("file_errors.more", count=len(errors) - 1) if len(errors) > 1 else ""
    )
    if first["type"] == "invalid_key":
        return phrase("file_errors.field_not_text", name=f"{first['input']!r:.60}", more=more)
    if first["type"] == "extra_forbidden":
        allowed = ", ".join(UseCaseProfile.model_fields)
        return phrase(
            "file_errors.unknown_field", field=repr(field[:60]), allowed=allowed, more=more
        )
    shown: str | Phrase = field
    if len(loc) > 1 and loc[1].isdigit():
        shown = phrase("file_errors.item", field=field, number=int(loc[1]) + 1)
    value = first["input"]
    typed = _typed(path, loc, value)
    return phrase(
        "file_errors.invalid_value",
        field=shown,
        # Truncated: a hostile file can hold a huge value, the message stays one line.
        value=short(typed if typed is not None else value),
        allowed=_allowed(field),
        nearest=_nearest(field, value, typed),
        more=more,
    )
