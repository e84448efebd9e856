"""reading_words.yaml is where the engine's closed word classes come from (issue 17): a word
added to a list there is read by the code that reads the list, and read only while the rule
base carrying it is in use; no copy of a list is left in the code."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from agent.answer import follow_up, presupposition, shorthand, understand
from agent.answer.japanese_parts import asks_in_japanese
from agent.answer.linker import Linker
from agent.answer.reader import default_reader
from agent.answer.understand import addressee
from agent.answer.word_lists import WORDS_FILE, reading_words
from knowledge import defaults
from knowledge.loader import DATA_DIR, load_rule_base_from, read_yaml
from knowledge.schema import Entity, EntityKind, Facet
from tests.fixtures import RULE_BASE_DIR

OFFICER = Entity(
    id="caio", kind=EntityKind.concept, name="Chief AI Officer", aliases=["chief ai officer"]
)

# (list, word added, whether the code reads a text as the word makes it read)
CASES: list[tuple[str, str, Callable[[], bool]]] = [
    (
        "auxiliary_words",
        "shall",
        lambda: shorthand.question_word("wen shall it apply") == "when shall it apply",
    ),
    (
        "opening_question_words",
        "whose",
        lambda: shorthand.question_word("whise is it") == "whose is it",
    ),
    ("determiners", "some", lambda: Linker([OFFICER]).link("chief some ai officer") == ["caio"]),
    ("not_modifiers", "other", lambda: follow_up._ONE.search("and the other one?") is None),
    (
        "therefore_words",
        "accordingly",
        lambda: bool(presupposition._THEREFORE.search("Accordingly, what must we do?")),
    ),
    (
        "therefore_words_ja",
        "ならば",
        lambda: bool(presupposition._THEREFORE.search("ならば、何をすべきですか")),
    ),
    (
        "reason_endings",
        "because",
        lambda: bool(presupposition._GIVEN_END.search("It is high-risk because.")),
    ),
    (
        "reason_endings_ja",
        "ため",
        lambda: bool(presupposition._GIVEN_END.search("高リスクのため。")),
    ),
    ("law_words", "decree", lambda: bool(presupposition._LAW_WORDS.search("under the decree"))),
    ("law_stems", "ordinanc", lambda: bool(presupposition._LAW_WORDS.search("city ordinances"))),
    ("law_words_ja", "条例", lambda: bool(presupposition._LAW_WORDS.search("市の条例で"))),
    (
        "scene_endings_ja",
        "のだが",
        lambda: (
            presupposition.clauses("導入したいのだが、何をすべき")
            == ["導入したいのだが", "何をすべき"]
        ),
    ),
    ("question_endings_ja", "かね", lambda: asks_in_japanese("登録は必要かね")),
    ("asking_words_ja", "いずれ", lambda: asks_in_japanese("担当はいずれで")),
    (
        "legal_point_words",
        "take us to court",
        lambda: bool(understand._LEGAL_POINT.search("can they take us to court")),
    ),
    (
        "legal_point_stems",
        "confiscat",
        lambda: bool(understand._LEGAL_POINT.search("can they confiscate our servers")),
    ),
    ("amount_words", "how costly", lambda: bool(understand._AMOUNT.search("how costly are they"))),
    ("amount_words_ja", "何万円", lambda: bool(understand._AMOUNT.search("罰金は何万円"))),
    (
        "kind_words",
        "whichever",
        lambda: bool(understand._AMOUNT.search("whichever fines does it hand out")),
    ),
]


def _with_word(tmp_path: Path, name: str, word: str) -> Path:
    folder = tmp_path / "rulebase"
    shutil.copytree(RULE_BASE_DIR, folder)
    raw = read_yaml(WORDS_FILE)
    assert isinstance(raw, dict)
    assert word not in raw[name]
    raw[name] = [*raw[name], word]
    text = yaml.safe_dump(raw, allow_unicode=True)
    (folder / WORDS_FILE.name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("name", "word", "reads"), CASES, ids=[c[0] for c in CASES])
def test_a_word_added_to_the_data_is_read(
    tmp_path: Path, name: str, word: str, reads: Callable[[], bool]
) -> None:
    assert not reads()
    with defaults.use_rule_base(load_rule_base_from(_with_word(tmp_path, name, word))):
        assert word in getattr(reading_words(), name)
        assert reads()
    assert not reads()


def test_every_list_of_the_file_has_a_case_or_a_test_of_its_own() -> None:
    earlier = {  # read by the patterns tests/answer/test_word_lists.py covers
        "question_words",
        "whether_words",
        "bare_question_words",
        "facet_question_words",
        "asker_words",
        "pointer_words",
        "letter_names_ja",
        "addressee_asker_words",  # its own test below
        "meant_as_typed_ja",  # tests/agent/test_guard_personal_data.py ('リージョン')
    }
    raw = read_yaml(WORDS_FILE)
    assert isinstance(raw, dict)
    assert set(raw) == earlier | {name for name, _, _ in CASES}


def test_a_business_asking_of_itself_is_read_from_the_data(tmp_path: Path) -> None:
    # 'require of my firm' asks of the asker's role only once the data names 'my firm' the asker.
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder, ignore=shutil.ignore_patterns("cache"))
    raw = read_yaml(WORDS_FILE)
    assert isinstance(raw, dict)
    raw["addressee_asker_words"] = [*raw["addressee_asker_words"], "my firm"]
    (folder / WORDS_FILE.name).write_text(yaml.safe_dump(raw, allow_unicode=True), "utf-8")
    question = "What does the Act require of {}?"

    def role(who: str) -> str | None:
        return addressee(question.format(who), Facet.duty, ["ai_promotion_act"], default_reader())

    assert role("us") is not None
    assert role("my firm") is None
    with defaults.use_rule_base(load_rule_base_from(folder)):
        assert role("my firm") == role("us") is not None
    assert role("my firm") is None


def test_the_reader_links_names_with_the_determiners_of_its_rule_base(tmp_path: Path) -> None:
    question = "does it apply to an ai some promotion act business?"
    with defaults.use_rule_base(load_rule_base_from(RULE_BASE_DIR)):
        assert default_reader().linker.link(question) == []
    with defaults.use_rule_base(load_rule_base_from(_with_word(tmp_path, "determiners", "some"))):
        assert default_reader().linker.link(question) == ["ai_promotion_act"]
