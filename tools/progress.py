"""Progress on a plan's actions: status, owner, due date and evidence, kept as data.

Pure functions over an Assessment; the store (agent/plans) saves them, the renderers show them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from knowledge.defaults import derived
from knowledge.schema import LANGS, load_labels
from tools.checklist import ChecklistItem


class Status(StrEnum):
    todo = "todo"
    doing = "doing"
    done = "done"
    not_applicable = "not_applicable"


STATUS_LABELS = {
    Status.todo: "To do",
    Status.doing: "Doing",
    Status.done: "Done",
    Status.not_applicable: "Not applicable",
}


class ActionProgress(BaseModel):
    """Where one action stands; owner and due override the plan's suggestion when set."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: Status = Status.todo
    owner: str | None = None
    due: dt.date | None = None
    evidence: str = Field(default="", description="A note or a link showing it is done.")
    reason: str = Field(default="", description="Why the action does not apply.")

    @model_validator(mode="after")
    def _not_applicable_has_reason(self) -> ActionProgress:
        if self.status == Status.not_applicable and not self.reason.strip():
            raise ValueError("'not applicable' needs a reason")
        return self


class Row(BaseModel):
    """One action with its progress applied: what every export shows."""

    id: str
    title: str
    owner: str
    due: dt.date | None
    status: Status
    evidence: str
    reason: str


def rows(checklist: list[ChecklistItem], progress: dict[str, ActionProgress]) -> list[Row]:
    """The checklist with owners, dates and statuses from `progress` where given."""
    out = []
    for item in checklist:
        state = progress.get(item.id, ActionProgress())
        out.append(
            Row(
                id=item.id,
                title=item.title,
                owner=state.owner or item.owner,
                due=state.due or item.due,
                status=state.status,
                evidence=state.evidence,
                reason=state.reason,
            )
        )
    return out


def overdue(table: list[Row], today: dt.date) -> list[Row]:
    """Open actions whose due date has passed."""
    open_ = (Status.todo, Status.doing)
    return [r for r in table if r.status in open_ and r.due is not None and r.due < today]


def kept(
    old: list[ChecklistItem], new: list[ChecklistItem], progress: dict[str, ActionProgress]
) -> dict[str, ActionProgress]:
    """Progress to keep after a re-assessment: actions present in both with the same wording."""
    before = {i.id: (i.title, i.text) for i in old}
    return {
        i.id: progress[i.id]
        for i in new
        if i.id in progress and before.get(i.id) == (i.title, i.text)
    }


class ReadProgress(BaseModel):
    """One action's progress as read from a file (owner and due as written there)."""

    status: Status
    owner: str | None = None
    due: dt.date | None = None
    evidence: str = ""
    reason: str = ""


@derived
def status_by_label() -> dict[str, Status]:
    """Status labels of every plan language ('Done', '完了'), lower-cased, as exports write them."""
    labels = load_labels()
    return {
        label.lower(): Status(status)
        for lang in LANGS
        for status, label in labels.text(lang).statuses.items()
    } | {label.lower(): status for status, label in STATUS_LABELS.items()}
