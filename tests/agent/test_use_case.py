"""One-off use-case questions are answered from the assessment tools (agent/use_case.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from agent.answer.phrasebook import phrasebook
from agent.answer.use_case import TOOLS_CALLED, layer_ranking
from agent.answer.use_case_lead import ask_kind, lead_file
from agent.qa import ask
from agent.use_case import read_use_case
from core.config import Settings
from knowledge.check import check_use_case_hints
from knowledge.check_files import read_files
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.questions import load_questions

BASE = {"ai_act_framework", "art13_appropriateness"}

# Question → the exact triggers its reading engages.
CASES: dict[str, set[str]] = {
    "our hiring AI ranks candidates, what rules apply?": BASE
    | {"aigfb_business", "decisions_about_people", "sector_employment"},
    "What should a hospital using AI triage do?": BASE
    | {"aigfb_business", "decisions_about_people", "sector_health"},
    "Can our bank use AI for credit scoring?": BASE
    | {"aigfb_business", "decisions_about_people", "sector_finance"},
    "We're a US startup selling an HR screening tool to Japanese companies. What applies?": BASE
    | {"aigfb_business", "decisions_about_people", "overseas_operator", "sector_employment"},
    "we want staff to paste customer records into ChatGPT": BASE
    | {"aigfb_business", "ppc_genai_personal_data"},
    "we make a deepfake video app": BASE | {"aigfb_business", "synthetic_media_misuse"},
    "A ministry wants to buy an AI chatbot; what applies?": BASE | {"procurement_buyer"},
    "We are selling an AI tool to a municipality. What rules apply?": BASE
    | {"aigfb_business", "procurement_supplier"},
    "We train our own foundation model. What applies?": BASE
    | {"aigfb_business", "hiroshima_advanced_model"},
    "Can a school use AI to grade students?": BASE | {"aigfb_business", "sector_education"},
    "Can we let ChatGPT train on our customer data from patient records?": BASE
    | {
        "aigfb_business",
        "ppc_genai_personal_data",
        "appi_sensitive_data",
        "appi_use_beyond_output",
    },
}


@pytest.fixture(scope="module")
def answers(settings: Settings) -> dict[str, object]:
    return {q: ask(q, settings=settings, offline=True) for q in CASES}


@pytest.mark.parametrize("question", list(CASES))
def test_use_case_question_is_answered_from_the_tools(question: str, answers: dict) -> None:
    from tools.triggers import lookup_triggers

    reading = read_use_case(question)
    assert reading.is_use_case
    engaged = lookup_triggers(reading.profile)
    assert CASES[question] <= {t.id for t in engaged}
    answer = answers[question]
    assert answer.route == "use_case"
    # The lead answers the kind of ask (agent/answer/use_case_lead.py): yes/no, or what applies.
    lead = lead_file().leads.pick(ask_kind(question), binding=False).split(":")[0]
    assert answer.answer.startswith(lead.split(",")[0])
    assert "From your question I read: " in answer.answer
    assert answer.tools_called == TOOLS_CALLED
    assert answer.mode == "offline"
    cited = {c.id for c in answer.citations}
    rb = load_rule_base()
    # The layers that matter are detailed and cited; every other engaged layer is named on the
    # "also relevant" line, by its instrument or, where that is cited already, by its title.
    stated = {r["id"] for r in layer_ranking(answer.query) if r["stated"]}
    assert stated and stated <= {t.id for t in engaged}
    for trig_id in CASES[question]:
        trigger = rb.triggers[trig_id]
        if trig_id in stated:
            assert f"**{trigger.title}**" in answer.answer
            # Cited by its own instruments; those of the layers framing every use (`always`) are
            # left to the 'also relevant' line.
            framing = {t.citations[0].source for t in rb.triggers.values() if "always" in t.when}
            assert trigger.citations[0].source in cited
            assert {c.source for c in trigger.citations} - framing <= cited
        else:
            assert f"**{trigger.title}**" not in answer.answer
            own = rb.sources[trigger.citations[0].source].short_name
            assert own in answer.answer or trigger.title in answer.answer
    closing = " ".join(phrasebook().templates.use_case_closing.split())
    assert answer.answer.rstrip().endswith(closing)
    assert "shirube interview" in answer.answer
    # One to three first actions, each cited only by instruments the answer states.
    assert "1. **" in answer.answer and "4. **" not in answer.answer


def test_reading_names_what_it_read(answers: dict) -> None:
    answer = answers["our hiring AI ranks candidates, what rules apply?"]
    assert "From your question I read: employment sector, decisions about people" in answer.answer


def test_a_missing_answer_that_would_engage_a_layer_is_named(answers: dict) -> None:
    text = answers["we want staff to paste customer records into ChatGPT"].answer
    title = load_rule_base().triggers["appi_use_beyond_output"].title
    asked = next(q.text for q in load_questions() if q.id == "personal_data_beyond_output")
    assert f"Also check: {asked} If yes" in text
    assert f"**{title}** applies too" in text


def test_sensitive_data_outranks_personal_data() -> None:
    reading = read_use_case("Can we put customer data and patient records into ChatGPT?")
    assert reading.profile.personal_data == "sensitive"


def test_selling_to_government_is_a_supplier_not_a_buyer() -> None:
    profile = read_use_case("We are selling an AI tool to a municipality. What applies?").profile
    assert profile.government_procurement == "supplier"
    assert profile.organisation == "company"


@pytest.mark.parametrize(
    "question",
    [
        "When was the AI Act promulgated?",
        "we r a US company, do japanese ai rules apply to us",  # context alone: the FAQ card
        "Does the AI Act cover hiring tools?",  # a hint word, but asks about the Act
        "Do we need a CAIO?",
    ],
)
def test_other_questions_keep_the_topic_card_answer(question: str, settings: Settings) -> None:
    assert not read_use_case(question).is_use_case
    answer = ask(question, settings=settings, offline=True)
    assert answer.tools_called == []
    assert not answer.answer.startswith("From your question I read")
    assert answer.citations


def test_promulgation_answer_is_unchanged(settings: Settings) -> None:
    answer = ask("When was the AI Act promulgated?", settings=settings, offline=True)
    assert "2025" in answer.answer
    assert answer.citations[0].id == "ai_promotion_act"


def _hint_copy(tmp_path: Path, edit: dict) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "use_case_hints.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["hints"][0] = {**raw["hints"][0], **edit}
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("edit", "field", "words"),
    [
        ({"sets": {"sector": ["employment"]}}, "sets.sector", "Extra inputs are not permitted"),
        ({"sets": {"sectors": ["farming"]}}, "sets", "sectors"),
        ({"sets": {"personal_data": "secret"}}, "sets", "personal_data"),
        ({"pattern": "(unclosed"}, "pattern", "not a valid regular expression"),
        ({"colour": "red"}, "colour", "Extra inputs are not permitted"),
    ],
)
def test_a_bad_hint_fails_kb_check(tmp_path: Path, edit: dict, field: str, words: str) -> None:
    problems = check_use_case_hints(read_files(_hint_copy(tmp_path, edit)))
    assert problems, "the bad hint was accepted"
    assert problems[0].entry == "employment"
    assert problems[0].field.startswith(field), problems
    assert any(words in str(p) for p in problems)


def test_the_shipped_hints_pass_kb_check() -> None:
    assert check_use_case_hints(read_files(DATA_DIR)) == []


@pytest.mark.parametrize(
    "question",
    [
        "Can a city use AI to decide who gets welfare benefits?",
        "Can we use AI to process housing benefit claims?",
    ],
)
def test_public_benefits_read_as_public_services_deciding_about_people(
    question: str, settings: Settings
) -> None:
    from tools.triggers import lookup_triggers

    reading = read_use_case(question)
    assert reading.is_use_case
    assert "public_services" in [h.id for h in reading.hints]
    assert reading.profile.sectors == ["public_services"]
    assert reading.profile.decisions_about_people is True
    fired = {t.id for t in lookup_triggers(reading.profile)}
    assert {"sector_public_services", "decisions_about_people"} <= fired
    answer = ask(question, settings=settings, offline=True)
    assert "The law of the public service (not covered by Shirube)" in answer.answer
    assert "AI outputs that feed decisions about individuals" in answer.answer


def test_training_our_own_model_is_not_read_as_an_advanced_model() -> None:
    reading = read_use_case("We want to train our own model on files our SaaS customers upload.")
    assert "builds an advanced model" not in reading.reads


def test_also_check_asks_only_the_interviews_follow_ups() -> None:
    from agent.answer.use_case import one_answer_away
    from core.profile import UseCaseProfile

    profile = UseCaseProfile(uses_in_operations=True, personal_data="personal", sectors=["health"])
    asked = [q for q, _ in one_answer_away(profile, {"personal_data", "sectors"}, set())]
    assert any("more than producing the answer" in q for q in asked), asked
    assert not any("copyrighted" in q for q in asked), asked


def test_first_actions_are_the_plans_start_here(answers: dict) -> None:
    from tools.assess import assess

    question = "our hiring AI ranks candidates, what rules apply?"
    reading = read_use_case(question)
    top = [s.title for s in assess(reading.profile).start_here][:3]
    text = answers[question].answer.split("\n\n")
    listed = next(line for line in text if line.startswith("1. "))
    assert listed.startswith(f"1. **{top[0]}**"), (listed, top)
