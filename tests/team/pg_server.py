"""A real PostgreSQL in a temp dir on a free loopback port (Debian's binaries), for the team tier.

initdb refuses to run as root; as root (CI, this container) the cluster is made and run as the
`postgres` user the Debian package creates, in a directory that user owns.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.integration.chroma_server import free_port

START_TIMEOUT_S = 30


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (PATH first, then the newest Debian version)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(versions[-1]).parent if versions else None


def _runner() -> tuple[list[str], int | None]:
    """The command prefix and uid to run the server as (not root: postgres refuses root)."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        try:
            uid = pwd.getpwnam(name).pw_uid
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"], uid
    raise RuntimeError("running as root and no 'postgres' or 'nobody' user to run PostgreSQL as")


@contextmanager
def postgres_server() -> Iterator[str]:
    """initdb + pg_ctl start; yield the URL of its `postgres` database; stop and remove it."""
    bindir = binaries()
    if bindir is None:
        raise FileNotFoundError("initdb/pg_ctl")
    prefix, uid = _runner()
    root = Path(tempfile.mkdtemp(prefix="shirube-pg-"))
    if uid is not None:
        os.chown(root, uid, -1)
    data, log = root / "data", root / "server.log"
    subprocess.run(
        [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "shirube", "-A", "trust",
         "-E", "UTF8", "--locale=C", "--no-sync"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    for _ in range(3):  # a port found free may be taken before the server binds it
        port = free_port()
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off"
        started = subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
             "-w", "-t", str(START_TIMEOUT_S), "start"],
            capture_output=True, text=True, timeout=START_TIMEOUT_S + 10,
        )  # fmt: skip
        if started.returncode == 0 or "could not bind" not in _tail(log):
            break
    try:
        if started.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed: {started.stderr}{_tail(log)}")
        yield f"postgresql://shirube@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


def _tail(log: Path) -> str:
    try:
        return log.read_text()[-2000:]
    except OSError:
        return ""


def fresh_database(server_url: str, name: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"
