"""Why no model answers, in Japanese: each English reason reads back through ui_labels."""

from __future__ import annotations

from pathlib import Path

import httpx
import ollama
import pytest

from agent.interview.graph import _in_lang
from agent.model import describe_error
from agent.model_limits import AnswerDeadline, AnswerTooLong
from agent.model_status import OFFLINE
from core.config import Settings
from knowledge.ui_labels import reword

SETTINGS = Settings(ollama_host="http://127.0.0.1:9", model="fake:7b")


@pytest.mark.parametrize(
    ("exc", "japanese"),
    [
        (AnswerDeadline(), "秒以内に回答を終えませんでした"),
        (AnswerTooLong(), "文字を超えたため打ち切りました"),
        (ollama.ResponseError("not found", 404), "モデル「fake:7b」は http://127.0.0.1:9 に"),
        (
            ollama.ResponseError("model requires more memory", 500),
            "Ollama がエラーを返しました（HTTP 500）",
        ),
        (httpx.ReadTimeout("slow"), "時間内に応答しませんでした"),
        (httpx.ConnectError("down"), "http://127.0.0.1:9 で応答する Ollama サーバーがありません"),
        (ValueError("bad"), "不正な形式の応答"),
        (RuntimeError("x"), "モデルの呼び出しに失敗しました（RuntimeError）"),
    ],
)
def test_every_reason_reads_in_japanese(exc: Exception, japanese: str) -> None:
    english = describe_error(exc, SETTINGS)
    assert japanese in reword(english, "model_reason", "ja"), english
    # Ollama's own (English) words are logged, never put in a reason a Japanese reader sees.
    assert "requires" not in english
    assert reword(english, "model_reason", "en") == english


def test_offline_reason_and_interview_notice_in_japanese() -> None:
    assert (
        reword(OFFLINE.reason or "", "model_reason", "ja") == "オフラインモードが設定されています"
    )
    notice = (
        "No model available (no Ollama server answered at http://h:1), so every question is asked."
    )
    assert _in_lang(notice, "ja") == (
        "使えるモデルがないため（http://h:1 で応答する Ollama サーバーがありません）、"
        "すべての質問をお聞きします。"
    )
    assert _in_lang(notice, "en") == notice and _in_lang(None, "ja") is None


def test_doctor_says_why_ollama_is_down_in_japanese_words() -> None:
    """The failure's kind from a label (could not connect), not the exception's class name."""
    from agent.doctor import check_ollama
    from tests.integration.chroma_server import free_port

    url = f"http://127.0.0.1:{free_port()}"
    (check,) = check_ollama(Settings(ollama_host=url, model="fake:7b"))
    japanese = check.said.text("ja")
    assert "接続できません" in japanese and "ConnectError" not in japanese, japanese
    assert "could not connect" in check.detail


def test_eval_model_unavailable_in_japanese(tmp_path: Path) -> None:
    from tests.faults.cli_runner import run_cli
    from tests.integration.chroma_server import free_port

    url = f"http://127.0.0.1:{free_port()}"
    env = {"SHIRUBE_HOME": str(tmp_path), "SHIRUBE_LANG": "ja", "OLLAMA_HOST": url}
    done = run_cli("eval", "--model", "fake:7b", env=env)
    assert done.code == 2
    assert "で応答する Ollama サーバーがありません" in done.err, done.err
    assert "no Ollama server" not in done.err


def test_doctor_says_an_unusable_data_dir_and_chroma_in_japanese_words(tmp_path: Path) -> None:
    """strerror and exception class names are English: the kind comes from a label."""
    from agent.doctor import check_chroma
    from agent.doctor_storage import check_data_dir
    from tests.integration.chroma_server import free_port

    (tmp_path / "file").write_text("")
    data = check_data_dir(Settings(home=tmp_path / "file" / "home"))
    said = data.said.text("ja")
    assert "ディレクトリではありません" in said and "Not a directory" not in said, said
    chroma = check_chroma(Settings(chroma_host="127.0.0.1", chroma_port=free_port()))
    said = chroma.said.text("ja")
    assert "（接続できません）" in said and "ConnectError" not in said, said
