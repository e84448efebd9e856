"""One storage interface, two real backends: every case runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from agent.interview import plan_service
from agent.interview.plan_schema import LATEST
from agent.interview.plan_store import PlanConflict, change
from core.config import Settings
from core.errors import UsageError
from tests.interview.plan_change import PROFILE

pytestmark = pytest.mark.team


def test_a_saved_plan_has_a_version_and_who_saved_it(settings: Settings, saved: str) -> None:
    with plan_service.opened(settings) as store:
        plan = store.get(saved)
        changes = store.history(saved)
        assert store.ids() == [saved]
        assert store.schema_version() == LATEST
    assert plan is not None and plan.version == 1 and plan.profile == PROFILE
    assert [(c.version, c.who, c.action) for c in changes] == [(1, "lead", "")]


def test_each_change_records_who_when_and_what(settings: Settings, saved: str) -> None:
    with plan_service.opened(settings) as store:
        plan_service.set_progress(store, saved, "risk_assessment", status="done", evidence="https://x/dpia",
                                  who="cto")  # fmt: skip
        plan_service.set_progress(
            store, saved, "personal_data_legal_basis", owner="Outside counsel", who="counsel"
        )
        plan, changes = plan_service.history(store, saved)
    assert plan.version == 3
    assert plan.progress["risk_assessment"].evidence == "https://x/dpia"
    assert [(c.version, c.who, c.action) for c in changes[1:]] == [
        (2, "cto", "risk_assessment"),
        (3, "counsel", "personal_data_legal_basis"),
    ]
    assert changes[1].what == "status todo -> done; evidence https://x/dpia"
    assert changes[1].at.tzinfo is not None and changes[1].at <= changes[2].at


def test_a_stale_write_is_refused_and_writes_nothing(settings: Settings, saved: str) -> None:
    with plan_service.opened(settings) as store:
        read = store.get(saved)
        assert read is not None
        store.put(read, change(saved, "alice", "first"))
        with pytest.raises(PlanConflict, match=r"changed by alice .* after you read it") as err:
            store.put(read, change(saved, "bob", "second"))
        assert err.value.exit_code == 3
        assert [c.who for c in store.history(saved)] == ["lead", "alice"]
        assert store.get(saved).version == 2  # type: ignore[union-attr]
        with pytest.raises(PlanConflict):  # a second "first save" of the same id is refused too
            store.put(read.model_copy(update={"version": 0}), change(saved, "carol", "new"))


def test_the_same_action_changed_since_you_read_is_a_conflict(
    settings: Settings, saved: str
) -> None:
    with plan_service.opened(settings) as store:
        plan_service.set_progress(store, saved, "risk_assessment", status="done", who="bob")
        with pytest.raises(PlanConflict, match="by bob") as err:
            plan_service.set_progress(store, saved, "risk_assessment", status="doing", who="alice",
                                      expect_version=1)  # fmt: skip
        assert "--expect-version 2" in str(err.value)
        # Another action changed since: applied on top, nobody's change is lost.
        plan_service.set_progress(
            store, saved, "personal_data_legal_basis", status="doing", who="alice", expect_version=1
        )
        plan = store.get(saved)
    assert plan is not None and plan.version == 3
    assert plan.progress["risk_assessment"].status == "done"
    assert plan.progress["personal_data_legal_basis"].status == "doing"


def test_an_answer_changed_since_you_read_conflicts_with_any_action(
    settings: Settings, saved: str
) -> None:
    with plan_service.opened(settings) as store:
        plan_service.change_answer(store, saved, "name", "Support bot v2", who="lead")
        with pytest.raises(PlanConflict, match="changed the answer name"):
            plan_service.set_progress(store, saved, "testing_red_teaming", status="done", who="cto",
                                      expect_version=1)  # fmt: skip


def test_an_expected_version_that_never_existed_is_a_usage_error(
    settings: Settings, saved: str
) -> None:
    with plan_service.opened(settings) as store, pytest.raises(UsageError, match="is at 1"):
        plan_service.set_progress(store, saved, "risk_assessment", status="done", expect_version=9)


def test_opening_again_migrates_nothing_and_a_newer_schema_is_refused(
    settings: Settings, saved: str
) -> None:
    with plan_service.opened(settings) as store:
        assert store.schema_version() == LATEST
    with plan_service.opened(settings) as store:
        assert store.get(saved) is not None and store.schema_version() == LATEST
        _set_schema(store, LATEST + 1)
    with pytest.raises(UsageError, match="newer than this Shirube knows"):  # noqa: SIM117
        with plan_service.opened(settings):
            pass


def _set_schema(store: object, version: int) -> None:
    conn = store._conn  # type: ignore[attr-defined]
    mark = "?" if isinstance(conn, sqlite3.Connection) else "%s"
    conn.execute(f"UPDATE shirube_schema SET version = {mark}", (version,))
    if isinstance(conn, sqlite3.Connection):
        conn.commit()


def test_a_sessions_file_from_before_versions_keeps_its_plans(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(settings.sessions_db) as conn:  # the table as issue 19 shipped it
        conn.execute(
            "CREATE TABLE shirube_plans (id TEXT PRIMARY KEY, profile TEXT NOT NULL, "
            "progress TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL)"
        )
        conn.execute(
            "INSERT INTO shirube_plans VALUES ('0ld0ld00', ?, '{}', '2026-11-30', '2026-11-30')",
            (PROFILE.model_dump_json(),),
        )
    conn.close()
    with plan_service.opened(settings) as store:
        plan = store.get("0ld0ld00")
        assert plan is not None and plan.version == 1 and store.history("0ld0ld00") == []
        plan_service.set_progress(store, "0ld0ld00", "risk_assessment", status="done", who="cto")
        assert store.get("0ld0ld00").version == 2  # type: ignore[union-attr]


def test_adopting_a_plan_copies_it_once_with_its_history(settings: Settings, saved: str) -> None:
    with plan_service.opened(settings) as store:
        plan_service.set_progress(store, saved, "risk_assessment", status="done", who="cto")
        plan, changes = plan_service.history(store, saved)
        moved = plan.model_copy(update={"id": "c0p10001"})
        copies = [c.model_copy(update={"plan_id": "c0p10001"}) for c in changes]
        assert store.adopt(moved, copies, change("c0p10001", "mover", "moved in"))
        assert not store.adopt(moved, copies, change("c0p10001", "mover", "moved in"))
        copy, copied = plan_service.history(store, "c0p10001")
    assert copy.progress == plan.progress and copy.version == 3
    assert [c.who for c in copied] == ["lead", "cto", "mover"]
