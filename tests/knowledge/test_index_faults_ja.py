"""A failed index build is said in the reader's language (issue 18): the directory as it is,
the OS refusal by its errno's kind, the fix from ui_labels (errors.index_*)."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest

from core.config import Settings
from core.storage import StorageError
from knowledge.index.faults import build_faults
from knowledge.ui_labels import error_in

ENGLISH_RUN = re.compile(r"\b[A-Za-z]{3,}\s+[A-Za-z]{3,}\b")


@pytest.mark.parametrize(
    ("exc", "japanese"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "ディスクの空き容量がありません"),
        (PermissionError(errno.EACCES, "Permission denied", "/x/i"), "アクセス権がありません"),
        (OSError(errno.EIO, "Input/output error"), "変更された可能性があります"),
    ],
)
def test_a_failed_build_reads_in_japanese(tmp_path: Path, exc: Exception, japanese: str) -> None:
    settings = Settings(home=tmp_path)
    settings.index_dir.mkdir(parents=True)
    with pytest.raises(StorageError) as raised, build_faults(settings):
        raise exc
    said = error_in(raised.value, "ja")
    assert japanese in said, said
    rest = re.sub(r"`[^`]*`|\S*/\S*", "", said)
    assert ENGLISH_RUN.findall(rest) == [], said
    assert str(settings.index_dir) in said and "shirube index" in said


def test_an_index_removed_mid_build_reads_in_japanese(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    with pytest.raises(StorageError) as raised, build_faults(settings):
        raise OSError(errno.ENOENT, "No such file or directory")
    said = error_in(raised.value, "ja")
    assert "作成中に削除されました" in said, said
