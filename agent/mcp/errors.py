"""Bad tool arguments as one sentence: which field, what was wrong, how to fix it.

The SDK's own message is pydantic's dump (types, URLs); a host's model corrects itself faster,
and a person reads the host's log faster, from what a Shirube CLI error would say.
"""

from __future__ import annotations

import difflib
import json
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from core.profile import UseCaseProfile
from tools.profile_io import describe_validation_error

DATE_ERRORS = ("date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact")
CHOICE_ERRORS = ("enum", "literal_error")


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:59] + "…"


def _example(schema: dict[str, Any], field: str) -> str:
    spec = schema.get("properties", {}).get(field, {})
    examples = spec.get("examples") or []
    return f' e.g. {{"{field}": {json.dumps(examples[0], ensure_ascii=False)}}}' if examples else ""


def _choices(error: ErrorDetails) -> str:
    """'Allowed: a, b. Did you mean 'b'?' from pydantic's expected values."""
    expected = str(error.get("ctx", {}).get("expected", ""))
    values = [v.strip(" '\"") for v in expected.replace(" or ", ", ").split(",") if v.strip()]
    near = difflib.get_close_matches(str(error.get("input", "")).lower(), values, n=1, cutoff=0.6)
    hint = f" Did you mean {near[0]!r}?" if near else ""
    return f"Allowed: {', '.join(values)}.{hint}"


def _sentence(error: ErrorDetails, schema: dict[str, Any]) -> str:
    loc = [str(part) for part in error["loc"]]
    field = ".".join(loc) or "arguments"
    kind = error["type"]
    value = error.get("input")
    example = _example(schema, loc[0]) if loc else ""
    if kind == "missing":
        return f"'{field}' is missing: add it,{example or ' see the input schema'}."
    if kind == "string_too_short":
        return f"'{field}' is empty: give it a value,{example or ' see the input schema'}."
    if kind in DATE_ERRORS or kind == "date_type":
        return f"'{field}' must be a date written YYYY-MM-DD, e.g. 2026-04-01, not {_shown(value)}."
    if kind in CHOICE_ERRORS:
        return f"'{field}' has the invalid value {_shown(value)}. {_choices(error)}"
    fix = f" Fix it,{example}." if example else ""
    return f"'{field}' has the invalid value {_shown(value)}: {error['msg']}.{fix}"


def explain(tool: str, exc: ValidationError, schema: dict[str, Any], arguments: dict) -> str:
    """The message a host sees for arguments that fail `tool`'s input schema."""
    errors = exc.errors()
    first = errors[0]
    profile = arguments.get("profile") if tool == "assess" else None
    if first["loc"][:1] == ("profile",) and isinstance(profile, dict) and len(first["loc"]) > 1:
        # The profile is Shirube's own input model: say what `shirube assess` would say.
        try:
            UseCaseProfile.model_validate(profile)
        except ValidationError as profile_error:
            return f"Invalid input to {tool}: profile: {describe_validation_error(profile_error)}"
    more = f" ({len(errors) - 1} more problem(s).)" if len(errors) > 1 else ""
    return f"Invalid input to {tool}: {_sentence(first, schema)}{more}"
