"""A plan saved before a rule-base change: `sessions diff` and `sessions list` say what changed.

The "after" rule base is a copy of knowledge/data in tmp_path with one layer dropped, one added,
one action rewritten and a changelog entry naming them; the loader is pointed at it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from agent.cli.main import app
from agent.interview import stamps, store
from agent.interview.session import InterviewSession
from core.config import Settings
from knowledge import loader
from tests.conftest import run_shirube
from tests.faults.cli_runner import run_cli
from tests.interview.plan_change import ADDED, DROPPED, PROFILE, REWRITTEN, use
from tests.interview.plan_change import after as after  # the fixture
from tests.interview.scenarios import SCENARIOS
from tools.assess import assess
from tools.plan_diff import PlanStamp, diff_plan, stamp


def test_the_fixture_plan_has_what_the_change_touches() -> None:
    before = assess(PROFILE)
    assert DROPPED in {t.id for t in before.triggers}
    assert ADDED not in {t.id for t in before.triggers}
    assert REWRITTEN in {a.id for a in before.checklist}


def test_no_change_when_the_rule_base_is_the_same() -> None:
    assert diff_plan(stamp(assess(PROFILE))).changes == []


def test_diff_names_layers_and_actions_with_the_changelog_reason(after: Path) -> None:
    saved = stamp(assess(PROFILE))
    use(after)
    diff = diff_plan(saved)
    assert diff.version != saved.version
    found = {(c.kind, c.change, c.id): [r.id for r in c.reasons] for c in diff.changes}
    # Every changelog entry since the plan's day that names the item (the fixture's among them).
    assert "fixture_change" in found[("layer", "removed", DROPPED)]
    assert "fixture_change" in found[("layer", "added", ADDED)]
    assert "fixture_change" in found[("action", "changed", REWRITTEN)]
    # Actions that only the dropped or added layers bring come and go with them.
    assert all(kind == "action" for kind, _, _ in set(found) - {
        ("layer", "removed", DROPPED), ("layer", "added", ADDED)
    })  # fmt: skip


def test_a_finished_interview_records_its_rule_base(settings: Settings) -> None:
    scenario = SCENARIOS[0]
    with InterviewSession.start(settings, output=str(settings.data_dir / "plan.md")) as session:
        while (view := session.current) is not None and view.kind == "question":
            session.answer(scenario.answers.get(view.id, "skip"))
        session.answer("yes")
        assert session.done
        sid, profile = session.session_id, session.profile_so_far
    with store.opened(settings) as conn:
        saved = stamps.stamps(conn)[sid]
    assert saved.version == loader.load_rule_base().version
    assert saved.profile == profile
    assert saved.assessed_on == dt.date.today()


def _saved_plan(settings: Settings) -> str:
    """A finished interview as the registry and the stamp table hold it."""
    with store.opened(settings) as conn:
        store.register_session(conn, "feedc0de", "interview", "Support chatbot")
        stamps.remember(conn, "feedc0de", assess(PROFILE))
    return "feedc0de"


def test_sessions_diff_and_list_after_a_change(settings: Settings, after: Path) -> None:
    sid = _saved_plan(settings)
    runner = CliRunner()
    same = runner.invoke(app, ["sessions", "diff", sid])
    assert same.exit_code == 0, same.output
    assert "Nothing in this plan changed: same layers, same actions." in same.output
    assert "current" in runner.invoke(app, ["sessions", "list"], env={"COLUMNS": "200"}).output
    use(after)
    done = runner.invoke(app, ["sessions", "diff", sid], env={"COLUMNS": "200"})
    assert done.exit_code == 0, done.output
    count = len(diff_plan(stamps_of(settings, sid)).changes)
    assert f"Rule base changed since this plan: {count} changes." in done.output
    assert "- layer removed: " in done.output and f"({DROPPED})" in done.output
    assert "+ layer added: " in done.output and f"({ADDED})" in done.output
    assert "~ action changed: " in done.output and f"({REWRITTEN})" in done.output
    assert (
        "why: " + dt.date.today().isoformat() + " fixture_change: Personal data now" in done.output
    )
    listed = runner.invoke(app, ["sessions", "list"], env={"COLUMNS": "200"})
    assert f"changed: {count}" in listed.output


def test_sessions_diff_in_japanese(settings: Settings, after: Path) -> None:
    sid = _saved_plan(settings)
    runner = CliRunner()
    same = runner.invoke(app, ["sessions", "diff", sid], env={"SHIRUBE_LANG": "ja"})
    assert same.exit_code == 0, same.output
    assert "このプランに変更はありません" in same.output
    use(after)
    env = {"COLUMNS": "200", "SHIRUBE_LANG": "ja"}
    done = runner.invoke(app, ["sessions", "diff", sid], env=env)
    assert done.exit_code == 0, done.output
    assert f"セッション {sid} のプラン：" in done.output
    assert "- レイヤー削除：" in done.output and f"({DROPPED})" in done.output
    assert "~ 対応事項変更：" in done.output and "理由：" in done.output
    assert "why:" not in done.output and "Redo the plan" not in done.output
    english = runner.invoke(app, ["sessions", "diff", sid, "--lang", "en"], env=env)
    assert "- layer removed: " in english.output


def stamps_of(settings: Settings, sid: str) -> PlanStamp:
    with store.opened(settings) as conn:
        return stamps.stamps(conn)[sid]


def test_diff_of_an_unfinished_or_unknown_session_exits_2(fresh_home: Path) -> None:
    settings = Settings(home=fresh_home)
    with store.opened(settings) as conn:
        store.register_session(conn, "abcd1234", "interview", "Half done")
        store.register_session(conn, "c0ffee00", "chat", "A chat")
    env = {"SHIRUBE_HOME": str(fresh_home), "COLUMNS": "200"}
    unfinished = run_shirube("sessions", "diff", "abcd1234", env=env)
    assert unfinished.returncode == 2
    assert "has no plan recorded with its rule-base version" in unfinished.stderr
    assert "shirube interview --resume abcd1234" in " ".join(unfinished.stderr.split())
    # The other refusals through the same entry point in-process (a cold start costs seconds).
    chat = run_cli("sessions", "diff", "c0ffee00", env=env)
    assert chat.code == 2 and "is a chat session" in chat.err
    unknown = run_cli("sessions", "diff", "nope", env=env)
    assert unknown.code == 2 and "No session with id 'nope'" in unknown.err
    assert "Traceback" not in unfinished.stderr + chat.err + unknown.err


def test_an_exported_profile_names_its_rule_base_and_still_loads(
    settings: Settings, tmp_path: Path
) -> None:
    from tools.profile_io import load_profile

    sid = _saved_plan(settings)
    with store.opened(settings) as conn:
        store.register_session(conn, "0ddba11a", "interview", "Unfinished")
    rule_base = loader.load_rule_base()
    runner = CliRunner()
    out = tmp_path / "profile.yaml"
    # An unregistered checkpoint has no answers: the export is the default profile, unstamped.
    fresh = runner.invoke(app, ["sessions", "export", "0ddba11a", "-o", str(tmp_path / "x.yaml")])
    assert fresh.exit_code == 0, fresh.output
    head = (tmp_path / "x.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert (
        head
        == f"# Exported with Shirube rule base {rule_base.version} (as of {rule_base.meta.as_of})."
    )
    done = runner.invoke(app, ["sessions", "export", sid, "-o", str(out)])
    assert done.exit_code == 0, done.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        f"# Plan made on {dt.date.today()} with Shirube rule base {rule_base.version} "
        f"(as of {rule_base.meta.as_of})."
    )
    assert lines[1] == f"# `shirube sessions diff {sid}` shows what has changed since."
    assert isinstance(load_profile(out), type(PROFILE))


def test_changing_an_answer_reassesses_and_refreshes_the_version(
    settings: Settings, after: Path
) -> None:
    from agent.interview import plan_service

    with plan_service.opened(settings) as plans:
        plan_service.save(plans, "5eed5eed", PROFILE)
    use(after)
    with store.opened(settings) as conn:
        assert stamps.plan_diff(conn, "5eed5eed").changes  # type: ignore[union-attr]
    with plan_service.opened(settings) as plans:
        plan_service.change_answer(plans, "5eed5eed", "name", "Support bot v2")
    with store.opened(settings) as conn:
        diff = stamps.plan_diff(conn, "5eed5eed")
    assert diff is not None and diff.changes == [] and diff.saved.version == diff.version


def test_a_broken_changelog_keeps_the_list_and_fails_the_diff(
    settings: Settings, tmp_path: Path
) -> None:
    import shutil

    sid = _saved_plan(settings)
    broken = tmp_path / "broken"
    shutil.copytree(loader.DATA_DIR, broken)
    (broken / "changes.yaml").write_text("- {id: x, date: 2026-12-01}\n", encoding="utf-8")
    packaged = loader.DATA_DIR
    use(broken)
    try:
        runner = CliRunner()
        listed = runner.invoke(app, ["sessions", "list"], env={"COLUMNS": "200"})
        assert listed.exit_code == 0, listed.output
        assert sid in listed.output and "changed:" not in listed.output
        done = runner.invoke(app, ["sessions", "diff", sid])
        assert done.exit_code == 1
        assert "Rule base error: " in done.output and "field 'summary'" in done.output
        japanese = runner.invoke(app, ["sessions", "diff", sid, "--lang", "ja"])
        assert japanese.exit_code == 1
        assert "ルールベースのエラー：" in japanese.output, japanese.output
        assert "フィールド「summary」" in japanese.output and "Rule base" not in japanese.output
    finally:
        use(packaged)


def test_a_plan_records_each_title_in_both_languages() -> None:
    saved = stamp(assess(PROFILE))
    action = loader.load_rule_base().checklist[REWRITTEN]
    assert saved.actions[REWRITTEN].titles == {"en": action.title, "ja": action.title_ja}


def test_an_item_gone_from_the_rule_base_keeps_its_japanese_title() -> None:
    """Deleted from today's rule base: the title the plan recorded, in the reader's language."""
    from agent.cli.sessions_diff import _line
    from tools.plan_diff import Item, _compare

    gone = Item(title="Old check", fingerprint="0", titles={"en": "Old check", "ja": "旧い確認"})
    [removed] = _compare("action", {"gone_action": gone}, {})
    assert removed.change == "removed"
    assert "対応事項削除：旧い確認" in _line(removed, "ja")[0]
    assert "action removed: Old check" in _line(removed, "en")[0]
    older = Item(title="Old check", fingerprint="0")  # a stamp saved before titles were recorded
    [removed] = _compare("action", {"gone_action": older}, {})
    assert "Old check" in _line(removed, "ja")[0]
