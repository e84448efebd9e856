"""Issue 18: Japanese texts are required by `kb check`, and Japanese is searched by its words."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from knowledge.check import check_rule_base
from knowledge.index.japanese import reading, spaced, words
from knowledge.index.lexical import LexicalIndex, tokenize
from knowledge.loader import DATA_DIR, load_rule_base


def test_the_packaged_rule_base_has_every_japanese_text() -> None:
    problems = [p for p in check_rule_base() if "Japanese" in p.message]
    assert problems == []


def test_a_fact_without_its_japanese_text_is_a_kb_check_problem(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    facts = data / "facts" / "act.yaml"
    text = facts.read_text(encoding="utf-8")
    # Drop the Japanese text of the first fact only.
    facts.write_text(re.sub(r"\n  text_ja: .*", "", text, count=1), encoding="utf-8")
    problems = [p for p in check_rule_base(data) if "Japanese" in p.message]
    assert [(p.entry, p.field) for p in problems] == [("act_is_framework_law", "text_ja")]
    assert "facts/act.yaml" in problems[0].file


def test_an_entity_without_its_japanese_name_is_a_kb_check_problem(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    entities = data / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    dropped = re.sub(r'\n  name_ja: "ソーシャルスコアリング"', "", text)
    entities.write_text(dropped, encoding="utf-8")
    problems = [p for p in check_rule_base(data) if "Japanese" in p.message]
    assert [(p.entry, p.field) for p in problems] == [("social_scoring", "name_ja")]


def test_japanese_is_cut_into_words_not_one_token() -> None:
    assert tokenize("日本のAI法にはリスク分類がありますか") == ["日本", "法", "リスク", "分類"]
    assert tokenize("Are the guidelines binding?") == ["guidelin", "bind"]  # English unchanged


def test_a_japanese_paraphrase_finds_the_japanese_fact() -> None:
    facts = [f for f in load_rule_base().facts.values() if f.text_ja]
    index = LexicalIndex([str(f.text_ja) for f in facts])
    best = [facts[i].id for i in index.ranked("顔認証の技術は禁止されていますか", 3)]
    assert "facial_recognition_not_banned" in best


def test_readings_and_seams() -> None:
    assert reading("推進方")[0] == reading("推進法")[0] == "スイシンホウ"
    assert spaced("ＡＩを監督") == "AI を監督"
    assert words("罰則はありますか") == ("罰則",)
