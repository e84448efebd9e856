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
    from tools.profile_io import describe_validation_error

    if isinstance(profile, UseCaseProfile):
        return profile
    if not isinstance(profile, Mapping):
        raise UsageError(
            f"profile must be a mapping of profile fields (name: value), not a "
            f"{type(profile).__name__}. Allowed fields: {', '.join(UseCaseProfile.model_fields)}."
        )
    try:
        return UseCaseProfile.model_validate(dict(profile))
    except ValidationError as exc:
        raise UsageError(f"profile: {describe_validation_error(exc)}") from None


def assess(profile: UseCaseProfile | Mapping[str, Any]) -> Assessment:
    """Roles, engaged layers (with legal force), checklist and caveats for a use case.

    `profile` is a `core.profile.UseCaseProfile` or a dict of its fields (as in a profile file).
    Raises `core.errors.UsageError` naming a bad field. `AssessResult.of(assessment)` groups the
    result the way the MCP tool returns it.
    """
    from tools.assess import assess as assess_profile

    return assess_profile(profile_of(profile))
