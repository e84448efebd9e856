"""Follow-ups read by structure: a turn with no subject of its own that points back or is a
fragment carries the earlier use case or subject; a self-contained question carries nothing."""

from __future__ import annotations

from agent.answer.guard import guard
from agent.answer.phrasebook import phrasebook
from agent.answer.reader import default_reader
from agent.answer.understand import understand
from knowledge.schema import Facet

BANK = "Can our bank use AI for credit scoring?"
CLINIC = (
    "Our clinic wants a chatbot that triages patients using their medical records. "
    "What do we need to check in Japan?"
)
BANK_JA = "当行ではAIで与信審査をしたいのですが、どんな規制がありますか？"
SHOP = "We run an online shop and want ChatGPT to answer customer emails. What rules apply?"


def _read(question: str, *history: str):  # type: ignore[no-untyped-def]
    return understand(question, default_reader(), history=list(history))


def test_a_new_sector_asks_the_earlier_use_case_again_for_it() -> None:
    query = _read("and for a hospital?", BANK)
    assert query.route == "use_case"
    assert query.use_case is not None
    profile = query.use_case.profile
    assert profile["sectors"] == ["health"]  # the bank's sector is replaced, not added to
    assert profile["decisions_about_people"] is True  # the use itself stays
    assert "finance sector" not in query.use_case.reads


def test_a_new_actor_keeps_the_rest_of_the_use() -> None:
    query = _read("what about if we are a city?", CLINIC)
    assert query.use_case is not None
    profile = query.use_case.profile
    assert profile["organisation"] == "local_government"
    assert profile["personal_data"] == "sensitive"  # the medical records are still there
    assert "sectors" not in profile


def test_a_japanese_fragment_carries_the_use_case_too() -> None:
    query = _read("病院の場合は？", BANK_JA)
    assert query.use_case is not None
    assert query.use_case.profile["sectors"] == ["health"]
    assert query.lang == "ja"


def test_a_chain_of_follow_ups_keeps_the_first_use_case() -> None:
    query = _read("and for a school?", BANK, "and for a hospital?")
    assert query.use_case is not None
    assert query.use_case.profile["sectors"] == ["education"]
    assert query.use_case.profile["decisions_about_people"] is True


def test_asking_something_of_that_use_case_asks_its_binding_law() -> None:
    (part,) = _read("who enforces that?", SHOP).parts
    assert part.entities == ["appi"]
    assert part.facet == Facet.who
    assert _read("who enforces that?", SHOP).use_case is None


def test_a_self_contained_question_after_a_use_case_carries_nothing() -> None:
    query = _read("When was the AI Promotion Act promulgated?", BANK)
    assert query.use_case is None
    assert query.parts[0].entities == ["ai_promotion_act"]
    own = _read("Our school wants to grade essays with AI. What applies to us?", BANK)
    assert own.use_case is not None
    assert own.use_case.profile["sectors"] == ["education"]


def test_a_fragment_with_a_facet_inherits_the_earlier_subject() -> None:
    (part,) = _read("罰則は？", "AI事業者ガイドラインについて教えて").parts
    assert part.entities[0] == "aigfb"
    assert part.facet == Facet.penalty


def test_a_fragment_after_an_answer_is_in_scope() -> None:
    history = [(BANK_JA, "…")]
    assert guard({"question": "病院の場合は？", "history": history})["scope"] == "in"
    assert guard({"question": "病院の場合は？", "history": []})["scope"] == "out"


def test_the_question_word_asks_whatever_comes_before_it() -> None:
    book = phrasebook()
    assert book.facet_match("and in Japanese law, who enforces it?")[0] == Facet.who
    assert book.facet_match("ok and in japanese law who enforces that")[0] == Facet.who
    assert book.facet_match("What are the penalties for breaching the APPI?")[0] == Facet.penalty


def test_a_fragment_that_only_changes_the_use_case_asks_nothing_else() -> None:
    # No lookup beside the use case: the APPI the bank's answer detailed is not asked again.
    (part,) = _read("what about if we are a city?", BANK, "and for a hospital?").parts
    assert part.entities == []


def test_a_follow_up_inherits_what_was_asked_of_not_the_topic_beside_it() -> None:
    (part,) = _read("じゃあ監督しているのは？", "個人情報保護法は生成AIにも関係ありますか").parts
    assert part.entities == ["appi"]
    (part,) = _read("who supervises it?", "Does the APPI apply to generative AI?").parts
    assert part.entities == ["appi"]


def test_the_x_one_names_another_instrument_of_the_same_kind() -> None:
    (part,) = _read("and the article 13 one?", "Who issued the AI Guidelines for Business?").parts
    assert part.entities == ["art13_guideline"]
    assert part.facet == Facet.who  # the earlier question asked again
    (part,) = _read(
        "is there one for hospitals?", "Are the AI Guidelines for Business binding?"
    ).parts
    assert "art13_guideline" not in part.entities


HIRING = "Our HR team wants to use AI to screen CVs of job applicants. Is that ok in Japan?"
RECORDS = "Our clinic wants to use ChatGPT to summarise patients' medical records. What applies?"


def test_a_question_pointing_back_at_a_use_asks_it_of_that_use_not_a_new_one() -> None:
    # 'the candidates', 'the patients' name people, not a new use: the turn asks of the use.
    query = _read("do we have to tell the candidates about it?", HIRING)
    assert query.use_case is None and query.route == "lookup"
    assert "transparency" in query.parts[0].entities
    query = _read("do we need the patients consent for that?", RECORDS)
    assert query.use_case is None and query.route == "lookup"
    # it stays on the use's data: the medical records are special care-required information
    assert {"appi", "sensitive_personal_data"} <= set(query.parts[0].entities)


