"""Entity + facet lookups (issue 15): a document named with its issuer, content facets, the
event a date question names, an article number, a statute's number."""

from __future__ import annotations

import pytest

from evals.answer_checks import first_sentence


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("What is the APPI's law number?", "act no. 57 of 2003"),
        ("個人情報保護法の法令番号は？", "平成15年法律第57号"),
    ],
)
def test_a_statute_number_is_answered_from_its_identifier_fact(offline, question, number) -> None:  # type: ignore[no-untyped-def]
    answer = offline(question)
    assert number in first_sentence(answer.answer), answer.answer
    assert {c.id for c in answer.citations} == {"appi"}


def test_a_body_named_beside_a_document_it_issued_is_its_qualifier() -> None:
    from agent.answer.issuers import document_first, qualifiers
    from agent.answer.reader import default_reader

    reader = default_reader()
    assert qualifiers(["aisi", "aisi_red_teaming_guide"], reader) == {"aisi"}
    assert document_first(["ppc", "ppc_genai_alert"], reader) == ["ppc_genai_alert"]
    # A body named beside what it did not issue stays a subject.
    assert document_first(["ppc", "aigfb"], reader) == ["ppc", "aigfb"]
    assert document_first(["aisi"], reader) == ["aisi"]


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("When did AISI first publish its red-teaming guide?", "25 september 2024"),
        ("when was version 1.00 of AISI's evaluation guide published", "18 september 2024"),
        ("AISIのレッドチーミング手法ガイドはいつ公表されましたか", "2024年9月25日"),
    ],
)
def test_a_document_named_with_its_issuer_is_dated_not_the_issuer(offline, question, date) -> None:  # type: ignore[no-untyped-def]
    assert date in first_sentence(offline(question).answer)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("What are the four operating ideas behind the Article 13 guideline?", "risk-based"),
        ("What basic approach does the Article 13 guideline take to managing AI?", "risk-based"),
        ("AI適正性確保指針の基本的な考え方を教えてください", "リスクベース"),
        ("What principles does the AI Basic Plan rest on?", "three principles"),
    ],
)
def test_a_question_on_a_text_principles_leads_with_the_fact_listing_them(  # type: ignore[no-untyped-def]
    offline, question, lead
) -> None:
    assert lead in first_sentence(offline(question).answer)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("How does Article 2 of the AI Promotion Act define AI-related technology?", "cognition"),
        ("AI推進法の第2条では「人工知能関連技術」ってどう定義されてるの？", "認知"),
    ],
)
def test_how_a_term_is_defined_leads_with_the_definition(offline, question, lead) -> None:  # type: ignore[no-untyped-def]
    assert lead in first_sentence(offline(question).answer)


def test_a_definition_question_asking_coverage_still_asks_the_scope() -> None:
    from agent.answer.understand import understand
    from knowledge.schema import Facet

    query = understand("Does the AI Act's definition of AI cover generative AI?")
    assert query.parts[0].facet == Facet.scope
    query = understand("What are the four operating ideas behind the Article 13 guideline?")
    assert query.parts[0].facet == Facet.what  # 'behind' alone asks no who


def test_an_article_number_without_its_dai_names_the_article() -> None:
    from agent.answer.linker import normalise
    from agent.answer.reader import default_reader

    assert normalise("AI推進法16条って") == "ai推進法第16条って"
    assert normalise("第16条") == "第16条" and normalise("著作権法30条の4") == "著作権法第30条の4"
    linker = default_reader().linker
    assert "act_art16" in linker.link("AI推進法16条って、国は何ができるんですか？")
    assert "act_art18" in linker.link("AI推進法18条には何が書いてある？")


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("AI推進法16条って、国は何ができるんですか？事業者への指道とか？", "指導"),
        ("AI推進法18条には何が書いてある？", "基本計画"),
    ],
)
def test_an_article_asked_of_leads_with_its_facts(offline, question, lead) -> None:  # type: ignore[no-untyped-def]
    assert lead in first_sentence(offline(question).answer)


def test_a_document_asked_of_a_role_answers_from_its_own_facts(offline) -> None:  # type: ignore[no-untyped-def]
    # Not the AI Guidelines for Business on developers: the code named is what is asked about.
    answer = offline("What does the Cabinet Office's IP principle code ask of AI developers?")
    assert "principle code" in first_sentence(answer.answer), answer.answer
    assert "aigfb" not in {c.id for c in answer.citations}


