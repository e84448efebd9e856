"""load_profile: read a use-case profile from JSON or YAML, failing with one clear message."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from core.conditions import field_specs
from core.errors import UsageError
from core.profile import UseCaseProfile
from tools.data_file import MAX_BYTES, SUFFIXES, FileKind, read_data_file, short

# Re-exported: the CLI tests size their hostile files by it.
__all__ = ["MAX_BYTES", "SUFFIXES", "describe_validation_error", "load_profile"]

HINT = "See 'Assessing a use case' in the README for an example profile."
PROFILE = FileKind(
    noun="a profile",
    missing=f"Profile file not found: {{path}}. Check the path. {HINT}",
    flat="flat fields (name: value)",
)


def load_profile(path: str | Path) -> UseCaseProfile:
    """Parse and validate the profile at `path`; raise UsageError naming what is wrong."""
    path = Path(path)
    data = read_data_file(path, PROFILE)
    if data is None:
        raise UsageError(f"{path} is empty. Write the profile as a mapping of fields. {HINT}")
    if not isinstance(data, dict):
        raise UsageError(
            f"{path} must hold a mapping of profile fields (name: value), "
            f"not a {type(data).__name__}. {HINT}"
        )
    try:
        return UseCaseProfile.model_validate(data)
    except ValidationError as exc:
        raise UsageError(f"{path}: {describe_validation_error(exc, path)}") from None


def _allowed(field: str) -> str:
    if field in ("name", "description"):
        return "any text"
    kind, values = field_specs()[field]
    if kind == "bool":
        return "true or false"
    if kind == "list":
        return f"a list of: {', '.join(values)}"
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


def _nearest(field: str, value: object, typed: str | None) -> str:
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
    return f" Did you mean {' or '.join(repr(p) for p in picks)}?" if picks else ""


def describe_validation_error(exc: ValidationError, path: Path | None = None) -> str:
    """One sentence naming the field, the value as typed, the allowed and the nearest values."""
    errors = exc.errors()
    first = errors[0]
    loc = [str(part) for part in first["loc"]]
    field = loc[0] if loc else "(profile)"
    more = f" ({len(errors) - 1} more problem(s) in this file.)" if len(errors) > 1 else ""
    if first["type"] == "invalid_key":
        return f"field names must be text, not {first['input']!r:.60}.{more}"
    if first["type"] == "extra_forbidden":
        allowed = ", ".join(UseCaseProfile.model_fields)
        return f"unknown field {field[:60]!r}. Allowed fields: {allowed}.{more}"
    shown = f"{field}, item {int(loc[1]) + 1}" if len(loc) > 1 and loc[1].isdigit() else field
    value = first["input"]
    typed = _typed(path, loc, value)
    return (
        # Truncated: a hostile file can hold a huge value, the message stays one line.
        f"field '{shown}' has the invalid value {short(typed if typed is not None else value)}. "
        f"Allowed: {_allowed(field)}.{_nearest(field, value, typed)}{more}"
    )