def test_a_use_of_its_own_after_a_use_case_is_a_new_use_case() -> None:
    query = _read("and what if we use it to rank the patients for surgery?", RECORDS)
    assert query.route == "use_case"


def test_a_fragment_naming_another_law_asks_the_earlier_question_of_it() -> None:
    (part,) = _read("and the copyright act?", "Who enforces the APPI?").parts
    assert part.entities == ["copyright_act"] and part.facet == Facet.who
    assert "enforces" in part.text  # the facts ranked for who enforces, not who enacted it
    (part,) = _read(
        "what about the AI Basic Plan?", "When was the AI Promotion Act promulgated?"
    ).parts
    assert part.entities == ["ai_basic_plan"] and part.facet == Facet.when


def test_words_opening_a_turn_that_ask_nothing_are_read_past() -> None:
    (part,) = _read(
        "ok different question, who enforces the APPI?", "What does the AI Act require?"
    ).parts
    assert part.entities[0] == "appi" and part.facet == Facet.who  # not how it is 'different'
    query = _read("ok and when did it come into force", "Who drafted Japan's AI Promotion Act?")
    assert query.parts[0].entities[0] == "ai_promotion_act"
    assert query.parts[0].facet == Facet.when


def test_a_fragment_naming_another_technology_asks_the_earlier_question_of_it() -> None:
    earlier = "Does Japan's AI Act ban facial recognition?"
    (part,) = _read("what about emotion recognition?", earlier).parts
    assert set(part.entities) == {"ai_promotion_act", "emotion_recognition"}
    assert part.yes_no and part.premises == ["ban"]  # 'does … ban emotion recognition?'


HOSPITAL = "We're a hospital and want to use AI to triage patients. What applies?"


def test_a_question_of_the_asker_after_a_use_case_asks_it_of_that_use() -> None:
    from agent.answer.guard import guard

    parts = _read("who supervises us?", HOSPITAL).parts
    # Of each binding law the use-case answer detailed (the device law's, the privacy law's).
    assert all("health" in p.entities and p.route == "lookup" for p in parts)  # the use's field
    assert {"pmd_act", "appi"} <= {e for p in parts for e in p.entities}
    state = {"question": "who supervises us?", "history": [(HOSPITAL, "…")]}
    assert guard(state)["scope"] == "in"  # type: ignore[arg-type]
    dinner = {"question": "what should we cook for dinner?", "history": [(HOSPITAL, "…")]}
    assert guard(dinner)["scope"] == "out"  # type: ignore[arg-type]


def test_a_facet_in_the_rule_base_own_words_refers_back_a_bare_question_word_does_not() -> None:
    from agent.answer.follow_up import refers_back

    assert refers_back("whats the latest version")
    assert refers_back("any penalties?")
    assert not refers_back("when is lunch?")
    assert not refers_back("what should we cook for dinner?")


def test_the_bodys_one_names_the_document_of_that_kind_it_issued() -> None:
    """'and the Digital Agency's one?' after a question on a guideline asks it again of the
    guideline the Digital Agency issued, not of the agency itself."""
    part = _read(
        "and the Digital Agency's one?", "Are the AI Guidelines for Business binding?"
    ).parts[0]
    assert part.entities == ["da_genai_guideline"]
    assert part.facet == Facet.legal_force and part.route == "lookup"


def test_when_an_article_took_effect_is_dated_by_its_act(offline) -> None:  # type: ignore[no-untyped-def]
    """'and when did that take effect?' after a question on Article 13: the article has no
    dates of its own, so the first sentence gives the Act's, not what Article 13 says."""
    history = [("What does Article 13 require?", "")]
    answer = offline("and when did that take effect?", history=history).answer
    assert "4 June 2025" in answer.split("\n\n")[0]


def test_penalties_after_a_use_case_ask_the_ai_law_first_then_each_binding_law() -> None:
    # 'What fines if we get this wrong?' is asked of the regime over the use, not the APPI alone.
    parts = _read("what fines could we face if we get this wrong?", BANK).parts
    assert [p.entities[0] for p in parts] == ["ai_promotion_act", "appi"]
    assert all(p.facet == Facet.penalty for p in parts)
    assert not parts[0].yes_no  # the AI law's 'no' is not the answer for the APPI after it
    ja = _read("失敗したら罰則はありますか？", BANK_JA).parts
    assert ja[0].entities == ["ai_promotion_act"]
    assert "appi" in {e for p in ja[1:] for e in p.entities}


def test_penalties_of_a_named_statute_after_a_use_case_stay_on_it() -> None:
    (part,) = _read("what fines under the APPI?", BANK).parts
    assert part.entities == ["appi"]
    (ja,) = _read("個人情報保護法の罰則は？", BANK_JA).parts
    assert ja.entities == ["appi"]


def test_the_ai_laws_penalties_asked_through_a_use_case_lead_with_its_own_fact() -> None:
    # Not 'Legal force of the AI Promotion Act: …': the user asked of fines, not of a law named.
    from agent.answer.select import by_entity_and_facet

    reader = default_reader()
    regime = _read("and what penalties if we get it wrong?", BANK).parts[0]
    assert regime.of_regime
    lead = by_entity_and_facet(regime, reader)[0]
    assert not lead.id.startswith("force_")
    assert lead.facet == Facet.penalty and "ai_promotion_act" in lead.about