def test_a_body_with_a_kind_of_document_it_issued_one_of_stands_for_it() -> None:
    from agent.answer.issuers import document_first, issued_named
    from agent.answer.reader import default_reader

    reader = default_reader()
    assert issued_named("ppc", "What does the PPC's alert mean for us?", reader) == (
        "ppc_genai_alert"
    )
    assert document_first(["ppc", "chatbot"], reader, "the PPC's alert on chatbots") == [
        "ppc_genai_alert",
        "chatbot",
    ]
    # AISI issued two guides: 'AISI's guide' names neither.
    assert issued_named("aisi", "When did AISI publish its guide?", reader) is None
    assert document_first(["ppc"], reader, "What is the PPC?") == ["ppc"]


def test_a_body_named_with_its_own_document_is_not_read_as_all_it_issued(offline) -> None:  # type: ignore[no-untyped-def]
    from agent.answer.reader import default_reader

    reader = default_reader()
    assert reader.instruments_for(["aca", "aca_ai_copyright"]) == ["aca_ai_copyright"]
    text = offline("文化庁の「AIと著作権に関する考え方」はいつ公表された？").answer
    assert "2024年3月15日" in first_sentence(text), text


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("What are the basic principles of the AI Promotion Act?", "five basic ideas"),
        ("AI推進法の基本理念は何ですか", "五つを基本理念"),
    ],
)
def test_the_act_basic_ideas_are_listed_first(offline, question, lead) -> None:  # type: ignore[no-untyped-def]
    assert lead in first_sentence(offline(question).answer)


def test_an_article_named_beside_another_statute_is_not_the_ai_act_article() -> None:
    from agent.answer.reader import article_owners, default_reader

    reader = default_reader()
    assert article_owners(reader.rule_base)["act_art16"] == "ai_promotion_act"
    linker = reader.linker
    assert "act_art16" not in linker.link("What does Article 16 of the APPI require?")
    assert "act_art16" not in linker.link("個人情報保護法16条の内容は？")
    assert "act_art16" in linker.link("What does Art. 16 of the AI Act say?")
    assert "act_art16" in linker.link("What does Article 16 require?")  # no statute named
    # A plan is no statute: the article stays ('Article 18 on the AI Basic Plan').
    assert "act_art18" in linker.link("What does Article 18 say about the AI Basic Plan?")


@pytest.mark.parametrize(
    ("question", "members"),
    [
        ("Which roles do the AI Guidelines for Business define?", ["developer", "business user"]),
        ("AI事業者ガイドラインにはどんな役割がありますか", ["開発者", "利用者"]),
    ],
)
def test_a_class_asked_for_is_answered_by_the_fact_naming_its_members(  # type: ignore[no-untyped-def]
    offline, question, members
) -> None:
    # 'which roles' asks for the roles themselves: the fact listing several of them leads, not a
    # fact that only shares a word with the question ('define' → 'definitions').
    lead = first_sentence(offline(question).answer)
    assert all(m in lead for m in members), lead


def test_a_body_joined_to_a_document_by_and_is_a_subject_of_its_own() -> None:
    # 'the AI Basic Plan and the AI Strategic Headquarters' names two things asked about; only a
    # body qualifying a document ('AISI's guide', 'the HQ's plan') stands aside for it.
    from agent.answer.issuers import qualifiers
    from agent.answer.reader import default_reader

    reader = default_reader()
    both = ["ai_basic_plan", "ai_strategic_hq"]
    joined = "When did the chapters on the AI Basic Plan and the AI Strategic Headquarters apply?"
    assert qualifiers(both, reader, joined) == set()
    assert qualifiers(both, reader, "AI基本計画と人工知能戦略本部の章はいつ施行？") == set()
    assert qualifiers(
        both, reader, "When did the AI Strategic Headquarters adopt the AI Basic Plan?"
    ) == {"ai_strategic_hq"}


def test_a_class_is_asked_for_only_with_an_asking_word() -> None:
    from agent.answer.phrasebook import phrasebook
    from knowledge.schema import EntityKind

    assert phrasebook().kinds_asked("Which roles do the guidelines define?") == {EntityKind.role}
    assert phrasebook().kinds_asked("どんな役割がありますか") == {EntityKind.role}
    assert phrasebook().kinds_asked("what about for government agencies?") == set()
