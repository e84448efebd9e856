"""The palette's Screenshot command saves into the data dir and says where; failures are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.config import Settings
from tests.tui.conftest import Running, messages, settle

pytestmark = pytest.mark.anyio


@pytest.fixture
def no_downloads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with no Downloads in it (where Textual would save by default)."""
    home = tmp_path / "user"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(home / "Downloads"))
    return home


async def test_screenshot_goes_to_the_data_dir_with_a_message(
    running: Running, tmp_path: Path, no_downloads: Path
) -> None:
    data = tmp_path / "data"
    async with running(settings=Settings(home=data, offline=True)) as pilot:
        app = pilot.app
        app.deliver_screenshot()  # what the palette's "Screenshot" command calls
        await settle(pilot)
    [saved] = (data / "screenshots").glob("shirube-*.svg")
    assert saved.read_text(encoding="utf-8").startswith("<svg")
    assert f"Screenshot saved to {saved}" in messages(app)
    assert not (no_downloads / "Downloads").exists()


async def test_an_unwritable_data_dir_is_named(
    running: Running, tmp_path: Path, no_downloads: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "screenshots").write_text("a file where the folder should be", encoding="utf-8")
    async with running(settings=Settings(home=data, offline=True)) as pilot:
        app = pilot.app
        assert app.deliver_screenshot() is None
        await settle(pilot)
    [message] = [m for m in messages(app) if "screenshot" in m.lower()]
    assert message.startswith(f"The screenshot could not be saved in {data / 'screenshots'}: ")
    assert message.endswith("Set SHIRUBE_HOME to a writable folder.")


async def test_the_readme_pictures_show_a_fixed_session_id(tmp_path: Path) -> None:
    # `python -m tui.screenshots`: a scene with a session gives the same picture every run.
    from tui import screenshots

    saved = await screenshots._save("chat-answer", screenshots.SCENES["chat-answer"], tmp_path)
    assert screenshots.FIXED_SESSION_ID in saved.read_text(encoding="utf-8")
