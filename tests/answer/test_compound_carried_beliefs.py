"""Compound questions whose later part points back: a belief is read of what the part before
named only where the later part itself takes a thing as there ('how much are the fines under
it?'), never carried over from the part before nor read into a part that only asks ('what's the
penalty?')."""

from __future__ import annotations

from agent.answer.reader import default_reader
from agent.answer.understand import understand


def _premises(question: str) -> list[list[str]]:
    return [part.premises for part in understand(question, default_reader()).parts]


def test_how_much_of_a_thing_under_it_believes_the_thing() -> None:
    premises = _premises(
        "When did the AI Promotion Act take effect, and how much are the fines under it?"
    )
    assert premises == [[], ["ai_fines"]]
    assert _premises("who runs the AI Promotion Act; what fines does it hand out?")[1] == [
        "ai_fines"
    ]
    assert _premises("AI推進法っていつ施行？あと、それに違反したら罰金はいくら？")[1] == [
        "ai_fines"
    ]


def test_a_part_that_only_asks_believes_nothing() -> None:
    assert _premises("When did the AI Promotion Act take effect, and what's the penalty?") == [
        [],
        [],
    ]
    assert _premises("AI推進法はいつ施行されたの？あと罰則は？") == [[], []]


def test_the_belief_of_the_part_before_stays_there() -> None:
    premises = _premises("Does the AI Promotion Act ban deepfakes, and when did it take effect?")
    assert premises == [["ban"], []]


def test_a_corrected_later_part_leads_the_answer(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "Is the AI Promotion Act in force yet? also how big are the fines under it"
    ).answer
    assert answer.startswith("No.")
    answer = offline("When did the AI Promotion Act take effect, and what's the penalty?").answer
    assert not answer.startswith("No.")


def test_which_of_them_is_asked_of_each_document_named_before() -> None:
    question = (
        "Who issued the AI Guidelines for Business and the Digital Agency's generative AI"
        " guideline, and which is binding on ministries?"
    )
    parts = understand(question, default_reader()).parts
    asked = [p.entities[0] for p in parts if p.text.startswith("which")]
    assert asked == ["aigfb", "da_genai_guideline"]
    parts = understand(
        "AI事業者ガイドラインとデジタル庁の生成AIガイドラインは誰が出したの？どちらが府省庁を拘束する？",
        default_reader(),
    ).parts
    assert [p.entities[0] for p in parts if p.text.startswith("どちら")] == [
        "aigfb",
        "da_genai_guideline",
    ]


def test_a_closing_the_x_one_is_asked_again_of_the_document_it_names() -> None:
    parts = understand(
        "Are the AI Guidelines for Business binding, and the Digital Agency's one?",
        default_reader(),
    ).parts
    assert [(p.entities, p.facet.value) for p in parts] == [
        (["aigfb"], "legal_force"),
        (["da_genai_guideline"], "legal_force"),
    ]
    parts = understand(
        "who wrote the AI Guidelines for Business, and the Article 13 one?", default_reader()
    ).parts
    assert [(p.entities, p.facet.value) for p in parts] == [
        (["aigfb"], "who"),
        (["art13_guideline"], "who"),
    ]


def test_no_fact_is_stated_twice_in_a_compound_answer(offline) -> None:  # type: ignore[no-untyped-def]
    for question in (
        "Are the AI Guidelines for Business binding, and the Digital Agency's one?",
        "who wrote the AI Guidelines for Business? and the Digital Agency's one?",
    ):
        facts = offline(question).fact_ids
        assert len(facts) == len(set(facts))


def test_a_short_japanese_piece_naming_another_body_is_a_part_of_its_own() -> None:
    parts = understand(
        "AI事業者ガイドラインに拘束力はある？デジタル庁のは？", default_reader()
    ).parts
    assert [(p.entities, p.facet.value) for p in parts] == [
        (["aigfb"], "legal_force"),
        (["da_genai_guideline"], "legal_force"),
    ]
    parts = understand(
        "AI事業者ガイドラインは誰が出してるの？デジタル庁のはどう？", default_reader()
    ).parts
    assert [p.entities for p in parts] == [["aigfb"], ["da_genai_guideline"]]


def test_whether_a_rule_holds_for_the_use_described_is_answered_first(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "We want to put customer chat logs into an AI to train it — do we need consent, and do"
        " we have to tell the PPC?"
    )
    assert answer.route == "use_case"
    first = answer.answer.split("\n\n")[0]
    assert first.startswith("It depends") and "consent" in first
    assert "These layers" in answer.answer  # the use case's layers still follow


def test_consent_names_no_single_statute() -> None:
    # Consent rules sit in the APPI and the Employment Security Act: naming consent asks of
    # no one law, so a use described beside it is still read as a use case.
    parts = understand("Do I need consent to put customer emails into an LLM?", default_reader())
    assert "consent" in parts.parts[0].entities and parts.use_case is not None


def test_a_belief_only_asked_after_the_rule_asked_of_the_use_comes_after_it(offline) -> None:  # type: ignore[no-untyped-def]
    question = (
        "Our clinic plans to feed patient records into a vendor's chatbot model. do we need"
        " patients' consent? plus do we have to register the system anywhere?"
    )
    parts = understand(question, default_reader()).parts
    assert parts[1].yes_no and not parts[1].presupposed  # 'plus do we…?' only asks
    paragraphs = offline(question).answer.split("\n\n")
    assert paragraphs[0].startswith("It depends") and "consent" in paragraphs[0]
    assert any(p.startswith("No.") and "registration" in p for p in paragraphs[1:])


def test_a_later_part_naming_its_own_instrument_is_not_asked_of_the_earlier_one() -> None:
    reader = default_reader()
    parts = understand("Who enforces the APPI? also is the AI Promotion Act binding?", reader).parts
    assert [p.entities[0] for p in parts] == ["appi", "ai_promotion_act"]
    parts = understand("個人情報保護法の監督機関は？あと、AI推進法に罰則はある？", reader).parts
    assert [p.entities for p in parts] == [["appi"], ["ai_promotion_act"]]
    # Pointing back still asks it of the earlier one.
    parts = understand("What is the APPI, and does the PPC enforce it?", reader).parts
    assert "appi" in parts[1].entities
