"""Reading the rule base's YAML files, and the error that names file, entry and field.

Light on purpose (yaml and the standard library only): the first screens read single files
(meta.yaml, ui_labels.yaml) through it without building every rule-base schema.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Problem:
    file: str
    entry: str
    field: str
    message: str
    kind: str = ""
    """The validator's error type (pydantic's `type`, e.g. missing), when one made the message."""
    context: tuple[tuple[str, str], ...] = ()
    """That error's ctx (e.g. max_length), to word the message in another language."""

    @classmethod
    def of_error(cls, file: str, entry: str, field: str, error: Mapping[str, Any]) -> Problem:
        """One pydantic error (an item of ValidationError.errors()) at `file`, `entry`, `field`."""
        context = tuple((name, str(value)) for name, value in (error.get("ctx") or {}).items())
        return cls(file, entry, field, str(error["msg"]), kind=str(error["type"]), context=context)

    def said(self, lang: str) -> str:
        """The message for a reader of `lang`: a validator's error by its type (ui_labels
        `validation`), a YAML error by its place, a check's sentence by its `check_messages`
        label; one no label reads back as it came."""
        if lang != "ja":
            return self.message
        from knowledge.ui_labels import reword, syntax_problem, ui_text, validation_message

        if not self.kind:  # a check's own sentence, read back through its label
            # A condition's {where} is itself a check_messages label ("entry 'x'").
            return reword(
                self.message,
                "check_messages",
                lang,
                lambda name, raw: reword(raw, "check_messages", lang) if name == "where" else raw,
            )

        if self.kind == "yaml_syntax":
            where = dict(self.context)
            said = syntax_problem(where.pop("problem", "")).text(lang)
            return ui_text("rule_base.invalid_yaml", lang, problem=said, **where)

        error = {"type": self.kind, "msg": self.message, "ctx": dict(self.context)}
        return validation_message(error, lang)

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
        values = {"file": self.file, "entry": self.entry, "message": self.said(lang)}
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


class _UniqueKeys:
    """A key given twice in one mapping is an error, not the last one silently winning (two
    edits adding the same label, merged, kept one and dropped the other's fields; a profile
    with `sectors` twice kept only the second)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[attr-defined]
            if isinstance(key, str) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return dict(super().construct_mapping(node, deep=deep))  # type: ignore[misc]


class _UniqueKeyLoader(_UniqueKeys, _SAFE_LOADER):  # type: ignore[misc,valid-type]
    pass


class UniqueKeySafeLoader(_UniqueKeys, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader with the same duplicate-key check, for users' files
    (its parser's messages are the ones ui_labels `syntax_errors` words)."""


def safe_load(text: str) -> object:
    """`yaml.safe_load`, with libyaml's parser when present; a duplicate key is an error."""
    parser = _UniqueKeyLoader(text)
    try:
        return parser.get_single_data()
    finally:
        parser.dispose()


def read_yaml(path: Path) -> object:
    try:
        return safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, ValueError) as exc:
        # ValueError: YAML accepts the shape of an impossible date (2025-13-01) and then fails.
        mark, problem = getattr(exc, "problem_mark", None), getattr(exc, "problem", None)
        where: tuple[tuple[str, str], ...] = ()
        if mark is not None and problem:  # where it is, to say it in the reader's language
            where = (("line", str(mark.line + 1)), ("column", str(mark.column + 1)))
            where += (("problem", str(problem)),)
        message = f"invalid YAML: {exc}"
        kind = "yaml_syntax" if where else ""
        raise RuleBaseError([Problem(rel(path), "-", "", message, kind, where)]) from exc


def rel(path: Path) -> str:
    """The path as the user knows it: relative to the repository when inside it."""
    try:
        return str(path.relative_to(DATA_DIR.parent.parent))
    except ValueError:
        return str(path)
