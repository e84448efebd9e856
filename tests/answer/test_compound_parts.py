"""Compound questions: every part asked gets an answer that opens with its own lead, in the order
asked; a later part asking whether something is a legal duty is read as how far it binds; a
Japanese turn opening with a demonstrative is a follow-up of what went before."""

from __future__ import annotations

from agent.answer.follow_up import points_back, refers_back
from agent.answer.phrasebook import phrasebook
from agent.answer.reader import default_reader
from agent.answer.understand import split_parts, understand
from knowledge.index.japanese import spaced
from knowledge.schema import Facet


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def test_asking_whether_it_is_a_legal_duty_asks_how_far_it_binds() -> None:
    book = phrasebook()
    assert book.facet_of("has Japan turned that into a legal duty?") == Facet.legal_force
    assert book.facet_of("is it required by law?") == Facet.legal_force
    assert (
        book.facet_of(spaced("レッドチーミングって法律上やらなきゃいけないの")) == Facet.legal_force
    )
    assert book.facet_of(spaced("安全性評価は法的に実施する義務がありますか")) == Facet.legal_force
    assert book.facet_of(spaced("レッドチーミングに法的義務はありますか")) == Facet.legal_force
    # What the law makes one do is still a duty question.
    assert book.facet_of(spaced("法律上必要な手続きは何ですか")) == Facet.duty


def test_a_legal_duty_second_part_gets_its_own_no(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "What does the Hiroshima code say about watermarking, and has Japan made that a legal duty?"
    ).answer
    paragraphs = _paragraphs(answer)
    assert "watermarking" in paragraphs[0]
    assert any(p.startswith("No.") and "voluntary" in p for p in paragraphs[1:])


