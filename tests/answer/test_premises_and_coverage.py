"""False premises stated as given or presupposed by a sanction, laws the rule base does not cover,
and the facts on who administers the AI Promotion Act, copyright in AI output and APPI breach
reports (issue 15)."""

from __future__ import annotations

import re

import pytest

from agent.answer.understand import understand
from agent.qa import ask


def _lead(text: str) -> str:
    return re.split(r"(?<=[.!?。])\s*", text.strip(), maxsplit=1)[0]


@pytest.fixture(scope="module")
def offline(session_home: object):  # type: ignore[no-untyped-def]
    def run(question: str):  # type: ignore[no-untyped-def]
        return ask(question, offline=True)

    return run


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
