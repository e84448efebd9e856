"""What an interview ends with, in the session's language: roles, layers, counts, the actions to
start with and the answers to confirm. The CLI prints it; the TUI can show the same lines."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from agent.interview.texts import say
from knowledge.loader import load_rule_base
from knowledge.questions import Lang, question_by_id
from tools.assess import Assessment
from tools.assumptions import Assumption


class StartLine(BaseModel):
    model_config = ConfigDict(frozen=True)
    title: str
    owner: str
    why: str


class ResultView(BaseModel):
    """The result summary: every text already in `lang`."""

    model_config = ConfigDict(frozen=True)
    lang: Lang
    roles: list[str]
    layers: list[str]
    actions: int
    before_launch: int
    start_here: list[StartLine]
    to_confirm: list[str]


def _confirm_line(assumption: Assumption, assessment: Assessment, lang: Lang) -> str:
    if lang == "en":
        return say("to_confirm_change", lang, label=assumption.label, change=assumption.change)
    # The Japanese line is built from the question bank, not from the English sentence.
    question = question_by_id(assumption.field)
    rule = question.if_unsure
    other = rule.if_no if rule is not None else getattr(assessment.profile, assumption.field)
    return say(
        "to_confirm_item",
        lang,
        label=question.label_in(lang),
        assumed=question.label_of(getattr(assessment.profile, assumption.field), lang),
        if_no=question.label_of(other, lang),
        layers=len(assumption.dropped_layers),
        actions=len(assumption.dropped_actions),
    )


def result_view(assessment: Assessment, lang: Lang = "en") -> ResultView:
    """The summary of `assessment` in `lang`; role and layer names come from the rule base."""
    rule_base = load_rule_base()
    ja = lang == "ja"
    roles = [
        (rule_base.roles[r.id].name_ja if ja and r.id in rule_base.roles else None) or r.name
        for r in assessment.roles
    ]
    layers = [
        (rule_base.triggers[t.id].title_ja if ja and t.id in rule_base.triggers else None)
        or t.title
        for t in assessment.triggers
    ]
    return ResultView(
        lang=lang,
        roles=roles,
        layers=layers,
        actions=len(assessment.checklist),
        before_launch=sum(1 for i in assessment.checklist if i.timing == "before_launch"),
        start_here=[
            StartLine(title=s.title, owner=s.owner, why=s.why) for s in assessment.start_here
        ],
        to_confirm=[_confirm_line(a, assessment, lang) for a in assessment.to_confirm],
    )
