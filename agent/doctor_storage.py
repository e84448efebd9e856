"""Doctor checks of the files Shirube keeps: data directory, sessions database, index files.

They only read (and write one small temporary file): a damaged sessions database is reported
with the way to move it aside, never repaired or deleted here. `agent.doctor` imports this
module when it runs the checks (this one imports its `Check`).
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import tempfile

from agent.doctor import Check
from core.config import Settings
from knowledge.ui_labels import os_kind, phrase, sqlite_problem

MIN_FREE_BYTES = 50 * 1024 * 1024
"""Below this the index build (a few MB) or a session's next answer may not fit."""
PROBE_BYTES = 64 * 1024
"""Written and synced once: an empty file fits on a full disk, real data does not."""


def check_data_dir(settings: Settings) -> Check:
    path = settings.data_dir
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path) as probe:
            probe.write(b"\0" * PROBE_BYTES)
            probe.flush()
            os.fsync(probe.fileno())
        free = shutil.disk_usage(path).free
    except OSError as exc:
        return Check(
            name="data directory",
            status="fail",
            said=phrase("doctor.data_dir_not_writable", path=str(path), error=os_kind(exc)),
            to_do=phrase("doctor.fix_data_dir"),
        )
    if free < MIN_FREE_BYTES:
        return Check(
            name="data directory",
            status="fail",
            said=phrase("doctor.data_dir_full", path=str(path), kb=f"{free // 1024:,}"),
            to_do=phrase("doctor.fix_data_dir_full"),
        )
    said = phrase("doctor.data_dir_ok", path=str(path), mb=f"{free >> 20:,}")
    return Check(name="data directory", status="ok", said=said)


def check_sessions_db(settings: Settings) -> Check:
    path = settings.sessions_db
    if not path.exists():
        said = phrase("doctor.sessions_none", path=str(path))
        return Check(name="sessions", status="ok", said=said)
    aside = shlex.quote(f"{path}.damaged")
    try:
        # mode=ro: a checker must never create, change or repair the file.
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()
            if verdict is None or verdict[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {verdict}")
            ids = [row[0] for row in conn.execute("SELECT id FROM shirube_sessions")]
            damaged = _unreadable(conn, ids)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return Check(
            name="sessions",
            status="fail",
            said=phrase("doctor.sessions_damaged", path=str(path), error=sqlite_problem(exc)),
            to_do=phrase("doctor.fix_sessions_aside", path=shlex.quote(str(path)), aside=aside),
        )
    if damaged:
        return Check(
            name="sessions",
            status="fail",
            said=phrase(
                "doctor.sessions_some_damaged",
                count=len(damaged),
                path=str(path),
                ids=", ".join(damaged[:10]),
            ),
            to_do=phrase("doctor.fix_sessions_delete"),
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return Check(
            name="sessions",
            status="fail",
            said=phrase("doctor.sessions_read_only", path=str(path)),
            to_do=phrase("doctor.fix_sessions_writable", path=str(path), parent=str(path.parent)),
        )
    said = phrase("doctor.sessions_ok", count=len(ids), path=str(path))
    return Check(name="sessions", status="ok", said=said)


def _unreadable(conn: sqlite3.Connection, ids: list[str]) -> list[str]:
    """Ids whose latest checkpoint does not load (garbled bytes SQLite cannot see)."""
    from langgraph.checkpoint.sqlite import SqliteSaver

    saver = SqliteSaver(conn)
    saver.is_setup = True  # read-only: never create tables or switch the journal mode
    damaged = []
    for session_id in ids:
        try:
            found = saver.get_tuple({"configurable": {"thread_id": session_id}})
            ok = found is None or isinstance(found.checkpoint.get("channel_values"), dict)
        except Exception:  # whatever the bytes make the deserializer raise
            ok = False
        if not ok:
            damaged.append(session_id)
    return damaged


def check_index_files(settings: Settings) -> list[Check]:
    """A broken embedding cache and stores left by interrupted builds (both derived data)."""
    from knowledge.index.meta import read_meta
    from knowledge.index.vector_cache import cache_path, readable

    checks = []
    cache = cache_path(settings.index_dir)
    if cache.exists() and not readable(cache):
        checks.append(
            Check(
                name="embedding cache",
                status="warn",
                said=phrase("doctor.cache_unreadable", cache=str(cache)),
                to_do=phrase("doctor.fix_cache"),
            )
        )
    meta = read_meta(settings)
    live = meta.store if meta is not None else None
    stray = [p for p in settings.index_dir.glob("chroma-*") if p.is_dir() and p.name != live]
    if stray and not settings.chroma_host:
        checks.append(
            Check(
                name="index files",
                status="warn",
                said=phrase("doctor.stray_stores", count=len(stray), dir=str(settings.index_dir)),
                to_do=phrase("doctor.fix_stray"),
            )
        )
    return checks


def check_database(settings: Settings) -> Check | None:
    """The shared PostgreSQL (only when SHIRUBE_DATABASE_URL is set): reachable, schema, writes.

    The write probe is rolled back: the checker never changes the team's data.
    """
    url = settings.database_url
    if not url:
        return None
    from agent.interview.plan_schema import COMPONENT, LATEST
    from core.config import redacted_url

    where, name = redacted_url(url), "database"
    try:
        import psycopg
    except ImportError:
        return Check(name=name, status="fail", said=phrase("doctor.db_no_driver"),
                     to_do=phrase("doctor.fix_db_driver"))  # fmt: skip
    try:
        with psycopg.connect(url, connect_timeout=max(1, round(settings.connect_timeout))) as conn:
            row = conn.execute("SELECT to_regclass('shirube_schema') IS NOT NULL").fetchone()
            version = None
            if row and row[0]:
                found = conn.execute(
                    "SELECT version FROM shirube_schema WHERE component = %s", (COMPONENT,)
                ).fetchone()
                version = int(found[0]) if found else None
                conn.execute("INSERT INTO shirube_schema VALUES ('doctor-probe', 0)")
            else:
                conn.execute("CREATE TABLE shirube_doctor_probe (x INTEGER)")
            conn.rollback()  # the probe only asked whether we may write
    except psycopg.errors.InsufficientPrivilege as exc:
        said = phrase("doctor.db_may_not_write", where=where, error=str(exc).strip())
        return Check(name=name, status="fail", said=said, to_do=phrase("doctor.fix_db_grant"))
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        said = phrase("doctor.db_unreachable", where=where, reason=reason)
        return Check(name=name, status="fail", said=said, to_do=phrase("doctor.fix_db_start"))
    if version is not None and version > LATEST:
        said = phrase("doctor.db_too_new", where=where, version=version, latest=LATEST)
        return Check(name=name, status="fail", said=said, to_do=phrase("doctor.fix_db_upgrade"))
    state = phrase("doctor.db_schema", version=version) if version else phrase("doctor.db_no_plans")
    return Check(name=name, status="ok", said=phrase("doctor.db_ok", where=where, state=state))
