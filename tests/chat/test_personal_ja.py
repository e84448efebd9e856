"""Issue 18: personalised chat answers about a linked profile, asked in Japanese, are written in
Japanese (rule-base names, Japanese citations, 、 and 。), and English questions keep English."""

from __future__ import annotations

import re

import pytest

from agent.chat.intents import match_intent
from agent.chat.state import Turn
from agent.chat.thread import ChatThread
from core.profile import UseCaseProfile
from tests.chat.conftest import scenario_profile
from tools.assess import assess

# Each intent in natural Japanese, polite and plain forms, with and without a subject.
ASKED_JA = {
    "caio": [
        "CAIOは必要？",
        "うちはCAIOを置かないといけませんか？",
        "私たちはAI統括責任者を任命する必要がありますか",
        "当社にCAIOの設置は必要でしょうか",
    ],
    "ppc_warning": [
        "個人情報保護委員会の注意喚起はうちに関係しますか？",
        "PPCの注意喚起って私たちに関係ある？",
        "個人情報保護法は当社に関係しますか？",
        "PPCの注意喚起は弊社にも当てはまりますでしょうか",
    ],
    "first_steps": [
        "次に何をすればいい？",
        "まず何をすべき？",
        "まず何から始めればよいですか？",
        "私たちは最初に何をすべきですか",
        "うちの優先事項は？",
        "当社が最初に取り組むべきことは何でしょうか",
        "何から手を付ければいいですか",
    ],
    "rules_apply": [
        "うちの会社はどの役割に当たりますか？",
        "私たちに当てはまる義務は？",
        "当社に適用されるルールは？",
        "当社にはどのルールが適用されますか？",
        "うちはAI利用者に当たる？",
        "弊社の義務を教えてください",
        "弊社はどのような義務を負いますか",
        "我々が守るべきルールは何ですか",
    ],
}
# Questions about the law itself, not about "us": answered from the rule base as before.
NOT_PERSONAL_JA = [
    "AI推進法に罰則はありますか？",
    "AI事業者ガイドラインは法的拘束力がありますか？",
    "AI推進法のうち事業者の責務は？",
    "個人情報保護委員会の注意喚起はいつ出されましたか？",
    "CAIOとは何ですか？",
    "AI統括責任者の役割は？",
    "CAIOの設置はいつから求められていますか",
    "そのうち罰則があるものは？",
]

# Three or more Latin words in a row: an English phrase (acronyms such as CAIO, PPC, DS-920 pass).
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}")


def _link_ja(thread: ChatThread, name: str) -> UseCaseProfile:
    raw = scenario_profile(name) | {"name": "テスト用ユースケース", "description": ""}
    profile = UseCaseProfile.model_validate(raw)
    thread.link_profile(profile, f"{name}.yaml")
    return profile


def _english_in(turn: Turn) -> list[str]:
    text = re.sub(r"/\w+|\[\d+\]|\w+\.yaml", "", turn.answer + " " + (turn.notice or ""))
    return ENGLISH.findall(text)


def _assert_japanese(turn: Turn) -> None:
    assert turn.kind == "personal", turn
    assert not _english_in(turn), (_english_in(turn), turn.answer)
    assert "; " not in turn.answer and "_(" not in turn.answer
    assert turn.answer.rstrip().endswith(("。", "）", "]")), turn.answer
    for cite in turn.citations:  # the Japanese title and legal-force label (第N条 notation)
        assert cite.label is not None and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", cite.title)


@pytest.mark.parametrize(("intent", "question"), [(i, q) for i, qs in ASKED_JA.items() for q in qs])
def test_japanese_questions_ask_for_the_intent(intent: str, question: str) -> None:
    assert match_intent(question) == intent


@pytest.mark.parametrize("question", NOT_PERSONAL_JA)
def test_questions_about_the_law_are_not_personal(question: str) -> None:
    assert match_intent(question) is None


@pytest.mark.parametrize(
    "name",
    ["ministry_genai_drafting", "customer_records_public_chatbot", "internal_code_assistant"],
)
def test_personal_answers_in_japanese(name: str, thread: ChatThread) -> None:
    profile = _link_ja(thread, name)
    plan = assess(profile, "ja")

    caio = thread.ask("CAIOは必要ですか？")
    assert caio.intent == "caio"
    has_caio = "appoint_caio" in {i.id for i in plan.checklist}
    assert caio.answer.startswith("はい。" if has_caio else "いいえ。"), caio.answer
    assert "AI統括責任者" in caio.answer and "ご回答" in caio.answer
    _assert_japanese(caio)

    ppc = thread.ask("個人情報保護委員会の注意喚起はうちに関係しますか？")
    assert ppc.intent == "ppc_warning"
    assert "個人情報保護委員会" in ppc.answer
    _assert_japanese(ppc)

    first = thread.ask("次に何をすればいい？")
    assert first.intent == "first_steps"
    assert plan.start_here[0].title in first.answer and "[1]" in first.answer
    _assert_japanese(first)

    rules = thread.ask("私たちに当てはまる義務は？")
    assert rules.intent == "rules_apply"
    for role in plan.roles:
        assert role.name in rules.answer
    for trigger in plan.triggers:
        assert trigger.title in rules.answer
    assert "テスト用ユースケース" in rules.answer
    _assert_japanese(rules)


def test_profile_answers_are_joined_with_japanese_punctuation(thread: ChatThread) -> None:
    _link_ja(thread, "customer_records_public_chatbot")
    turn = thread.ask("うちの会社はどの役割に当たりますか？")
    because = re.findall(r"（ご回答：([^）]*)）", turn.answer)
    assert because and any("、" in part for part in because), turn.answer
    assert "ひも付けたプロファイル" in (turn.notice or "")


def test_a_missing_action_names_what_would_bring_it_in_japanese(thread: ChatThread) -> None:
    _link_ja(thread, "internal_code_assistant")
    turn = thread.ask("うちはCAIOを置かないといけませんか？")
    assert turn.answer.startswith("いいえ。")
    assert "「AI統括責任者（CAIO）を置く」" in turn.answer
    _assert_japanese(turn)


def test_without_profile_says_how_to_link_in_japanese(thread: ChatThread) -> None:
    turn = thread.ask("まず何をすべき？")
    assert turn.kind == "no_profile" and not turn.citations
    assert "/interview" in turn.answer and "プロファイル" in turn.answer
    assert not ENGLISH.findall(turn.answer)


def test_english_questions_keep_english_answers(thread: ChatThread) -> None:
    _link_ja(thread, "ministry_genai_drafting")
    turn = thread.ask("Do we need a CAIO?")
    assert turn.answer.startswith("Yes. Appoint a Chief AI Officer (CAIO)")
    assert "from your answers" in turn.answer
    assert turn.notice and turn.notice.startswith("Answered from the assessment")
    assert all(cite.label is None for cite in turn.citations)


def test_a_thread_set_to_japanese_answers_english_questions_in_japanese(
    thread: ChatThread,
) -> None:
    _link_ja(thread, "ministry_genai_drafting")
    thread.set_lang("ja")
    turn = thread.ask("What should we do first?")
    assert turn.intent == "first_steps"
    _assert_japanese(turn)


def test_the_notice_names_an_interview_in_the_readers_language() -> None:
    from agent.chat.personal import notice

    assert (
        notice("interview 1a2b3c", "ja")
        == "ひも付けたプロファイル（ヒアリング 1a2b3c）の評価から回答しました。"
    )
    assert notice("interview 1a2b3c", "en").endswith("linked profile interview 1a2b3c.")
    assert "（interview notes.yaml）" in notice("interview notes.yaml", "ja")
