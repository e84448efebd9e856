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
from core.storage import INSTALL_TEAM

MIN_FREE_BYTES = 50 * 1024 * 1024
"""Below this the index build (a few MB) or a session's next answer may not fit."""
PROBE_BYTES = 64 * 1024
"""Written and synced once: an empty file fits on a full disk, real data does not."""


def check_data_dir(settings: Settings) -> Check:
    path = settings.data_dir
    fix = "Set SHIRUBE_HOME to a writable directory with free space."
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
            detail=f"{path} is not writable ({exc.strerror or exc})",
            fix=fix,
        )
    if free < MIN_FREE_BYTES:
        return Check(
            name="data directory",
            status="fail",
            detail=f"{path} has only {free // 1024:,} KB free: the disk is (nearly) full",
            fix="Free some space on that disk, or " + fix[0].lower() + fix[1:],
        )
    return Check(
        name="data directory", status="ok", detail=f"{path} (writable, {free >> 20:,} MB free)"
    )


def check_sessions_db(settings: Settings) -> Check:
    path = settings.sessions_db
    if not path.exists():
        return Check(name="sessions", status="ok", detail=f"no saved sessions yet ({path})")
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
            detail=f"{path} is damaged or unreadable ({exc})",
            fix=(
                f"Move it aside (mv {shlex.quote(str(path))} {aside}); Shirube starts a new one. "
                f"Recover what it holds with `sqlite3 {aside} .recover`."
            ),
        )
    if damaged:
        return Check(
            name="sessions",
            status="fail",
            detail=f"saved state of {len(damaged)} session(s) in {path} is damaged: "
            + ", ".join(damaged[:10]),
            fix=(
                "Other sessions are fine. Keep a copy of the file, then remove each with "
                "`shirube sessions delete ID`."
            ),
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return Check(
            name="sessions",
            status="fail",
            detail=f"{path} is read-only: sessions can be listed but not continued",
            fix=f"Make {path} and {path.parent} writable, or set SHIRUBE_HOME elsewhere.",
        )
    return Check(name="sessions", status="ok", detail=f"{len(ids)} saved session(s) in {path}")


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
                detail=f"{cache} is unreadable (truncated or damaged)",
                fix="Nothing to keep in it: the next `shirube index` discards and rebuilds it.",
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
                detail=f"{len(stray)} store(s) from an interrupted or running build in "
                f"{settings.index_dir}",
                fix="Run `shirube index --rebuild`: it removes them.",
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
        return Check(name=name, status="fail", detail="psycopg is not installed",
                     fix=f"{INSTALL_TEAM}, or unset SHIRUBE_DATABASE_URL.")  # fmt: skip
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
        return Check(name=name, status="fail", detail=f"{where}: may not write ({exc})".strip(),
                     fix="GRANT the user CREATE on the database and SELECT, INSERT, UPDATE on "
                     "the shirube_* tables, or use the owner's account.")  # fmt: skip
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return Check(name=name, status="fail", detail=f"{where} cannot be reached ({reason})",
                     fix="Start PostgreSQL there, or fix SHIRUBE_DATABASE_URL (user, password, "
                     "host, port, database); unset it to work on the local SQLite.")  # fmt: skip
    if version is not None and version > LATEST:
        return Check(name=name, status="fail",
                     detail=f"{where}: schema {version}, newer than this Shirube ({LATEST})",
                     fix="Upgrade Shirube on this machine (pip install -U shirube).")  # fmt: skip
    state = f"schema version {version}" if version else "no plans yet (tables made on first save)"
    return Check(name=name, status="ok", detail=f"{where}: reachable, writable, {state}")
