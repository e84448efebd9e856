"""Typed state, run context and the public answer model of the Q&A graph."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from pydantic import BaseModel, ConfigDict, Field

from agent.model_status import ModelStatus
from core.config import Settings
from tools.terminal_text import CleanText

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from agent.answer.lang import Lang
    from agent.answer.reader import Reader
    from knowledge.loader import RuleBase
    from knowledge.schema import Source

EXCERPT_CHARS = 240

Scope = Literal["in", "out"]
# Where an answer is shown: a hint naming how to go on says it the way that surface does (the CLI
# names a command, the TUI the key that opens the interview).
Surface = Literal["cli", "tui"]


class AnswerCitation(BaseModel):
    """One numbered source under an answer: an official instrument, with the section cited."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Source id from knowledge/data/sources.yaml.")
    title: str
    section: str | None = None
    url: str
    legal_force: str
    excerpt: str = Field(description="The rule-base text the citation supports, shortened.")
    label: str | None = Field(
        default=None, description="The legal-force label in the answer's language, if not English."
    )

    @classmethod
    def from_source(
        cls, source: Source, section: str | None, excerpt: str, lang: str = "en"
    ) -> AnswerCitation:
        """A Japanese answer cites the Japanese title, 第N条 notation and a Japanese label."""
        text = " ".join(excerpt.split())
        if len(text) > EXCERPT_CHARS:
            text = text[: EXCERPT_CHARS - 1].rstrip() + "…"
        label = None
        if lang == "ja":
            from agent.answer.force import force_label
            from agent.answer.lang import section_text

            section, label = section_text(section, "ja"), force_label(source.legal_force, "ja")
        return cls(
            id=source.id,
            title=source.title_ja if lang == "ja" else source.title_en,
            section=section,
            url=source.url,
            legal_force=source.legal_force.value,
            excerpt=text,
            label=label,
        )

    @property
    def legal_force_label(self) -> str:
        """'non_binding_soft_law' → 'non-binding soft law', the wording answers agree with."""
        # Here, not at the top: the TUI's first screen imports this module, not every schema.
        from knowledge.schema import LEGAL_FORCE_LABELS, LegalForce

        try:
            return LEGAL_FORCE_LABELS[LegalForce(self.legal_force)]
        except ValueError:
            return self.legal_force

    @property
    def heading(self) -> str:
        """'Title, section (legal force)': how every renderer names the source."""
        if self.label is not None:  # Japanese: 'Title 第7条（label）'
            section = f" {self.section}" if self.section else ""
            return f"{self.title}{section}（{self.label}）"
        section = f", {self.section}" if self.section else ""
        return f"{self.title}{section} ({self.legal_force_label})"


class Answer(BaseModel):
    """What `agent.qa.ask` returns and `shirube ask --format json` prints."""

    question: str
    answer: CleanText = Field(description="Markdown; citations as [1] [2] … matching `citations`.")
    citations: list[AnswerCitation]
    mode: str = Field(description="'offline' or 'model:<name>'.")
    scope: Scope
    tools_called: list[str]
    latency_ms: int
    notice: CleanText | None = Field(
        default=None, description="One line, e.g. why offline mode ran."
    )
    route: str | None = Field(
        default=None,
        description="use_case, premise, lookup, not_covered, search, out_of_scope or injection.",
    )
    fact_ids: list[str] = Field(default_factory=list, description="The facts the answer states.")
    query: dict[str, Any] | None = Field(
        default=None, description="The question as understood (`ask --explain`)."
    )
    lang: Literal["en", "ja"] = Field(default="en", description="The language of the answer.")
    model: ModelStatus | None = Field(
        default=None,
        description="Which model answered, or why none did (None: an answer built by hand).",
    )
    rule_base_as_of: dt.date | None = Field(
        default=None, description="The as-of date of the rule base that answered (meta.yaml)."
    )


@dataclass(frozen=True)
class QAContext:
    """Run-scoped context: settings, the rule base and the chat model (None: offline composer)."""

    settings: Settings
    rule_base: RuleBase | None = None
    """The rule base answers come from; None: the packaged one (default_reader builds it)."""
    chat_model: BaseChatModel | None = None
    model_status: ModelStatus | None = None
    """Which model answers, or why none does (agent.model_status); None: not decided (tests)."""
    deadline_at: float | None = None
    """time.monotonic() by which the whole answer must be done: every model call gets the rest."""
    surface: Surface = "cli"
    """Where the answer is shown (its hints say how to go on there)."""

    def reader(self, lang: Lang = "en") -> Reader:
        """The engine's view of this run's rule base, in the answer's language."""
        from agent.answer.reader import Reader, default_reader

        return default_reader(lang) if self.rule_base is None else Reader(self.rule_base, lang)

    def model_limits(self) -> dict[str, Any]:
        """Keyword arguments for a model call (agent.bounded_ollama reads them)."""
        return {} if self.deadline_at is None else {"deadline_at": self.deadline_at}


class QAInput(TypedDict):
    """What a caller passes in."""

    question: str
    history: list[tuple[str, str]]
    use_model: bool
    lang: str


class QAState(TypedDict, total=False):
    """Everything the graph reads and writes while answering one question."""

    question: str
    """The user's question, stripped."""
    history: list[tuple[str, str]]
    """Earlier (question, answer) turns of the same conversation, oldest first."""
    lang: str
    """The language asked for: 'en', 'ja', or 'auto' (the question's own)."""
    use_model: bool
    """True when a chat model is in the run context and should be tried first."""
    scope: Scope
    """'out' when the question is not about AI regulation in Japan (or is an injection)."""
    injection: bool
    """True when the question tries to change Shirube's rules, scope or facts."""
    tools_called: list[str]
    """Names of the tools the model called, in order."""
    answer: str
    """The final Markdown answer with numbered citations."""
    citations: list[AnswerCitation]
    """The numbered sources behind `answer`."""
    mode: str
    """'offline' or 'model:<name>'."""
    notice: str | None
    """One-line notice for the user (offline mode, replacements), or None."""
    model_status: ModelStatus
    """Set only when the model failed during this answer: why (overrides the context's)."""
    query: dict[str, Any]
    """The question as understood (agent.answer.query.Query, as JSON)."""
    found: dict[str, list[str]]
    """Fact ids the search route retrieved, by part number."""
    fact_ids: list[str]
    """The facts the composed answer states."""
    route: str
    """The route the answer took."""
