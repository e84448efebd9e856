"""The verifier alone: dates, versions, articles, legal force, citations and the canary."""

from __future__ import annotations

from agent.facts import articles_in, dates_in, known_facts, versions_in
from agent.nodes.verify import CANARY_PROBLEM, check, legal_force_problems
from agent.prompts import canary

ALLOWED = {"topic:act_dates", "ai_promotion_act", "aigfb"}


def test_correct_answer_passes() -> None:
    text = (
        "The AI Promotion Act was promulgated on 4 June 2025 and took full effect on "
        "2025-09-01 [topic:act_dates]. Art. 13 calls for guidelines; the AI Guidelines for "
        "Business v1.2 are non-binding [aigfb]."
    )
    assert check(text, ALLOWED) == []


def test_date_not_in_rule_base_is_caught() -> None:
    assert check("It was promulgated on 5 June 2025 [ai_promotion_act].", ALLOWED) == [
        "date 2025-06-05 is not in the rule base"
    ]


def test_invented_article_and_version_are_caught() -> None:
    problems = check("Art. 99 and version 7.3 apply [ai_promotion_act].", ALLOWED)
    assert problems == ["version 7.3 is not in the rule base", "Art. 99 is not in the rule base"]


def test_unretrieved_citation_is_caught() -> None:
    assert check("True [gdpr].", ALLOWED) == ["cites 'gdpr', which was not retrieved"]


def test_binding_and_fine_claims_disagreeing_with_legal_force() -> None:
    assert legal_force_problems("The AI Guidelines for Business are binding.")
    assert legal_force_problems("There are fines under the AI Act.")
    assert legal_force_problems("The AI Act is binding but imposes no fines.") == []
    assert legal_force_problems("The guidelines are non-binding soft law.") == []


def test_canary_short_circuits() -> None:
    assert check(f"leak {canary()} [aigfb]", ALLOWED) == [CANARY_PROBLEM]


def test_a_long_verbatim_stretch_of_the_system_prompt_is_a_leak_without_the_canary() -> None:
    from agent.nodes.verify import PROMPT_LEAK_PROBLEM
    from agent.prompts import LEAK_CHARS, load

    rules = load("system").text
    stretch = rules[200 : 200 + LEAK_CHARS + 5]
    assert check(f"Noted [aigfb]. {stretch}", ALLOWED) == [PROMPT_LEAK_PROBLEM]
    assert check(f"Noted [aigfb]. {stretch.lower().replace(' ', chr(10))}", ALLOWED) == [
        PROMPT_LEAK_PROBLEM
    ]
    # A short shared phrase is ordinary wording, not a leak.
    assert check(f"Noted [aigfb]. {rules[200 : 200 + LEAK_CHARS // 2]}", ALLOWED) == []


def test_extractors() -> None:
    assert articles_in("Art. 30-4 and Arts. 11–17") == {"30-4", *map(str, range(11, 18))}
    assert versions_in("v1.2, version 2.0, Version 1.10") == {"1.2", "2", "1.10"}
    assert {d.isoformat() for d in dates_in("4 June 2025; June 4, 2025; 2025-12-19")} == {
        "2025-06-04",
        "2025-12-19",
    }


def test_rule_base_facts_include_the_brief_dates() -> None:
    facts = known_facts()
    assert {"2025-06-04", "2025-09-01", "2025-12-19", "2025-12-23", "2026-03-31"} <= {
        d.isoformat() for d in facts.dates
    }
    assert {"13", "16", "30-4"} <= facts.articles
    assert "1.2" in facts.versions
