"""Plan screen: export to Markdown and JSON through the file-name dialog; open a profile file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from core.config import Settings
from tests.tui.conftest import CHATBOT, Running, messages, raised, settle
from tools.assess import assess
from tools.render import render_plan
from tui.screens.answer import AnswerScreen
from tui.screens.export import FileNameScreen
from tui.screens.plan import PlanScreen
from tui.widgets.action_list import ActionItem

pytestmark = pytest.mark.anyio


async def _export(pilot, key: str, path: Path) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, FileNameScreen)
    pilot.app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


async def test_export_writes_markdown_and_json(running: Running, tmp_path: Path) -> None:
    assessment = assess(CHATBOT)
    async with running(screen=PlanScreen(assessment, session_id="abcd1234")) as pilot:
        app = pilot.app
        await pilot.press("m")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "shirube-plan-abcd1234.md"
        await pilot.press("escape")
        await _export(pilot, "m", tmp_path / "plan.md")
        await _export(pilot, "j", tmp_path / "plan.json")
    assert (tmp_path / "plan.md").read_text(encoding="utf-8") == render_plan(assessment, "markdown")
    data = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert data == json.loads(render_plan(assessment, "json"))
    assert f"Plan saved to {tmp_path / 'plan.md'}" in messages(app)
    assert f"Plan saved to {tmp_path / 'plan.json'}" in messages(app)


async def test_export_to_a_missing_folder_says_so(running: Running, tmp_path: Path) -> None:
    async with running(screen=PlanScreen(assess(CHATBOT))) as pilot:
        app = pilot.app
        await _export(pilot, "m", tmp_path / "nope" / "plan.md")
        dialog = app.screen
        assert isinstance(dialog, FileNameScreen)
        error = str(dialog.query_one("#file-error").render())
        assert error == (
            f"The folder '{tmp_path / 'nope'}' does not exist. Create it or pick another one."
        )
        assert not (tmp_path / "nope").exists()


async def test_open_profile_file_shows_its_plan(running: Running, tmp_path: Path) -> None:
    good = tmp_path / "profile.json"
    good.write_text(CHATBOT.model_dump_json(), encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("personal_data: lots\n", encoding="utf-8")
    async with running() as pilot:
        app = pilot.app
        app.open_profile(bad)
        await pilot.pause()
        assert not isinstance(app.screen, PlanScreen)
        assert any("personal_data" in m for m in messages(app))
        await pilot.press("f4")
        await pilot.pause()
        app.screen.query_one(Input).value = str(good)
        await pilot.press("enter")
        await settle(pilot)
        plan = app.screen
        assert isinstance(plan, PlanScreen)
        expected = assess(CHATBOT)
        assert plan.assessment == expected
        rows = [row.item for row in plan.query(ActionItem)]
        assert rows == expected.checklist


async def test_plan_opens_with_start_here_due_dates_and_to_confirm(running: Running) -> None:
    profile = CHATBOT.model_copy(
        update={"launch_date": dt.date(2027, 3, 1), "unsure": ["personal_data"]}
    )
    assessment = assess(profile)
    assert assessment.start_here and assessment.to_confirm
    async with running(screen=PlanScreen(assessment)) as pilot:
        app = pilot.app
        body = app.screen.query_one("#plan-body")
        headings = [str(w.render()) for w in body.query(".plan-heading")]
        assert headings[:2] == ["Start here", "To confirm"]
        start = [str(w.render()) for w in body.query(".plan-start")]
        assert len(start) == len(assessment.start_here)
        for row, top in zip(start, assessment.start_here, strict=True):
            assert top.title in row and top.why in row and top.owner in row
        confirm = [str(w.render()) for w in body.query(".plan-confirm")]
        assert [a.label for a in assessment.to_confirm] == [r[2 : r.index(":")] for r in confirm]
        for row in plan_rows(app):
            due = row.item.due
            assert due is not None
            facts = str(row.query_one(".action-facts").render())
            assert f"owner: {row.item.owner}, due {due.isoformat()}" in facts


async def test_plan_without_launch_date_or_doubts_has_no_dates_nor_to_confirm(
    running: Running,
) -> None:
    async with running(screen=PlanScreen(assess(CHATBOT))) as pilot:
        app = pilot.app
        assert not app.screen.query(".plan-confirm")
        assert app.screen.query(".plan-start")
        for row in plan_rows(app):
            assert "due " not in str(row.query_one(".action-facts").render())


def plan_rows(app) -> list[ActionItem]:  # type: ignore[no-untyped-def]
    return list(app.screen.query(ActionItem))


async def _change_answer(pilot, field: str, value: str) -> AnswerScreen:  # type: ignore[no-untyped-def]
    await pilot.press("e")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, AnswerScreen)
    dialog.query_one(Select).value = field
    dialog.query_one("#answer-value", Input).value = value
    dialog.query_one("#answer-value", Input).focus()
    await pilot.press("enter")
    await settle(pilot)
    return dialog


async def test_an_answer_is_changed_from_a_saved_plan(running: Running) -> None:
    from agent.interview import plan_service
    from tui.screens.plan import saved_plan_screen

    settings = Settings()
    plan_id = "ef56ab78"
    with plan_service.opened(settings) as store:
        before = plan_service.save(store, plan_id, CHATBOT)
        kept = before.checklist[0].id
        plan_service.set_progress(store, plan_id, kept, status="done", evidence="https://x.test")
    async with running() as pilot:
        app = pilot.app
        screen = saved_plan_screen(plan_id, settings)
        assert screen is not None
        await app.push_screen(screen)
        await settle(pilot)
        dialog = await _change_answer(pilot, "personal_data", "lots")
        assert app.screen is dialog  # a bad answer: the message, nothing saved
        assert "Type: 1 " in str(dialog.query_one("#answer-now").render())
        assert str(dialog.query_one("#answer-error").render())
        with plan_service.opened(settings) as store:
            assert plan_service.load(store, plan_id).profile == CHATBOT
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        await _change_answer(pilot, "copyrighted_material", "no")
        assert app.screen is screen
        assert screen.assessment.profile.copyrighted_material is False
        assert len(screen.assessment.checklist) < len(before.checklist)
        rows = list(screen.query(ActionItem))
        assert [r.item for r in rows] == screen.assessment.checklist
        row = screen.query_one(f"#action-{kept}", ActionItem)
        assert "Done" in str(row.query_one(".action-facts").render())
        assert any("Answer changed" in t for t in titles(app))
    with plan_service.opened(settings) as store:
        after = plan_service.load(store, plan_id)
    assert after.profile.copyrighted_material is False
    assert after.progress[kept].status.value == "done"


async def test_an_unsaved_plan_says_its_answers_cannot_change(running: Running) -> None:
    async with running("e", screen=PlanScreen(assess(CHATBOT))) as pilot:
        app = pilot.app
        assert isinstance(app.screen, PlanScreen)
        assert "Only a saved plan's answers can be changed." in messages(app)


def titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.title or "" for n in raised(app)]


@pytest.mark.parametrize("lang", ["en", "ja"])
async def test_the_plan_cites_instruments_by_name_not_by_id(running: Running, lang: str) -> None:
    from knowledge.loader import load_rule_base

    async with running(screen=PlanScreen(assess(CHATBOT, lang)), lang=lang) as pilot:
        body = pilot.app.screen.query_one("#plan-body")
        shown = "\n".join(str(w.render()) for w in body.query(Static))
        for source in load_rule_base().sources.values():
            assert f"[{source.id}" not in shown and f"· {source.id}" not in shown, source.id
        assert ("AI推進法" if lang == "ja" else "AI Promotion Act") in shown
