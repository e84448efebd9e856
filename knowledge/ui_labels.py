"""The fixed wording of the TUI and of the CLI's own labels, in English and Japanese.

The texts live in knowledge/data/ui_labels.yaml (section → name → {en, ja}); code names them
as "section.name". Both languages are required and must take the same {placeholders}, so a
label can never show in one language only or fail to format in the other
(knowledge/ui_labels_schema.py, which kb check validates the file with).

The labels are validated once and then kept as plain values (`UiLabels`, `Phrase`): reading the
validated cache's copy needs no pydantic, which `sessions list` and the TUI's first screen save.
"""

from __future__ import annotations

import errno
import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from core.errors import SettingError, UsageError
from core.storage import StorageError
from knowledge.defaults import derived
from knowledge.validated_cache import cached, content_hash

if TYPE_CHECKING:
    from knowledge.yaml_files import RuleBaseError

UiLang = Literal["en", "ja"]
UI_LABELS_FILE = Path(__file__).parent / "data" / "ui_labels.yaml"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class UiText(NamedTuple):
    """One label in both languages."""

    en: str
    ja: str


@dataclass(frozen=True, slots=True)
class UiLabels:
    """Every label by section and name, as validated (knowledge/ui_labels_schema.py)."""

    root: dict[str, dict[str, UiText]]

    def get(self, key: str) -> UiText:
        section, _, name = key.partition(".")
        try:
            return self.root[section][name]
        except KeyError:
            raise KeyError(f"no UI label '{key}' in {UI_LABELS_FILE.name}") from None

    def has(self, key: str) -> bool:
        section, _, name = key.partition(".")
        return name in self.root.get(section, {})

    def keys(self) -> list[str]:
        return [f"{section}.{name}" for section, names in self.root.items() for name in names]


@derived
def load_ui_labels(path: Path = UI_LABELS_FILE) -> UiLabels:
    """The labels in `path`, validated; the packaged file's are kept validated between
    processes (knowledge.validated_cache: every command and the TUI's first screen read them)."""

    def validated() -> UiLabels:  # yaml and pydantic only when the cache cannot answer
        from knowledge.ui_labels_schema import UiLabelFile
        from knowledge.yaml_files import read_yaml  # not knowledge.loader: no rule-base schemas

        return UiLabelFile.model_validate(read_yaml(path)).labels()

    if path != UI_LABELS_FILE:
        return validated()
    return cached("ui_labels", content_hash(path), validated)


def ui_text(key: str, lang: str = "en", /, **values: object) -> str:
    """The label `key` in `lang` ('ja', else English), with its {fields} filled from `values`."""
    label = load_ui_labels().get(key)
    text = label.ja if lang == "ja" else label.en
    return text.format(**values) if values else text


def joined(items: Iterable[str], lang: str, how: Literal["list", "items"] = "list") -> str:
    """`items` joined as `lang` joins them: '; ' or ', ' in English, '、' in Japanese."""
    return ui_text(f"joins.{how}", lang).join(items)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A label with its fields' values, written in either language when it is shown (a check's
    detail made once, printed in the reader's language). A value may itself be a Phrase.
    Made by code from a label's key, not read from a file: a plain value, no validation."""

    key: str
    values: dict[str, str | int | Phrase] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        filled = {
            name: value.text(lang) if isinstance(value, Phrase) else value
            for name, value in self.values.items()
        }
        return ui_text(self.key, lang, **filled)


def phrase(key: str, /, **values: str | int | Phrase) -> Phrase:
    return Phrase(key=key, values=values)


class LabelledError(UsageError):
    """A usage error whose message is a label, so the CLI can show it in its reader's language
    (str() is the English text, for logs and the English reader)."""

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.in_lang("en"))

    def in_lang(self, lang: str) -> str:
        """The message in `lang`; a value that is itself a Phrase, or an error this one wraps,
        is worded in `lang` too."""
        filled = {k: _value_in(v, lang) for k, v in self.values.items()}
        return ui_text(self.key, lang, **filled)


def _value_in(value: object, lang: str) -> object:
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, BaseException):
        return error_in(value, lang)
    return value


class LabelledStorageError(LabelledError, StorageError):
    """A storage failure whose message is a label (callers that catch StorageError still do)."""


