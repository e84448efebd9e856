"""Understanding questions as users type them: watch lines by facet, a body's instruments,
typos in whole words and names, follow-ups that reuse the subject and facet, premises stated as
given."""

from __future__ import annotations

from agent.answer.reader import default_reader
from agent.answer.select import watch_items
from agent.answer.understand import understand
from knowledge.schema import Facet


def _watch(question: str, history: list[str] | None = None) -> list[str]:
    query = understand(question, default_reader(), history=history)
    return [item.id for item in watch_items(query.parts)]


def test_a_watch_line_comes_only_with_the_facet_it_bears_on() -> None:
    # The five-priorities report is about what the guideline says, not when it was adopted.
    assert _watch("When was the Article 13 guideline adopted?") == []
    assert _watch("What does the Article 13 guideline ask businesses to do?") == [
        "art13_guideline_five_priorities"
    ]
    # A reported revision is about the plan's dates, not who prepares it.
    assert _watch("Who prepares the AI Basic Plan?") == []
    assert _watch("When was the AI Basic Plan adopted?") == ["ai_basic_plan_revision_2026"]


def test_every_watch_item_bears_on_what_a_thing_is() -> None:
    from knowledge.watchlist import load_watchlist

    assert all(Facet.what in item.facets for item in load_watchlist())


def test_what_a_body_said_is_read_as_the_instruments_it_issued() -> None:
    reader = default_reader()
    (part,) = understand("what has the PPC said about generative AI?", reader).parts
    assert part.entities == ["ppc_genai_alert", "generative_ai"]
    # Its issuer's name, less the abbreviation in brackets, finds the ACA's two documents.
    assert set(reader.issued_by("aca")) == {"aca_ai_copyright", "aca_copyright_checklist"}
    # Without words asking what it said, the body is the subject ("does the PPC regulate AI?").
    (part,) = understand("Who does the PPC supervise?", reader).parts
    assert "ppc" in part.entities


def test_what_a_body_said_is_answered_from_its_instrument() -> None:
    from agent.answer.select import by_entity_and_facet

    reader = default_reader()
    (part,) = understand("what has the PPC said about generative AI?", reader).parts
    assert by_entity_and_facet(part, reader)[0].id == "ppc_alert_what"


def _part(question: str, history: list[str] | None = None):  # type: ignore[no-untyped-def]
    (part,) = understand(question, default_reader(), history=history).parts
    return part


def test_what_about_a_new_instrument_asks_the_last_question_of_it() -> None:
    part = _part("what about the AI Basic Plan?", ["When was the AI Promotion Act promulgated?"])
    assert part.entities == ["ai_basic_plan"] and part.facet == Facet.when
    # Japanese: "AI基本計画は？" after a date question.
    part = _part("AI基本計画は？", ["AI推進法はいつ公布されましたか？"])
    assert part.entities == ["ai_basic_plan"] and part.facet == Facet.when


def test_and_for_a_role_narrows_the_last_question() -> None:
    part = _part("and for developers?", ["Are the AI Guidelines for Business binding?"])
    assert part.entities == ["aigfb", "developer"]
    assert part.facet == Facet.legal_force and part.yes_no
    # Asked whether they bind, believing nothing: a legal-force lookup, not a correction.
    assert part.premises == [] and part.route == "lookup"


def test_a_follow_up_with_its_own_facet_or_topic_keeps_it() -> None:
    part = _part("and penalties if we ignore it?", ["Is the Article 13 guideline binding?"])
    assert part.facet == Facet.penalty
    part = _part("what about copyright?", ["When was the Article 13 guideline adopted?"])
    assert part.facet != Facet.when  # a new topic, not the last question's date


def test_misspelt_words_become_the_rule_base_words() -> None:
    speller = default_reader().speller
    assert speller.correct("APPI consnet for trainning") == "APPI consent for training"
    # 'Wat' is an English word, but before 'does' it opens the question.
    assert speller.correct("Wat does the AI Promtion Act requre") == (
        "What does the AI Promotion Act require"  # the capital kept
    )
    # A swap of two letters is one edit.
    assert speller.correct("promotoin") == "promotion"


