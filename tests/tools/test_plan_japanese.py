"""Issue 18: `shirube assess --lang ja` writes the plan in Japanese (Markdown, JSON values, DOCX),
with the same JSON keys as the English plan and no English action text."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import yaml
from docx import Document

from core.profile import UseCaseProfile
from knowledge.loader import load_rule_base
from tests.faults.cli_runner import CliResult, run_cli
from tools.assess import assess, in_language
from tools.render import plan_bytes, render_plan

SCENARIOS = Path(__file__).parent / "scenarios"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _assess(monkeypatch: pytest.MonkeyPatch, *args: object, lang: str = "auto") -> CliResult:
    """`shirube assess ARGS` in-process (the real entry point) with SHIRUBE_LANG=lang."""
    monkeypatch.setenv("SHIRUBE_LANG", lang)
    return run_cli("assess", *map(str, args))


def _profile(name: str = "hospital_triage") -> UseCaseProfile:
    doc = yaml.safe_load((SCENARIOS / f"{name}.yaml").read_text(encoding="utf-8"))
    return UseCaseProfile.model_validate(doc["profile"])


@pytest.fixture(scope="module")
def profile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ja") / "triage.yaml"
    path.write_text(yaml.safe_dump(_profile().model_dump(mode="json")), encoding="utf-8")
    return path


def _english_action_texts() -> list[str]:
    """Every English action title and text in checklist.yaml (variants too), whitespace-flat."""
    texts = []
    for action in load_rule_base().checklist.values():
        for entry in (action, *action.variants):
            texts += [" ".join(entry.title.split()), " ".join(entry.text.split())]
    return texts


def _keys(value: object) -> object:
    """The shape of a JSON document: its keys all the way down, values dropped."""
    if isinstance(value, dict):
        return {k: _keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_keys(v) for v in value[:1]]
    return None


def test_japanese_markdown_has_japanese_headings_and_actions_only() -> None:
    assessment = assess(_profile(), "ja")
    text = render_plan(assessment, "markdown")
    flat = " ".join(text.split())
    for heading in (
        "## 概要",
        "## まず取り組むこと",
        "## チェックリスト",
        "## 注意事項",
        "## 出典",
    ):
        assert heading in text
    assert "| # | 対応事項 | 担当 | 時期 | 期限 | 状況 | 出典 |" in text
    human_review = load_rule_base().checklist["human_review"]
    assert f"**{human_review.title_ja}**：{human_review.text_ja}" in flat
    assert [t for t in _english_action_texts() if t in flat] == []
    assert "AI推進法第2条" in flat  # citations in 第N条 notation, Japanese short names
    assert "Start here" not in text and "Checklist" not in text


def test_japanese_json_keeps_the_keys_and_localises_the_values() -> None:
    english = json.loads(render_plan(assess(_profile(), "en"), "json"))
    japanese = json.loads(render_plan(assess(_profile(), "ja"), "json"))
    assert _keys(japanese) == _keys(english)
    assert (japanese["lang"], english["lang"]) == ("ja", "en")
    assert [i["id"] for i in japanese["checklist"]] == [i["id"] for i in english["checklist"]]
    for item in japanese["checklist"]:
        assert JAPANESE.search(item["title"]) and JAPANESE.search(item["text"]), item["id"]
        assert JAPANESE.search(item["owner"]) or item["owner"] == "CTO"
        assert item["timing"] in ("before_launch", "within_90_days", "ongoing")  # enum values
    for trigger in japanese["triggers"]:
        assert JAPANESE.search(trigger["in_practice"]), trigger["id"]
    assert all(JAPANESE.search(c["text"]) for c in japanese["caveats"])


def test_japanese_docx_has_japanese_headings_and_action_texts() -> None:
    assessment = assess(_profile(), "ja")
    doc = Document(io.BytesIO(plan_bytes(assessment, "docx")))
    paragraphs = [p.text for p in doc.paragraphs]
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    assert "チェックリスト" in paragraphs and "まず取り組むこと" in paragraphs
    assert any(load_rule_base().checklist["human_review"].text_ja in c for c in cells)
    everything = " ".join(" ".join([*paragraphs, *cells]).split())
    assert [t for t in _english_action_texts() if t in everything] == []


def test_a_saved_plan_is_shown_in_japanese_with_its_progress() -> None:
    from tools.progress import ActionProgress, Status

    english = assess(_profile()).model_copy(
        update={"progress": {"human_review": ActionProgress(status=Status.done, evidence="x")}}
    )
    japanese = in_language(english, "ja")
    assert japanese.progress == english.progress
    assert "| 完了 (x) |" in render_plan(japanese, "markdown")


def test_assess_cli_lang_ja_writes_japanese_markdown(
    profile_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = _assess(monkeypatch, profile_file, "--format", "markdown", "--lang", "ja")
    assert done.code == 0, done.err
    assert "# AIガバナンス計画：" in done.out and "## チェックリスト" in done.out


def test_assess_cli_follows_shirube_lang_and_the_option_wins(
    profile_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_env = _assess(monkeypatch, profile_file, "-f", "json", lang="ja")
    assert json.loads(by_env.out)["lang"] == "ja"
    option = _assess(monkeypatch, profile_file, "-f", "json", "--lang", "en", lang="ja")
    assert json.loads(option.out)["lang"] == "en"
    default = _assess(monkeypatch, profile_file, "-f", "json")
    assert json.loads(default.out)["lang"] == "en"  # an English profile


def test_a_profile_written_in_japanese_gets_a_japanese_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ja.yaml"
    profile = _profile().model_copy(update={"name": "救急外来のトリアージ支援"})
    path.write_text(yaml.safe_dump(profile.model_dump(mode="json"), allow_unicode=True))
    done = _assess(monkeypatch, path, "-f", "json")
    assert json.loads(done.out)["lang"] == "ja"


def test_an_unknown_lang_is_a_usage_error_naming_the_fix(
    profile_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = _assess(monkeypatch, profile_file, "--lang", "fr")
    assert done.code == 2
    assert "--lang ja" in " ".join(done.err.split())
