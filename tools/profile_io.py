"""load_profile: read a use-case profile from JSON or YAML, failing with one clear message."""

from __future__ import annotations

import json
import reprlib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from agent.errors import UsageError
from tools.conditions import field_specs
from tools.profile import UseCaseProfile

SUFFIXES = (".json", ".yaml", ".yml")
MAX_BYTES = 1_000_000
HINT = "See 'Assessing a use case' in the README for an example profile."


def load_profile(path: str | Path) -> UseCaseProfile:
    """Parse and validate the profile at `path`; raise UsageError naming what is wrong."""
    path = Path(path)
    data = _parse(path, _read_text(path))
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
        raise UsageError(f"{path}: {describe_validation_error(exc)}") from None


def _read_text(path: Path) -> str:
    if path.suffix.lower() not in SUFFIXES:
        raise UsageError(
            f"{path}: unsupported file type '{path.suffix or '(none)'}'; "
            f"use one of {', '.join(SUFFIXES)}."
        )
    if not path.is_file():
        raise UsageError(f"Profile file not found: {path}. Check the path. {HINT}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UsageError(
            f"{path} is {size:,} bytes; a profile must be under {MAX_BYTES:,} bytes. "
            "Check that you passed the right file."
        )
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{path} is not UTF-8 text (bad byte at offset {exc.start}). Save it as UTF-8."
        ) from None


def _parse(path: Path, text: str) -> Any:
    try:
        return _parse_text(path, text)
    except RecursionError:
        raise UsageError(
            f"{path} is nested too deeply to be a profile. Use flat fields (name: value)."
        ) from None
    except ValueError as exc:  # invalid dates (2024-13-45) or integers too long to convert
        raise UsageError(f"{path}: a value could not be read: {str(exc)[:120]}.") from None


def _parse_text(path: Path, text: str) -> Any:
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text) if text.strip() else None
        except json.JSONDecodeError as exc:
            raise UsageError(
                f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}."
            ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "could not parse"
        raise UsageError(f"{path}: invalid YAML{where}: {problem}.") from None


def _allowed(field: str) -> str:
    if field in ("name", "description"):
        return "any text"
    kind, values = field_specs()[field]
    if kind == "bool":
        return "true or false"
    if kind == "list":
        return f"a list of: {', '.join(values)}"
    return ", ".join(values)


def _short(value: object, limit: int = 80) -> str:
    # reprlib stops early: repr() of a YAML alias bomb would take seconds and gigabytes.
    text = reprlib.repr(value) if isinstance(value, list | dict) else repr(value)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def describe_validation_error(exc: ValidationError) -> str:
    """One sentence naming the field, the bad value and the allowed values."""
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
    return (
        # Truncated: a hostile file can hold a huge value, the message stays one line.
        f"field '{shown}' has the invalid value {_short(first['input'])}. "
        f"Allowed: {_allowed(field)}.{more}"
    )
