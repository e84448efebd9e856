"""A small, safe evaluator for the declarative `when` conditions of the rule base.

Forms (YAML):
  {always: true}                        holds for every profile
  {builds_models: true}                 a boolean field equals the value
  {personal_data: [personal, sensitive]} a single-choice field is one of the values
  {sectors: [health]}                   a list field shares at least one value
  {all: [...]} / {any: [...]} / {not: {...}}
A mapping with several keys holds when every key holds. Nothing is ever passed to eval.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, Literal

from core.profile import UseCaseProfile

COMBINATORS = ("all", "any", "not", "always")
# Free-text fields say nothing a rule could test; the planning fields (who, when, what the
# user was unsure of) must never change what the law says.
_FREE_TEXT = frozenset({"name", "description", "team_size", "launch_date", "unsure"})


class ConditionError(ValueError):
    """A condition in the rule base is malformed; the message names where and what."""


FieldKind = Literal["bool", "choice", "list"]


@cache
def field_specs() -> dict[str, tuple[FieldKind, tuple[str, ...]]]:
    """Each testable profile field: its kind and (for choices and lists) its allowed values."""
    specs: dict[str, tuple[FieldKind, tuple[str, ...]]] = {}
    for name, info in UseCaseProfile.model_fields.items():
        if name in _FREE_TEXT:
            continue
        annotation = info.annotation
        if annotation is bool:
            specs[name] = ("bool", ())
        elif typing.get_origin(annotation) is list:
            (inner,) = typing.get_args(annotation)
            specs[name] = ("list", tuple(typing.get_args(inner)))
        elif typing.get_origin(annotation) is Literal:
            specs[name] = ("choice", tuple(typing.get_args(annotation)))
        else:  # pragma: no cover - guards a future profile field nobody taught this module
            raise TypeError(f"profile field {name!r} has an unsupported type {annotation!r}")
    return specs


def _as_values(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else [value]


def validate(condition: object, where: str) -> None:
    """Raise ConditionError naming `where` (e.g. "trigger 'x'") if `condition` is malformed."""
    if not isinstance(condition, Mapping) or not condition:
        raise ConditionError(f"{where}: a condition must be a non-empty mapping, got {condition!r}")
    specs = field_specs()
    for key, value in condition.items():
        if key == "always":
            if value is not True:
                raise ConditionError(f"{where}: 'always' only takes true, got {value!r}")
        elif key in ("all", "any"):
            if not isinstance(value, list) or not value:
                raise ConditionError(f"{where}: '{key}' needs a non-empty list of conditions")
            for part in value:
                validate(part, where)
        elif key == "not":
            validate(value, where)
        elif key in specs:
            kind, allowed = specs[key]
            values = _as_values(value)
            if not values:
                raise ConditionError(f"{where}: field '{key}' is tested against an empty list")
            for item in values:
                if kind == "bool" and not isinstance(item, bool):
                    raise ConditionError(f"{where}: field '{key}' is true/false, got {item!r}")
                if kind != "bool" and item not in allowed:
                    raise ConditionError(
                        f"{where}: field '{key}' has no value {item!r}; "
                        f"allowed: {', '.join(allowed)}"
                    )
        else:
            known = ", ".join([*COMBINATORS[:3], "always", *specs])
            raise ConditionError(f"{where}: unknown field or operator '{key}'; known: {known}")


def _field_holds(profile: UseCaseProfile, key: str, value: object) -> bool:
    actual: Any = getattr(profile, key)
    wanted = _as_values(value)
    if isinstance(actual, list):
        return any(item in wanted for item in actual)
    return actual in wanted


def evaluate(condition: Mapping[str, Any], profile: UseCaseProfile) -> bool:
    """Whether `condition` (already validated) holds for `profile`."""
    for key, value in condition.items():
        if key == "always":
            held = True
        elif key == "all":
            held = all(evaluate(part, profile) for part in value)
        elif key == "any":
            held = any(evaluate(part, profile) for part in value)
        elif key == "not":
            held = not evaluate(value, profile)
        else:
            held = _field_holds(profile, key, value)
        if not held:
            return False
    return True


def _describe(profile: UseCaseProfile, key: str) -> str:
    actual: Any = getattr(profile, key)
    if isinstance(actual, bool):
        return f"{key}: {'yes' if actual else 'no'}"
    if isinstance(actual, list):
        return f"{key}: {', '.join(actual) if actual else '(none)'}"
    return f"{key}: {actual}"


Describe = Callable[[UseCaseProfile, str], str]


def explain(
    condition: Mapping[str, Any], profile: UseCaseProfile, describe: Describe | None = None
) -> list[str]:
    """The profile answers that made `condition` hold, e.g. ["builds_models: yes"].

    `describe` words one answer (the tools pass plain labels from the question bank).
    """
    describe = describe or _describe
    found: list[str] = []
    for key, value in condition.items():
        if key == "always":
            continue
        if key == "all":
            for part in value:
                found += explain(part, profile, describe)
        elif key == "any":
            for part in value:
                if evaluate(part, profile):
                    found += explain(part, profile, describe)
        elif key == "not":
            found += _negated(value, profile, describe)
        elif _field_holds(profile, key, value):
            found.append(describe(profile, key))
    return list(dict.fromkeys(found))


def _negated(
    condition: Mapping[str, Any], profile: UseCaseProfile, describe: Describe
) -> list[str]:
    # A `not` holds because its inner condition failed; name the fields it looked at.
    keys: list[str] = []
    for key, value in condition.items():
        if key in ("all", "any"):
            for part in value:
                keys += _negated(part, profile, describe)
        elif key == "not":
            keys += _negated(value, profile, describe)
        elif key != "always":
            keys.append(describe(profile, key))
    return keys


__all__ = ["ConditionError", "evaluate", "explain", "field_specs", "validate"]
