"""Issue 18: `shirube plan show|export --lang ja` writes the saved plan in Japanese, and the
status edited in a Japanese export comes back in with `plan import`."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.loader import load_rule_base
from tests.interview.test_cli import shirube
from tests.interview.test_plan_cli import EVIDENCE, plan_id

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
