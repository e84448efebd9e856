"""A label named twice in ui_labels.yaml would silently replace the first (YAML keeps the last
key), so a new `errors.output_folder` once turned an unrelated message into another: every
section and every name within a section is written once."""

from __future__ import annotations

import yaml

from knowledge.ui_labels import UI_LABELS_FILE


def _duplicates(node: yaml.Node, where: str = "") -> list[str]:
    found: list[str] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                found.append(f"{where}{name} (line {key.start_mark.line + 1})")
            seen.add(name)
            found += _duplicates(value, f"{where}{name}.")
    return found


def test_no_label_is_named_twice() -> None:
    tree = yaml.compose(UI_LABELS_FILE.read_text(encoding="utf-8"))
    assert tree is not None
    assert _duplicates(tree) == []
