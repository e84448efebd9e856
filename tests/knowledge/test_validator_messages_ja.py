"""Every sentence a rule-base or settings validator raises reads in Japanese (issue 18): each
`raise ValueError(...)` in the models has its label in ui_labels' `validator_messages`, so
`kb check` and a bad setting never show a Japanese reader a bare English sentence."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from knowledge.ui_labels import reading, validation_message

ROOT = Path(__file__).resolve().parents[2]
# The models a user's rule base, settings or files are validated with; knowledge/index raises
# ValueError only inside itself (caught and worded where it is said).
FOLDERS = ("core", "knowledge", "tools")
INTERNAL = ("knowledge/index/",)


def _raised() -> list[tuple[str, str]]:
    """(where, message with each {field} filled with 'X') for every `raise ValueError(text)`."""
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith(INTERNAL):
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            constants = _constants(tree)
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                    continue
                call = node.exc
                if not (isinstance(call.func, ast.Name) and call.func.id == "ValueError"):
                    continue
                if call.args:
                    found.append((f"{rel}:{node.lineno}", _sample(call.args[0], constants)))
    return found


def _constants(tree: ast.Module) -> dict[str, str]:
    """The module's string constants (HOST_FORM = "http://host:port"), as messages use them."""
    return {
        node.targets[0].id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def _sample(arg: ast.expr, constants: dict[str, str]) -> str:
    """The message with a module constant as it reads and any other value as 'X'."""
    if isinstance(arg, ast.Constant):
        return str(arg.value)
    if isinstance(arg, ast.JoinedStr):
        parts = []
        for part in arg.values:
            if isinstance(part, ast.Constant):
                parts.append(str(part.value))
            elif isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name):
                parts.append(constants.get(part.value.id, "X"))
            else:
                parts.append("X")
        return "".join(parts)
    raise AssertionError(f"a ValueError's message that is not a string: {ast.dump(arg)}")


def test_the_sweep_finds_the_validators() -> None:
    assert len(_raised()) > 25


@pytest.mark.parametrize(("where", "said"), _raised(), ids=lambda v: str(v)[:60])
def test_each_validators_sentence_has_a_japanese_label(where: str, said: str) -> None:
    assert reading(said, "validator_messages") is not None, (where, said)
    error = {"type": "value_error", "msg": f"Value error, {said}"}
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", validation_message(error, "ja")), said


def test_interview_words_that_mean_two_things_are_refused_in_japanese() -> None:
    """kb check on interview_words.yaml: a word given as both yes and no, or two commands."""
    from pydantic import ValidationError

    from knowledge.schema.interview import AnswerWords

    base = {
        "yes": ["yes"],
        "no": ["no"],
        "none": ["none"],
        "unsure": ["not sure"],
        "no_date": ["no date"],
    }
    for bad in (
        {**base, "no": ["no", "yes"], "commands": {}},
        {**base, "commands": {"skip": ["s"], "back": ["s"]}},
    ):
        with pytest.raises(ValidationError) as raised:
            AnswerWords.model_validate(bad)
        error = raised.value.errors()[0]
        said = validation_message(error, "ja")
        assert re.search(r"[\u3040-\u30ff]", said) and "both" not in said, said
        assert "both" in validation_message(error, "en")
