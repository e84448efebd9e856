"""One rule base (issue 17): the agent reads every data file through knowledge's RuleBase, with
the models `kb check` validates them with, so a swapped rule base (the fixture one in
tests/fixtures) brings its own wording files and a bad one is an error naming file and field."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from agent.answer.force import force_answers
from agent.answer.phrasebook import load_phrasebook
from agent.answer.use_case_lead import load_leads
from agent.answer.word_lists import reading_words
from agent.chat.intents import chat_intents
from agent.chat.personal_words import personal_words
from agent.interview.answer_words import answer_words
from agent.scope_data import scope
from knowledge import defaults
from knowledge.check_files import DOCUMENTS
from knowledge.hints import HintFile, hints
from knowledge.loader import DATA_DIR, RuleBase, RuleBaseError, load_rule_base_from, read_yaml
from tests.conftest import REPO_ROOT
from tests.fixtures import RULE_BASE_DIR

READERS: list[Callable[[], object]] = [
    scope,
    personal_words,
    chat_intents,
    answer_words,
    force_answers,
    load_phrasebook,
    load_leads,
    reading_words,
    hints,
]
# kb check validates these beside DOCUMENTS, with checks naming their entries (check.py).
CHECKED_APART: dict[str, type[BaseModel]] = {"use_case_hints.yaml": HintFile}
# Reading a data file anywhere in agent/ other than through the rule base.
OWN_LOADER = re.compile(
    r"\b(?:read_yaml|safe_load|load_entries|validate_entries|yaml_files)\b"
    r"|DATA_DIR\s*/[^\n]*\.yaml[^\n]*\.read_text"
)


def _fixture_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rulebase"
    shutil.copytree(RULE_BASE_DIR, folder)
    return folder


def test_no_module_of_the_agent_reads_a_data_file_itself() -> None:
    found = [
        f"{path.relative_to(REPO_ROOT)}:{number}: {line.strip()}"
        for path in sorted((REPO_ROOT / "agent").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OWN_LOADER.search(line) and not line.lstrip().startswith("#")
    ]
    assert found == []


def test_the_agent_reads_each_document_with_the_model_kb_check_validates_it_with(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: dict[str, type[BaseModel]] = {}
    document = RuleBase.document

    def recorded(self: RuleBase, name: str, model: type[BaseModel]) -> BaseModel:
        read[name] = model
        return document(self, name, model)

    monkeypatch.setattr(RuleBase, "document", recorded)
    with defaults.use_rule_base(load_rule_base_from(RULE_BASE_DIR)):
        for reader in READERS:
            reader()
    assert len(read) == len(READERS)
    checked = {**DOCUMENTS, **CHECKED_APART}
    assert {name: checked[name] for name in read} == read


def test_a_swapped_rule_base_brings_its_own_wording_files(tmp_path: Path) -> None:
    folder = _fixture_copy(tmp_path)
    raw = read_yaml(DATA_DIR / "interview_words.yaml")
    assert isinstance(raw, dict)
    raw["yes"] = [*raw["yes"], "aye aye"]
    (folder / "interview_words.yaml").write_text(
        yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8"
    )
    with defaults.use_rule_base(load_rule_base_from(folder)):
        assert "aye aye" in answer_words().yes
        # A file the folder does not carry is the packaged one.
        assert scope().data == load_rule_base_from(RULE_BASE_DIR).document(
            "scope.yaml", type(scope().data)
        )
    assert "aye aye" not in answer_words().yes  # the swap's caches went with it


def test_a_swapped_rule_base_brings_its_own_use_case_hints(tmp_path: Path) -> None:
    folder = _fixture_copy(tmp_path)
    raw = read_yaml(DATA_DIR / "use_case_hints.yaml")
    assert isinstance(raw, dict)
    raw["hints"][0]["reads"] = "a reading only the swapped rule base has"
    (folder / "use_case_hints.yaml").write_text(
        yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8"
    )
    packaged = hints().hints[0].reads
    with defaults.use_rule_base(load_rule_base_from(folder)):
        assert hints().hints[0].reads == "a reading only the swapped rule base has"
    assert hints().hints[0].reads == packaged  # the swap's caches went with it


def test_a_bad_wording_file_is_an_error_naming_file_and_field(tmp_path: Path) -> None:
    folder = _fixture_copy(tmp_path)
    raw = read_yaml(DATA_DIR / "legal_force_answers.yaml")
    assert isinstance(raw, dict)
    raw["surprise"] = 1
    (folder / "legal_force_answers.yaml").write_text(
        yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8"
    )
    with defaults.use_rule_base(load_rule_base_from(folder)), pytest.raises(RuleBaseError) as err:
        force_answers()
    assert "legal_force_answers.yaml" in str(err.value)
    assert "surprise" in str(err.value)