class BrokenRuleBase(LabelledError):
    """A rule base that does not load, as a usage error listing its problems in the reader's
    language (str(): English)."""

    def __init__(self, error: RuleBaseError) -> None:
        self.error = error
        super().__init__("errors.rule_base_invalid", problems=str(error))

    def in_lang(self, lang: str) -> str:
        return ui_text(self.key, lang, problems=self.error.in_lang(lang))


_OS_ERRORS = {
    errno.ENOENT: "not_found",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.EROFS: "read_only",
    errno.ENOSPC: "no_space",
    errno.EDQUOT: "no_space",
    errno.EEXIST: "exists",
    errno.EISDIR: "is_directory",
    errno.ENOTDIR: "not_directory",
    errno.EFBIG: "too_large",
    errno.EAGAIN: "try_again",
}


def session_kind(kind: str) -> Phrase | str:
    """A saved session's kind ('interview', 'chat') as its label, for a message's {kind}."""
    key = f"sessions.kind_{kind}"
    return phrase(key) if load_ui_labels().has(key) else kind


def os_kind(exc: OSError) -> Phrase:
    """What the system refused, by its errno's kind (strerror is English)."""
    name = _OS_ERRORS.get(exc.errno or 0)
    code = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
    return phrase(f"os_errors.{name}") if name else phrase("os_errors.other", code=code)


def os_problem(exc: OSError) -> Phrase:
    """What the system refused, by its errno's kind, with the path."""
    said = os_kind(exc)
    if exc.filename:
        return phrase("os_errors.at_path", problem=said, path=str(exc.filename))
    return said


def os_error_message(exc: OSError, lang: str) -> str:
    """An OSError as one message in `lang`: the problem and what to check (the CLI and MCP)."""
    return ui_text("os_errors.message", lang, problem=os_problem(exc).text(lang))


def sqlite_problem(exc: BaseException) -> Phrase:
    """SQLite's words for `exc` as a label (sqlite_errors): its text read back, else its result
    code's text, else the library's words as they are (tech_errors.said)."""
    found = reading(str(exc), "sqlite_errors")
    if found is not None:
        return found
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    code = name.removeprefix("SQLITE_").partition("_")[0].lower()
    if code and load_ui_labels().has(f"sqlite_errors.{code}"):
        return phrase(f"sqlite_errors.{code}")
    return library_said(exc)


def library_said(exc: BaseException) -> Phrase:
    """A library's own message (first line) with its class: what it means from a label where
    one knows its words (ui_labels `library_errors`, `sqlite_errors`), the words kept as the
    detail; else as it gave them, marked as the library's for a Japanese reader."""
    said = (str(exc).strip().splitlines() or [""])[0][:160] or type(exc).__name__
    known = library_problem(said)
    if known is not None:
        return phrase("tech_errors.known", problem=known, kind=type(exc).__name__, said=said)
    return phrase("tech_errors.said", kind=type(exc).__name__, said=said)


def library_quoted(said: str) -> Phrase:
    """A server's or driver's own words (no class): what they mean where a label knows them,
    the words kept as the detail; else quoted as the library's."""
    known = library_problem(said)
    if known is not None:
        return phrase("tech_errors.known_quoted", problem=known, said=said)
    return phrase("tech_errors.quoted", said=said)


def library_problem(said: str) -> Phrase | None:
    """The label whose English words a library's message contains (the longest first): a
    driver's 'Connection refused' inside its own sentence, numpy's 'File is not a zip file'."""
    for section in ("library_errors", "sqlite_errors"):
        labels = load_ui_labels().root.get(section, {})
        for name, label in sorted(labels.items(), key=lambda item: -len(_literal(item[1].en))):
            found = _within(label.en).search(said)
            if found:
                return phrase(f"{section}.{name}", **found.groupdict())
    return None


def technical(raw: str) -> Phrase | str:
    """A library's detail recorded in English (SQLite's words, or 'DatabaseError: file is not a
    database') as the label that says it; anything else as it is."""
    found = reading(raw, "sqlite_errors")
    if found is not None:
        return found
    kind, colon, said = raw.partition(": ")
    inner = reading(said, "sqlite_errors") if colon and kind.isidentifier() else None
    return phrase("tech_errors.kind_said", kind=kind, said=inner) if inner is not None else raw


def _technical(lang: str) -> Callable[[str, str], str]:
    """A field of a reworded line: a library's detail ({error}) said in `lang` where a label can."""

    def said(name: str, raw: str) -> str:
        found = technical(raw) if name == "error" else raw
        return found.text(lang) if isinstance(found, Phrase) else found

    return said


