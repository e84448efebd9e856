"""Faults of the files Shirube keeps (sessions database, search index): one message each.

Each message names the file, what is wrong with it and what to do. Nothing here deletes or
repairs a file the user's work lives in: a damaged sessions database is for the user to move
aside, so whatever it still holds can be recovered.
"""

from __future__ import annotations

import shlex
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.errors import UsageError

HOME_HINT = "SHIRUBE_HOME sets the data directory"


class StorageError(UsageError):
    """A file Shirube keeps cannot be read or written; the message names it and the fix."""


# Shirube installs from its clone (not from a package index), hence `-e .`.
INSTALL_TEAM = "pip install -e '.[team]' in the Shirube clone"


def no_postgres_driver() -> StorageError:
    """SHIRUBE_DATABASE_URL names PostgreSQL but the team extra is not installed."""
    return StorageError(
        "SHIRUBE_DATABASE_URL points at PostgreSQL, but its driver is not installed. "
        f"Install it with `{INSTALL_TEAM}` (psycopg), or unset the variable."
    )


def sqlite_fault(path: Path, exc: sqlite3.Error, what: str = "sessions database") -> StorageError:
    """The message for a SQLite failure on `path`, by its SQLite error class."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    quoted = shlex.quote(str(path))
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or type(exc) is sqlite3.DatabaseError:
        aside = shlex.quote(f"{path}.damaged")
        return StorageError(
            f"The {what} {path} is damaged ({exc}). Shirube leaves it as it is: move it aside "
            f"(mv {quoted} {aside}) and a new, empty one is created; the old file may still be "
            f"recovered with `sqlite3 {aside} .recover`."
        )
    if name.startswith("SQLITE_FULL"):
        return StorageError(
            f"Cannot write the {what} {path}: the disk is full. Free some space and try again "
            f"(or point SHIRUBE_HOME at another disk); what was saved before is kept."
        )
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return StorageError(
            f"Cannot write the {what} {path} ({exc}): the file or its folder is read-only or "
            f"missing. Make {path.parent} writable, or set SHIRUBE_HOME to a writable directory."
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StorageError(
            f"The {what} {path} is busy in another Shirube process ({exc}). "
            "Wait for it to finish, then try again."
        )
    return StorageError(
        f"Cannot use the {what} {path} ({exc}). Check the disk: free space, permissions and "
        f"errors ({HOME_HINT})."
    )


@contextmanager
def guarded(path: Path, what: str = "sessions database") -> Iterator[None]:
    """Turn any SQLite failure inside the block into a StorageError naming `path`."""
    try:
        yield
    except sqlite3.Error as exc:
        raise sqlite_fault(path, exc, what) from None
