"""Compound questions and follow-ups as users type them (issue 15): a turn that leaves its verb
out asks the last question again of whom it names; a role asked of is not one a guideline's
duty names; a follow-up in Japanese naming private companies is one."""

from __future__ import annotations

from agent.answer.follow_up import elides_verb, refers_back
from agent.answer.reader import default_reader
from agent.answer.understand import read_part, understand, upheld

CAIO_MINISTRIES = "Does the Digital Agency's guideline require ministries to appoint a CAIO?"


def test_a_turn_ending_on_an_auxiliary_leaves_its_verb_out() -> None:
    assert elides_verb("do private companies have to as well?")
    assert elides_verb("and do developers need to?")
    assert not elides_verb("what should we do?")  # a wh-question ends on its own verb
    assert not elides_verb("do private companies have to appoint one?")


def test_too_or_as_well_at_the_end_refers_back() -> None:
    assert refers_back("do private companies have to as well?")
    assert refers_back("じゃあ民間企業は？")  # 民間企業 names private companies, as in English


def test_an_elided_verb_asks_the_last_question_of_whom_it_names() -> None:
    query = understand("do private companies have to as well?", history=[CAIO_MINISTRIES])
    part = query.parts[0]
    assert "caio" in part.entities and "utilization_business_operator" in part.entities
    assert "government_body" not in part.entities
    assert query.route == "premise"


def test_a_guidelines_duty_on_ministries_does_not_uphold_it_of_companies() -> None:
    reader = default_reader()
    part = read_part(
        "Does the Digital Agency's generative AI guideline require private companies to "
        "appoint a CAIO?",
        reader,
    )
    assert part.premises == ["caio_mandatory"]
    assert not upheld("caio_mandatory", part, reader)
    assert part.route == "premise"
    ministries = read_part(
        "Does the Digital Agency's generative AI guideline require ministries to appoint a CAIO?",
        reader,
    )
    assert ministries.route != "premise"  # of ministries it does


def test_private_companies_after_a_ministry_duty_hear_no(offline) -> None:  # type: ignore[no-untyped-def]
    turns = [(CAIO_MINISTRIES, offline(CAIO_MINISTRIES).answer)]
    answer = offline("do private companies have to as well?", history=turns).answer
    assert answer.startswith("No.")
    assert "private company" in answer.split("\n")[0]


def test_whether_a_document_applies_to_a_role_its_scope_omits_is_how_far_it_binds(offline) -> None:  # type: ignore[no-untyped-def]
    earlier = "Who does the Digital Agency's generative AI guideline apply to?"
    turns = [(earlier, offline(earlier).answer)]
    answer = offline("what about private companies?", history=turns).answer
    assert "not private companies" in answer.split("\n")[0]
    assert "prefectures" not in answer  # its scope for someone else answers nothing asked
    ja = offline("デジタル庁のガイドラインは民間企業にも適用されますか").answer
    assert "民間企業ではありません" in ja.split("\n")[0]


def test_a_short_japanese_ask_a_connective_opens_is_a_part_of_its_own() -> None:
    from agent.answer.phrasebook import phrasebook
    from agent.answer.understand import split_parts
    from knowledge.index.japanese import spaced

    parts = split_parts(spaced("初会合はいつ？それと規制機関なの？"))
    assert parts == ["初会合はいつ", "規制機関なの?"]
    assert phrasebook().facet_of(spaced("規制機関なの?")).value == "who"  # as 'a regulator?'


def test_a_follow_up_asking_two_things_answers_both(offline) -> None:  # type: ignore[no-untyped-def]
    earlier = "人工知能戦略本部の本部長は誰ですか"
    turns = [(earlier, offline(earlier).answer)]
    answer = offline("初会合はいつ？それと規制機関なの？", history=turns).answer
    assert answer.startswith("人工知能戦略本部：2025年9月12日")
    assert "規制当局ではありません" in answer


def test_a_part_beside_a_topic_only_part_keeps_its_own_subject() -> None:
    query = understand("日本にAIの登録制度はありますか？あと情報漏えいしたらどこに報告するの？")
    assert [p.entities for p in query.parts] == [["registration"], ["data_breach"]]


def test_who_is_asked_of_a_thing_the_fact_naming_a_body_answers(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "Do we need to register our AI with the government, and who do we report a data leak to?"
    )
    paragraphs = [p for p in answer.answer.split("\n\n") if p.strip()]
    assert paragraphs[0].startswith("No.")
    assert any(p.startswith("Under Article 26 of the APPI") for p in paragraphs)
    assert answer.route == "premise"  # a bare 'our AI' beside a belief and a look-up is no use case
    assert "Cabinet Office" not in answer.answer  # not the regime's list of bodies


