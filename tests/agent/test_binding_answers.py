"""Binding-force and penalty questions open with the named instrument's legal force."""

from __future__ import annotations

import re

import pytest

from agent.answer.force import force_answers, force_facts
from agent.answer.reader import default_reader
from agent.qa import ask
from core.config import Settings
from knowledge.loader import load_rule_base
from knowledge.schema import LEGAL_FORCE_LABELS, Facet, LegalForce

FIRST = re.compile(r"^(.*?) \[1\]", re.DOTALL)

# Question → (exact opening before the first marker, the source cited as [1]).
CASES: dict[str, tuple[str, str]] = {
    "Is the AI Basic Plan binding?": (
        "No. Legal force of the AI Basic Plan: government policy, which binds the administration,"
        " not companies.",
        "ai_basic_plan",
    ),
    "Does the PPC alert bind companies?": (
        "No. Legal force of the PPC generative AI alert: non-binding soft law. The alert adds no"
        " duty of its"
        " own, but the APPI duties it explains are binding hard law.",
        "ppc_genai_alert",
    ),
    "Is the Digital Agency guideline mandatory for private companies?": (
        # The card written for this question qualifies the "No." and agrees with the force.
        "Not directly. Legal force of the Digital Agency generative AI guideline: an internal"
        " rule for"
        " government bodies. Binds ministries and agencies, not private companies; suppliers"
        " meet it through procurement and contract terms.",
        "da_genai_guideline",
    ),
    "Is the Article 13 guideline legally binding?": (
        "No. Legal force of the Article 13 guideline: government policy, which binds the"
        " administration, not"
        " companies. A statutory guideline under Art. 13 of the AI Promotion Act; it does not"
        " bind businesses.",
        "art13_guideline",
    ),
    "Are there fines under the APPI?": (
        "Yes. Legal force of the APPI: binding hard law, enforceable with sanctions.",
        "appi",
    ),
    "Are the AI Guidelines for Business binding?": (
        "No. Legal force of the AI Guidelines for Business: non-binding soft law.",
        "aigfb",
    ),
    "Are there penalties under the AI Promotion Act?": (
        "No. Legal force of the AI Promotion Act: a binding statute without penalties. It"
        " asks businesses to endeavour to use AI and to cooperate with national and local measures"
        " (Art. 7), with no penalty attached.",
        "ai_promotion_act",
    ),
    "Is the AI Promotion Act legally binding?": (
        "Yes. Legal force of the AI Promotion Act: a binding statute, without penalties. It"
        " asks businesses to endeavour to use AI and to cooperate with national and local measures"
        " (Art. 7), with no penalty attached.",
        "ai_promotion_act",
    ),
    "Is the Hiroshima code of conduct binding?": (
        "No. Legal force of the Hiroshima AI Process code of conduct: non-binding soft law.",
        "hiroshima_code",
    ),
    "Can you be fined under the Copyright Act?": (
        "Yes. Legal force of the Copyright Act: binding hard law, enforceable with sanctions.",
        "copyright_act",
    ),
    # Not a yes/no question: the legal force still opens, without "Yes."/"No.".
    "What obligations does the AI Promotion Act impose?": (
        "Legal force of the AI Promotion Act: a binding statute, without penalties. It asks"
        " businesses to"
        " endeavour to use AI and to cooperate with national and local measures (Art. 7), with no"
        " penalty attached.",
        "ai_promotion_act",
    ),
}


@pytest.fixture(scope="module")
def replies(settings: Settings) -> dict[str, object]:
    return {q: ask(q, settings=settings, offline=True) for q in CASES}


@pytest.mark.parametrize("question", list(CASES))
def test_opening_comes_from_the_named_sources_legal_force(question: str, replies: dict) -> None:
    opening, source = CASES[question]
    reply = replies[question]
    first = FIRST.match(reply.answer)
    assert first is not None, reply.answer
    # The direct answer agrees ("Not directly." qualifies a "No."); the facts may word the rest.
    expected = opening.split(".")[0].split()[0]
    accepted = {"Not": ("Not", "No"), "No": ("No",), "Yes": ("Yes",)}.get(expected)
    if accepted:
        assert first.group(1).split(".")[0].split()[0] in accepted, reply.answer
    else:
        assert not re.match(r"(yes|no)\b", first.group(1), re.IGNORECASE), reply.answer
    assert reply.citations[0].id == source
    assert reply.citations[0].legal_force == load_rule_base().sources[source].legal_force.value


@pytest.mark.parametrize("question", list(CASES))
def test_the_facts_after_the_lead_do_not_repeat_the_yes_or_no(question: str, replies: dict) -> None:
    for block in replies[question].answer.split("\n\n")[1:]:
        assert not re.match(r"-?\s*(yes|no|wrong)\b", block, re.IGNORECASE), block


def _force(question_entities: list[str], facet: Facet) -> list:
    return force_facts(question_entities, facet, default_reader())


def test_two_instruments_named_gives_no_derived_lead() -> None:
    assert _force(["appi", "ai_basic_plan"], Facet.legal_force) == []


def test_a_question_not_about_binding_force_gets_no_derived_lead() -> None:
    assert _force(["ai_basic_plan"], Facet.when) == []
    assert _force(["ai_basic_plan"], Facet.duty) == []


def test_the_derived_lead_follows_sources_yaml_not_a_card() -> None:
    (fact,) = _force(["ai_basic_plan"], Facet.legal_force)
    assert fact.answers == "No."
    assert fact.text.startswith("Legal force of the AI Basic Plan")


def test_a_question_naming_no_instrument_gets_no_derived_lead(settings: Settings) -> None:
    reply = ask("Are guidelines binding?", settings=settings, offline=True)
    assert "Legal force of the" not in reply.answer.split("\n")[0]


def test_every_legal_force_has_a_template_that_names_its_meaning() -> None:
    data = force_answers()
    # `not_covered` labels triggers only; no source (so no named instrument) can carry it.
    for force in [f for f in LegalForce if f is not LegalForce.not_covered]:
        for kind in (data.binding, data.penalty):
            assert force in kind
    # The binding wording for each value restates its label's key words, nothing else.
    keys = {
        LegalForce.binding_hard_law: "binding hard law",
        LegalForce.binding_no_penalty: "without penalties",
        LegalForce.government_policy: "binds the administration, not companies",
        LegalForce.non_binding_soft_law: "non-binding soft law",
        LegalForce.internal_government_rule: "internal rule for government bodies",
    }
    for force, words in keys.items():
        assert words in LEGAL_FORCE_LABELS[force]
        assert words in data.binding[force].says
