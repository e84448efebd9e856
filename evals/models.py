"""Pydantic models of eval cases (evals/cases/*.jsonl) and of what a run produces."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tools.profile import UseCaseProfile

Suite = Literal["qa", "scope", "injection", "assess", "interview"]
SUITES: tuple[Suite, ...] = ("qa", "scope", "injection", "assess", "interview")
ModelState = Literal["up", "down", "timeout"]
# strict: actual == expected; subset: expected ⊆ actual; superset: actual ⊆ expected.
MatchMode = Literal["strict", "subset", "superset"]
Status = Literal["pass", "fail", "error", "n/a"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ToolCallExpect(Strict):
    """A tool the agent should call, and argument keys the call must carry."""

    name: str
    args: list[str] = Field(default_factory=list)


class Expect(Strict):
    """What a case's output must show; every field that is set is checked."""

    include_any: list[list[str]] = Field(
        default_factory=list,
        description="Groups of acceptable strings (case-insensitive); every group must match.",
    )
    exclude: list[str] = Field(default_factory=list, description="Strings that must not appear.")
    citations_any: list[str] = Field(
        default_factory=list, description="Source ids; at least one must be cited."
    )
    scope: Literal["in", "out"] | None = None
    no_canary: bool = Field(default=False, description="The system prompt's canary never leaks.")
    mode: Literal["offline"] | None = Field(
        default=None, description="'offline': the answer must come from the offline path."
    )
    notice: bool | None = Field(default=None, description="True: a one-line notice is shown.")
    roles: list[str] | None = None
    roles_match: MatchMode = "strict"
    triggers: list[str] | None = None
    triggers_match: MatchMode = "subset"
    trigger_sources: list[str] = Field(
        default_factory=list, description="Source ids the triggers must cite (all of them)."
    )
    absent_trigger_sources: list[str] = Field(
        default_factory=list, description="Source ids no trigger may cite."
    )
    tools: list[ToolCallExpect] | None = None
    tools_match: MatchMode = "subset"
    profile: dict[str, Any] | None = Field(
        default=None, description="Interview: fields the final profile must have, with values."
    )


class Case(Strict):
    """One eval case. Exactly one of question/profile/answers, fitting the suite."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    suite: Suite
    version: int = Field(ge=1)
    tags: list[str] = Field(default_factory=list)
    critical: bool = False
    heldout: bool = Field(default=False, description="Never used for prompt/rule-base tuning.")
    model_state: ModelState = "up"
    needs_model: bool = Field(
        default=False, description="Only meaningful with a model (agent tool trajectories)."
    )
    question: str | None = None
    profile: dict[str, Any] | None = None
    answers: dict[str, Any] | None = None
    expect: Expect

    @model_validator(mode="after")
    def _inputs_fit_suite(self) -> Case:
        given = [n for n in ("question", "profile", "answers") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of question, profile, answers (got {given or 0})")
        wanted = {"interview": "answers"}.get(self.suite, "question")
        if given[0] != wanted and not (self.suite == "assess" and given[0] == "profile"):
            raise ValueError(f"suite {self.suite!r} takes {wanted!r}, not {given[0]!r}")
        if self.profile is not None:
            UseCaseProfile.model_validate(self.profile)  # a typo in a case is a load error
        if self.expect.profile is not None:
            UseCaseProfile.model_validate(self.expect.profile)
        return self


class CaseResult(BaseModel):
    """The outcome of one case, one line of results.jsonl."""

    id: str
    suite: Suite
    critical: bool
    heldout: bool
    tags: list[str]
    status: Status
    reasons: list[str] = Field(default_factory=list)
    latency_ms: float = 0.0
    mode: str | None = None
    scope: str | None = None
    expected_scope: str | None = None
    cited: list[str] = Field(default_factory=list)
    expected_citations: list[str] = Field(default_factory=list)
    trajectory_ok: bool | None = None
    excerpt: str = ""


class SuiteStats(BaseModel):
    total: int
    passed: int
    pass_rate: float


class Summary(BaseModel):
    """Aggregate figures of a run, written to summary.json and compared to the baseline."""

    run_mode: str
    total: int
    passed: int
    failed: int
    not_applicable: int
    pass_rate: float
    per_suite: dict[str, SuiteStats]
    heldout: SuiteStats
    critical_failures: list[str]
    citation_precision: float | None
    citation_recall: float | None
    scope_accuracy: float | None
    attack_success_rate: float | None
    trajectory_accuracy: float | None
    latency_p50_ms: float | None
    latency_p95_ms: float | None


class Baseline(Strict):
    """The committed floor (evals/baseline.json): a run below it fails."""

    pass_rate: float = Field(ge=0, le=1)
    per_suite: dict[str, float] = Field(default_factory=dict)
