"""How answers open: legal_force_answers.yaml (the opening of "is it binding?" and "are there
fines?" by legal force) and use_case_leads.yaml (the kinds of use-case ask and the lead each
gets); agent/answer words answers from these models, and kb check validates both files with them."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from knowledge.schema.base import Cues, LegalForce, Strict


class Opening(Strict):
    yes_no: str
    says: str
    says_ja: str


class ForceAnswers(Strict):
    asks: dict[str, str]
    binding: dict[LegalForce, Opening]
    penalty: dict[LegalForce, Opening]
    labels_ja: dict[LegalForce, str]


class AskKind(StrEnum):
    applies = "applies"
    permission = "permission"
    forbidden = "forbidden"
    to_do = "to_do"


class KindCues(Cues):
    kind: AskKind


class Leads(Strict):
    applies: str
    permission: str
    permission_binding: str
    forbidden: str
    forbidden_binding: str
    to_do: str = Field(description="{layers} and {action}, the first action.")

    def pick(self, kind: AskKind, binding: bool, has_action: bool = True) -> str:
        """The template for this kind of ask; the `_binding` one when hard law binds the use;
        'what to do' with no action to name asks what applies."""
        if kind is AskKind.applies or (kind is AskKind.to_do and not has_action):
            return self.applies
        if kind is AskKind.to_do:
            return self.to_do
        if kind is AskKind.forbidden:
            return self.forbidden_binding if binding else self.forbidden
        return self.permission_binding if binding else self.permission


class LeadFile(Strict):
    kinds: list[KindCues] = Field(min_length=1)
    no_ban_fact: str = Field(description="The fact id a yes/no lead's 'bans nothing' rests on.")
    rule_asked_ja: str = Field(
        default="(?!)", description="A rule named right before a Japanese 'is there …?'."
    )
    leads: Leads
    leads_ja: Leads
