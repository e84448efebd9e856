"""A yes/no question that holds a false belief is never answered 'Yes': when no fact refutes
the belief for what the question names (so it is looked up, not corrected), the fact found
still leads, but without a yes that would seem to confirm the belief."""

from __future__ import annotations

from agent.answer.compose import lookup_section
from agent.answer.reader import default_reader
from agent.answer.understand import understand


def test_a_fact_s_yes_does_not_confirm_a_belief_the_part_holds() -> None:
    reader = default_reader()
    (part,) = understand("Does Japan have an AI Act?", reader).parts
    section = lookup_section(part, reader)
    assert section is not None and section.lead.startswith("Yes.")
    believing = part.model_copy(update={"premises": ["labelling_mandatory"]})
    section = lookup_section(believing, reader)
    assert section is not None and not section.lead.startswith("Yes")
