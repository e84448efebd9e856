"""interview_words.yaml: yes, no, 'not sure', 'none' and the commands a person types in the
interview, in English and Japanese (agent/interview/answer_words.py reads them through this)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Command = Literal["skip", "back", "why", "quit"]


class AnswerWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    yes: frozenset[str] = Field(min_length=1)
    no: frozenset[str] = Field(min_length=1)
    commands: dict[Command, frozenset[str]]
    none: frozenset[str] = Field(min_length=1, description="'None' to a list question.")
    unsure: frozenset[str] = Field(min_length=1, description="'Not sure', to any question.")
    no_date: frozenset[str] = Field(min_length=1, description="No date yet, to a date question.")

    @model_validator(mode="after")
    def _each_word_means_one_thing(self) -> AnswerWords:
        both = self.yes & self.no
        if both:
            raise ValueError(f"both yes and no: {', '.join(sorted(both))}")
        seen: dict[str, str] = {}
        for command, words in self.commands.items():
            for word in words:
                if word in seen:
                    raise ValueError(f"'{word}' is both {seen[word]} and {command}")
                seen[word] = command
        return self

    def command(self, word: str) -> Command | None:
        """The command `word` (already normalised) names, if any."""
        return next((c for c, words in self.commands.items() if word in words), None)