def error_in(exc: BaseException, lang: str) -> str:
    """An error's message for a reader of `lang`: a label's text in that language, a broken rule
    base's problems placed in their words, an English line a label made read back through the
    `errors` section; an OSError by its errno's kind; anything else as it is."""
    from knowledge.yaml_files import RuleBaseError  # yaml: only when an error is worded

    if isinstance(exc, RuleBaseError):
        return BrokenRuleBase(exc).in_lang(lang)
    if isinstance(exc, SettingError):
        problem = validation_message(exc.error, lang).removeprefix("Value error, ")
        return ui_text("errors.bad_setting", lang, name=exc.name, given=exc.shown, problem=problem)
    if isinstance(exc, LabelledError):
        return exc.in_lang(lang)
    if isinstance(exc, UsageError):
        return reword(str(exc), "errors", lang)
    if isinstance(exc, OSError):  # strerror is English: the errno's kind, with the path
        return os_problem(exc).text(lang)
    return str(exc)


def _pattern(template: str) -> re.Pattern[str]:
    """An English label as a regular expression whose groups are its {fields}."""
    parts, seen = [], set()
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:  # a field used twice must read the same both times
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
    return re.compile("".join(parts))


def _within(template: str) -> re.Pattern[str]:
    """An English label as words found inside a longer message, whatever their case; a field
    at the end takes the rest of the line."""
    pattern = _pattern(template).pattern
    if pattern.endswith(".+?)"):
        pattern = pattern[: -len(".+?)")] + ".+)"
    return re.compile(pattern, re.IGNORECASE)


def _literal(template: str) -> str:
    return "".join(literal for literal, _, _, _ in string.Formatter().parse(template))


def reword(
    text: str,
    section: str,
    lang: str,
    value: Callable[[str, str], str] | None = None,
) -> str:
    """A line recorded in English from one of `section`'s labels (a plan's history, a session's
    status), in `lang`: the label it was made from, its fields read back and passed through
    `value(field, raw)` (by default, a library's detail in {error} said in `lang` where a label
    can). Text no label made (older records, free text) is returned as it is."""
    if lang != "ja":
        return text
    found = reading(text, section)
    if found is None:
        return text
    each = value or _technical(lang)
    return ui_text(found.key, lang, **{k: each(k, str(v)) for k, v in found.values.items()})


def reading(text: str, section: str) -> Phrase | None:
    """The label of `section` an English line was made from, with its fields read back; None
    when no label made it."""
    labels = load_ui_labels().root.get(section, {})
    # The most specific label first: 'owner cleared' is not 'owner {value}' with value 'cleared'.
    for name, label in sorted(labels.items(), key=lambda item: -len(_literal(item[1].en))):
        found = _pattern(label.en).fullmatch(text)
        if found:
            return phrase(f"{section}.{name}", **found.groupdict())
    return None


def validation_message(error: Mapping[str, Any], lang: str) -> str:
    """pydantic's message for one error, for a reader of `lang`: its `type`'s label in ui_labels'
    `validation` with the error's ctx filled in, or, for a validator's own sentence (value_error),
    its label in `validator_messages`; pydantic's own message where no label names it (or for
    English)."""
    said = str(error.get("msg", ""))
    if lang == "ja" and error.get("type") == "value_error":  # a validator's own sentence
        found = reading(said.removeprefix("Value error, "), "validator_messages")
        if found is not None:
            return found.text(lang)
    key = f"validation.{error.get('type', '')}"
    if lang != "ja" or not load_ui_labels().has(key):
        return said
    ctx = {name: _ctx_value(name, value) for name, value in (error.get("ctx") or {}).items()}
    try:
        return ui_text(key, lang, **ctx)
    except (KeyError, IndexError):  # a pydantic version that names its fields otherwise
        return said


def _ctx_value(name: str, value: object) -> str:
    text = str(value)
    if name == "expected":  # "'a', 'b' or 'c'" → 'a'、'b'、'c'
        return re.sub(r",\s*|\s+or\s+", "、", text)
    return text


def syntax_problem(problem: str) -> Phrase:
    """What a YAML or JSON parser said about a file, as a label to word in the reader's
    language (ui_labels' `syntax_errors`); one no label reads back stays as the parser wrote it."""
    return reading(problem, "syntax_errors") or phrase("syntax_errors.other", problem=problem)
