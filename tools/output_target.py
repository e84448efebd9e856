"""Check a plan's output path before writing: never replace a file silently, and the file
name's ending must fit the format (`--format docx` to plan.md is a mistake, not a wish)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from core.errors import UsageError


def check_target(
    path: str | os.PathLike[str], fmt: str, suffixes: dict[str, tuple[str, ...]], *, force: bool
) -> None:
    """UsageError when `path` exists (without `force`) or ends like another format's file.

    `suffixes` maps each format to its endings; an ending no format claims is left alone.
    """
    given = Path(os.fspath(path)).expanduser()
    try:
        info = os.stat(given)
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        return  # a folder is refused by the writer; a FIFO or device is written in place
    ending = given.suffix.lower()
    owner = next((f for f, endings in suffixes.items() if ending in endings), None)
    if owner is not None and owner != fmt:
        wanted = suffixes[fmt][0]
        raise UsageError(
            f"'{given}' ends in {ending}, a {owner} file, but --format {fmt} writes a {wanted} "
            f"file. Name it {given.with_suffix(wanted).name}, or use --format {owner}."
        )
    if info is not None and stat.S_ISREG(info.st_mode) and not force:
        raise UsageError(
            f"'{given}' already exists and was left as it is. Add --force to replace it, "
            "or choose another --output path."
        )