def test_a_law_another_part_names_leaves_a_use_case_part_a_use_case() -> None:
    query = understand(
        "Our HR team wants to use AI to screen CVs. What applies, and who supervises the "
        "Employment Security Act?"
    )
    assert query.use_case is not None and query.route == "use_case"
    assert query.parts[1].entities == ["employment_security_act"]


def test_a_fragment_on_a_topic_another_law_holds_is_asked_of_that_law() -> None:
    query = understand(
        "and the penalty for copyright infringement?",
        history=["Does the AI Promotion Act have penalties?"],
    )
    assert "ai_promotion_act" not in query.parts[0].entities
    # A fragment naming nothing is still asked of the earlier subject.
    again = understand("and the penalty?", history=["Are the AI Guidelines for Business binding?"])
    assert again.parts[0].entities == ["aigfb"]


def test_a_bare_when_after_a_question_asks_the_event_that_question_named() -> None:
    from agent.answer.select import by_entity_and_facet

    query = understand(
        "when, and is it binding?", history=["Who adopted the Article 13 guideline?"]
    )
    lead = by_entity_and_facet(query.parts[0], default_reader())[0]
    assert "decided by the AI Strategic Headquarters" in lead.text


def test_a_fragment_for_a_field_narrows_the_last_question_to_it() -> None:
    earlier = "What does the APPI require before we put customer data into a chatbot?"
    part = understand("what about for hospitals?", history=[earlier]).parts[0]
    assert part.entities[:1] == ["appi"] and "health" in part.entities
    assert part.facet.value == "duty"
    # Without 'for', a field named turns to it as a topic of its own.
    assert "appi" not in understand("what about hospitals?", history=[earlier]).parts[0].entities


def test_the_japanese_name_of_what_is_asked_is_no_word_a_fact_must_share() -> None:
    from agent.answer.select import by_entity_and_facet

    part = understand("著作権法30条の4って何を認めてるの？あと侵害したら罰則は？").parts[0]
    facts = by_entity_and_facet(part, default_reader("ja"))
    assert [f.id for f in facts] == ["art30_4_what"]  # not its proviso beside it: not asked


def test_who_supervises_that_after_a_use_case_names_each_binding_laws_body(offline) -> None:  # type: ignore[no-untyped-def]
    earlier = "Our hospital wants to use AI to read X-rays and suggest diagnoses. What applies?"
    turns = [(earlier, offline(earlier).answer)]
    answer = offline("and who supervises that?", history=turns).answer
    assert "Personal Information Protection Commission" in answer  # the privacy statute's
    assert "Ministry of Health, Labour and Welfare" in answer  # the medical-device law's


def test_a_later_part_with_no_facet_of_its_own_asks_the_part_before_again() -> None:
    query = understand("Who enforces the APPI, and what about the copyright act?")
    assert [(p.entities, p.facet.value) for p in query.parts] == [
        (["appi"], "who"),
        (["copyright_act"], "who"),
    ]


def test_a_yes_no_question_beside_a_use_case_is_answered_first_in_its_place(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "Is AI output copyrightable in Japan, and can we train on copyrighted images?"
    ).answer
    assert answer.startswith("Output an AI produces on its own")  # not the use case's layers
    # The use case still answered, its lead answering its own ask ('can we…?'), not the first.
    assert "\n\nYes, within the binding law that applies" in answer


def test_a_negation_inside_a_condition_leaves_the_question_plain(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "what does the AI Act require of companies, and is there a penalty if we don't?"
    ).answer
    paragraphs = [p for p in answer.split("\n\n") if p.strip()]
    assert any(p.startswith("No. ") and "without penalties" in p for p in paragraphs[1:])


def test_a_part_the_use_case_does_not_answer_keeps_its_place_before_it(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("Who enforces the APPI? Also, can our bank use AI for credit scoring?")
    assert answer.route == "use_case"
    assert answer.answer.startswith("The Personal Information Protection Commission (PPC)")
    assert "Yes, within the binding law that applies" in answer.answer


def test_a_japanese_turn_opening_with_a_noun_and_mo_follows_up(offline) -> None:  # type: ignore[no-untyped-def]
    assert refers_back("民間企業も置かないといけないの？")  # も: 'private companies too?'
    earlier = "デジタル庁のガイドラインは各府省にCAIOの設置を求めていますか"
    turns = [(earlier, offline(earlier).answer)]
    answer = offline("民間企業も置かないといけないの？", history=turns)
    assert answer.route != "out_of_scope"
    assert "民間企業ではありません" in answer.answer.split("\n")[0]
