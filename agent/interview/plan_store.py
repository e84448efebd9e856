"""Where saved plans live: the one interface both backends implement, and its values.

Two real backends: SQLite in the sessions file (agent.interview.plan_sqlite, the embedded
default) and PostgreSQL (agent.interview.plan_postgres, `SHIRUBE_DATABASE_URL`). Every write is
checked against the version the writer read (optimistic concurrency) and recorded with who and
when, so two people on one plan never overwrite each other silently.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from agent.interview.plan_schema import LATEST
from core.errors import UsageError
from core.profile import UseCaseProfile
from tools.progress import ActionProgress

WHOLE_PLAN = ""  # the action of a change to the whole plan (answers, an import)


class SavedPlan(BaseModel):
    """One saved plan: the answers it was built from and the progress on its actions."""

    model_config = ConfigDict(frozen=True)

    id: str
    profile: UseCaseProfile
    progress: dict[str, ActionProgress] = Field(default_factory=dict)
    version: int = Field(default=0, ge=0, description="0: not stored yet; +1 on every write.")


class Change(BaseModel):
    """One write to a plan, as `shirube plan history` shows it."""

    model_config = ConfigDict(frozen=True)

    plan_id: str
    version: int
    at: dt.datetime
    who: str
    action: str = Field(default=WHOLE_PLAN, description="The action changed; '' the whole plan.")
    what: str


class PlanConflict(UsageError):
    """Someone else changed the plan between this writer's read and its write."""

    exit_code = 3

    def __init__(self, plan_id: str, latest: Change | None) -> None:
        self.latest = latest
        by = (
            f" by {latest.who} at {latest.at:%Y-%m-%d %H:%M:%S} UTC ({latest.what})"
            if latest
            else ""
        )
        version = latest.version if latest else "?"
        super().__init__(
            f"Plan {plan_id} was changed{by} after you read it. Nothing of yours was saved. "
            f"Run `shirube plan history {plan_id}` or `shirube plan show {plan_id}` to see it, "
            f"then make your change again (with --expect-version {version})."
        )


class PlanStore(Protocol):
    """Saved plans, their versions and their history; one transaction per `put`."""

    def get(self, plan_id: str) -> SavedPlan | None: ...

    def put(self, plan: SavedPlan, change: Change) -> SavedPlan:
        """Write `plan` if the stored version is still `plan.version` (0: it must not exist).

        Returns the plan as stored (version + 1) and records `change` under that version;
        raises PlanConflict, writing nothing, when another write landed first.
        """
        ...

    def history(self, plan_id: str, since: int = 0) -> list[Change]:
        """The changes after version `since`, oldest first."""
        ...

    def ids(self) -> list[str]: ...

    def adopt(self, plan: SavedPlan, changes: list[Change], note: Change) -> bool:
        """Copy a plan with its history from another store, then `note` as the next version.

        False, writing nothing, when a plan with this id is already here (copying is
        idempotent: a second run copies nothing).
        """
        ...

    def schema_version(self) -> int: ...


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def change(plan_id: str, who: str, what: str, action: str = WHOLE_PLAN) -> Change:
    """A change to record with the next write (its version is set by the store)."""
    return Change(plan_id=plan_id, version=0, at=now(), who=who, action=action, what=what)


def encode_progress(progress: dict[str, ActionProgress]) -> str:
    return json.dumps({k: v.model_dump(mode="json") for k, v in progress.items()})


def decode(plan_id: str, profile: str, progress: str, version: int, where: str) -> SavedPlan:
    """A stored row as a SavedPlan; a damaged one is a UsageError naming the plan and `where`."""
    try:
        return SavedPlan(
            id=plan_id,
            profile=UseCaseProfile.model_validate_json(profile),
            progress={k: ActionProgress.model_validate(v) for k, v in json.loads(progress).items()},
            version=version,
        )
    except ValueError:
        raise UsageError(
            f"Plan {plan_id} in {where} cannot be read: its saved state is damaged. "
            "Other plans are not affected; save it again with "
            f"`shirube interview --resume {plan_id}`."
        ) from None


def too_new(where: str, found: int) -> UsageError:
    return UsageError(
        f"The plans in {where} are at schema version {found}, newer than this Shirube knows "
        f"({LATEST}). Upgrade Shirube on this machine (pip install -U shirube)."
    )
