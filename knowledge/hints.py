"""use_case_hints.yaml: words in a question mapped to partial use-case profile values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from core.profile import UseCaseProfile
from knowledge.loader import DATA_DIR
from knowledge.schema import compiles

HINTS_FILE = DATA_DIR / "use_case_hints.yaml"


class Hint(BaseModel):
    """Words in a question → partial profile values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    pattern: str
    reads: str = Field(description="How the answer names what it read, e.g. 'finance sector'.")
    reads_ja: str | None = Field(default=None, description="`reads` in Japanese ('、' between).")
    sets: dict[str, Any] = Field(min_length=1)
    unless: str | None = None
    use_case: bool = True
    """False for context words that alone do not make a question about a use case."""

    _check_pattern = field_validator("pattern", "unless")(lambda v: v if v is None else compiles(v))

    @field_validator("sets")
    @classmethod
    def _known_fields(cls, sets: dict[str, Any]) -> dict[str, Any]:
        # The profile model (extra="forbid") names any unknown field or value outright.
        UseCaseProfile.model_validate(sets)
        if {"name", "description"} & sets.keys():
            raise ValueError("hints set profile facts, not the free-text name or description")
        return sets


class HintFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    asks: list[str] = Field(min_length=1)
    hints: list[Hint] = Field(min_length=1)

    _check_asks = field_validator("asks")(lambda v: [compiles(p) for p in v])


def load_hints(path: Path = HINTS_FILE) -> HintFile:
    """Parse and validate a hint file; raises ValidationError (or yaml.YAMLError)."""
    return HintFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
