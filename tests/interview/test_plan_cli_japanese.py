"""Issue 18: `shirube plan show|export --lang ja` writes the saved plan in Japanese, and the
status edited in a Japanese export comes back in with `plan import` (commands in-process, as in
tests/interview/test_plan_cli.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from knowledge.loader import load_rule_base
from knowledge.questions import field_label
from tests.interview.test_plan_cli import EVIDENCE, plan_id, shirube

__all__ = ["plan_id"]  # the saved-plan fixture, shared with the English plan tests


def _progress(plan: str, tmp_path: Path) -> dict[str, dict[str, object]]:
    out = tmp_path / "check.json"
    shirube("plan", "export", plan, "-f", "json", "-o", str(out), "--force", cwd=tmp_path)
    return json.loads(out.read_text(encoding="utf-8"))["progress"]


def test_status_round_trips_through_a_japanese_markdown_export(
    plan_id: str, tmp_path: Path
) -> None:
    out = tmp_path / "plan-ja.md"  # plan.md is the interview's own
    done = shirube("plan", "export", plan_id, "-o", str(out), "--lang", "ja", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "## チェックリスト" in text and "Checklist" not in text
    title = load_rule_base().checklist["fairness_testing"].title_ja
    edited = [
        line.replace("| 未着手 |", f"| 完了 ({EVIDENCE}) |") if f"**{title}**" in line else line
        for line in text.splitlines()
    ]
    assert edited != text.splitlines()
    out.write_text("\n".join(edited), encoding="utf-8")
    imported = shirube("plan", "import", plan_id, str(out), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    progress = _progress(plan_id, tmp_path)
    assert progress["fairness_testing"]["status"] == "done"
    assert progress["fairness_testing"]["evidence"] == EVIDENCE
    # The Japanese owner titles the export showed are the plan's own, not changes.
    assert all(p["owner"] is None for p in progress.values())
    shown = shirube("plan", "show", plan_id, "--lang", "ja", cwd=tmp_path)
    assert "完了" in shown.stdout and title in shown.stdout


def test_a_japanese_json_export_keeps_the_english_keys(plan_id: str, tmp_path: Path) -> None:
    ja, en = tmp_path / "ja.json", tmp_path / "en.json"
    shirube("plan", "export", plan_id, "-f", "json", "-o", str(ja), "--lang", "ja", cwd=tmp_path)
    shirube("plan", "export", plan_id, "-f", "json", "-o", str(en), "--lang", "en", cwd=tmp_path)
    japanese = json.loads(ja.read_text(encoding="utf-8"))
    english = json.loads(en.read_text(encoding="utf-8"))
    assert set(japanese) == set(english)
    assert set(japanese["checklist"][0]) == set(english["checklist"][0])
    assert japanese["checklist"][0]["id"] == english["checklist"][0]["id"]
    assert japanese["checklist"][0]["title"] != english["checklist"][0]["title"]


def test_plan_show_refuses_an_unknown_lang(plan_id: str, tmp_path: Path) -> None:
    shown = shirube("plan", "show", plan_id, "--lang", "de", cwd=tmp_path)
    assert shown.returncode == 2 and "--lang ja" in " ".join(shown.stderr.split())


def test_plan_set_and_check_answer_in_japanese(plan_id: str, tmp_path: Path) -> None:
    done = shirube("plan", "set", plan_id, "fairness_testing", "--status", "done",
                   "--lang", "ja", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "完了" in done.stdout and "計画のバージョン" in done.stdout
    fine = shirube("plan", "check", plan_id, "--today", "2027-01-01", "--lang", "ja", cwd=tmp_path)
    assert "期限切れの対応はありません" in fine.stdout and "Nothing" not in fine.stdout
    late = shirube("plan", "check", plan_id, "--today", "2030-01-01", "--lang", "ja", cwd=tmp_path)
    assert late.returncode == 1 and "期限切れ" in late.stdout and "Overdue" not in late.stdout


def _no_english(text: str) -> None:
    for word in ("saved the plan", " -> ", " by ", "Version", "History", "Plan ", "Error", "Use "):
        assert word not in text, (word, text)


def test_history_list_and_show_footer_read_in_japanese(plan_id: str, tmp_path: Path) -> None:
    shirube("plan", "set", plan_id, "fairness_testing", "--status", "done", "--evidence",
            EVIDENCE, cwd=tmp_path)  # fmt: skip
    shirube("plan", "set", plan_id, "fairness_testing", "--owner", "田中", cwd=tmp_path)
    history = shirube("plan", "history", plan_id, "--lang", "ja", cwd=tmp_path).stdout
    assert "ヒアリングの結果から計画を保存" in history
    assert f"状況 未着手 → 完了、根拠 {EVIDENCE}" in history and "担当 田中" in history
    assert f"計画 {plan_id} は現在バージョン 3 です。" in history
    _no_english(history)
    listed = shirube("plan", "list", cwd=tmp_path, SHIRUBE_LANG="ja").stdout
    assert f"{plan_id}  v3" in listed and "担当 田中" in listed
    _no_english(listed)
    footer = shirube("plan", "show", plan_id, "--lang", "ja", cwd=tmp_path).stdout.splitlines()[-1]
    assert footer.startswith("バージョン 3（最終変更：v3 ") and "履歴：" in footer
    _no_english(footer)
    english = shirube("plan", "history", plan_id, "--lang", "en", cwd=tmp_path).stdout
    assert "status todo -> done" in english and "saved the plan from the interview" in english


def test_answer_export_and_import_say_what_they_did_in_japanese(
    plan_id: str, tmp_path: Path
) -> None:
    changed = shirube("plan", "answer", plan_id, "team_size", "solo", "--lang", "ja", cwd=tmp_path)
    assert changed.returncode == 0, changed.stderr
    assert changed.stdout.startswith("計画を再評価しました：対応事項 ")
    out = tmp_path / "p.json"
    wrote = shirube("plan", "export", plan_id, "-f", "json", "-o", str(out), "--lang", "ja",
                    cwd=tmp_path)  # fmt: skip
    assert wrote.stdout.startswith("計画を json 形式で書き出しました：")
    read = shirube("plan", "import", plan_id, str(out), "--lang", "ja", cwd=tmp_path)
    assert "件の進捗を読み込みました" in read.stdout, read.stderr
    history = shirube("plan", "history", plan_id, cwd=tmp_path, SHIRUBE_LANG="ja").stdout
    # The changed answer is named by its question's label, never its field id (issue 18).
    assert f"回答「{field_label('team_size', 'ja')}」を変更" in history, history
    assert "team_size" not in history and "書き出したファイルから対応事項" in history
    english = shirube("plan", "history", plan_id, "--lang", "en", cwd=tmp_path).stdout
    assert f"changed the answer {field_label('team_size', 'en')}" in english, english
    assert "team_size" not in english


def test_errors_in_the_plan_and_session_commands_are_japanese(plan_id: str, tmp_path: Path) -> None:
    missing = shirube("plan", "set", plan_id, "99", "--status", "done", "--lang", "ja",
                      cwd=tmp_path)  # fmt: skip
    assert missing.returncode == 2
    assert missing.stderr.startswith("エラー： この計画に対応事項「99」はありません。")
    reason = shirube("plan", "set", plan_id, "1", "--status", "not_applicable", cwd=tmp_path,
                     SHIRUBE_LANG="ja")  # fmt: skip
    assert "--reason で指定してください" in reason.stderr
    answer = shirube("plan", "answer", plan_id, "team_size", "zzz", "--lang", "ja", cwd=tmp_path)
    assert "選択肢にありません" in answer.stderr
    nothing = shirube("plan", "show", "nope", cwd=tmp_path, SHIRUBE_LANG="ja")
    assert "ID「nope」の保存済み計画はありません" in nothing.stderr
    session = shirube("sessions", "show", "nope", cwd=tmp_path, SHIRUBE_LANG="ja")
    assert session.returncode == 2 and "ID「nope」のセッションはありません" in session.stderr
    for done in (missing, reason, answer, nothing, session):
        _no_english(done.stderr)
    english = shirube("plan", "show", "nope", cwd=tmp_path)
    assert english.stderr.startswith("Error: No saved plan with id 'nope'.")


def test_start_here_titles_wrap_under_themselves_not_below_their_number(
    plan_id: str, tmp_path: Path
) -> None:
    shown = shirube("plan", "show", plan_id, "--lang", "ja", cwd=tmp_path, COLUMNS="80")
    lines = shown.stdout.splitlines()
    start = lines.index("まず取り組むこと：")
    numbered = [line for line in lines[start:] if re.match(r"^ *\d\.", line)]
    assert len(numbered) >= 3
    assert all(re.match(r"^ *\d\. \S", line) for line in numbered), numbered
    assert all(line == line.rstrip() for line in lines[start : start + 6])


def test_sessions_list_and_show_in_japanese(plan_id: str, tmp_path: Path) -> None:
    listed = shirube("sessions", "list", cwd=tmp_path, SHIRUBE_LANG="ja").stdout
    assert "完了" in listed and "最新" in listed and "finished" not in listed
    shown = shirube("sessions", "show", plan_id, "--lang", "ja", cwd=tmp_path).stdout
    assert shown.startswith(f"セッション {plan_id}（ヒアリング）作成 ")
    assert "customers: 企業" in shown and "完了しました。計画の保存先：" in shown
    for word in ("Session", "Title", "Finished", "Businesses"):
        assert word not in shown
    missing = shirube("sessions", "delete", "nope", "--lang", "ja", cwd=tmp_path)
    assert "ID「nope」のセッションはありません" in missing.stderr


def test_the_interview_result_wraps_japanese_titles_under_themselves(
    fresh_home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "name: 採用支援AI\ndescription: 応募書類をAIで評価するサービス\n"
        "personal_data: 2\ndecisions_about_people: はい\nlaunch_date: 2027-04-01\n",
        encoding="utf-8",
    )
    done = shirube("interview", "--answers", str(answers), "-o", "plan.md", cwd=tmp_path,
                   SHIRUBE_LANG="ja", COLUMNS="80")  # fmt: skip
    assert done.returncode == 0, done.stderr
    numbered = [line for line in done.stdout.splitlines() if re.match(r"^ *\d\. ", line)]
    assert len(numbered) >= 3
    assert all(re.match(r"^ *\d\. \S.*（.+）", line) for line in numbered), numbered


def test_what_to_confirm_reads_as_japanese_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    """'確認が必要な事項：個人情報。回答が…', not an English full stop after the label."""
    from agent.cli.plan_show import show_plan
    from core.profile import UseCaseProfile
    from tools.assess import assess

    profile = UseCaseProfile(name="x", personal_data="personal", unsure=["personal_data"])
    assessment = assess(profile, "ja")
    assert assessment.to_confirm
    show_plan(assessment)
    shown = "".join(capsys.readouterr().out.split())
    label = assessment.to_confirm[0].label
    assert f"確認が必要な事項：{label}。" in shown and f"{label}." not in shown, shown


def test_an_exported_profile_is_headed_in_japanese(plan_id: str, tmp_path: Path) -> None:
    out = tmp_path / "profile.yaml"
    done = shirube("sessions", "export", plan_id, "-o", str(out), "--lang", "ja", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    first, second = out.read_text(encoding="utf-8").splitlines()[:2]
    assert first.startswith("# ") and "で作成した計画です。" in first, first
    assert f"`shirube sessions diff {plan_id}` で確認できます。" in second, second
