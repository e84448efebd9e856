"""Who is in charge of a law or the regime is answered by the body the law itself provides for
(the AI Strategic Headquarters, the PPC), not by the bodies that keep their own fields under
other laws because the question shares the words 'in charge' with that fact (issue 15)."""

from __future__ import annotations

import pytest

from agent.answer.reader import default_reader
from agent.answer.select import founded_by
from evals.answer_checks import first_sentence


@pytest.mark.parametrize(
    "question",
    [
        "Who's in charge of AI rules in Japan?",
        "whos in charge of regulating ai in japn??",
        "who is in charge of AI regulation in Japan",
    ],
)
def test_the_body_the_act_provides_for_leads(offline, question: str) -> None:  # type: ignore[no-untyped-def]
    lead = first_sentence(offline(question).answer)
    assert "strategic headquarters" in lead, lead
    assert not lead.startswith("sector supervisors"), lead


def test_the_bodies_a_law_provides_for_are_those_its_articles_name() -> None:
    reader = default_reader()
    # The sector ministries cite the AI Promotion Act as a whole: it leaves them their fields.
    assert founded_by(["ai_promotion_act"], reader) == {"ai_strategic_hq", "cabinet_office"}
    assert founded_by(["appi"], reader) == {"ppc"}