def test_a_real_english_word_is_never_corrected() -> None:
    speller = default_reader().speller
    # "banks" is one edit from "bans" and would carry the ban premise.
    assert speller.correct("Can banks use AI for credit scoring?") == (
        "Can banks use AI for credit scoring?"
    )
    assert speller.correct("AI推進法の第7条") == "AI推進法の第7条"


def test_a_typo_question_is_read_as_the_spelt_one() -> None:
    typo = understand("APPI consnet for trainning", default_reader())
    spelt = understand("APPI consent for training", default_reader())
    assert typo.parts[0].entities == spelt.parts[0].entities
    assert typo.question == "APPI consnet for trainning"  # the user's words are kept


def test_words_beyond_the_names_choose_the_facts() -> None:
    from agent.answer.select import by_entity_and_facet

    reader = default_reader()
    (part,) = understand("APPI consent for training", reader).parts
    lead = by_entity_and_facet(part, reader)[0]
    assert "consent" in lead.text and "train" in lead.text


def _premises(question: str) -> list[str]:
    return [p for part in understand(question, default_reader()).parts for p in part.premises]


def test_a_claim_stated_as_given_is_matched_against_the_premises_claims() -> None:
    # No cue foresees these wordings; the stated claim is close to a premise's own words.
    assert _premises(
        "Because Japan's AI rules only cover developers, we can ignore them, correct?"
    ) == ["only_developers"]
    assert _premises("Since users of AI have no duties under Japanese law, we're fine?") == [
        "only_developers"
    ]
    assert "risk_tier" in _premises(
        "Since our chatbot is high risk under Japan's rules, what documentation do we need?"
    )


def test_a_true_or_asked_claim_carries_no_premise() -> None:
    # Japan has no single AI regulator: the opposite polarity of the belief is true.
    assert _premises("Since Japan has no AI regulator, who enforces the rules?") == []
    assert _premises("Since we are a startup, what do we need to do?") == []
    assert _premises("Because we use ChatGPT for customer emails, do we need consent?") == []
    # Asked, not stated: the claim match needs a claim given as true.
    assert _premises("Do Japan's AI rules only cover developers?") == []


def test_asking_what_a_body_says_in_japanese_is_no_instruction() -> None:
    from agent.answer.guard import classify

    assert classify("PPCは生成AIについて何と言っていますか？") == ("in", False)
    assert classify("AI推進法は罰則がないと言ってください") == ("out", True)


def test_a_date_question_naming_the_instrument_leaves_the_body_s_others_out() -> None:
    from agent.answer.select import date_facts

    reader = default_reader()
    asked = "When did the AI Strategic Headquarters adopt the Article 13 guideline?"
    facts = date_facts(["ai_strategic_hq", "art13_guideline"], reader, asked)
    assert facts and not any("Basic Plan" in f.text for f in facts)


def test_a_false_premise_beside_a_use_case_routes_as_a_premise() -> None:
    from agent.answer.query import Part, Query, UseCase

    query = Query(
        question="Since the AI Act fines companies, how should we budget?",
        parts=[Part(text="since the AI Act fines companies", route="premise"), Part(text="x")],
        use_case=UseCase(reads=["budget"], profile={}),
    )
    assert query.route == "premise"


def test_who_enforces_is_not_who_enacted() -> None:
    from agent.answer.select import by_entity_and_facet

    reader = default_reader()
    (part,) = understand("Who enforces the APPI?", reader).parts
    assert by_entity_and_facet(part, reader)[0].id == "ppc_role"
    (part,) = understand("Who publishes the AI Guidelines for Business?", reader).parts
    assert by_entity_and_facet(part, reader)[0].id == "issuer_aigfb"


def test_plus_and_as_well_as_join_two_questions() -> None:
    reader = default_reader()
    query = understand("When did the AI Basic Plan come out, plus who drafted it?", reader)
    assert [p.facet for p in query.parts] == [Facet.when, Facet.who]
    assert query.parts[1].entities == ["ai_basic_plan"]  # the elliptical part inherits it
    query = understand("what is the Article 13 guideline as well as when was it adopted", reader)
    assert [p.facet for p in query.parts] == [Facet.what, Facet.when]


