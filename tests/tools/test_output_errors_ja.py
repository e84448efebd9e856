"""An output path Shirube will not write is said in the reader's language (issue 18): the path
as given, the reason from ui_labels (and an OS refusal by its errno's kind, not strerror)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from core.errors import UsageError
from knowledge.ui_labels import error_in
from tools.output_target import check_target
from tools.safe_output import write_output

ENGLISH_RUN = re.compile(r"\b[A-Za-z]{3,}\s+[A-Za-z]{3,}\b")


def _japanese(exc: BaseException, path: Path) -> str:
    said = error_in(exc, "ja")
    assert str(path) in said, said
    options = re.sub(r"--\w+ \w+", "", said.replace(str(path), ""))  # --format docx
    assert ENGLISH_RUN.findall(options) == [], said
    return said


def test_a_missing_folder_and_a_folder_are_said_in_japanese(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "plan.md"
    with pytest.raises(UsageError) as raised:
        write_output(target, "x")
    assert "nowhere" in _japanese(raised.value, target) and "フォルダ" in error_in(
        raised.value, "ja"
    )
    assert str(raised.value).startswith(f"cannot write to {target}: the folder")
    with pytest.raises(UsageError) as folder:
        write_output(tmp_path, "x")
    _japanese(folder.value, tmp_path)


def test_a_refused_write_says_the_errno_kind_in_japanese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("original")
    target.chmod(0o444)
    monkeypatch.setattr(os, "access", lambda path, mode, **_: mode != os.W_OK)
    with pytest.raises(UsageError) as raised:
        write_output(target, "new")
    assert "アクセス権がありません" in _japanese(raised.value, target)
    assert "permission denied" in str(raised.value)


def test_an_existing_file_and_a_wrong_ending_are_said_in_japanese(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("x")
    suffixes = {"markdown": (".md",), "docx": (".docx",)}
    with pytest.raises(UsageError) as exists:
        check_target(target, "markdown", suffixes, force=False)
    assert "--force" in _japanese(exists.value, target)
    assert "already exists and was left as it is" in str(exists.value)
    with pytest.raises(UsageError) as ending:
        check_target(target, "docx", suffixes, force=True)
    assert "plan.docx" in _japanese(ending.value, target)


def test_an_impossible_date_in_a_data_file_is_said_in_japanese(tmp_path: Path) -> None:
    """YAML reads 2027-13-01 as a date and Python refuses it in English ('month must be in
    1..12'): the reader is told it is a date that does not exist, in their language."""
    from tools.data_file import FileKind, read_data_file

    kind = FileKind(
        "file_errors.answers_noun", "file_errors.answers_missing", "file_errors.answers_flat"
    )
    answers = tmp_path / "answers.yaml"
    for text, japanese in (
        ("launch_date: 2027-13-01\n", "存在しない日付"),
        (f"n: {'9' * 5000}\n", "桁"),
    ):
        answers.write_text(text, encoding="utf-8")
        with pytest.raises(UsageError) as raised:
            read_data_file(answers, kind)
        assert japanese in _japanese(raised.value, answers)
