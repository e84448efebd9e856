"""The validated rule base and hint file kept between processes: read back while the data
files and the code are the same, validated again as soon as either changes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from knowledge import loader, ui_labels, validated_cache
from knowledge.hints import HINTS_FILE, HintFile
from knowledge.loader import DATA_DIR, RuleBase, RuleBaseError

QUESTIONS = [
    "we are a hospital using AI triage, what applies?",
    "Our hiring AI ranks candidates; what must we do?",
    "is it legal to use ChatGPT at work?",
    "採用面接の動画をAIで採点するサービスを導入したいのですが、注意点は？",
]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("SHIRUBE_HOME", str(home))
    return home


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The loader reads a copy of the packaged data (tests edit it)."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    monkeypatch.setattr(loader, "DATA_DIR", copy)
    return copy


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Each full validation of a rule base, by its data dir."""
    seen: list[Path] = []
    validate = loader.load_rule_base_from

    def counted(data_dir: Path) -> RuleBase:
        seen.append(data_dir)
        return validate(data_dir)

    monkeypatch.setattr(loader, "load_rule_base_from", counted)
    return seen


def _pickles(home: Path, name: str) -> list[Path]:
    return sorted((home / "cache").glob(f"{name}-*.pickle"))


def _edit_fact(data: Path, text: str) -> str:
    path = sorted((data / "facts").glob("*.yaml"))[0]
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts[0]["text"] = text
    path.write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(facts[0]["id"])


def test_a_validated_rule_base_is_read_back_not_validated_again(
    home: Path, data: Path, validations: list[Path]
) -> None:
    first = loader.load_packaged_rule_base()
    again = loader.load_packaged_rule_base()
    assert validations == [data]
    assert again == first
    assert len(_pickles(home, "rule_base")) == 1


def test_an_edited_data_file_is_validated_again(
    home: Path, data: Path, validations: list[Path]
) -> None:
    loader.load_packaged_rule_base()
    fact_id = _edit_fact(data, "An edited statement, to show the cache follows the files.")
    edited = loader.load_packaged_rule_base()
    assert edited.facts[fact_id].text == "An edited statement, to show the cache follows the files."
    assert validations == [data, data]
    assert len(_pickles(home, "rule_base")) == 1  # the old key's file is gone


def test_an_invalid_edit_raises_instead_of_reading_the_cache(home: Path, data: Path) -> None:
    loader.load_packaged_rule_base()
    path = data / "sources.yaml"
    sources = yaml.safe_load(path.read_text(encoding="utf-8"))
    sources[0]["colour"] = "red"
    path.write_text(yaml.safe_dump(sources, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleBaseError):
        loader.load_packaged_rule_base()


def test_changed_code_is_validated_again(
    home: Path,
    data: Path,
    validations: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = tmp_path / "code" / "knowledge"
    code.mkdir(parents=True)
    (code / "schema.py").write_text("FIELDS = 1\n", encoding="utf-8")
    monkeypatch.setattr(validated_cache, "CODE_DIRS", (code,))
    loader.load_packaged_rule_base()
    loader.load_packaged_rule_base()
    (code / "schema.py").write_text("FIELDS = 12\n", encoding="utf-8")  # another size
    loader.load_packaged_rule_base()
    assert validations == [data, data]


def test_a_damaged_cache_file_is_replaced(home: Path, data: Path, validations: list[Path]) -> None:
    first = loader.load_packaged_rule_base()
    [pickle] = _pickles(home, "rule_base")
    pickle.write_bytes(b"\x80\x05not a pickle")
    assert loader.load_packaged_rule_base() == first
    assert loader.load_packaged_rule_base() == first
    assert validations == [data, data]


def test_no_data_dir_means_no_cache(
    tmp_path: Path, data: Path, validations: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "not-yet"
    monkeypatch.setenv("SHIRUBE_HOME", str(home))
    loader.load_packaged_rule_base()
    loader.load_packaged_rule_base()
    assert validations == [data, data]
    assert not home.exists()  # loading the rule base never creates the user's data dir


def test_hints_from_the_cache_read_questions_as_freshly_validated_ones(
    home: Path, data: Path
) -> None:
    path = data / HINTS_FILE.name
    fresh, _ = loader.validate_document(path, HintFile)  # never cached
    assert fresh is not None
    loader.load_document(path, HintFile)  # validated, and kept
    cached = loader.load_document(path, HintFile)  # read back
    assert len(_pickles(home, "document-use_case_hints")) == 1
    assert cached.model_dump() == fresh.model_dump()
    for pattern in [*fresh.asks, *fresh.actors, *(h.pattern for h in fresh.hints)]:
        ours, theirs = cached.regex(pattern), fresh.regex(pattern)
        assert (ours.pattern, ours.flags) == (theirs.pattern, theirs.flags)
        for question in QUESTIONS:
            found = ours.search(question)
            expected = theirs.search(question)
            assert (found and found.span()) == (expected and expected.span()), pattern


def test_an_edited_hint_file_is_validated_again(home: Path, data: Path) -> None:
    path = data / HINTS_FILE.name
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    before = loader.load_document(path, HintFile)
    raw["hints"][0]["pattern"] = r"\bzebra crossings?\b"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    after = loader.load_document(path, HintFile)
    assert after.hints[0].pattern == r"\bzebra crossings?\b" != before.hints[0].pattern
    assert after.regex(after.hints[0].pattern).search("near zebra crossings")
    assert isinstance(after.regex(after.hints[0].pattern), re.Pattern)


def test_ui_labels_are_read_back_and_follow_an_edit(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ui_labels.yaml"
    raw = yaml.safe_load(ui_labels.UI_LABELS_FILE.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(ui_labels, "UI_LABELS_FILE", path)
    first = ui_labels.load_ui_labels.__wrapped__(path)
    assert len(_pickles(home, "ui_labels")) == 1
    assert ui_labels.load_ui_labels.__wrapped__(path) == first  # read back
    raw["cli"]["no_sessions"]["en"] = "Nothing saved yet."
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert ui_labels.load_ui_labels.__wrapped__(path).get("cli.no_sessions").en == (
        "Nothing saved yet."
    )
    raw["cli"]["no_sessions"]["ja"] = "{count} 件"  # en and ja take other fields: invalid
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationError):
        ui_labels.load_ui_labels.__wrapped__(path)
