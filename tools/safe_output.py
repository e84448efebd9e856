"""Write a user-chosen output path without destroying what is there.

A regular file is replaced atomically (a temp file created exclusively beside it, fsynced, its
mode kept); a symlink is followed and the file it names is replaced; a device or FIFO is written
in place; anything else, a missing folder or a failed write is a UsageError naming the path.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import secrets
import stat
import time
from pathlib import Path

from knowledge.ui_labels import LabelledError, os_kind

# A reader started a moment after Shirube (`cat fifo &`) still gets the output.
FIFO_READER_WAIT_S = 3.0
# The kernel applies the umask to this, as for any file a program creates.
_NEW_FILE_MODE = 0o666
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_IN_PLACE = os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NOCTTY


def write_output(
    path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8"
) -> Path:
    """Write `data` to the user's `path` and return it; UsageError names the path and reason."""
    raw = os.fspath(path)
    if "\0" in raw:  # the OS cannot name such a file; say so instead of a ValueError
        raise LabelledError("errors.output_nul")
    given = Path(raw).expanduser()
    payload = data.encode(encoding) if isinstance(data, str) else data
    if raw.endswith(os.sep):  # "out/" means a folder even if it does not exist
        _refuse_folder(given)
    target = Path(os.path.realpath(given))  # a symlink's final target; the link itself stays
    try:
        info = _stat_or_none(given, target)
        if info is None or stat.S_ISREG(info.st_mode):
            _replace(target, payload, info)
        elif stat.S_ISFIFO(info.st_mode):
            _write_fifo(given, target, payload)
        elif stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
            _write_in_place(target, payload, os.open(target, _IN_PLACE))
        elif stat.S_ISDIR(info.st_mode):
            _refuse_folder(given)
        else:
            raise LabelledError("errors.output_not_file", path=str(given))
    except OSError as exc:
        raise LabelledError("errors.output_failed", path=str(given), problem=os_kind(exc)) from None
    return given


def _refuse_folder(given: Path) -> None:
    if given.is_dir():
        raise LabelledError("errors.output_is_folder", path=str(given))
    raise LabelledError("errors.output_no_folder", path=str(given), folder=str(given))


def _stat_or_none(given: Path, target: Path) -> os.stat_result | None:
    """The target's stat, or None for a new file whose folder exists (else UsageError)."""
    try:
        return os.stat(target)
    except FileNotFoundError:
        pass
    folder = target.parent if given.is_symlink() else given.parent
    if not target.parent.is_dir():
        raise LabelledError("errors.output_no_folder", path=str(given), folder=str(folder))
    return None


def _replace(target: Path, payload: bytes, info: os.stat_result | None) -> None:
    if info is not None and not os.access(target, os.W_OK):
        # A read-only file in a writable folder could be renamed over; refuse as `open` would.
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
    temp, fd = _create_temp(target)
    try:
        try:
            if info is not None:
                _keep_owner_and_mode(fd, info)
            _write_all(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(target.parent)


def _create_temp(target: Path) -> tuple[Path, int]:
    """A new file beside `target` with an unguessable name: a planted symlink is never followed."""
    for _ in range(100):
        temp = target.with_name(f".{target.name[:200]}.{secrets.token_hex(8)}.tmp")
        try:
            return temp, os.open(temp, _CREATE, _NEW_FILE_MODE)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))


def _keep_owner_and_mode(fd: int, info: os.stat_result) -> None:
    if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
        # Only root can give the file back to its owner; others keep it as theirs.
        with contextlib.suppress(PermissionError):
            os.fchown(fd, info.st_uid, info.st_gid)
    os.fchmod(fd, stat.S_IMODE(info.st_mode))


def _write_all(fd: int, payload: bytes) -> None:
    # os.write may write part of the data; a short write that is ignored loses the rest.
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; some filesystems cannot sync a folder, which is fine.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_fifo(given: Path, target: Path, payload: bytes) -> None:
    deadline = time.monotonic() + FIFO_READER_WAIT_S
    while True:
        try:
            fd = os.open(target, _IN_PLACE | os.O_NONBLOCK)
            break
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: no program has the FIFO open for reading
                raise
            if time.monotonic() > deadline:
                raise LabelledError("errors.output_fifo", path=str(given)) from None
            time.sleep(0.05)
    # Blocking writes from here on: a slow reader gets everything, in order.
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    _write_in_place(target, payload, fd)


def _write_in_place(target: Path, payload: bytes, fd: int) -> None:
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
            # Swapped for a file between the check and the open: never write into it in place.
            raise OSError(errno.EAGAIN, "it changed while being opened; try again", str(target))
        _write_all(fd, payload)
    finally:
        os.close(fd)
