"""assess: the governance plan for a use-case profile, the same as `shirube assess`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from core.errors import UsageError
from core.profile import UseCaseProfile
from tools.assess import Assessment


def profile_of(profile: UseCaseProfile | Mapping[str, Any]) -> UseCaseProfile:
    """A validated profile; a bad field is a UsageError naming it and the allowed values."""
    from knowledge.ui_labels import ui_text
    from tools.profile_io import describe_validation

    if isinstance(profile, UseCaseProfile):
        return profile
    if not isinstance(profile, Mapping):
        raise UsageError(
            ui_text(
                "tool_errors.profile_not_mapping",
                "en",
                kind=type(profile).__name__,
                allowed=", ".join(UseCaseProfile.model_fields),
            )
        )
    try:
        return UseCaseProfile.model_validate(dict(profile))
    except ValidationError as exc:
        # Said in the profile's own language (its name and description), as its plan would be.
        lang = _profile_lang(profile)
        said = describe_validation(exc).text(lang)
        raise UsageError(ui_text("tool_errors.profile", lang, problem=said)) from None


def _profile_lang(profile: Mapping[str, Any]) -> str:
    from agent.answer.lang import detect

    words = [profile.get("name"), profile.get("description")]
    return detect(" ".join(word for word in words if isinstance(word, str)))


def assess(profile: UseCaseProfile | Mapping[str, Any]) -> Assessment:
    """Roles, engaged layers (with legal force), checklist and caveats for a use case.

    `profile` is a `core.profile.UseCaseProfile` or a dict of its fields (as in a profile file).
    Raises `core.errors.UsageError` naming a bad field. `AssessResult.of(assessment)` groups the
    result the way the MCP tool returns it.
    """
    from tools.assess import assess as assess_profile

    return assess_profile(profile_of(profile))
