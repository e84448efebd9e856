"""Reading the rule base's YAML files, and the error that names file, entry and field.

Light on purpose (yaml and the standard library only): the first screens read single files
(meta.yaml, ui_labels.yaml) through it without building every rule-base schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Problem:
    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: entry '{self.entry}'"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"

    def in_lang(self, lang: str) -> str:
        """The problem for a reader of `lang`: where it is in their words (ui_labels
        `rule_base`), the validator's message as it came."""
        if lang != "ja":
            return str(self)  # English without the labels: a broken label file still reports
        from knowledge.ui_labels import ui_text

        key = "rule_base.problem_field" if self.field else "rule_base.problem"
        values = {"file": self.file, "entry": self.entry, "message": self.message}
        return ui_text(key, lang, **values, **({"field": self.field} if self.field else {}))


class RuleBaseError(Exception):
    """The rule base is invalid; `problems` lists every problem found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def in_lang(self, lang: str) -> str:
        return "\n".join(p.in_lang(lang) for p in self.problems)


# libyaml's parser when present: the same safe constructor, ~8x faster than pure Python, and
# parsing was the largest part of every cold start (benchmarks/RESULTS.md).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _safe_load(text: str) -> object:
    parser = _SAFE_LOADER(text)
    try:
        return parser.get_single_data()
    finally:
        parser.dispose()


def read_yaml(path: Path) -> object:
    try:
        return _safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, ValueError) as exc:
        # ValueError: YAML accepts the shape of an impossible date (2025-13-01) and then fails.
        raise RuleBaseError([Problem(rel(path), "-", "", f"invalid YAML: {exc}")]) from exc


def rel(path: Path) -> str:
    """The path as the user knows it: relative to the repository when inside it."""
    try:
        return str(path.relative_to(DATA_DIR.parent.parent))
    except ValueError:
        return str(path)
