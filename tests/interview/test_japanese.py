"""Issue 18: `shirube interview --lang ja` asks in Japanese, reads Japanese answers, keeps the
language when resumed and ends with a Japanese result; the profile is the English run's."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from agent.interview.parse import parse_answer
from agent.interview.session import InterviewSession
from agent.interview.state import next_question_id
from core.config import Settings
from core.profile import UseCaseProfile
from knowledge.questions import question_by_id
from tests.interview.scenarios import SCENARIOS
from tests.interview.test_cli import shirube

# The first English scenario (support_chatbot) as a Japanese user types it: the same free text,
# choices by their Japanese names, 、 between several, full-width digits and はい（理由）.
JAPANESE = {
    "name": "Support chatbot",
    "description": "Answers customer questions on our website from product manuals.",
    "organisation": "会社",
    "builds_models": "いいえ",
    "offers_to_others": "はい",
    "uses_in_operations": "いいえ（社員は使わない）",
    "customers": "１、２",
    "personal_data": "個人情報",
    "personal_data_beyond_output": "はい",
    "copyrighted_material": "はい",
    "sectors": "なし",
}


def japanese_lines() -> list[str]:
    answers: dict[str, Any] = {}
    lines = []
    while (question_id := next_question_id({"answers": answers})) is not None:
        text = JAPANESE.get(question_id, "スキップ")
        answers[question_id] = parse_answer(question_by_id(question_id), text).value
        lines.append(text)
    return [*lines, "はい"]


def _profile(plan: Path) -> dict[str, Any]:
    return dict(json.loads(plan.read_text(encoding="utf-8"))["profile"])


def _english_profile() -> dict[str, Any]:
    expected = UseCaseProfile.model_validate(SCENARIOS[0].expected)
    return dict(json.loads(expected.model_dump_json()))


def _sid(output: str) -> str:
    match = re.search(r"セッション ([0-9a-f]{8}) を開始しました", output)
    assert match, output
    return match.group(1)


def test_a_japanese_interview_gives_the_english_profile(fresh_home: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    stdin = "\n".join(japanese_lines()) + "\n"
    result = shirube(
        "interview", "--lang", "ja", "--offline", "--format", "json", "-o", str(plan),
        cwd=tmp_path, stdin=stdin,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[1/" in out and "このAIの活用事例を何と呼びますか？" in out
    assert "1) 会社などの事業者" in out  # choices by their Japanese names, no English ids
    assert "(company)" not in out
    assert "回答の一覧：" in out and "AIを利用する人：一般消費者、企業" in out
    assert "あなたの役割：AI提供者、活用事業者" in out
    assert re.search(r"該当する規律（\d+件）：", out)
    assert re.search(r"対応事項 \d+件（うちリリース前 \d+件）。まずはここから：", out)
    assert f"ガバナンス計画を保存しました：{plan}" in out
    assert "Your roles" not in out and "Session " not in out
    assert "Before launch" not in out and "guards against" not in out  # start here, in Japanese
    assert _profile(plan) == _english_profile()
    written = json.loads(plan.read_text(encoding="utf-8"))
    assert written["lang"] == "ja"  # the plan is written in the interview's language


def test_a_scripted_japanese_run_shows_the_japanese_result(
    fresh_home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "\n".join(
            f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in JAPANESE.items()
        ),
        encoding="utf-8",
    )
    plan = tmp_path / "plan.md"
    result = shirube(
        "interview", "--answers", str(answers), "-o", str(plan), cwd=tmp_path, SHIRUBE_LANG="ja"
    )
    assert result.returncode == 0, result.stderr
    assert "あなたの役割：AI提供者、活用事業者" in result.stdout
    assert "Before launch" not in result.stdout
    assert f"ガバナンス計画を保存しました：{plan}" in result.stdout


def test_errors_and_why_are_in_japanese(fresh_home: Path, tmp_path: Path) -> None:
    lines = japanese_lines()
    lines = [lines[0], lines[1], "宇宙人", "なぜ", *lines[2:]]
    result = shirube("interview", "--lang", "ja", "--offline", cwd=tmp_path,
                     stdin="\n".join(lines) + "\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (
        "! 「宇宙人」は選択肢にありません。次のいずれかを番号か名前で選んでください"
        in result.stdout
    )
    assert "質問の理由：AI推進法は、国、地方公共団体" in result.stdout


def test_resume_keeps_japanese(fresh_home: Path, tmp_path: Path) -> None:
    lines = japanese_lines()
    first = shirube("interview", "--lang", "ja", "--offline", cwd=tmp_path,
                    stdin="\n".join(lines[:3]) + "\n終了\n")  # fmt: skip
    assert first.returncode == 0, first.stderr
    sid = _sid(first.stdout)
    assert (
        f"保存しました。次のコマンドでいつでも再開できます：shirube interview --resume {sid}"
        in (first.stdout)
    )

    plan = tmp_path / "plan.json"
    # No --lang and SHIRUBE_LANG=en: the session still goes on in Japanese.
    second = shirube(
        "interview", "--resume", sid, "--offline", "--format", "json", "-o", str(plan),
        cwd=tmp_path, stdin="\n".join(lines[3:]) + "\n", SHIRUBE_LANG="en",
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    assert f"セッション {sid} を再開します。" in second.stdout
    assert "これまでの回答：" in second.stdout and "組織の種類：会社などの事業者" in second.stdout
    assert "AIモデルやAIシステムを自ら開発" in second.stdout
    assert "あなたの役割：" in second.stdout
    assert _profile(plan) == _english_profile()


def test_shirube_lang_starts_a_japanese_interview(fresh_home: Path, tmp_path: Path) -> None:
    result = shirube("interview", "--offline", cwd=tmp_path, stdin="", SHIRUBE_LANG="ja")
    assert result.returncode == 0, result.stderr
    assert "このAIの活用事例を何と呼びますか？" in result.stdout


def test_an_unknown_language_is_a_usage_error(fresh_home: Path, tmp_path: Path) -> None:
    result = shirube("interview", "--lang", "xx", cwd=tmp_path)
    assert result.returncode == 2
    assert "Unknown --lang 'xx'. Use en (English) or ja (Japanese)" in result.stderr + result.stdout


def test_the_session_views_are_japanese(fresh_home: Path) -> None:
    settings = Settings(home=fresh_home, lang="ja", offline=True)
    with InterviewSession.start(settings) as session:
        view = session.current
        assert view is not None and view.lang == "ja"
        assert view.text == "このAIの活用事例を何と呼びますか？短い名前で構いません。"
        for text in ("Support chatbot", "説明", "会社"):
            session.answer(text)
        view = session.current
        assert view is not None and view.label == "AIモデルの開発・学習"
        assert view.skip_means == "いいえ"
        assert session.values["lang"] == "ja"
