"""A directory or a FIFO where a profile or answers file is expected is named for what it is,
in the reader's language, not 'not found' or a file type '(none)' (issue 18)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.faults.cli_runner import run_cli

JA = {"SHIRUBE_LANG": "ja", "COLUMNS": "400"}


@pytest.mark.parametrize("name", ["folder", "folder.yaml"])
@pytest.mark.parametrize("command", [("assess",), ("interview", "--answers")])
def test_a_directory_is_said_to_be_one(
    fresh_home: Path, tmp_path: Path, name: str, command: tuple[str, ...]
) -> None:
    folder = tmp_path / name
    folder.mkdir()
    result = run_cli(*command, str(folder), env=JA)
    said = " ".join(result.err.split())
    assert result.code == 2 and "はディレクトリです" in said, said
    assert "(none)" not in said and "見つかりません" not in said, said


@pytest.mark.parametrize("name", ["pipe", "pipe.yaml"])
def test_a_fifo_is_said_to_be_no_regular_file(fresh_home: Path, tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    result = run_cli("assess", str(fifo), env=JA)
    said = " ".join(result.err.split())
    assert result.code == 2 and "通常のファイルではありません" in said, said


def test_a_file_without_a_suffix_in_japanese(fresh_home: Path, tmp_path: Path) -> None:
    plain = tmp_path / "profile"
    plain.write_text("name: x\n", encoding="utf-8")
    said = " ".join(run_cli("assess", str(plain), env=JA).err.split())
    assert "拡張子がありません" in said and "(none)" not in said, said
    english = " ".join(run_cli("assess", str(plain), env={"SHIRUBE_LANG": "en"}).err.split())
    assert "unsupported file type '(none)'" in english, english
