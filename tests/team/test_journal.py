"""The team's database goes down mid-interview: the error names it (password masked) and the
fix, the answer typed goes to the local journal, and the next resume writes it once it is back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from agent.interview import journal
from agent.interview.session import InterviewSession
from core.config import Settings
from core.storage import StorageError
from tests.conftest import run_shirube
from tests.integration.chroma_server import free_port
from tests.team.pg_server import fresh_database

pytestmark = pytest.mark.team


def _with_password(url: str) -> str:
    # The test server trusts every loopback connection, so any password is accepted.
    return url.replace("postgresql://shirube@", "postgresql://shirube:s3cret@", 1)


def _drop_connections(url: str) -> None:
    """What a restart of the server does to every open connection to this database."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )


@pytest.fixture
def shared(postgres_url: str, tmp_path: Path) -> Settings:
    url = _with_password(fresh_database(postgres_url, f"j_{uuid.uuid4().hex[:12]}"))
    return Settings(home=tmp_path, database_url=url, offline=True, user="ann")


def test_an_answer_typed_while_the_database_is_down_is_written_when_it_returns(
    shared: Settings,
) -> None:
    session = InterviewSession.start(shared)
    sid = session.session_id
    session.answer("Bot")
    _drop_connections(str(shared.database_url))
    with pytest.raises(StorageError) as err:
        session.answer("A support chatbot")
    session.close()
    message = " ".join(str(err.value).split())
    assert "Cannot reach the shared database postgresql://shirube:***@127.0.0.1:" in message
    assert "s3cret" not in message and "`shirube doctor` checks the connection" in message
    assert (
        "Your answer 'A support chatbot' to 'What the AI does' did not reach it and is kept on "
        f"this machine in {journal.path(shared)}; it is written when the database is back"
    ) in message
    assert f"`shirube interview --resume {sid}`" in message
    [kept] = journal.pending(shared, sid)
    assert (kept.question, kept.answer, kept.who) == ("description", "A support chatbot", "ann")
    assert "s3cret" not in journal.path(shared).read_text()

    env = {"SHIRUBE_HOME": str(shared.data_dir), "SHIRUBE_DATABASE_URL": str(shared.database_url)}
    listed = run_shirube("sessions", "list", env=env)
    assert listed.returncode == 0, listed.stderr
    assert f"1 answer(s) of interview {sid} are not in the database yet" in " ".join(
        listed.stdout.split()
    )

    with InterviewSession.resume(sid, shared) as resumed:  # the database is back
        assert [(e.answer, outcome) for e, outcome in resumed.replayed] == [
            ("A support chatbot", "written")
        ]
        assert resumed.answers == {"name": "Bot", "description": "A support chatbot"}
        assert resumed.current is not None and resumed.current.id == "organisation"
    assert journal.pending(shared) == []


def test_still_down_at_the_next_run_keeps_the_journal_and_names_the_fix(
    shared: Settings,
) -> None:
    with InterviewSession.start(shared) as session:
        sid = session.session_id
        _drop_connections(str(shared.database_url))
        with pytest.raises(StorageError):
            session.answer("Bot")
    down = shared.model_copy(
        update={"database_url": f"postgresql://shirube:s3cret@127.0.0.1:{free_port()}/gone"}
    )
    with pytest.raises(StorageError) as err:
        InterviewSession.resume(sid, down)
    message = str(err.value)
    assert "Cannot reach the shared database" in message and "s3cret" not in message
    assert "unset it to work on this machine's SQLite" in message
    assert [e.answer for e in journal.pending(shared, sid)] == ["Bot"]  # nothing lost


def test_an_answer_that_landed_before_the_drop_is_not_given_twice(shared: Settings) -> None:
    with InterviewSession.start(shared) as session:
        sid = session.session_id
        session.answer("Bot")

    def entry(question: str, answer: str) -> journal.Entry:
        at = dt.datetime.now(dt.UTC)
        return journal.Entry(
            session=sid, question=question, answer=answer, at=at, who="ann", where="db"
        )

    journal.keep(shared, entry("name", "Bot"))  # written, then the connection dropped
    journal.keep(shared, entry("description", "A chatbot"))  # the one waiting: written now
    journal.keep(shared, entry("builds_models", "no"))  # not the question waiting: kept
    with InterviewSession.resume(sid, shared) as resumed:
        outcomes = [(e.question, outcome) for e, outcome in resumed.replayed]
        assert resumed.answers == {"name": "Bot", "description": "A chatbot"}
    assert outcomes == [
        ("name", "already saved"),
        ("description", "written"),
        ("builds_models", "kept"),
    ]
    assert [e.question for e in journal.pending(shared, sid)] == ["builds_models"]