def test_a_japanese_legal_duty_question_leads_with_no(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("レッドチーミングって法律上やらなきゃいけないの？").answer
    assert answer.startswith("いいえ")
    assert "要件ではありません" in answer


def test_a_later_parts_lead_is_not_a_bullet_under_the_part_before(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("who must appoint a CAIO, and do private firms have to?").answer
    paragraphs = _paragraphs(answer)
    assert "Chief AI Officer" in paragraphs[0]
    private = [p for p in paragraphs if "private company" in p]
    assert private and private[0].startswith("No.")  # its own lead, not "- Japan has no…"


def test_a_japanese_question_word_in_the_te_form_asks_a_part_of_its_own() -> None:
    question = (
        "デジタル庁の生成AIガイドラインで各府省に置くことになっている役職は何で、"
        "そのガイドラインは市町村にも適用されますか。"
    )
    parts = split_parts(spaced(question))
    assert len(parts) == 2
    assert parts[0].endswith("何で")
    assert len(split_parts(spaced("AISIって何をするところで、企業に命令できるの？"))) == 2
    # A place, not a question word, before the te-form is context ('ゲーム会社で、…').
    assert (
        len(
            split_parts(
                spaced("私たちはゲーム会社で、生成AIで絵を作っています。問題はありますか？")
            )
        )
        == 1
    )


def test_the_post_asked_for_leads_and_the_guideline_named_again_stays(offline) -> None:  # type: ignore[no-untyped-def]
    question = (
        "デジタル庁の生成AIガイドラインで各府省に置くことになっている役職は何で、"
        "そのガイドラインは市町村にも適用されますか。"
    )
    query = understand(question, default_reader())
    assert "caio" not in query.parts[1].entities  # 'そのガイドライン' is the guideline
    answer = offline(question).answer
    paragraphs = _paragraphs(answer)
    assert "AI統括責任者" in paragraphs[0]
    assert any("市区町村" in p for p in paragraphs[1:])


def test_one_pointing_at_the_post_answered_asks_of_that_post() -> None:
    query = understand(
        "デジタル庁の生成AIガイドラインが各省庁に任命を求めている責任者は何で、"
        "民間企業にも同じ義務はありますか。",
        default_reader(),
    )
    assert query.parts[0].facet == Facet.duty
    assert "caio" in query.parts[1].entities
    english = understand(
        "Which post does the Digital Agency's generative AI guideline make every ministry fill, "
        "and are private companies obliged to fill it too?",
        default_reader(),
    )
    assert "caio" in english.parts[1].entities


def test_a_japanese_demonstrative_opening_points_back() -> None:
    for turn in (
        "それって定期的に見直されるの？",
        "あれって誰が決めたんだっけ？",
        "その計画は毎年変わるの？",
    ):
        assert refers_back(turn), turn
        assert points_back(turn), turn
    assert not phrasebook().pointers_ja.match("あれば教えてください")


def test_a_demonstrative_follow_up_is_answered_of_the_earlier_subject(offline) -> None:  # type: ignore[no-untyped-def]
    earlier = "AI基本計画とは何ですか？"
    history = [(earlier, offline(earlier).answer)]
    answer = offline("それって定期的に見直されるの？", history=history)
    assert answer.scope == "in"
    assert "PDCA" in answer.answer


def test_a_penalty_question_naming_two_laws_asks_each(offline) -> None:  # type: ignore[no-untyped-def]
    query = understand("What penalties do the AI Promotion Act and the APPI each carry?")
    assert [part.entities[0] for part in query.parts] == ["ai_promotion_act", "appi"]
    answer = offline("Do the AI Promotion Act and the APPI have penalties?").answer
    assert "imposes no fines" in answer
    assert "enforcement powers" in answer
    japanese = offline("AI推進法と個人情報保護法には、それぞれどんな罰則がありますか？").answer
    assert "罰則を設けていません" in japanese
    assert "命令" in japanese


def test_asking_whether_using_ai_is_illegal_is_answered_by_the_no_ban_fact(offline) -> None:  # type: ignore[no-untyped-def]
    for question in ("日本でAIを使うのは違法ですか", "日本国内でAIを利用するのは違法でしょうか？"):
        answer = offline(question).answer
        assert answer.startswith("いいえ。AI推進法は、AIの技術や用途を禁止していません"), question
    assert offline("Is it legal to use AI in Japan?").answer.startswith("Yes. The AI Promotion Act")


def test_a_japanese_part_naming_only_a_body_asks_of_the_topic_before(offline) -> None:  # type: ignore[no-untyped-def]
    question = "レッドチーミングって法律上やらなきゃいけないの？" + (
        "あとAISIのガイドだと、いつやるのがいいことになってる？"
    )
    query = understand(question, default_reader())
    assert "red_teaming" in query.parts[1].entities
    assert query.parts[1].facet == Facet.how_to  # when to do it, not a date
    paragraphs = _paragraphs(offline(question).answer)
    assert paragraphs[0].startswith("いいえ")
    assert "公開前" in paragraphs[1]


def test_enumerated_and_bulleted_asks_are_parts_of_their_own() -> None:
    """'1) … 2) …', a bullet per line, or '②…' after a sentence: each item is asked on its own,
    while a number inside a citation ('Art. 3(4)') or a name ('Act No. 53') divides nothing."""
    assert split_parts("1) when was the AI Basic Plan adopted 2) who prepares it") == [
        "when was the AI Basic Plan adopted",
        "who prepares it",
    ]
    assert split_parts("- when was the PPC alert issued\n- does it bind us") == [
        "when was the PPC alert issued",
        "does it bind us",
    ]
    assert (
        len(
            split_parts(
                spaced(
                    "2つ質問があります。1) 第13条の指針に拘束力はありますか 2) 誰が決定しましたか"
                )
            )
        )
        == 2
    )
    assert split_parts("What does Art. 3(4) say about misuse?") == [
        "What does Art. 3(4) say about misuse?"
    ]
    assert len(split_parts("Is the Act No. 53 of 2025 binding?")) == 1


def test_a_japanese_noun_joined_before_a_comma_is_an_ask_by_the_next_predicate() -> None:
    """'Xの3つの役割と、発行元を教えて' asks both; after a verb ('使うと、') と is a condition."""
    parts = split_parts(spaced("AI事業者ガイドラインの3つの役割と、発行元を教えて"))
    assert len(parts) == 2 and parts[0].endswith("役割")
    assert len(split_parts(spaced("AIを使うと、罰則はありますか"))) == 1


def test_each_enumerated_part_is_answered_in_order(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("1) when was the AI Basic Plan adopted 2) who prepares it").answer
    paragraphs = _paragraphs(answer)
    assert "23 December 2025" in paragraphs[0]
    assert "AI Strategic Headquarters" in answer
    roles = offline("AI事業者ガイドラインの3つの役割と、発行元を教えて").answer
    assert "AI開発者" in _paragraphs(roles)[0] and "経済産業省" in roles


def test_a_part_the_use_case_does_not_answer_is_answered_on_its_own(offline) -> None:  # type: ignore[no-untyped-def]
    """A use case with a penalty part: the layers say what applies, not what an infringement
    costs, so that part gets its own answer; a part describing the use adds nothing of its own."""
    answer = offline(
        "Can we train a model on copyrighted manga under Japanese law? "
        "Also what's the penalty for copyright infringement"
    )
    assert answer.route == "use_case"
    assert "ten years" in answer.answer and "ten million yen" in answer.answer


def test_a_later_part_inherits_the_subject_not_the_thing_asked_before(offline) -> None:  # type: ignore[no-untyped-def]
    """'Does the AI Act require a CAIO; also are there fines?': the fines are asked of the Act,
    not of the CAIO, so that part opens with its own answer on penalties."""
    query = understand("Does the AI Act require a CAIO; also are there fines?")
    assert "caio" in query.parts[0].entities and "caio" not in query.parts[1].entities
    assert "ai_promotion_act" in query.parts[1].entities
    paragraphs = _paragraphs(
        offline("Does the AI Act require a CAIO; also are there fines?").answer
    )
    assert "Chief AI Officer" in paragraphs[0]
    assert paragraphs[1].startswith("No.") and "penalt" in paragraphs[1]


def test_a_belief_only_asked_about_is_answered_in_the_order_asked(offline) -> None:  # type: ignore[no-untyped-def]
    """The first part's answer comes first; the correction of a belief asked whether it holds
    follows in its place, with nothing on other technologies; a belief taken for granted is
    still corrected first."""
    paragraphs = _paragraphs(
        offline("When did the AI Act take effect? And does it ban facial recognition?").answer
    )
    assert "4 June 2025" in paragraphs[0]
    assert paragraphs[-1].startswith("No.") and "facial recognition" in paragraphs[-1]
    assert "deepfake" not in " ".join(paragraphs)
    stated = _paragraphs(
        offline(
            "Since Japan's AI Act has fines of 7% of turnover, when did it come into force?"
        ).answer
    )
    assert stated[0].startswith("No.")


def test_a_document_that_does_require_it_is_not_corrected(offline) -> None:  # type: ignore[no-untyped-def]
    """The Digital Agency's guideline does require a CAIO (of ministries): that part opens with
    the requirement, not 'No.'; the second part ('does it apply to prefectures?') is asked of the
    guideline, not of the CAIO, and says it does not apply to them directly."""
    answer = offline(
        "Does the Digital Agency's gen AI guideline require a CAIO, "
        "and does it apply to prefectures?"
    )
    paragraphs = _paragraphs(answer.answer)
    assert answer.route == "lookup" and not paragraphs[0].startswith("No")
    assert "Chief AI Officer" in paragraphs[0]
    assert "prefectures" in paragraphs[1] and "not apply directly" in paragraphs[1]
    assert understand("Does the AI Act require a CAIO?").route == "premise"


def test_a_japanese_part_asking_what_was_said_is_asked_of_the_body_before(offline) -> None:  # type: ignore[no-untyped-def]
    """'個人情報保護委員会って何をするところで、生成AIについて何か言ってますか': Japanese drops
    'it', so the second part asks what the PPC said (its alert), not what any text on
    generative AI says (the Digital Agency's guideline)."""
    answer = offline("個人情報保護委員会って何をするところで、生成AIについて何か言ってますか")
    assert "da_genai_guideline" not in [c.id for c in answer.citations]
    assert "注意喚起" in _paragraphs(answer.answer)[1]


def test_the_latest_date_is_one_date_and_a_version_named_later_still_gets_its_own(offline) -> None:  # type: ignore[no-untyped-def]
    """'latest' asks for the newest date, not the history; a later part naming version 1.0
    gets that date as its own lead (a date fact's id is its place in sources.yaml, so two
    parts' dates never share one)."""
    paragraphs = _paragraphs(
        offline(
            "What is the latest version of the AI Guidelines for Business, "
            "and when was version 1.0 published?"
        ).answer
    )
    assert "31 March 2026" in paragraphs[0] and "2024" not in paragraphs[0]
    assert "19 April 2024" in paragraphs[1] and not paragraphs[1].startswith("-")
    assert "28 March 2025" not in " ".join(paragraphs)  # version 1.1: asked by no part


def test_the_penalty_of_an_article_is_the_penalty_of_its_act(offline) -> None:  # type: ignore[no-untyped-def]
    # An article carries no sanctions of its own: the Copyright Act's Art. 119 answers, not the
    # regime-wide "Japan has no AI-specific fines".
    answer = offline(
        "What is Article 30-4 of the Copyright Act? Also, what are the penalties for infringing it?"
    ).answer
    later = _paragraphs(answer)[1]
    assert "Copyright Act" in later and "ten years" in later
    assert "no AI-specific fines" not in answer
    ja = offline("著作権法第30条の4とは何ですか？あと、侵害した場合の罰則は？").answer
    assert "10年以下" in ja and "AIに固有の罰金はありません" not in ja
