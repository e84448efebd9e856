"""Standard output that reports a failed write (full disk, closed pipe) instead of losing it.

Python's buffered stdout drops the rest of a partly written block without an error, so
`shirube assess -f json > plan.json` on a full disk exited 0 with half a plan. The CLI swaps in a
stream whose every write reaches the file descriptor whole or raises `StdoutError`.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import TextIO


class StdoutError(OSError):
    """Writing the command's output to standard output failed."""


class _WholeWrites(io.RawIOBase):
    """Raw writes to `fd` that write everything or raise StdoutError."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def write(self, data: bytes) -> int:  # type: ignore[override]
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError as exc:
            raise StdoutError(exc.errno, exc.strerror) from None
        return len(data)


def checked(stream: TextIO) -> TextIO:
    """`stream` as a checked stream when it writes to a file or pipe (not a terminal or test)."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return stream  # an in-memory stream (tests): nothing to lose
    if stream.isatty():
        return stream
    stream.flush()
    # typeshed wants a buffered stream (read1 …); a writable raw stream is all TextIOWrapper uses.
    return io.TextIOWrapper(  # type: ignore[type-var]
        _WholeWrites(fd),
        encoding=stream.encoding,
        errors=stream.errors,
        write_through=True,  # no buffer that could hide a failed write until exit
    )


def report(exc: OSError, lang: str = "en") -> None:
    """One line on stderr in `lang` (none for a closed pipe, e.g. `| head`); stdout goes
    nowhere after."""
    if exc.errno != errno.EPIPE:
        from knowledge.ui_labels import os_kind, ui_text

        said = ui_text("errors.output_stdout", lang, problem=os_kind(exc).text(lang))
        print(f"{ui_text('cli.error', lang)} {said}", file=sys.stderr)
    # Exit must not try the broken stdout again (it would print "Exception ignored").
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
