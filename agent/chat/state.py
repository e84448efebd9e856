"""Chat thread state (kept by the SQLite checkpointer), run context and the per-turn records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, ConfigDict, Field

from agent.model_status import ModelStatus
from agent.state import AnswerCitation, Surface
from core.config import Settings
from tools.terminal_text import CleanText

if TYPE_CHECKING:
    from knowledge.loader import RuleBase

TurnKind = Literal["qa", "personal", "no_profile"]


class Topic(BaseModel):
    """What the thread is currently about: taken from the last in-scope answer."""

    model_config = ConfigDict(frozen=True)

    subject: str = Field(description="Short name of the main instrument, e.g. 'the AI Basic Plan'.")
    sources: list[str] = Field(description="Source ids cited by that answer, in order.")
    question: str = Field(description="The (resolved) question that set the topic.")


class Turn(BaseModel):
    """One question and its verified answer, as shown to the user."""

    model_config = ConfigDict(frozen=True)

    question: str = Field(description="What the user typed.")
    resolved: str = Field(description="The question actually answered (with the topic filled in).")
    kind: TurnKind
    intent: str | None = None
    answer: CleanText
    citations: list[AnswerCitation]
    mode: str
    scope: Literal["in", "out"]
    notice: CleanText | None = None
    model: ModelStatus | None = Field(
        default=None, description="Which model answered, or why none did (None: no model asked)."
    )
    profile_answers: list[str] = Field(
        default_factory=list, description="Profile answers that led to a personalised answer."
    )

    @property
    def followup(self) -> bool:
        return self.resolved != self.question


class ChatInput(TypedDict):
    question: str


class ChatState(TypedDict, total=False):
    """Everything the checkpointer keeps for one thread (plain JSON values)."""

    question: str
    """The question of the turn being answered."""
    resolved: str
    """The question with the thread's topic filled in (equal to `question` when self-contained)."""
    intent: str | None
    """The personalised intent the question asks for, or None."""
    turns: list[dict[str, Any]]
    """Every turn so far (Turn dumps), oldest first."""
    topic: dict[str, Any] | None
    """The current Topic dump, or None before the first in-scope answer."""
    profile: dict[str, Any] | None
    """The linked UseCaseProfile dump, or None."""
    profile_source: str | None
    """Where the profile came from: a file path or 'interview <id>'."""
    lang: str | None
    """The thread's answer language ('en', 'ja') once set with --lang; None: each question's."""


@dataclass(frozen=True)
class ChatContext:
    """Run-scoped: settings, the chat model (None with offline: the composer), the rule base."""

    settings: Settings
    chat_model: BaseChatModel | None = None
    offline: bool = False
    rule_base: RuleBase | None = None
    """The rule base answers come from; None: the packaged one (tests pass the fixture one)."""
    surface: Surface = "cli"
    """Where the answers are shown (their hints say how to go on there)."""
