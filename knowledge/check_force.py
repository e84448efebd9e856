"""A legal-force badge the citations must bear out: a trigger labelled binding hard law cites at
least one hard-law instrument (a statute), so a plan never shows "binding hard law" on soft-law
citations alone (legal audit U9: sector layers labelled binding while citing only guidelines).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.loader import Problem
from knowledge.schema import LegalForce, Source, Trigger

if TYPE_CHECKING:
    from knowledge.check_files import RuleBaseFiles


def check_hard_law_badges(files: RuleBaseFiles) -> list[Problem]:
    """Every binding_hard_law trigger cites a source whose own legal force is binding hard law."""
    hard = LegalForce.binding_hard_law
    force = {source.id: source.legal_force for _, source in files.of_type(Source)}
    problems: list[Problem] = []
    for rel, trigger in files.of_type(Trigger):
        if trigger.legal_force != hard:
            continue
        if any(force.get(c.source) == hard for c in trigger.citations):
            continue
        cited = ", ".join(sorted({c.source for c in trigger.citations}))
        message = (
            f"labelled binding_hard_law but cites no hard-law source ({cited}): cite the statute "
            "that binds, e.g. {source: appi, section: 'Art. 18'}, or use the label of what it cites"
        )
        problems.append(Problem(files.label(rel), trigger.id, "legal_force", message))
    return problems


FORCE_CHECKS = [check_hard_law_badges]
