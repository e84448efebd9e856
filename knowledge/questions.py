"""The interview question bank (knowledge/data/questions.yaml): models, loader and checks.

One question per UseCaseProfile field. Errors name file, question id and field, like the
rule base loader, so a typo in the bank is fixed in seconds.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, model_validator

from core.conditions import ConditionError
from core.conditions import evaluate as evaluate_condition
from core.conditions import validate as validate_condition
from core.profile import UNASKED_FIELDS, UseCaseProfile
from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, Problem, RuleBaseError, validate_entries
from knowledge.schema import Citation, Id, Strict
from knowledge.ui_labels import ui_text

QUESTIONS_FILE = DATA_DIR / "questions.yaml"

Lang = Literal["en", "ja"]
"""The interview's language: every question, choice and help text has both (kb check)."""
LANGS: tuple[Lang, ...] = ("en", "ja")
# Words a stored value is shown with when it is not a choice (yes/no, nothing given).
_PLAIN: dict[Lang, dict[str, str]] = {
    "en": {"yes": "yes", "no": "no", "none": "none", "not_given": "not given", "sep": ", "},
    "ja": {"yes": "はい", "no": "いいえ", "none": "なし", "not_given": "未回答", "sep": "、"},
}


class AnswerType(StrEnum):
    yes_no = "yes_no"
    one_of = "one_of"
    several_of = "several_of"
    free_text = "free_text"
    date = "date"


class Choice(Strict):
    value: str = Field(description="The profile value stored when this choice is picked.")
    label: str = Field(description="What the user sees.")
    label_ja: str | None = Field(default=None, description="The label in Japanese (kb check).")
    synonyms: list[str] = Field(
        default_factory=list, description="Other words people use for it (HR, startup…)."
    )
    synonyms_ja: list[str] = Field(
        default_factory=list, description="Japanese words for it (人事, スタートアップ…)."
    )

    def label_in(self, lang: Lang) -> str:
        return self.label_ja if lang == "ja" and self.label_ja else self.label

    @property
    def words(self) -> tuple[str, ...]:
        """Everything a user may type for this choice, in either language."""
        japanese = (self.label_ja,) if self.label_ja else ()
        return (self.value, self.label, *japanese, *self.synonyms, *self.synonyms_ja)


class IfUnsure(Strict):
    """What 'not sure' means: the cautious value assumed, and the answer to confirm against."""

    assume: bool | str | list[str] | None
    if_no: bool | str | list[str] | None = Field(
        description="The other answer, whose plan the 'To confirm' list compares with."
    )


class Wording(Strict):
    """The question as asked when `when` holds (e.g. to a developer rather than a user)."""

    when: dict[str, Any]
    text: str = Field(min_length=5)
    text_ja: str | None = Field(default=None, min_length=5)
    examples: list[str] = Field(default_factory=list)
    examples_ja: list[str] = Field(default_factory=list)


class Question(Strict):
    """One interview question; `id` is the UseCaseProfile field it fills."""

    id: Id
    label: str = Field(default="", description="The field's plain name in summaries and plans.")
    label_ja: str | None = Field(default=None, description="`label` in Japanese (kb check).")
    text: str = Field(min_length=5)
    text_ja: str | None = Field(default=None, min_length=5, description="`text` in Japanese.")
    help: str = Field(min_length=20, description="Why we ask, in plain words.")
    help_ja: str | None = Field(default=None, min_length=10, description="`help` in Japanese.")
    cite: list[Citation] = Field(min_length=1)
    examples: list[str] = Field(default_factory=list)
    examples_ja: list[str] = Field(default_factory=list)
    type: AnswerType
    choices: list[Choice] = Field(default_factory=list)
    default: bool | str | list[str] | None = Field(
        default=None, description="Used for 'skip'; no default means the question must be answered."
    )
    ask_if: dict[str, Any] | None = None
    optional: bool = Field(default=False, description="'skip' leaves it unset (no default).")
    if_unsure: IfUnsure | None = None
    wordings: list[Wording] = Field(default_factory=list)

    @model_validator(mode="after")
    def _choices_match_type(self) -> Question:
        wants_choices = self.type in (AnswerType.one_of, AnswerType.several_of)
        if wants_choices and not self.choices:
            raise ValueError(f"a '{self.type}' question needs choices")
        if not wants_choices and self.choices:
            raise ValueError(f"a '{self.type}' question takes no choices")
        return self

    @model_validator(mode="after")
    def _label_defaults_to_the_id(self) -> Question:
        if not self.label:
            object.__setattr__(self, "label", self.id.replace("_", " ").capitalize())  # frozen
        return self

    def text_for(self, profile: UseCaseProfile, lang: Lang = "en") -> tuple[str, list[str]]:
        """The question and examples as asked of this profile (its first matching wording), in
        `lang` (English where a Japanese text is still missing, which kb check reports)."""
        ja = lang == "ja"
        for wording in self.wordings:
            if evaluate_condition(wording.when, profile):
                if ja and wording.text_ja:
                    return wording.text_ja, wording.examples_ja or self.examples_in(lang)
                return wording.text, wording.examples or self.examples
        return (self.text_ja if ja and self.text_ja else self.text), self.examples_in(lang)

    def label_in(self, lang: Lang) -> str:
        return self.label_ja if lang == "ja" and self.label_ja else self.label

    @property
    def allows_none(self) -> bool:
        """A list question its profile field takes empty: 'none' (or 'no') picks none of it."""
        if self.type != AnswerType.several_of:
            return False
        try:
            UseCaseProfile.model_validate({self.id: []})
        except ValidationError:
            return False
        return True

    def help_in(self, lang: Lang) -> str:
        return self.help_ja if lang == "ja" and self.help_ja else self.help

    def examples_in(self, lang: Lang) -> list[str]:
        return self.examples_ja if lang == "ja" and self.examples_ja else self.examples

    def missing_japanese(self) -> list[str]:
        """The fields whose Japanese text is missing (what `kb check` reports)."""
        wanted: list[tuple[str, object]] = [("label_ja", self.label_ja), ("text_ja", self.text_ja)]
        wanted += [("help_ja", self.help_ja)]
        wanted += [("examples_ja", self.examples_ja or not self.examples)]
        wanted += [(f"choices.{c.value}.label_ja", c.label_ja) for c in self.choices]
        wanted += [(f"wordings.{n}.text_ja", w.text_ja) for n, w in enumerate(self.wordings)]
        return [field for field, present in wanted if not present]

    @property
    def has_default(self) -> bool:
        return self.default is not None or self.optional

    def label_of(self, value: object, lang: Lang = "en") -> str:
        """The user-facing text for a stored value, in `lang`."""
        plain = _PLAIN[lang]
        if value is None:
            return plain["not_given"]
        if isinstance(value, bool):
            return plain["yes"] if value else plain["no"]
        if isinstance(value, list):
            return plain["sep"].join(self.label_of(v, lang) for v in value) or plain["none"]
        for choice in self.choices:
            if choice.value == value:
                return choice.label_in(lang)
        return str(value)


