"""The use-case route: the deterministic tools on the profile read from the question."""

from __future__ import annotations

from agent.answer.citations import Citations
from agent.answer.phrasebook import phrasebook
from agent.answer.query import UseCase
from agent.answer.reader import Reader
from knowledge.schema import LegalForce
from tools.checklist import build_checklist
from tools.profile import UseCaseProfile
from tools.triggers import lookup_triggers

TOP_ACTIONS = 3
TOOLS_CALLED = ["classify_roles", "lookup_triggers", "build_checklist"]
CLOSING = (
    "This reading comes only from the words of your question, so it is partial: run "
    "`shirube interview` (or `shirube assess PROFILE.yaml`) for a complete, cited plan."
)
# Binding law first: it is what the reader must not miss.
FORCE_ORDER = list(LegalForce)


def compose_use_case(use_case: UseCase, reader: Reader, cites: Citations) -> tuple[str, list[str]]:
    """Markdown: the layers that apply (binding first), the first actions, the pointer on."""
    profile = UseCaseProfile.model_validate(use_case.profile)
    layers = sorted(lookup_triggers(profile), key=lambda t: FORCE_ORDER.index(t.legal_force))
    templates = phrasebook().templates
    names = "; ".join(f"{t.title} ({t.legal_force_label})" for t in layers)
    lines = [
        templates.use_case_lead.format(layers=names),
        "",
        templates.use_case_read.format(reads=", ".join(use_case.reads)),
        "",
    ]
    for trig in layers:
        lines.append(f"- **{trig.title}**: {trig.why} {cites.marks(trig.citations, trig.why)}")
    lines += ["", "**First actions**", ""]
    for number, item in enumerate(build_checklist(profile)[:TOP_ACTIONS], 1):
        marks = cites.marks(item.citations, item.text)
        lines.append(f"{number}. **{item.title}**: {item.text} {marks}")
    lines += ["", CLOSING]
    return "\n".join(lines), list(TOOLS_CALLED)
