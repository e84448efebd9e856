"""Save SVG screenshots of the main screens: `python -m tui.screenshots [FOLDER]`.

The same scenes drive the snapshot tests, so the README pictures are what the tests check.
Offline on purpose: no model is needed and the pictures do not change from run to run.
Scenes named `ja-…` are the same screens with the app in Japanese.
"""

from __future__ import annotations

import asyncio
import io
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from unittest import mock

from textual.pilot import Pilot
from textual.widgets import Input

from core.config import Settings
from core.profile import UseCaseProfile

# Session ids are random; a picture (and a snapshot) shows the same one every run.
FIXED_SESSION_ID = "5a5a5a5a"
SIZE = (120, 40)
SMALL = (80, 24)  # the smallest terminal every screen must work in (snapshot tests)
FOLDER = Path("docs/screenshots")
SAMPLE = UseCaseProfile(
    name="Support chatbot",
    description="Answers customer questions on our website from product manuals.",
    offers_to_others=True,
    customers=["consumers", "businesses"],
    personal_data="personal",
    personal_data_beyond_output=True,
    copyrighted_material=True,
)
INTERVIEW_ANSWERS = (
    "Support chatbot",
    "Answers customer questions from our manuals.",
    "1",
    "2",
    "no",
)

Scene = Callable[[Pilot[None]], Awaitable[None]]


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def chat_empty(pilot: Pilot[None]) -> None:
    await settle(pilot)


async def chat_answer(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.click("#starter-1")
    await settle(pilot)


async def interview(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("f2")
    await settle(pilot)
    for answer in INTERVIEW_ANSWERS:
        pilot.app.screen.query_one("#answer", Input).value = answer
        await pilot.press("enter")
        await settle(pilot)


async def help_keys(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("f1")
    await settle(pilot)


async def plan(pilot: Pilot[None]) -> None:
    from tools.assess import assess
    from tui.screens.plan import PlanScreen

    await settle(pilot)
    japanese = getattr(pilot.app, "lang", "en") == "ja"
    plan = assess(SAMPLE, "ja" if japanese else "en")
    await pilot.app.push_screen(PlanScreen(plan, session_id="example"))
    await settle(pilot)


async def plan_actions(pilot: Pilot[None]) -> None:
    await plan(pilot)
    await pilot.press("a")
    await settle(pilot)


async def action_detail(pilot: Pilot[None]) -> None:
    await plan_actions(pilot)
    await pilot.press("enter")
    await settle(pilot)


ENGLISH: dict[str, Scene] = {
    "chat-empty": chat_empty,
    "chat-answer": chat_answer,
    "help": help_keys,
    "interview": interview,
    "plan": plan,
    "plan-actions": plan_actions,
    "action-detail": action_detail,
}
JAPANESE = ("chat-empty", "chat-answer", "help", "interview", "plan", "action-detail")
SCENES: dict[str, Scene] = {**ENGLISH, **{f"ja-{name}": ENGLISH[name] for name in JAPANESE}}


def scene_lang(name: str) -> str:
    return "ja" if name.startswith("ja-") else "en"


def make_app(lang: str = "en") -> object:
    from tui.app import ShirubeApp

    return ShirubeApp(settings=Settings(offline=True), blink=False, lang=lang)


def screen_text(app: object) -> str:
    """The screen as plain text, one line per row (what a check for cut-off words reads)."""
    from rich.console import Console
    from textual.app import App

    assert isinstance(app, App)
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


async def _save(name: str, scene: Scene, folder: Path) -> Path:
    from tui.app import ShirubeApp

    app = make_app(scene_lang(name))
    assert isinstance(app, ShirubeApp)
    fixed = mock.patch("agent.interview.store.new_session_id", lambda: FIXED_SESSION_ID)
    with fixed:
        async with app.run_test(size=SIZE) as pilot:
            await scene(pilot)
            app.save_screenshot(f"{name}.svg", path=str(folder))
            session_id = app.status.session_id
    if session_id:  # the demo interview or chat is not a session the user made: remove it
        from agent.interview import store

        with store.opened(app.settings) as conn:
            store.delete_session(conn, session_id)
    return folder / f"{name}.svg"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, scene in SCENES.items():
        print(asyncio.run(_save(name, scene, folder)))


if __name__ == "__main__":
    main()
