"""The typed reading of a question: what `understand` hands to `route` and `compose`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.schema import Facet

Route = Literal["use_case", "premise", "lookup", "not_covered", "search"]


class Part(BaseModel):
    """One question inside the user's message."""

    model_config = ConfigDict(extra="forbid")

    text: str
    entities: list[str] = Field(default_factory=list, description="Linked entity ids, in order.")
    facet: Facet = Facet.what
    yes_no: bool = False
    claim: bool = Field(default=False, description="A statement, not a question.")
    premises: list[str] = Field(default_factory=list, description="Premise ids the words carry.")
    presupposed: bool = Field(
        default=True,
        description="The part takes its premises for granted (a wh-question, a claim stated as "
        "given) rather than asking whether they hold ('do we need to register…?').",
    )
    uncovered: list[str] = Field(
        default_factory=list,
        description="Laws named that the entity registry does not hold, as typed.",
    )
    beyond: list[str] = Field(
        default_factory=list,
        description="Concept ids asked of a named statute that no fact covers for it.",
    )
    of_regime: bool = Field(
        default=False,
        description="Asked of the regime over the use case before, which the words did not name "
        "('what fines if we get this wrong?'): answered by its facts, not by the derived legal "
        "force of a law the user never named.",
    )
    route: Route = "search"
    context: str = Field(
        default="",
        description="The part before, when this one inherits its subject ('…and when?').",
    )


class UseCase(BaseModel):
    """A use case described in the question, read into a partial profile."""

    model_config = ConfigDict(extra="forbid")

    reads: list[str]
    profile: dict[str, object]


class Query(BaseModel):
    """The whole question as understood; `shirube ask --explain` prints it."""

    model_config = ConfigDict(extra="forbid")

    question: str
    parts: list[Part]
    use_case: UseCase | None = None
    lang: Literal["en", "ja"] = "en"
    read_by: Literal["engine", "engine+model"] = Field(
        default="engine", description="engine+model: the model's reading filled blank parts."
    )

    @property
    def route(self) -> Route:
        """A false premise first (the answer corrects it before anything else), then a use case,
        then the first part's way. A use case asked whether a belief holds ("do we need to
        register our chatbot?") is a use case whose answer opens with the correction."""
        premised = [part for part in self.parts if part.route == "premise"]
        if any(part.presupposed or not self.use_case for part in premised):
            return "premise"
        return "use_case" if self.use_case else self.parts[0].route
