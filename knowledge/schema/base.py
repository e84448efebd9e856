"""What every rule-base model shares: strict models, ids, citations, legal force, the two languages.

Every model forbids unknown keys so a typo in YAML is an error naming file, entry and field.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=64)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Lang = Literal["en", "ja"]
"""A reader's language: English texts sit in `field`, Japanese ones beside them in `field_ja`."""
LANGS: tuple[Lang, ...] = ("en", "ja")


def text_in(entry: BaseModel, field: str, lang: str) -> str:
    """`entry.field` as a reader of `lang` sees it: `field_ja` for Japanese when it is written,
    else the English (`shirube kb check` reports the missing Japanese text).

    The one accessor for every bilingual rule-base entry (actions, triggers, caveats, labels…).
    """
    if lang == "ja":
        japanese = getattr(entry, f"{field}_ja", None)
        if japanese:
            return str(japanese)
    return str(getattr(entry, field))


def compiles(pattern: str) -> str:
    """A pydantic validator: the pattern is a valid Python regular expression."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from exc
    return pattern


class Cues(Strict):
    """Regular expressions that mark one reading of a question (a facet, a kind of ask);
    subclasses add the field naming that reading."""

    cues: list[str] = Field(min_length=1)

    _check = field_validator("cues")(lambda v: [compiles(p) for p in v])


class LegalForce(StrEnum):
    """How far an instrument binds; the wording every answer must agree with."""

    binding_hard_law = "binding_hard_law"
    binding_no_penalty = "binding_no_penalty"
    government_policy = "government_policy"
    non_binding_soft_law = "non_binding_soft_law"
    internal_government_rule = "internal_government_rule"
    # For a trigger only: the field's own law applies but the rule base does not cover it.
    not_covered = "not_covered"


class Citation(Strict):
    """A pointer into an official instrument: `source` is a Source id."""

    source: Id
    section: str | None = Field(default=None, description="Article, chapter, section or page.")

    def label(self) -> str:
        return f"{self.source}, {self.section}" if self.section else self.source


class RuleBaseMeta(Strict):
    as_of: dt.date
    title: str
    disclaimer: str
    disclaimer_ja: str = Field(min_length=1, description="`disclaimer` in Japanese.")

    def disclaimer_in(self, lang: str) -> str:
        return self.disclaimer_ja if lang == "ja" else self.disclaimer
