"""`shirube sessions migrate --to URL`: this machine's saved plans into a team's PostgreSQL."""

from __future__ import annotations

import socket

from core.errors import UsageError
from tools.terminal_text import clean


def run_migrate(to: str) -> None:
    from agent.interview import store as sessions
    from agent.interview.plan_migrate import migrate
    from agent.interview.plan_postgres import connect
    from agent.interview.plan_sqlite import SqlitePlanStore
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
    with sessions.opened(settings) as conn, connect(to, settings.connect_timeout) as target:
        moved = migrate(SqlitePlanStore(conn), target, settings.who, origin)
    where = redacted_url(to)
    for plan_id in moved.copied:
        print(f"Copied plan {clean(plan_id)} with its history.")
    print(
        f"{len(moved.copied)} plan(s) copied to {where}; {len(moved.already_there)} already there "
        "(left as they are)."
    )
    print(
        f"Interview checkpoints and chat threads stay in {settings.sessions_db} (not moved yet). "
        f"Set SHIRUBE_DATABASE_URL={where} to work on the shared plans."
    )
