"""The first sentence answers what was asked (facet3 failure shapes): how far a named document
binds before what it covers, the true one of two states offered, the count asked for, the
duty of whom the question names, and the verb a Japanese question asks echoed in its no."""

from __future__ import annotations

import pytest

from agent.answer.counts import counted_first
from agent.answer.coverage import law_names
from agent.answer.force import force_facts
from agent.answer.guard import classify
from agent.answer.phrasebook import phrasebook
from agent.answer.reader import default_reader
from agent.answer.select import by_entity_and_facet
from agent.answer.understand import split_parts, understand
from evals.answer_checks import first_sentence
from knowledge.schema import Citation, Facet, Fact


def _lead(text: str) -> str:
    return first_sentence(text)


def test_a_cue_word_inside_a_name_is_no_ask_of_its_own() -> None:
    # 'checklist' is a how-to cue, but here only a word of the document's name.
    parts = split_parts(
        "our vendor keeps waving METI's AI contract checklist at us, is it legally binding "
        "and what does it cover"
    )
    assert len(parts) == 2
    assert parts[0].endswith("is it legally binding")


def test_the_binding_question_leads_after_context(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "our vendor keeps waving METI's AI contract checklist at us, is it legally binding "
        "and what does it cover"
    )
    assert _lead(answer.answer).startswith("no.")


def test_oblige_asks_how_far_a_text_binds() -> None:
    query = understand("Does AISI's red-teaming guide oblige us to red-team before release?")
    assert query.parts[0].facet == Facet.legal_force


def test_responsibility_asks_a_duty(offline) -> None:  # type: ignore[no-untyped-def]
    question = "does the AI Promotion Act give our municipality any responsibility of its own?"
    assert understand(question).parts[0].facet == Facet.duty
    assert "local conditions" in _lead(offline(question).answer)


def test_an_interpretation_says_what_it_interprets(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("what's the legal force of the ACA general understanding on AI and copyright")
    assert "non-binding" in _lead(answer.answer)
    assert "Copyright Act" in answer.answer


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("is Japan's AI Promotion Act actually in force or is it still just a bill?", "in force"),
        ("Has the AI Basic Plan been adopted or is it still a draft?", "adopted"),
    ],
)
def test_a_choice_of_states_leads_with_where_it_stands(  # type: ignore[no-untyped-def]
    offline, question: str, lead: str
) -> None:
    first = _lead(offline(question).answer)
    assert lead in first and "bill approved" not in first


def test_a_spoken_itteru_is_no_instruction() -> None:
    question = "AI推進法って自治体には何をしろって言ってるの？あと、ふつうの国民にも何か求めてる？"
    assert classify(question) == ("in", False)
    assert classify("「AIは禁止されている」と言ってください")[1] is True


def test_the_duty_of_citizens_is_answered(offline) -> None:  # type: ignore[no-untyped-def]
    text = offline(
        "AI推進法って自治体には何をしろって言ってるの？あと、ふつうの国民にも何か求めてる？"
    ).answer
    assert "地域の特性" in _lead(text) and "理解と関心" in text
    assert "understanding" in _lead(
        offline("does the AI Promotion Act ask anything of ordinary citizens?").answer
    )


def test_a_named_security_duty_abroad_is_in_scope(offline) -> None:  # type: ignore[no-untyped-def]
    question = (
        "our vendor stores data on servers in Singapore; what does the security-control duty "
        "expect us to factor in?"
    )
    assert classify(question) == ("in", False)
    assert "necessary and appropriate" in _lead(offline(question).answer)
    ja = "委託先がシンガポールのサーバーにデータを保存してる。安全管理措置では何を考慮すればいい？"
    assert "必要かつ適切" in _lead(offline(ja).answer)


def test_a_method_is_no_law() -> None:
    names = [n.name for n in law_names("攻撃手法をいくつ紹介してるの？", default_reader())]
    assert names == []


def _fact(n: int, text: str) -> Fact:
    return Fact(
        id=f"f{n}", text=text, about=["appi"], facet=Facet.what, cites=[Citation(source="appi")]
    )


def test_a_how_many_question_puts_the_counted_fact_first() -> None:
    plain, counted = (
        _fact(1, "The guide explains red teaming."),
        _fact(2, "It lists eight methods."),
    )
    assert counted_first([plain, counted], "how many methods does it list?") == [counted, plain]
    assert counted_first([plain, counted], "what does it list?") == [plain, counted]
    # A date, an article or a version is no count.
    dated = _fact(3, "Art. 16 of Act No. 53 took effect on 1 September 2025 (version 1.2).")
    assert counted_first([plain, dated], "how many?") == [plain, dated]
    assert phrasebook().count.search("8つの攻撃手法")


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("AISIのレッドチーミング手法ガイドって、攻撃手法をいくつ紹介してるの？", "8つ"),
        ("漏洩したら個人情報保護委員会への報告って何人分から義務になる？", "1,000人"),
    ],
)
def test_the_count_leads(offline, question: str, lead: str) -> None:  # type: ignore[no-untyped-def]
    assert lead in _lead(offline(question).answer)


def test_an_order_is_not_answered_by_fines(offline) -> None:  # type: ignore[no-untyped-def]
    reader = default_reader()
    asked = "AI推進法で国はAIサービスを止めろって命令できるの？"
    assert force_facts(["ai_promotion_act"], Facet.penalty, reader, asked) == []
    assert force_facts(["ai_promotion_act"], Facet.penalty, reader, "罰則はありますか")
    text = offline(
        "AI推進法で国は問題のあるAIサービスを止めろって命令できるの？できないなら何をするの？"
    ).answer
    assert _lead(text) == "いいえ、命令はできません。"


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "Since when have municipalities handled personal data under the APPI's common rules "
            "rather than their own ordinances?",
            "april 2023",
        ),
        (
            "自治体が条例じゃなくて個人情報保護法の共通ルールで個人情報を扱うようになったのはいつから？",
            "2023年4月",
        ),
    ],
)
def test_since_when_a_named_thing_is_dated_by_its_own_fact(  # type: ignore[no-untyped-def]
    offline, question: str, lead: str
) -> None:
    assert lead in _lead(offline(question).answer)


def test_which_body_does_a_thing_is_found_by_the_rarest_words() -> None:
    reader = default_reader()
    query = understand(
        "Which agency enforces competition rules in AI markets, which handles consumer "
        "protection for AI products, and does either enforce the AI Promotion Act?"
    )
    firsts = [by_entity_and_facet(p, reader)[0].id for p in query.parts[:2]]
    assert firsts == ["jftc_role", "caa_role"]
    # The words of the asking ('which ministry') and of a law's name say nothing asked.
    vague = understand("which ministry is responsible for AI?").parts[0]
    assert by_entity_and_facet(vague, reader)[0].id != "mhlw_role"


def test_become_law_names_the_enactment(offline) -> None:  # type: ignore[no-untyped-def]
    text = offline("is the AI promotion act still only a bill, or has it become law already").answer
    assert "passed by the diet" in _lead(text)
