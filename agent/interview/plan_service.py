"""Saved plans: what one can do with one (save, show, set progress, check dates, change an answer).

Every function takes a `PlanStore`, so the CLI, the TUI and tests share one behaviour;
`opened(settings)` gives the PostgreSQL store when SHIRUBE_DATABASE_URL is set, else the SQLite
one in the data dir. Every write names who made it (`who`, default SHIRUBE_USER or the OS user).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from agent.interview import stamps
from agent.interview import store as sessions
from agent.interview.parse import parse_answer
from agent.interview.plan_sqlite import SqlitePlanStore
from agent.interview.plan_store import (
    WHOLE_PLAN,
    Change,
    PlanConflict,
    PlanStore,
    SavedPlan,
    change,
)
from core.config import Settings, get_settings
from core.errors import UsageError
from core.profile import UNASKED_FIELDS, UseCaseProfile
from knowledge.questions import Lang, Question, load_questions
from knowledge.ui_labels import LabelledError, LabelledStorageError, ui_text
from tools.assess import Assessment, assess
from tools.progress import ActionProgress, ReadProgress, Row, Status, kept, overdue, rows


@contextmanager
def opened(settings: Settings | None = None) -> Iterator[PlanStore]:
    settings = settings or get_settings()
    if settings.database_url:
        from agent.interview.plan_postgres import connect

        with connect(settings.database_url, settings.connect_timeout) as shared:
            yield shared
        return
    with sessions.opened_local(settings) as conn:
        yield SqlitePlanStore(conn)


def _who(who: str | None) -> str:
    return who or get_settings().who


def save(
    store: PlanStore,
    plan_id: str,
    profile: UseCaseProfile,
    *,
    who: str | None = None,
    what: str = ui_text("recorded.plan_saved"),
) -> Assessment:
    """Save the plan for `profile`, keeping the progress of actions that did not change."""
    old = store.get(plan_id)
    new = assess(profile)
    progress = kept(assess(old.profile).checklist, new.checklist, old.progress) if old else {}
    version = old.version if old else 0
    plan = SavedPlan(id=plan_id, profile=profile, progress=progress, version=version)
    store.put(plan, change(plan_id, _who(who), what))
    if isinstance(store, SqlitePlanStore):  # the rule base it was assessed against, for diffs
        stamps.remember(store.connection, plan_id, new)
    return new.model_copy(update={"progress": progress})


def save_finished(
    local: PlanStore, settings: Settings, plan_id: str, profile: UseCaseProfile
) -> None:
    """A finished interview's plan: on this machine always, then in the team's store if set.

    The local copy is the journal: a shared database that is down loses nothing, and the
    message says how to send the plan once it is back (`sessions migrate` copies it once).
    """
    save(local, plan_id, profile, who=settings.who)
    if not settings.database_url:
        return
    from core.storage import StorageError

    try:
        with opened(settings) as shared:
            save(shared, plan_id, profile, who=settings.who)
    except StorageError as exc:
        raise LabelledStorageError(
            "errors.plan_kept_here", error=exc, plan=plan_id, db=str(settings.sessions_db)
        ) from None


def load(store: PlanStore, plan_id: str) -> Assessment:
    """The saved plan's assessment with its progress (UsageError when there is none)."""
    plan = store.get(plan_id)
    if plan is None:
        raise LabelledError("errors.no_plan", id=plan_id)
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
    raise LabelledError("errors.no_action", action=action, count=len(items))


def _updated(current: ActionProgress, fields: dict[str, object]) -> ActionProgress:
    update = {name: value for name, value in fields.items() if value is not None}
    if isinstance(update.get("status"), str):
        given = str(update["status"])
        try:
            update["status"] = Status(given.replace("-", "_").replace(" ", "_").lower())
        except ValueError:
            allowed = ", ".join(s.value for s in Status)
            raise LabelledError("errors.unknown_status", given=given, allowed=allowed) from None
    try:
        return ActionProgress.model_validate({**current.model_dump(), **update})
    except ValueError:
        raise LabelledError("errors.needs_reason") from None


def describe(before: ActionProgress, after: ActionProgress) -> str:
    """What a change did, for the history: 'status todo -> done; evidence https://…'.

    Recorded in English from ui_labels `recorded` (the history is shared by readers of both
    languages); `plan history` shows it in Japanese through the same labels.
    """
    parts = []
    if before.status != after.status:
        parts.append(
            ui_text("recorded.status", before=before.status.value, after=after.status.value)
        )
    for name in ("owner", "due", "evidence", "reason"):
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            if new in (None, ""):
                parts.append(ui_text(f"recorded.{name}_cleared"))
            else:
                parts.append(ui_text(f"recorded.{name}", value=new))
    return "; ".join(parts) or ui_text("recorded.no_change")


