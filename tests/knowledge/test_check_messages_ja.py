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
