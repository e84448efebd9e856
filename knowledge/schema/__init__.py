"""Pydantic models of the rule base files in knowledge/data/, one import surface for them all.

One module per concept: `base` (strict models, ids, citations, legal force, languages),
`labels` (labels.yaml), `sources` (instruments and institutions), `rules` (roles, role rules,
principles, triggers, checklist actions, caveats), `facts` (facts, entities, premises, topic
cards). The files only one part of the agent reads have their models here too, imported from
their own module so a start pays only for what it reads: `scope` (scope.yaml), `interview`
(interview_words.yaml), `chat` (chat_intents.yaml, personal_answers.yaml), `answers`
(legal_force_answers.yaml, use_case_leads.yaml), `phrasebook` (phrasebook.yaml); kb check
validates every data file (knowledge/check_files.py).
Every model forbids unknown keys so a typo in YAML is an error naming file, entry and field.
"""

from knowledge.schema.base import (
    LANGS,
    Citation,
    Cues,
    Id,
    Lang,
    LegalForce,
    RuleBaseMeta,
    Strict,
    compiles,
    text_in,
)
from knowledge.schema.facts import (
    Entity,
    EntityKind,
    ExceptionOf,
    Facet,
    Fact,
    Premise,
    TopicCard,
)
from knowledge.schema.labels import (
    LABELS_FILE,
    LEGAL_FORCE_LABELS,
    Labels,
    LayerHeading,
    PlanText,
    load_labels,
)
from knowledge.schema.rules import (
    ActionVariant,
    ChecklistAction,
    Condition,
    Phase,
    Principle,
    PrincipleGroup,
    Priority,
    Role,
    Timing,
    Trigger,
)
from knowledge.schema.sources import Institution, KeyDate, Source, SourceKind, Verification

__all__ = [
    "LABELS_FILE",
    "LANGS",
    "LEGAL_FORCE_LABELS",
    "ActionVariant",
    "ChecklistAction",
    "Citation",
    "Condition",
    "Cues",
    "Entity",
    "EntityKind",
    "ExceptionOf",
    "Facet",
    "Fact",
    "Id",
    "Institution",
    "KeyDate",
    "Labels",
    "Lang",
    "LayerHeading",
    "LegalForce",
    "Phase",
    "PlanText",
    "Premise",
    "Principle",
    "PrincipleGroup",
    "Priority",
    "Role",
    "RuleBaseMeta",
    "Source",
    "SourceKind",
    "Strict",
    "Timing",
    "TopicCard",
    "Trigger",
    "Verification",
    "compiles",
    "load_labels",
    "text_in",
]
