"""Pydantic models of eval cases (evals/cases/*.jsonl) and of what a run produces."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from core.profile import UseCaseProfile

Suite = Literal["qa", "scope", "injection", "assess", "interview", "answers"]
# The gated suites a plain `shirube eval` runs; "answers" runs only when asked for by name.
SUITES: tuple[Suite, ...] = ("qa", "scope", "injection", "assess", "interview")
ALL_SUITES: tuple[Suite, ...] = (*SUITES, "answers")
# The answers suite's categories (issue 15): what kind of question a user typed.
Category = Literal[
    "use_case", "fact", "false_premise", "compound", "typo", "compare", "follow_up",
    "not_covered", "out_of_scope", "injection", "japanese",
]  # fmt: skip
CATEGORIES: tuple[Category, ...] = get_args(Category)
# Where a correct engine sends the question (Answer.route).
Route = Literal[
    "use_case", "lookup", "premise", "search", "not_covered", "out_of_scope", "injection"
]
# False premises an answer must correct in its first sentence (ids of knowledge/data/premises.yaml).
Premise = Literal[
    "ban", "registration", "risk_tier", "licence", "ai_fines", "single_regulator",
    "caio_mandatory", "labelling_mandatory", "eu_copy", "no_regulation", "guidelines_binding",
    "only_developers", "foreign_exempt", "assessment_mandatory", "enforcement_powers",
]  # fmt: skip
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
    # The answers suite (evals/answer_checks.py); every check is case-insensitive.
    route: Route | None = Field(default=None, description="The route Answer.route must name.")
    route_also: list[Route] = Field(
        default_factory=list,
        description="Other routes a correct engine may take (a neutral yes/no on a premise).",
    )
    lead_any: list[str] = Field(
        default_factory=list,
        description="The answer's first sentence must contain one of these (whole words).",
    )
    must: list[list[str]] = Field(
        default_factory=list,
        description="Facts the answer must carry: one alternative of every group must appear.",
    )
    must_not: list[str] = Field(
        default_factory=list, description="False claims: none may appear (each is a false fact)."
    )
    premise: Premise | None = Field(
        default=None, description="The false premise the first sentence must correct."
    )
    sources_allowed: list[str] | None = Field(
        default=None, description="Source ids the answer may cite; any other is padding."
    )
    lang: Literal["en", "ja"] | None = Field(
        default=None, description="The language the answer should be written in."
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
    category: Category | None = Field(
        default=None, description="Answers suite: the kind of question."
    )
    history: list[str] = Field(
        default_factory=list, description="Earlier questions of the same chat, asked first."
    )
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
        if self.suite == "answers":
            _check_answer_case(self)
        elif self.category is not None or self.history:
            raise ValueError("category and history belong to the answers suite")
        return self


def _check_answer_case(case: Case) -> None:
    """An answers case says what kind of question it is, where it goes and what it must say."""
    exp = case.expect
    if case.category is None or exp.route is None:
        raise ValueError("an answers case needs a category and expect.route")
    if exp.premise is not None and not exp.lead_any:
        raise ValueError("expect.premise is checked on the first sentence: give lead_any")
    if exp.sources_allowed is not None:
        stray = sorted(set(exp.citations_any) - set(exp.sources_allowed))
        if stray:
            raise ValueError(f"citations_any {stray} are not in sources_allowed")


class AnswerScore(BaseModel):
    """How one answers-suite answer did on each check; None means the case does not check it."""

    category: Category
    lead_ok: bool | None = None
    first_sentence: str = ""
    must_found: int = 0
    must_total: int = 0
    false_facts: list[str] = Field(default_factory=list)
    cited_ok: bool | None = None
    padding: list[str] | None = Field(default=None, description="Cited ids outside the allowed.")
    premise: str | None = None
    premise_corrected: bool | None = None
    route: str | None = None
    expected_route: str
    route_also: list[str] = Field(default_factory=list)
    lang: str | None = None
    expected_lang: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def route_ok(self) -> bool:
        # A missing route is unknown, never a pass.
        return self.route is not None and self.route in (self.expected_route, *self.route_also)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def padded(self) -> bool:
        return bool(self.padding)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def lang_ok(self) -> bool | None:
        return None if self.expected_lang is None else self.lang == self.expected_lang

    @computed_field  # type: ignore[prop-decorator]
    @property
    def answer_ok(self) -> bool:
        """Direct, complete, correct and cited in the language asked, whatever the route."""
        return (
            self.lead_ok is not False
            and self.lang_ok is not False
            and self.must_found == self.must_total
            and not self.false_facts
            and self.cited_ok is not False
            and not self.padded
        )


class CaseResult(BaseModel):
    """The outcome of one case, one line of results.jsonl."""

    id: str
    suite: Suite
    critical: bool
    heldout: bool
    tags: list[str]
    status: Status
    category: str | None = None
    reasons: list[str] = Field(default_factory=list)
    latency_ms: float = 0.0
    mode: str | None = None
    model_status: str | None = Field(
        default=None, description="The answer's ModelState: ready, offline, no_server, …"
    )
    scope: str | None = None
    expected_scope: str | None = None
    cited: list[str] = Field(default_factory=list)
    expected_citations: list[str] = Field(default_factory=list)
    trajectory_ok: bool | None = None
    excerpt: str = ""
    answer_score: AnswerScore | None = None


class SuiteStats(BaseModel):
    total: int
    passed: int
    pass_rate: float


class AnswerStats(BaseModel):
    """Answers-suite figures over a set of results; None where no case checks that figure."""

    total: int
    errors: int
    pass_rate: float
    answer_ok_rate: float
    lead_correct: float | None
    must_recall: float | None
    false_facts: int
    false_fact_rate: float
    padding: float | None
    premise_corrected: float | None
    route_accuracy: float | None
    route_unknown: int
    lang_match: float | None


class AnswerFigures(BaseModel):
    overall: AnswerStats
    per_category: dict[str, AnswerStats]
    per_lang: dict[str, AnswerStats] = Field(
        default_factory=dict, description="By the language of the question: 'en', 'ja'."
    )
    per_round: dict[str, AnswerStats] = Field(
        default_factory=dict,
        description="By later held-out round, named by its tag ('blind_round2'); each on its own.",
    )


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
    answers: AnswerFigures | None = None


class Baseline(Strict):
    """The committed floor (evals/baseline.json): a run below it fails."""

    pass_rate: float = Field(ge=0, le=1)
    per_suite: dict[str, float] = Field(default_factory=dict)
