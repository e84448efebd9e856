"""Saved plans: what one can do with one (save, show, set progress, check dates, change an answer).

Every function takes a `PlanStore`, so the CLI, the TUI and tests share one behaviour;
`opened(settings)` gives the SQLite store in the data dir.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from agent.interview import stamps
from agent.interview import store as sessions
from agent.interview.parse import parse_answer
from agent.interview.plan_store import PlanStore, SavedPlan, SqlitePlanStore
from core.config import Settings
from core.errors import UsageError
from core.profile import UNASKED_FIELDS, UseCaseProfile
from knowledge.questions import Question, load_questions
from tools.assess import Assessment, assess
from tools.progress import ActionProgress, Row, Status, kept, overdue, rows
from tools.progress_io import ReadProgress


@contextmanager
def opened(settings: Settings | None = None) -> Iterator[PlanStore]:
    with sessions.opened(settings) as conn:
        yield SqlitePlanStore(conn)


def save(store: PlanStore, plan_id: str, profile: UseCaseProfile) -> Assessment:
    """Save the plan for `profile`, keeping the progress of actions that did not change."""
    old = store.get(plan_id)
    new = assess(profile)
    progress = kept(assess(old.profile).checklist, new.checklist, old.progress) if old else {}
    store.put(SavedPlan(id=plan_id, profile=profile, progress=progress))
    if isinstance(store, SqlitePlanStore):  # the rule base it was assessed against, for diffs
        stamps.remember(store.connection, plan_id, new)
    return new.model_copy(update={"progress": progress})


def load(store: PlanStore, plan_id: str) -> Assessment:
    """The saved plan's assessment with its progress (UsageError when there is none)."""
    plan = store.get(plan_id)
    if plan is None:
        raise UsageError(
            f"No saved plan with id '{plan_id}'. Plans are saved when an interview finishes; "
            "run `shirube sessions list` to see the finished interviews."
        )
    return assess(plan.profile).model_copy(update={"progress": plan.progress})


def _action_id(assessment: Assessment, action: str) -> str:
    """An action given by id, by its number in the plan, or by its exact title."""
    items = assessment.checklist
    key = action.strip()
    if key.isdigit() and 1 <= int(key) <= len(items):
        return items[int(key) - 1].id
    for item in items:
        if key in (item.id, item.title):
            return item.id
    raise UsageError(
        f"No action '{action}' in this plan. Give its number (1-{len(items)}) or its id, "
        "as `shirube plan show ID` lists them."
    )


def set_progress(
    store: PlanStore,
    plan_id: str,
    action: str,
    *,
    status: str | None = None,
    evidence: str | None = None,
    owner: str | None = None,
    due: dt.date | None = None,
    reason: str | None = None,
) -> tuple[str, ActionProgress]:
    """Change one action's status, evidence, owner, due date or reason; returns (id, progress)."""
    assessment = load(store, plan_id)
    action_id = _action_id(assessment, action)
    current = assessment.progress.get(action_id, ActionProgress())
    update: dict[str, object] = {}
    if status is not None:
        try:
            update["status"] = Status(status.replace("-", "_").replace(" ", "_").lower())
        except ValueError:
            allowed = ", ".join(s.value for s in Status)
            raise UsageError(f"Unknown --status '{status}'. Use one of: {allowed}.") from None
    for name, value in (("evidence", evidence), ("owner", owner), ("due", due), ("reason", reason)):
        if value is not None:
            update[name] = value
    try:
        changed = ActionProgress.model_validate({**current.model_dump(), **update})
    except ValueError:
        raise UsageError(
            "--status not_applicable needs --reason saying why the action does not apply."
        ) from None
    plan = store.get(plan_id)
    assert plan is not None  # load() above found it
    progress = {**plan.progress, action_id: changed}
    store.put(plan.model_copy(update={"progress": progress}))
    return action_id, changed


def table(assessment: Assessment) -> list[Row]:
    return rows(assessment.checklist, assessment.progress)


def late(assessment: Assessment, today: dt.date | None = None) -> list[Row]:
    """Open actions past their due date."""
    return overdue(table(assessment), today or dt.date.today())


def _question(field: str) -> Question:
    key = field.strip().lower()
    for question in load_questions():
        if key in (question.id, question.label.lower()) and question.id not in UNASKED_FIELDS:
            return question
    fields = ", ".join(q.id for q in load_questions())
    raise UsageError(f"Unknown answer '{field}'. Use one of: {fields}.")


def change_answer(
    store: PlanStore, plan_id: str, field: str, value: str
) -> tuple[Assessment, list[str]]:
    """Answer one question again, re-assess, keep unchanged actions' progress.

    Returns the new assessment and the titles of actions whose progress was dropped.
    """
    before = load(store, plan_id)
    question = _question(field)
    parsed = parse_answer(question, value)
    if parsed.kind not in ("value", "unsure", "skip"):
        raise UsageError(parsed.message or f"'{value}' is not an answer to '{question.id}'.")
    unsure = [f for f in before.profile.unsure if f != question.id]
    if parsed.kind == "unsure":
        unsure.append(question.id)
    data = {**before.profile.model_dump(), question.id: parsed.value, "unsure": unsure}
    profile = UseCaseProfile.model_validate(data)
    after = save(store, plan_id, profile)
    titles = {i.id: i.title for i in before.checklist}
    dropped = [titles[a] for a in before.progress if a not in after.progress and a in titles]
    return after, dropped


def import_progress(store: PlanStore, plan_id: str, read: dict[str, ReadProgress]) -> int:
    """Store what an edited export says (owner and due only where they differ from the plan)."""
    assessment = load(store, plan_id)
    items = {i.id: i for i in assessment.checklist}
    progress = dict(assessment.progress)
    for key, given in read.items():
        action_id = _action_id(assessment, key)
        item = items[action_id]
        progress[action_id] = ActionProgress(
            status=given.status,
            owner=given.owner if given.owner and given.owner != item.owner else None,
            due=given.due if given.due and given.due != item.due else None,
            evidence=given.evidence,
            reason=given.reason,
        )
    plan = store.get(plan_id)
    assert plan is not None
    store.put(plan.model_copy(update={"progress": progress}))
    return len(read)
