"""read_data_file: a user's YAML or JSON file, parsed behind the guards every loader shares.

Profiles (`assess`, `chat --profile`) and interview answers files (`interview --answers`) both
come through here: a size cap before parsing, UTF-8 only, `yaml.safe_load` (no Python tags), and
deep nesting or unreadable scalars as one clear UsageError. YAML aliases stay shared references:
a caller must never expand a value it did not check (`short` prints one safely).
"""

from __future__ import annotations

import json
import reprlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.ui_labels import LabelledError, phrase, syntax_problem
from knowledge.yaml_files import UniqueKeySafeLoader

SUFFIXES = (".json", ".yaml", ".yml")
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class FileKind:
    """How messages name one kind of file."""

    noun: str
    """Label of its name, with its article, as in "a profile must be under ..."."""
    missing: str
    """Label of the whole message for a missing file; `{path}` is filled in."""
    flat: str
    """Label of what a well-shaped file looks like, for the too-deeply-nested message."""


def read_data_file(path: Path, kind: FileKind) -> Any:
    """The parsed content of `path` (None when empty); UsageError naming what is wrong."""
    text = _read_text(path, kind)
    try:
        return _parse_text(path, text)
    except RecursionError:
        raise LabelledError(
            "file_errors.too_deep", path=str(path), noun=phrase(kind.noun), flat=phrase(kind.flat)
        ) from None
    except ValueError as exc:  # invalid dates (2024-13-45) or integers too long to convert
        # Python says which in English: the kind from a label ("digits" only in the second).
        said = "number_too_long" if "digits" in str(exc) else "impossible_date"
        raise LabelledError(
            "file_errors.unreadable_value", path=str(path), problem=phrase(f"file_errors.{said}")
        ) from None


def short(value: object, limit: int = 80) -> str:
    """A one-line repr of any parsed value, cut to `limit` characters."""
    # reprlib stops early: repr() of a YAML alias bomb would take seconds and gigabytes.
    text = reprlib.repr(value) if isinstance(value, list | dict) else repr(value)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def _read_text(path: Path, kind: FileKind) -> str:
    allowed = ", ".join(SUFFIXES)
    # What is there, first: a folder or a pipe named like a file is neither missing nor a type.
    if path.is_dir():
        raise LabelledError("file_errors.is_directory", path=str(path), allowed=allowed)
    if path.exists() and not path.is_file():
        raise LabelledError("file_errors.not_regular", path=str(path), allowed=allowed)
    if not path.suffix:
        raise LabelledError("file_errors.no_suffix", path=str(path), allowed=allowed)
    if path.suffix.lower() not in SUFFIXES:
        raise LabelledError(
            "file_errors.unsupported_type", path=str(path), suffix=path.suffix, allowed=allowed
        )
    if not path.is_file():
        raise LabelledError(kind.missing, path=str(path))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise LabelledError(
            "file_errors.too_big",
            path=str(path),
            size=f"{size:,}",
            noun=phrase(kind.noun),
            limit=f"{MAX_BYTES:,}",
        )
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LabelledError("file_errors.not_utf8", path=str(path), offset=exc.start) from None


def _parse_text(path: Path, text: str) -> Any:
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text) if text.strip() else None
        except json.JSONDecodeError as exc:
            raise LabelledError(
                "file_errors.invalid_syntax_at",
                path=str(path),
                format="JSON",
                line=exc.lineno,
                column=exc.colno,
                problem=syntax_problem(exc.msg),
            ) from None
    try:
        return yaml.load(text, Loader=UniqueKeySafeLoader)  # a safe loader, keys unique
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "could not parse"
        if mark is None:
            raise LabelledError(
                "file_errors.invalid_syntax",
                path=str(path),
                format="YAML",
                problem=syntax_problem(problem),
            ) from None
        raise LabelledError(
            "file_errors.invalid_syntax_at",
            path=str(path),
            format="YAML",
            line=mark.line + 1,
            column=mark.column + 1,
            problem=syntax_problem(problem),
        ) from None
