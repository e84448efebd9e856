"""A key given twice in one YAML mapping is a rule-base problem naming its line, not the last one
silently winning (two branches adding the same label merged into one file without a conflict)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.yaml_files import RuleBaseError, read_yaml, safe_load


def test_a_key_given_twice_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text("errors:\n  busy: one\n  other: x\n  busy: two\n", encoding="utf-8")
    with pytest.raises(RuleBaseError) as raised:
        read_yaml(path)
    [problem] = raised.value.problems
    assert "duplicate key 'busy'" in problem.message
    assert dict(problem.context)["line"] == "4"


def test_the_same_key_in_different_mappings_is_fine() -> None:
    assert safe_load("a: {x: 1}\nb: {x: 2}\n") == {"a": {"x": 1}, "b": {"x": 2}}
