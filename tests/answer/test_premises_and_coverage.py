"""False premises stated as given or presupposed by a sanction, laws the rule base does not cover,
and the facts on who administers the AI Promotion Act, copyright in AI output and APPI breach
reports (issue 15)."""

from __future__ import annotations

import re

import pytest

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
