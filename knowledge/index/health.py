"""Cheap checks of a built store, so reusing an index never has to open Chroma to trust it.

`quick_check` reads the store's SQLite catalogue read-only with the standard library: it catches
a missing, truncated, garbled or short store in milliseconds. Damage it cannot see (the vector
segment files) surfaces on the first query, where `GuardedCollection` rebuilds and retries once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

SQLITE_FILE = "chroma.sqlite3"


def quick_check(store_dir: Path, entry_count: int) -> None:
    """Raise (FileNotFoundError / ValueError / sqlite3.Error) unless the store looks whole."""
    path = store_dir / SQLITE_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing")
    # mode=ro: never create or change the file; a checker must not repair by accident.
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise ValueError(f"SQLite integrity check failed: {verdict}")
        (count,) = conn.execute("SELECT count(*) FROM embeddings").fetchone()
    finally:
        conn.close()
    if count != entry_count:
        raise ValueError(f"holds {count} entries, expected {entry_count}")


class GuardedCollection:
    """A Chroma collection whose first failing query triggers one rebuild and one retry."""

    def __init__(self, collection: Any, rebuild: Callable[[], Any]) -> None:
        self._collection = collection
        self._rebuild = rebuild
        self._retried = False

    def query(self, **kwargs: Any) -> Any:
        try:
            return self._collection.query(**kwargs)
        except (TypeError, KeyError):
            raise  # a caller's mistake, not a broken store
        except Exception:
            if self._retried:
                raise
            self._retried = True
            self._collection = self._rebuild()
            return self._collection.query(**kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._collection, name)
