"""Issue 18: every text a Japanese plan prints has its Japanese beside it, and `kb check` fails
when one is missing (actions, variants, owners, timings, harms, caveats, labels)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from knowledge.check import check_rule_base
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.plan_rules import owner_kinds, plan_rules
from knowledge.schema import load_labels, text_in
from tests.fixtures import RULE_BASE_DIR

PLAN_FILES = ("checklist.yaml", "owners.yaml", "plan_rules.yaml", "labels.yaml", "caveats.yaml")


def _japanese_problems(data: Path) -> list[tuple[str, str, str]]:
    return [
        (Path(p.file).name, p.entry, p.field)
        for p in check_rule_base(data)
        if "Japanese" in p.message
    ]


def test_the_packaged_plan_texts_are_all_in_japanese() -> None:
    found = [p for p in _japanese_problems(DATA_DIR) if p[0] in PLAN_FILES]
    assert found == []


def test_the_fixture_rule_base_has_its_japanese_actions() -> None:
    assert _japanese_problems(RULE_BASE_DIR) == []


def test_an_action_without_its_japanese_text_fails_kb_check(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(RULE_BASE_DIR, data)
    checklist = data / "checklist.yaml"
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(re.sub(r"\n  text_ja: .*", "", text, count=1), encoding="utf-8")
    first = yaml.safe_load(text)[0]["id"]
    assert _japanese_problems(data) == [("checklist.yaml", first, "text_ja")]


def test_a_variant_without_its_japanese_title_fails_kb_check(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    checklist = data / "checklist.yaml"
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(re.sub(r"\n      title_ja: .*", "", text, count=1), encoding="utf-8")
    found = [p for p in _japanese_problems(data) if p[0] == "checklist.yaml"]
    assert found == [("checklist.yaml", "stakeholder_transparency", "variants.0.title_ja")]


@pytest.mark.parametrize(
    ("file", "pattern", "expected"),
    [
        ("owners.yaml", r"\n  ja:\n(    .*\n)+", ("owners.yaml", "executive", "ja")),
        ("caveats.yaml", r"\n  text_ja: .*", ("caveats.yaml", "not_legal_advice", "text_ja")),
        (
            "plan_rules.yaml",
            r"\n    label_ja: .*",
            ("plan_rules.yaml", "timings.before_launch", "label_ja"),
        ),
        (
            "labels.yaml",
            r"\n    heading_ja: .*",
            ("labels.yaml", "layers.statute", "heading_ja"),
        ),
    ],
)
def test_a_plan_word_without_its_japanese_fails_kb_check(
    tmp_path: Path, file: str, pattern: str, expected: tuple[str, str, str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(pattern, "\n", text, count=1), encoding="utf-8")
    assert [p for p in _japanese_problems(data) if p[0] == file] == [expected]


def test_text_in_picks_japanese_and_falls_back_to_english() -> None:
    action = load_rule_base().checklist["human_review"]
    assert action.text_for("ja") == action.text_ja
    assert action.title_for("en") == action.title
    assert text_in(action.model_copy(update={"title_ja": None}), "title", "ja") == action.title


def test_owners_timings_harms_and_labels_speak_japanese() -> None:
    assert owner_kinds()["caio"].title("public_body", "ja") == "AI統括責任者（CAIO）"
    assert owner_kinds()["legal"].title(None, "ja") == "法務・コンプライアンス責任者"
    assert owner_kinds()["legal"].title(None) == "Legal / compliance lead"
    assert plan_rules().timings[0].label_for("ja") == "リリース前"
    labels = load_labels()
    assert labels.text("ja").checklist == "チェックリスト"
    assert labels.force_label("binding_hard_law", "ja") == "拘束力のある法律（ハードロー）"


def test_a_plan_text_missing_a_status_label_fails_kb_check(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    labels = data / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    assert ", done: 完了" in text
    labels.write_text(text.replace(", done: 完了", ""), encoding="utf-8")
    found = [str(p) for p in check_rule_base(data) if p.file.endswith("labels.yaml")]
    assert any("statuses has no label for done" in p for p in found), found
