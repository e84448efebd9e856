"""Every sentence `shirube kb check` writes itself (knowledge/*.py) has a Japanese label in
ui_labels' check_messages (issue 18): a check added with an English sentence only fails here,
naming it. Read from the code, so a rarely hit check (a review date passed, a retyped date, a
hard-law badge on soft law) is held to it as much as a common one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from knowledge.ui_labels import reading

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _sample(node: ast.expr) -> str | None:
    """The sentence an expression writes, each value filled in as 'x1'; None for one that is
    not a string literal (a variable, an exception's text)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "x1" for v in node.values)
    return None


def _sentences() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(KNOWLEDGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            said = None
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem":
                # One with a kind (a YAML or pydantic error) is worded by that kind instead.
                said = _sample(node.args[3]) if len(node.args) == 4 else None
            elif isinstance(node, ast.Assign) and any(
                getattr(target, "id", "") == "message" for target in node.targets
            ):
                said = _sample(node.value)
            if said is not None:
                found.append((path.name, node.lineno, said))
    return found


def test_the_scan_finds_the_checks_sentences() -> None:
    assert len(_sentences()) >= 20


def test_every_check_sentence_reads_in_japanese() -> None:
    unread = []
    for name, line, said in _sentences():
        found = reading(said, "check_messages")
        if found is None or not JAPANESE.search(found.text("ja")):
            unread.append(f"{name}:{line}: {said}")
    assert not unread, "\n".join(unread)


def test_a_bad_when_condition_reads_in_japanese() -> None:
    """kb check's `when` problems are core.conditions' sentences (check_conditions)."""
    import pytest

    from core.conditions import ConditionError, validate

    bad: list[object] = [
        {},
        {"always": False},
        {"all": []},
        {"personal_data": []},
        {"builds_models": "yes"},
        {"personal_data": "secret"},
        {"colour": "red"},
    ]
    for condition in bad:
        with pytest.raises(ConditionError) as raised:
            validate(condition, "entry 'x'")
        found = reading(str(raised.value), "check_messages")
        assert found is not None and JAPANESE.search(found.text("ja")), str(raised.value)


ENGLISH_RUN = re.compile(r"\b[A-Za-z]{3,}\s+[A-Za-z]{3,}\b")


def _broken_bank(tmp_path: Path, old: str, new: str) -> str:
    """The question bank's problems (in Japanese) with `old` replaced by `new` in a copy."""
    import pytest

    from knowledge.questions import QUESTIONS_FILE, load_questions_from
    from knowledge.yaml_files import RuleBaseError

    text = QUESTIONS_FILE.read_text(encoding="utf-8")
    assert old in text
    copy = tmp_path / "questions.yaml"
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleBaseError) as raised:
        load_questions_from(copy)
    return raised.value.in_lang("ja")


def test_where_a_bad_condition_is_reads_in_japanese(tmp_path: Path) -> None:
    """A bad ask_if names its question in Japanese words too (`{where}`), not "question 'x'"."""
    said = _broken_bank(
        tmp_path, "  default: company\n", "  default: company\n  ask_if: {colour: red}\n"
    )
    assert "'colour'" in said and JAPANESE.search(said), said
    assert "question '" not in said and ENGLISH_RUN.findall(said) == [], said


def test_a_bad_choice_value_reads_in_japanese(tmp_path: Path) -> None:
    """A choice the profile refuses: pydantic's message by its kind, in Japanese."""
    said = _broken_bank(tmp_path, "  default: company\n", "  default: kompany\n")
    assert "次のいずれかを指定してください" in said and ENGLISH_RUN.findall(said) == [], said


def test_every_place_a_condition_is_checked_names_it_by_a_label() -> None:
    from core.conditions import ConditionError, validate
    from knowledge.ui_labels import ui_text
    from knowledge.yaml_files import Problem

    for kind in ("entry", "relation", "question"):
        where = ui_text(f"check_messages.where_{kind}", "en", id="x1")
        try:
            validate({"colour": "red"}, where)
        except ConditionError as exc:
            said = Problem("f.yaml", "x1", "when", str(exc)).said("ja")
        assert f"{kind} '" not in said and ENGLISH_RUN.findall(said) == [], said
