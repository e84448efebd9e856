"""Opening a saved session as the other kind (`chat --thread` on an interview, `interview
--resume` or `sessions diff` on a chat) is refused in the reader's language, the session's kind
named in it too (issue 18)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agent.chat.thread import ChatThread
from agent.interview import store
from agent.interview.session import InterviewSession
from core.config import Settings
from core.errors import UsageError
from knowledge.ui_labels import error_in

JAPANESE = re.compile(r"[\u3040-\u30ff]")


@pytest.fixture
def saved(tmp_path: Path) -> Settings:
    settings = Settings(home=tmp_path, offline=True)
    with store.opened(settings) as conn:
        store.register_session(conn, "int1", "interview")
        store.register_session(conn, "chat1", "chat")
    return settings


def test_an_interview_opened_as_a_chat_is_refused_in_japanese(saved: Settings) -> None:
    with pytest.raises(UsageError) as raised:
        ChatThread.open("int1", saved)
    said = error_in(raised.value, "ja")
    assert "セッション「int1」はヒアリングのセッションで、チャットではありません" in said, said
    assert "Session 'int1' is a interview session, not a chat thread" in str(raised.value)


def test_a_chat_opened_as_an_interview_is_refused_in_japanese(saved: Settings) -> None:
    with pytest.raises(UsageError) as raised:
        InterviewSession.open("chat1", saved)
    said = error_in(raised.value, "ja")
    assert "セッション「chat1」はチャットのセッションで、ヒアリングではありません" in said, said
    assert not re.search(r"\b(Session|session|interview)\b", said.replace("sessions list", ""))
