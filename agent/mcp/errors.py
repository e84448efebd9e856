"""Bad tool arguments as one sentence: which field, what was wrong, how to fix it.

The SDK's own message is pydantic's dump (types, URLs); a host's model corrects itself faster,
and a person reads the host's log faster, from what a Shirube CLI error would say.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from core.profile import UseCaseProfile
from knowledge.ui_labels import phrase, ui_text, validation_message
from tools.profile_io import describe_validation

DATE_ERRORS = ("date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact")
CHOICE_ERRORS = ("enum", "literal_error")


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:59] + "…"


def request_lang(arguments: Mapping[str, Any]) -> str:
    """The language to answer a request's errors in: its `lang` when it names one, else that of
    its own words (question, entity, a date as typed, the profile's name and description);
    English when none is Japanese."""
    from agent.answer.lang import detect

    given = arguments.get("lang")
    if given in ("en", "ja"):
        return str(given)
    profile = arguments.get("profile")
    words = list(arguments.values())
    if isinstance(profile, Mapping):
        words += [profile.get("name"), profile.get("description")]
    return detect(" ".join(word for word in words if isinstance(word, str)))


def _example(schema: dict[str, Any], field: str, lang: str) -> str:
    """'e.g. {"field": value}' from the schema's examples, the first written in `lang` (a
    Japanese question for a Japanese request), else the first; '' when it has none."""
    from agent.answer.lang import detect

    spec = schema.get("properties", {}).get(field, {})
    examples = spec.get("examples") or []
    if not examples:
        return ""
    said = [json.dumps(each, ensure_ascii=False) for each in examples]
    pick = next((each for each in said if detect(each) == lang), said[0])
    shown = f'{{"{field}": {pick}}}'
    return ui_text("tool_errors.example", lang, shown=shown)


def _choices(error: ErrorDetails, lang: str) -> tuple[str, str]:
    """(the allowed values, 'Did you mean …?') from pydantic's expected values."""
    expected = str(error.get("ctx", {}).get("expected", ""))
    values = [v.strip(" '\"") for v in expected.replace(" or ", ", ").split(",") if v.strip()]
    near = difflib.get_close_matches(str(error.get("input", "")).lower(), values, n=1, cutoff=0.6)
    hint = phrase("file_errors.did_you_mean", picks=repr(near[0])).text(lang) if near else ""
    return ui_text("usage.list_separator", lang).join(values), hint


def _sentence(error: ErrorDetails, schema: dict[str, Any], lang: str) -> str:
    loc = [str(part) for part in error["loc"]]
    field = ".".join(loc) or "arguments"
    kind = error["type"]
    value = _shown(error.get("input"))
    example = _example(schema, loc[0], lang) if loc else ""
    if kind in ("missing", "string_too_short"):
        key = "tool_errors.missing" if kind == "missing" else "tool_errors.empty"
        return ui_text(
            key, lang, field=field, example=example or ui_text("tool_errors.see_schema", lang)
        )
    if kind in DATE_ERRORS or kind == "date_type":
        return ui_text("tool_errors.not_date", lang, field=field, value=value)
    if kind in CHOICE_ERRORS:
        allowed, hint = _choices(error, lang)
        return ui_text(
            "tool_errors.bad_choice", lang, field=field, value=value, allowed=allowed, hint=hint
        )
    fix = ui_text("tool_errors.fix", lang, example=example) if example else ""
    problem = validation_message(error, lang)
    return ui_text(
        "tool_errors.bad_value", lang, field=field, value=value, problem=problem, fix=fix
    )


def explain(
    tool: str,
    exc: ValidationError,
    schema: dict[str, Any],
    arguments: dict,
    lang: str | None = None,
) -> str:
    """The message a host sees for arguments that fail `tool`'s input schema, in `lang` (by
    default the request's own language)."""
    lang = lang or request_lang(arguments)
    errors = exc.errors()
    first = errors[0]
    profile = arguments.get("profile") if tool == "assess" else None
    more = ui_text("tool_errors.more", lang, count=len(errors) - 1) if len(errors) > 1 else ""
    problem = _sentence(first, schema, lang)
    if first["loc"][:1] == ("profile",) and isinstance(profile, dict) and len(first["loc"]) > 1:
        # The profile is Shirube's own input model: say what `shirube assess` would say.
        try:
            UseCaseProfile.model_validate(profile)
        except ValidationError as profile_error:
            said = describe_validation(profile_error).text(lang)
            problem, more = ui_text("tool_errors.profile", lang, problem=said), ""
    return ui_text("tool_errors.invalid_input", lang, tool=tool, problem=problem, more=more)
