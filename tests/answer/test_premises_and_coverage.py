"""False premises stated as given or presupposed by a sanction, laws the rule base does not cover,
and the facts on who administers the AI Promotion Act, copyright in AI output and APPI breach
reports (issue 15)."""

from __future__ import annotations

import re

import pytest

from agent.answer.understand import understand


def _lead(text: str) -> str:
    return re.split(r"(?<=[.!?。])\s*", text.strip(), maxsplit=1)[0]


def test_who_administers_the_act_is_not_who_enacted_it(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("Which ministry administers the AI Promotion Act?")
    assert "Cabinet Office" in _lead(answer.answer), answer.answer
    assert "Diet" not in _lead(answer.answer)
    ja = offline("AI推進法を所管している省庁はどこですか？")
    assert "内閣府" in _lead(ja.answer), ja.answer


def test_copyright_in_ai_output_turns_on_a_human_s_creative_contribution(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("Can AI-generated images be protected by copyright in Japan?")
    assert "creative contribution" in answer.answer, answer.answer
    assert {c.id for c in answer.citations} <= {"aca_ai_copyright", "copyright_act"}
    assert "創作的寄与" in offline("AIが生成した画像に著作権は認められますか？").answer


def test_a_personal_data_leak_is_reported_under_appi_article_26(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("Under the APPI, do we have to report a personal data leak to the PPC?")
    assert "report it to the PPC" in answer.answer, answer.answer
    assert any("Art. 26" in (c.section or "") for c in answer.citations)
    ja = offline("個人データが漏えいしたら、個人情報保護委員会への報告は必要ですか？")
    assert any("第26条" in (c.section or "") for c in ja.citations), ja.answer


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # A sanction for not doing a thing believes first that one must do it.
        ("What's the penalty for not appointing a Chief AI Officer in Japan?", "caio_mandatory"),
        ("CAIOを置かない場合の罰則は？", "caio_mandatory"),
        ("how big is the fine if our startup doesnt have a CAIO", "caio_mandatory"),
        # A duty stated as given, or a deadline for it.
        (
            "Since Japan requires an AI impact assessment, what format should ours follow?",
            "assessment_mandatory",
        ),
        (
            "AIの影響評価が法律で義務付けられていると聞きましたが、どの様式で提出すればいいですか？",
            "assessment_mandatory",
        ),
        # A body named as given in a wh-question.
        (
            "Which forms does the new AI regulator (AI Agency?) require us to file?",
            "single_regulator",
        ),
    ],
)
def test_a_belief_a_question_takes_for_granted_comes_first(question: str, first: str) -> None:
    assert understand(question).parts[0].premises[:1] == [first]


def test_a_deadline_to_submit_an_assessment_presupposes_a_filing_duty() -> None:
    premises = (
        understand("What's the deadline for submitting our AI impact assessment to the government?")
        .parts[0]
        .premises
    )
    assert {"registration", "assessment_mandatory"} <= set(premises)


@pytest.mark.parametrize(
    "question",
    ["How should we run an AI impact assessment?", "What happens if we do not have a CAIO?"],
)
def test_asking_how_or_what_if_believes_no_duty(question: str) -> None:
    assert understand(question).parts[0].premises == []


def test_guidelines_said_to_be_a_duty_in_japanese_are_a_premise() -> None:
    part = understand("AI事業者ガイドラインは義務なので、守らないと罰金ですよね？").parts[0]
    assert part.premises == ["guidelines_binding"]
    assert part.route == "premise"


@pytest.mark.parametrize(
    ("question", "law"),
    [
        (
            "What does the Act on Specified Commercial Transactions say about AI sales chatbots?",
            "Act on Specified Commercial Transactions",
        ),
        (
            "Does Japan's Unauthorized Computer Access Act cover AI agents?",
            "Unauthorized Computer Access Act",
        ),
        (
            "how does the labor contracts act treat a dismissal an AI recommended",
            "labor contracts act",
        ),
        ("下請法では、AIのアノテーション業務の外注について何が定められていますか？", "下請法"),
    ],
)
def test_a_law_the_registry_does_not_hold_is_named_as_not_covered(question: str, law: str) -> None:
    part = understand(question).parts[0]
    assert part.uncovered == [law]
    assert part.route == "not_covered"


@pytest.mark.parametrize(
    "question",
    [
        "What does Japan's AI Promotion Act require?",
        "AI推進法の罰則は？",
        "is the ai act binding",
        "How does the Copyright Act treat AI training?",
        "どの方法で影響評価をすればいいですか？",
        "does the copy right act allow ai training",  # a slip the linker reads
        "推新法はいつ公布されましたか？",  # a conversion slip one character off
    ],
)
def test_a_law_the_registry_holds_or_a_word_ending_in_ho_is_no_unknown_law(question: str) -> None:
    assert understand(question).parts[0].uncovered == []


def test_a_cue_inside_an_uncovered_law_s_name_is_no_belief(offline) -> None:  # type: ignore[no-untyped-def]
    question = "不正アクセス禁止法は、AIエージェントによる自動ログインをどう扱っていますか？"
    assert understand(question).parts[0].premises == []
    answer = offline(question)
    assert answer.route == "not_covered"
    assert _lead(answer.answer).startswith("不正アクセス禁止法はShirubeのルールベースの対象外")


def test_an_unknown_law_s_answer_names_what_shirube_covers_nearby(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "What does the Subcontract Act require when we outsource AI annotation in Japan?"
    )
    assert answer.answer.startswith("Shirube's rule base does not cover the Subcontract Act")
    assert "counsel" in answer.answer and "nearby" in answer.answer
    assert offline("下請法ではAIの外注について何が定められていますか？").route == "not_covered"


def test_a_statute_s_question_is_not_answered_by_the_ai_act_s_correction(offline) -> None:  # type: ignore[no-untyped-def]
    # The ESA does license job placement; the AI Act's "no licence" must not answer "No." for it.
    answer = offline(
        "Does the Employment Security Act require a licence to run an AI job-matching platform?"
    )
    assert answer.route == "not_covered"
    assert not _lead(answer.answer).startswith("No")
    assert "Employment Security Act's rules on licences" in _lead(answer.answer)
    ja = offline("職業安定法ではAIマッチングサービスに許可が必要ですか？")
    assert _lead(ja.answer).startswith("職業安定法の許認可・承認・適合性評価に関する規定は")


def test_a_statute_asked_about_what_the_rule_base_holds_stays_a_lookup() -> None:
    part = understand("What does the APPI say about training data?").parts[0]
    assert part.beyond == []
    assert part.route == "lookup"


def test_a_one_kanji_law_is_a_law_and_a_one_kanji_method_is_not() -> None:
    assert understand("民法ではAIの誤りについて誰が責任を負いますか？").parts[0].uncovered == [
        "民法"
    ]
    assert understand("どの方法でAIの影響評価をすればいいですか？").parts[0].uncovered == []


def test_the_premiums_and_representations_act_is_not_the_consumer_contract_act(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("景品表示法はAIが書いた広告に適用されますか？")
    assert "景品表示法" in _lead(answer.answer) and "消費者契約法" not in answer.answer


def test_another_country_s_law_beside_a_covered_one_is_said_to_be_not_covered(offline) -> None:  # type: ignore[no-untyped-def]
    question = "How does Korea's personal information law differ from the APPI on AI training?"
    part = understand(question).parts[0]
    assert part.uncovered == ["Korea's personal information law"] and part.route == "lookup"
    answer = offline(question)
    assert "appi" in {c.id for c in answer.citations}  # the law it covers is answered
    assert "does not cover the personal information law of Korea" in answer.answer


def test_a_misspelt_register_in_a_verbs_place_still_states_the_registration_belief() -> None:
    # 'registr' is as near 'registry' as 'register'; where a verb stands ('to … our system') it
    # is the act of registering either way.
    from agent.answer.understand import understand

    query = understand("do we need to registr our ai system with the goverment")
    assert "registration" in query.parts[0].premises


def test_a_correction_of_a_technology_is_followed_only_by_facts_on_it(offline) -> None:  # type: ignore[no-untyped-def]
    # Not by what else the Act does not ban (screening people, which cites the APPI).
    answer = offline("the AI act bans deepfakes, correct?")
    assert answer.route == "premise", answer.route
    assert "screen or score" not in answer.answer, answer.answer
    assert "appi" not in [c.id for c in answer.citations], answer.citations