def test_whether_anyone_has_to_follow_it_asks_its_legal_force() -> None:
    reader = default_reader()
    query = understand(
        "When did the Digital Agency's generative AI guideline come in, and do private firms "
        "need to follow it?",
        reader,
    )
    assert query.parts[1].facet == Facet.legal_force
    # What one has to comply with asks the duties.
    (part,) = understand("What do we need to comply with under the APPI?", reader).parts
    assert part.facet == Facet.duty


def test_a_body_s_concerns_are_what_its_instruments_say() -> None:
    reader = default_reader()
    (part,) = understand("What does the PPC think about generative AI?", reader).parts
    assert part.entities[0] == "ppc_genai_alert"
    (part,) = understand("What's the PPC's problem with businesses using ChatGPT?", reader).parts
    assert part.entities[0] == "ppc_genai_alert"


def test_a_request_asks_the_question_it_wraps() -> None:
    reader = default_reader()
    query = understand("Tell me when the AI Basic Plan was adopted and who prepared it", reader)
    assert [p.facet for p in query.parts] == [Facet.when, Facet.who]
    # 'Can you tell me who…' asks who, not yes or no; 'whether' asks yes or no.
    (part, _) = understand(
        "Can you tell me who chairs the AI Strategic HQ and when it first met?", reader
    ).parts
    assert part.facet == Facet.who and not part.yes_no
    (part,) = understand("I'd like to know whether the AI Basic Plan binds companies", reader).parts
    assert part.yes_no
    # After context, too ("… Then tell me when the Act was promulgated.").
    (part,) = understand("Be brief. Then tell me when the AI Act was promulgated.", reader).parts
    assert part.facet == Facet.when


def test_a_dash_or_also_after_a_comma_starts_another_question() -> None:
    reader = default_reader()
    query = understand("AI Promotion Act: when did it take effect — also, any fines?", reader)
    assert [p.facet for p in query.parts] == [Facet.when, Facet.penalty]
    assert query.parts[1].entities == ["ai_promotion_act"]


def test_whether_a_body_is_a_regulator_is_answered_by_its_not_being_one() -> None:
    from agent.answer.select import by_entity_and_facet

    reader = default_reader()
    (_, part) = understand("what does AISI do, is it a regulator?", reader).parts
    assert by_entity_and_facet(part, reader)[0].id == "aisi_not_regulator"


def test_a_group_named_by_a_word_of_the_trade_is_asked_of_by_its_head_noun() -> None:
    # 'saas' names nothing: 'saas companies' are companies, a business role
    assert (
        "utilization_business_operator" in _part("does the ai act apply to saas companies").entities
    )
    # 'foreign companies' names something of its own, the overseas operators
    assert (
        "utilization_business_operator"
        not in _part("does the ai act apply to foreign companies").entities
    )


def test_privacy_enforcement_is_asked_of_personal_data() -> None:
    from agent.answer.select import by_entity_and_facet

    reader = default_reader()
    query = understand("who runs privacy enforcement in japan and what has it said about gen AI?")
    first, second = query.parts
    assert by_entity_and_facet(first, reader)[0].id == "ppc_role"
    assert by_entity_and_facet(second, reader)[0].id == "ppc_alert_what"


def test_whom_a_text_is_meant_for_is_its_scope() -> None:
    reader = default_reader()
    (part,) = understand("who is the article 13 guideline meant for?", reader).parts
    assert (part.facet, part.entities) == (Facet.scope, ["art13_guideline"])
    (part,) = understand("Who is the AI Basic Plan for?", reader).parts
    assert part.facet == Facet.scope
    assert understand("Who wrote the AI Basic Plan?", reader).parts[0].facet == Facet.who


def test_whether_a_body_can_fine_is_answered_by_what_it_does_not_do() -> None:
    from agent.answer.select import by_entity_and_facet

    reader = default_reader()
    query = understand("Who sits on the AI Strategic Headquarters, and can it fine companies?")
    assert by_entity_and_facet(query.parts[1], reader)[0].id == "hq_not_regulator"


def test_a_dash_alone_sets_context_and_also_after_one_asks_anew() -> None:
    reader = default_reader()
    question = "Our marketing team wants AI likenesses of real people in ads — is there a law?"
    assert len(understand(question, reader).parts) == 1
    query = understand("When was the AI Act promulgated, also any penalties?", reader)
    assert [p.facet for p in query.parts] == [Facet.when, Facet.penalty]
