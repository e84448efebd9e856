"""`shirube sessions migrate --to URL`: this machine's sessions and plans into a team's database."""

from __future__ import annotations

import socket

from core.errors import UsageError
from tools.terminal_text import clean


def run_migrate(to: str) -> None:
    from agent.interview import store as sessions
    from agent.interview.plan_migrate import migrate
    from agent.interview.plan_postgres import PostgresPlanStore
    from agent.interview.plan_sqlite import SqlitePlanStore
    from agent.interview.session_migrate import copy_sessions
    from core.config import check_database_url, get_settings, redacted_url

    try:
        check_database_url(to)
    except ValueError:
        raise UsageError(
            f"--to {redacted_url(to)!r} is not a PostgreSQL URL. Use the form "
            "postgresql://user:password@host:5432/dbname."
        ) from None
    settings = get_settings()
    origin = f"{settings.who}'s sessions on {socket.gethostname()}"
    # The source is always this machine's file, even when SHIRUBE_DATABASE_URL is already set.
    with sessions.opened_local(settings) as conn:
        target = sessions.connect_shared(to, settings.connect_timeout)
        try:
            threads = copy_sessions(conn, target)
            moved = migrate(SqlitePlanStore(conn), PostgresPlanStore(target, to), settings.who,
                            origin)  # fmt: skip
        finally:
            target.close()
    where = redacted_url(to)
    for session_id in threads.copied:
        print(f"Copied session {clean(session_id)} with all its checkpoints.")
    for plan_id in moved.copied:
        print(f"Copied plan {clean(plan_id)} with its history.")
    print(
        f"{len(threads.copied)} session(s) (interviews and chat threads) copied to {where}; "
        f"{len(threads.already_there)} already there (left as they are)."
    )
    print(
        f"{len(moved.copied)} plan(s) copied to {where}; {len(moved.already_there)} already there "
        "(left as they are)."
    )
    print(
        f"Set SHIRUBE_DATABASE_URL={where} to work on the shared sessions and plans "
        f"(this machine's copies stay in {settings.sessions_db})."
    )
