"""The 'Building the search index…' line follows the command's language (issue 18): `--lang ja`
alone says it in Japanese, as SHIRUBE_LANG=ja does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.cli_runner import run_cli


class _Stop(Exception):
    """Ends the build right after the line is printed: the test needs the line, not an index."""


@pytest.fixture
def line_langs(fresh_home: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from knowledge.index import store

    said: list[str] = []
    real = store.building_line

    def building_line(reason: str, lang: str) -> str:
        said.append(lang)
        return real(reason, lang)

    def build(*_args: object, **_kwargs: object) -> object:
        raise _Stop

    store.reset_process_cache()
    monkeypatch.setattr(store, "building_line", building_line)
    monkeypatch.setattr(store, "build_store", build)
    monkeypatch.delenv("SHIRUBE_LANG", raising=False)
    return said


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        (("ask", "--offline", "--lang", "ja", "What is the AI Promotion Act?"), "ja"),
        (("ask", "--offline", "AIに関する法律はありますか？"), "ja"),
        (("ask", "--offline", "--lang", "en", "AIに関する法律はありますか？"), "en"),
        (("ask", "--offline", "What is the AI Promotion Act?"), "en"),
        (("chat", "--offline", "--lang", "ja"), "ja"),
        (("chat", "--offline"), "en"),
    ],
)
def test_the_index_line_is_in_the_commands_language(
    line_langs: list[str], args: tuple[str, ...], lang: str
) -> None:
    with pytest.raises(_Stop):
        run_cli(*args)
    assert line_langs == [lang]


@pytest.mark.parametrize(("remembered", "lang"), [("ja", "ja"), ("en", "en")])
def test_a_resumed_thread_says_the_index_line_in_its_remembered_language(
    line_langs: list[str], remembered: str, lang: str
) -> None:
    """`chat --thread ID` without --lang: the thread's language, not English by default."""
    from agent.chat.thread import ChatThread
    from core.config import get_settings

    thread = ChatThread.start(get_settings(), offline=True)
    thread.set_lang(remembered)
    thread.close()
    with pytest.raises(_Stop):
        run_cli("chat", "--offline", "--thread", thread.thread_id)
    assert line_langs == [lang]
