"""Check a plan's output path before writing: never replace a file silently, and the file
name's ending must fit the format (`--format docx` to plan.md is a mistake, not a wish)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from knowledge.ui_labels import LabelledError


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
        raise LabelledError(
            "errors.output_wrong_ending",
            path=str(given),
            ending=ending,
            owner=owner,
            fmt=fmt,
            wanted=wanted,
            name=given.with_suffix(wanted).name,
        )
    if info is not None and stat.S_ISREG(info.st_mode) and not force:
        raise LabelledError("errors.output_exists", path=str(given))