def _clash(store: PlanStore, plan_id: str, action_id: str, read: int) -> None:
    """PlanConflict when a change after version `read` touched this action or the whole plan."""
    for landed in reversed(store.history(plan_id, since=read)):
        if landed.action in (action_id, WHOLE_PLAN):
            raise PlanConflict(plan_id, landed)


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
    who: str | None = None,
    expect_version: int | None = None,
) -> tuple[str, ActionProgress]:
    """Change one action's status, evidence, owner, due date or reason; returns (id, progress).

    `expect_version` is the plan version the user read (`plan show` prints it; default: the
    version read now). A change to the same action landed since is a PlanConflict, never
    overwritten; a change to another action is kept and this one applied on top.
    """
    assessment = load(store, plan_id)
    action_id = _action_id(assessment, action)
    fields: dict[str, object] = {
        "status": status,
        "evidence": evidence,
        "owner": owner,
        "due": due,
        "reason": reason,
    }
    plan = store.get(plan_id)
    assert plan is not None  # load() above found it
    read = plan.version if expect_version is None else expect_version
    if not 0 < read <= plan.version:
        raise LabelledError("errors.bad_version", read=read, id=plan_id, version=plan.version)
    for _ in range(10):  # bounded: each retry follows a write another process completed
        _clash(store, plan_id, action_id, read)
        current = plan.progress.get(action_id, ActionProgress())
        changed = _updated(current, fields)
        note = change(plan_id, _who(who), describe(current, changed), action_id)
        try:
            store.put(
                plan.model_copy(update={"progress": {**plan.progress, action_id: changed}}), note
            )
            return action_id, changed
        except PlanConflict:
            plan = store.get(plan_id)  # another write landed between our read and our write
            assert plan is not None  # plans are never deleted by a write
    raise PlanConflict(plan_id, store.history(plan_id)[-1])


def history(store: PlanStore, plan_id: str) -> tuple[SavedPlan, list[Change]]:
    """The plan and every recorded change to it, oldest first (UsageError when there is none)."""
    load(store, plan_id)
    plan = store.get(plan_id)
    assert plan is not None
    return plan, store.history(plan_id)


def summaries(store: PlanStore) -> list[tuple[SavedPlan, Change | None]]:
    """Every plan with its latest recorded change, most recently changed first."""
    out = []
    for plan_id in store.ids():
        plan = store.get(plan_id)
        if plan is not None:
            changes = store.history(plan_id, since=max(plan.version - 1, 0))
            out.append((plan, changes[-1] if changes else None))
    return sorted(out, key=lambda row: row[1].at.isoformat() if row[1] else "", reverse=True)


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
    raise LabelledError("errors.unknown_answer", field=field, fields=fields)


def change_answer(
    store: PlanStore,
    plan_id: str,
    field: str,
    value: str,
    *,
    who: str | None = None,
    lang: Lang = "en",
) -> tuple[Assessment, list[str]]:
    """Answer one question again, re-assess, keep unchanged actions' progress (a value that
    is not an answer is refused with the parser's message in `lang`).

    Returns the new assessment and the titles of actions whose progress was dropped.
    """
    before = load(store, plan_id)
    question = _question(field)
    parsed = parse_answer(question, value, lang)
    if parsed.kind not in ("value", "unsure", "skip"):
        if parsed.message:
            raise UsageError(parsed.message)
        raise LabelledError("errors.not_an_answer", value=value, question=question.id)
    unsure = [f for f in before.profile.unsure if f != question.id]
    if parsed.kind == "unsure":
        unsure.append(question.id)
    data = {**before.profile.model_dump(), question.id: parsed.value, "unsure": unsure}
    profile = UseCaseProfile.model_validate(data)
    what = ui_text("recorded.answer_changed", question=question.id)
    after = save(store, plan_id, profile, who=who, what=what)
    titles = {i.id: i.title for i in before.checklist}
    dropped = [titles[a] for a in before.progress if a not in after.progress and a in titles]
    return after, dropped


def import_progress(
    store: PlanStore, plan_id: str, read: dict[str, ReadProgress], *, who: str | None = None
) -> int:
    """Store what an edited export says (owner and due only where they differ from the plan)."""
    assessment = load(store, plan_id)
    items = {i.id: i for i in assessment.checklist}
    progress = dict(assessment.progress)
    for key, given in read.items():
        action_id = _action_id(assessment, key)
        item = items[action_id]
        kept_before = progress.get(action_id, ActionProgress())
        # A file without owner or due (the worksheet) keeps the overrides already recorded.
        owner = kept_before.owner if given.owner is None else given.owner
        due = kept_before.due if given.due is None else given.due
        progress[action_id] = ActionProgress(
            status=given.status,
            owner=owner if owner and owner != item.owner else None,
            due=due if due and due != item.due else None,
            evidence=given.evidence,
            reason=given.reason,
        )
    plan = store.get(plan_id)
    assert plan is not None
    what = ui_text("recorded.imported", count=len(read))
    store.put(plan.model_copy(update={"progress": progress}), change(plan_id, _who(who), what))
    return len(read)