def _check_bank(file: str, questions: list[Question]) -> list[Problem]:
    problems: list[Problem] = []
    fields = [f for f in UseCaseProfile.model_fields if f not in UNASKED_FIELDS]
    ids = [q.id for q in questions]
    for missing in [f for f in fields if f not in ids]:
        problems.append(Problem(file, missing, "id", "profile field has no question"))
    seen: set[str] = set()
    for q in questions:
        if q.id in seen:
            problems.append(Problem(file, q.id, "id", "duplicate id"))
        seen.add(q.id)
        if q.id not in fields:
            problems.append(Problem(file, q.id, "id", f"not a profile field (fields: {fields})"))
            continue
        unsure = q.if_unsure
        if unsure is None and q.type not in (AnswerType.free_text, AnswerType.date):
            problems.append(Problem(file, q.id, "if_unsure", "a choice question needs if_unsure"))
        checked = [(f"choices.{c.value}", c.value) for c in q.choices] + [("default", q.default)]
        if unsure is not None:
            checked += [("if_unsure.assume", unsure.assume), ("if_unsure.if_no", unsure.if_no)]
        for where, value in checked:
            if value is None:
                continue
            several = q.type == AnswerType.several_of and where.startswith("choices")
            sample = [value] if several else value
            try:
                UseCaseProfile.model_validate({q.id: sample})
            except ValidationError as exc:
                # By its kind, so the message is said in the reader's language.
                problems.append(Problem.of_error(file, q.id, where, exc.errors()[0]))
        conditions = [("ask_if", q.ask_if)] + [
            (f"wordings.{n}.when", w.when) for n, w in enumerate(q.wordings)
        ]
        for where, condition in conditions:
            if condition is None:
                continue
            try:
                validate_condition(condition, ui_text("check_messages.where_question", id=q.id))
            except ConditionError as exc:
                problems.append(Problem(file, q.id, where, str(exc)))
    if ids[:2] != ["name", "description"]:
        problems.append(Problem(file, "-", "", "the first questions must be name, description"))
    return problems


def load_questions_from(path: Path) -> list[Question]:
    """Load and check a question bank; raise RuleBaseError listing every problem."""
    questions, problems = validate_entries(path, Question)
    if not problems:
        problems = _check_bank(f"knowledge/data/{path.name}", questions)
    if problems:
        raise RuleBaseError(problems)
    return questions


@derived
def load_questions() -> tuple[Question, ...]:
    """The packaged question bank, in the order asked."""
    return tuple(load_questions_from(QUESTIONS_FILE))


def field_label(field: str, lang: Lang = "en") -> str:
    """The plain name of a profile field ('Trains or builds models'), never its id."""
    for q in load_questions():
        if q.id == field:
            return q.label_in(lang)
    return field.replace("_", " ").capitalize()


def describe_answer(profile: UseCaseProfile, field: str, lang: Lang = "en") -> str:
    """'Builds or trains AI models: yes': a profile answer in plain words."""
    value = getattr(profile, field)
    colon = "：" if lang == "ja" else ": "
    for q in load_questions():
        if q.id == field:
            return f"{q.label_in(lang)}{colon}{q.label_of(value, lang)}"
    return f"{field_label(field, lang)}{colon}{value}"


def question_by_id(question_id: str) -> Question:
    for q in load_questions():
        if q.id == question_id:
            return q
    raise KeyError(question_id)
