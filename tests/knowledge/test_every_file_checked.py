"""kb check validates every data file, whichever layer reads it.

In a copy of the data folder, each YAML file under knowledge/data/ has its first text value
replaced by a mapping (a wrong type for any text field); `kb check` must report a validator's
error naming each file. A file whose schema kb check does not know is a file whose typos reach
users unchecked.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from knowledge.check import check_rule_base
from knowledge.loader import DATA_DIR
from knowledge.yaml_files import read_yaml
from tests.knowledge.kb_data import write_yaml

TODAY = dt.date(2026, 12, 1)
FILES = sorted(p.relative_to(DATA_DIR).as_posix() for p in DATA_DIR.rglob("*.yaml"))


def _first_text(node: object, path: tuple[object, ...] = ()) -> tuple[object, ...] | None:
    if isinstance(node, dict):
        items: list[tuple[object, object]] = list(node.items())
    elif isinstance(node, list):
        items = list(enumerate(node))
    else:
        return path if isinstance(node, str) else None
    for key, value in items:
        found = _first_text(value, (*path, key))
        if found is not None:
            return found
    return None


@pytest.fixture(scope="module")
def schema_problems(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The files kb check reports a validator's error in, with every file broken at once (a
    schema error is the file's own: it never cascades from another file, as a reference does)."""
    data = tmp_path_factory.mktemp("broken") / "data"
    shutil.copytree(DATA_DIR, data)
    for rel in FILES:
        doc = read_yaml(data / rel)
        path = _first_text(doc)
        assert path, f"{rel} has no text value to break"
        node = doc
        for key in path[:-1]:
            node = node[key]  # type: ignore[index]
        node[path[-1]] = {"wrong": ["type"]}  # type: ignore[index]
        write_yaml(data / rel, doc)
    named = set()
    for problem in check_rule_base(data, today=TODAY):
        if problem.kind:  # a validator's error, not a check's sentence
            file = Path(problem.file)
            named.add(file.relative_to(data).as_posix() if file.is_absolute() else problem.file)
    return named


@pytest.mark.parametrize("rel", FILES)
def test_a_wrong_type_in_any_file_is_named(rel: str, schema_problems: set[str]) -> None:
    assert any(named.endswith(rel) for named in schema_problems), (
        f"kb check let a broken {rel} pass"
    )
