"""Use-case answers state the layers that matter and name the rest on one line (issue 15)."""

from __future__ import annotations

from typing import Any

import pytest

from agent.answer.layer_rank import RankedLayer, rank_layers
from agent.answer.phrasebook import phrasebook
from agent.answer.use_case import layer_ranking
from agent.qa import ask
from agent.state import Answer
from core.profile import UseCaseProfile
from knowledge.loader import load_rule_base
from knowledge.plan_rules import plan_rules
from knowledge.schema import LegalForce
from tools.triggers import lookup_triggers

HIRING = "We're a startup building an AI that screens CVs for employers. What applies to us?"


def _rank(linked: list[str] | None = None, **fields: Any) -> list[RankedLayer]:
    profile = UseCaseProfile(**fields)
    rb = load_rule_base()
    return rank_layers(lookup_triggers(profile), profile, set(fields), linked or [], rb)


def test_binding_law_the_words_engage_is_stated_and_the_framework_only_named() -> None:
    ranked = _rank(personal_data="personal", sectors=["employment"], decisions_about_people=True)
    stated = [r.id for r in ranked if r.stated]
    # The binding layers, and guidance on what the words add beyond them (decisions about people).
    assert set(stated) == {"ppc_genai_personal_data", "sector_employment", "decisions_about_people"}
    rest = {r.id for r in ranked if not r.stated}
    assert {"ai_act_framework", "art13_appropriateness"} <= rest
    # Binding hard law first, ranked by plan_rules.yaml's weights (no weight of its own).
    assert ranked[0].legal_force == LegalForce.binding_hard_law
    weights = plan_rules().force_weights
    assert all(r.force_weight == weights[r.legal_force] for r in ranked)
    framework = next(r for r in ranked if r.id == "ai_act_framework")
    assert framework.read == [] and framework.named == []


def test_a_layer_the_question_names_is_stated_whatever_its_force() -> None:
    ranked = _rank(["aigfb"], personal_data="personal", decisions_about_people=True)
    by_id = {r.id: r for r in ranked}
    assert by_id["decisions_about_people"].stated
    assert by_id["decisions_about_people"].named == ["aigfb"]
    assert not by_id["ai_act_framework"].stated


def test_a_sector_read_from_the_words_names_its_layer() -> None:
    ranked = _rank(personal_data="personal", sectors=["finance"])
    finance = next(r for r in ranked if r.id == "sector_finance")
    assert finance.legal_force == LegalForce.non_binding_soft_law
    assert finance.stated and finance.named == ["finance"]


def test_role_relevance_comes_from_the_role_rules() -> None:
    ranked = _rank(uses_in_operations=True)
    business = next(r for r in ranked if r.id == "aigfb_business")
    assert business.role == ["uses_in_operations"]
    # No binding law engaged by the words: the strongest layer they engage answers.
    assert [r.id for r in ranked if r.stated] == ["aigfb_business"]


def test_with_nothing_read_the_most_binding_layer_still_answers() -> None:
    ranked = _rank()
    assert [r.id for r in ranked if r.stated] == [ranked[0].id] == ["ai_act_framework"]


@pytest.fixture(scope="module")
def hiring(session_home: object) -> Answer:
    return ask(HIRING, offline=True)


def test_the_answer_details_the_stated_layers_names_the_rest_on_one_line(hiring: Answer) -> None:
    rb = load_rule_base()
    text = hiring.answer
    assert "**" + rb.triggers["sector_employment"].title + "**" in text
    assert "**" + rb.triggers["ppc_genai_personal_data"].title + "**" in text
    assert "**" + rb.triggers["ai_act_framework"].title + "**" not in text
    prefix = phrasebook().templates.use_case_also.split("{")[0]
    also = [line for line in text.splitlines() if line.startswith(prefix)]
    assert len(also) == 1
    assert "AI Promotion Act" in also[0] and "[" not in also[0]  # named, never cited there


def test_the_answer_cites_nothing_the_engaged_layers_do_not(hiring: Answer) -> None:
    assert hiring.query is not None
    profile = UseCaseProfile(**hiring.query["use_case"]["profile"])
    engaged = {c.source for t in lookup_triggers(profile) for c in t.citations}
    cited = {c.id for c in hiring.citations}
    assert cited <= engaged, cited - engaged
    assert "aisi_evaluation_guide" not in cited  # the bias test's further reading stays in the plan
    assert hiring.answer.count("\n1. **") == 1 and "\n4. **" not in hiring.answer  # ≤ 3 actions


def test_explain_shows_the_ranking(hiring: Answer) -> None:
    layers = layer_ranking(hiring.query)
    assert layers and {"id", "legal_force", "force_weight", "named", "read", "stated"} <= set(
        layers[0]
    )
    assert {entry["id"] for entry in layers if entry["stated"]} == {
        "ppc_genai_personal_data",
        "sector_employment",
        "decisions_about_people",
    }
    assert layer_ranking(None) == []


def test_without_binding_law_the_guidance_on_what_the_words_add_is_detailed() -> None:
    ranked = _rank(uses_in_operations=True, customers=["consumers"])
    stated = [r.id for r in ranked if r.stated]
    assert stated == ["consumer_facing"]  # the consumers the words name; the role is only named
    assert not next(r for r in ranked if r.id == "aigfb_business").stated


def test_one_layer_answers_each_thing_the_words_say() -> None:
    """A deepfake's labelling guidance reads the same field as the criminal-law layer above it."""
    ranked = _rank(synthetic_media=True, offers_to_others=True)
    stated = {r.id for r in ranked if r.stated}
    assert "synthetic_media_misuse" in stated and "synthetic_media_labelling" not in stated


def test_a_stated_layer_is_not_cited_by_the_framework_only_named(hiring: Answer) -> None:
    """Decisions about people cite the AI Guidelines for Business, not the Article 13 guideline
    that frames every use and is only named on the 'also relevant' line."""
    assert "art13_guideline" not in {c.id for c in hiring.citations}


def test_a_japanese_use_case_answer_has_japanese_first_actions(session_home: object) -> None:
    question = "病院で患者のカルテを使うAIを導入したいです。どの規制が関係しますか？"
    answer = ask(question, offline=True)
    said = phrasebook().book.templates_ja
    assert said.first_actions in answer.answer
    assert "\n1. **" in answer.answer and "\n4. **" not in answer.answer
    assert said.use_case_also.split("{")[0] in answer.answer


def test_the_also_line_gives_each_layer_its_force_for_this_use() -> None:
    from agent.answer.force import force_label
    from agent.answer.reader import default_reader
    from agent.answer.use_case import _also_line

    profile = UseCaseProfile(organisation="local_government", generative_ai=True)
    engaged = {t.id: t for t in lookup_triggers(profile)}
    rest = [engaged["ds920_model_for_local_government"], engaged["ai_act_framework"]]
    line = _also_line(rest, set(), default_reader("en"))
    assert line is not None
    # DS-920 binds national bodies only; for a local government it is a model (soft law).
    soft = force_label(LegalForce.non_binding_soft_law, "en")
    assert f"Digital Agency generative AI guideline (DS-920) ({soft})" in line
    assert force_label(LegalForce.internal_government_rule, "en") not in line
    assert line.index("AI Promotion Act") < line.index("DS-920")  # binding before guidance
