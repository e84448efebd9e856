"""Validated data kept between processes, so a cold start does not validate it again.

Validating the rule base (pydantic over every data file, each regex compiled) and the use-case
hints is ~0.35 s of each cold `ask`. `cached(name, content, build)` keeps `build()`'s value as a
pickle in the data directory's `cache/`, under a key of: `content` (the caller's hash of the
data files it read), the code that defines and validates the models (every module of core/ and
knowledge/, by size and modification time as Python's own bytecode cache checks a source; the
layers contract keeps the models' code in these two packages), and the interpreter and pydantic
versions. Any change to one of them is another key: the value is built (validated) again and
the old file replaced. A missing, unreadable or unwritable cache only costs the build. The
pickles are the user's own files, in the folder that holds their index and sessions.

`kb check` never reads this cache: it validates the files themselves.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# The packages whose code can shape a validated value (the one-way layers: nothing above them).
CODE_DIRS = tuple(Path(__file__).resolve().parent.parent / name for name in ("core", "knowledge"))
CACHE_DIR_NAME = "cache"


def content_hash(*paths: Path) -> str:
    """A hash of the files' bytes, in the order given."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def code_stamp() -> str:
    """What the cached values' classes and validators are: the interpreter, the installed
    pydantic and pydantic-core (their versions read from the install's metadata folder names,
    not by importing them: a value read back may need no pydantic), and each source file of
    core/ and knowledge/ by path, size and modification time."""
    digest = hashlib.sha256(sys.version.encode())
    for package in ("pydantic", "pydantic_core"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin:
            site = Path(spec.origin).parent.parent
            digest.update(" ".join(sorted(p.name for p in site.glob(f"{package}-*"))).encode())
            stat = os.stat(spec.origin)  # and the files themselves, as bytecode is checked
            digest.update(f"{spec.origin} {stat.st_size} {stat.st_mtime_ns}".encode())
    for folder in CODE_DIRS:
        for path in sorted(folder.rglob("*.py")):
            stat = path.stat()
            digest.update(
                f"{path.relative_to(folder.parent)} {stat.st_size} {stat.st_mtime_ns}".encode()
            )
    return digest.hexdigest()


def cache_dir() -> Path | None:
    """The data directory's cache folder; None while the data directory does not exist (a
    cache never creates the user's data directory)."""
    from core.errors import UsageError
    from core.light_settings import light_settings

    try:
        data = light_settings().data_dir
    except UsageError:  # a bad setting: its error is being worded from labels, uncached
        return None
    return data / CACHE_DIR_NAME if data.is_dir() else None


def cached(name: str, content: str, build: Callable[[], T]) -> T:
    """`build()`'s value, read from the cache when `content`, the code and the versions are the
    ones it was built with; else built, and stored for the next process."""
    folder = cache_dir()
    if folder is None:
        return build()
    key = hashlib.sha256(f"{content} {code_stamp()}".encode()).hexdigest()[:24]
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as file:
            value: T = pickle.load(file)
            return value
    except Exception:
        pass
    value = build()
    _store(folder, name, path, value)
    return value


def _store(folder: Path, name: str, path: Path, value: object) -> None:
    """Write `value` whole (another process reads the old file or the new one, never half of
    one), then remove the same name's files of other keys."""
    try:
        folder.mkdir(exist_ok=True)
        # One writer per process and thread (not tempfile: its imports cost every start).
        temporary = folder / f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            with temporary.open("wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass  # a read-only or full disk: the next process validates again
