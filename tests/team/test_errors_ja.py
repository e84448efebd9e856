"""A team's PostgreSQL failing is said in the reader's language (issue 18): the sentence from
ui_labels `errors`, the server's or driver's own words marked as such; English unchanged.
No server needed: the failures are built as psycopg raises them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from agent.interview import plan_service
from agent.interview.plan_postgres import fault
from agent.interview.session import InterviewSession
from core.config import Settings
from core.profile import UseCaseProfile
from core.storage import StorageError, no_postgres_driver
from knowledge.ui_labels import error_in

psycopg = pytest.importorskip("psycopg")  # the team extra

URL = "postgresql://ann:s3cret@db.example:5432/shirube"
DOWN = psycopg.OperationalError("connection refused")


def test_an_unreachable_database_in_japanese() -> None:
    exc = fault(URL, DOWN)
    said = error_in(exc, "ja")
    assert "共有データベース postgresql://ann:***@db.example:5432/shirube に接続できません" in said
    # A refused connection is a kind a label knows; the driver's words stay as the detail.
    assert "接続を拒否されました。詳細：connection refused" in said and "Cannot" not in said, said
    assert str(exc).startswith("Cannot reach the shared database postgresql://ann:***@")
    assert "s3cret" not in said + str(exc)


def test_an_answer_kept_in_the_journal_is_said_in_japanese(tmp_path: Path) -> None:
    owner = SimpleNamespace(
        settings=Settings(home=tmp_path, database_url=URL, user="ann"), session_id="abc123"
    )
    pending = SimpleNamespace(id="description", label="AIが行うこと")
    kept = InterviewSession._journal(owner, pending, "チャットボット", fault(URL, DOWN))  # type: ignore[arg-type]
    said = " ".join(error_in(kept, "ja").split())
    assert "質問「AIが行うこと」への回答「チャットボット」はデータベースに届かなかった" in said, (
        said
    )
    assert "Your answer" not in said and "Cannot reach" not in said, said
    assert "`shirube interview --resume abc123`" in said
    english = str(kept)
    assert "Your answer 'チャットボット' to 'AIが行うこと' did not reach it" in english, english


def test_a_plan_kept_on_this_machine_is_said_in_japanese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def down(_settings: Settings) -> Iterator[None]:  # `with opened(...)` fails as it opens
        raise fault(URL, DOWN)

    monkeypatch.setattr(plan_service, "save", lambda *args, **kwargs: None)
    monkeypatch.setattr(plan_service, "opened", down)
    settings = Settings(home=tmp_path, database_url=URL, user="ann")
    with pytest.raises(StorageError) as err:
        plan_service.save_finished(None, settings, "p1", UseCaseProfile())  # type: ignore[arg-type]
    said = error_in(err.value, "ja")
    assert "計画 p1 はこの端末" in said and "接続できません" in said, said
    assert "The plan" not in said and "Cannot" not in said, said


def test_a_missing_driver_is_said_in_japanese() -> None:
    said = error_in(no_postgres_driver(), "ja")
    assert "ドライバーがインストールされていません" in said and "pip install -e" in said, said
    assert "points at" not in said
