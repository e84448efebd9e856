"""Follow-ups that name a facet or a related thing but no subject: the scope guard keeps them, the
earlier subject carries over, and what their words name is read beside it."""

from __future__ import annotations

import pytest

from agent.answer.follow_up import earlier_subjects, named_beside, refers_back
from agent.answer.guard import guard
from agent.answer.reader import default_reader
from agent.answer.understand import understand

APPI = "Does the APPI apply to generative AI?"
APPI_JA = "個人情報保護法は生成AIの利用にも関係しますか"
ACA = "What has the Agency for Cultural Affairs said about AI and copyright?"
ACA_JA = "文化庁はAIと著作権について何を公表していますか"


def _entities(question: str, *history: str) -> list[str]:
    return understand(question, default_reader(), history=list(history)).parts[0].entities


@pytest.mark.parametrize(
    ("earlier", "fragment"),
    [(APPI, "what about transfers abroad?"), (APPI_JA, "外国への提供は？")],
)
def test_a_fragment_naming_a_rule_beside_the_subject_is_asked_of_it(
    earlier: str, fragment: str
) -> None:
    reader = default_reader()
    assert named_beside(fragment, ["appi"], reader) == ["cross_border_transfer"]
    assert guard({"question": fragment, "history": [(earlier, "")]})["scope"] == "in"
    assert _entities(fragment, earlier) == ["appi", "cross_border_transfer"]


@pytest.mark.parametrize("fragment", ["what about lunch?", "今日の天気は？"])
def test_a_fragment_naming_nothing_beside_the_subject_stays_out(fragment: str) -> None:
    assert named_beside(fragment, ["appi"], default_reader()) == []
    assert guard({"question": fragment, "history": [(APPI, "")]})["scope"] == "out"


def test_a_whole_fragment_that_points_back_refers_back() -> None:
    assert refers_back("その要素は？")
    assert not refers_back("今日の天気は？")
    assert guard({"question": "その要素は？", "history": [("AIの定義は？", "")]})["scope"] == "in"


@pytest.mark.parametrize(
    ("earlier", "question"),
    [(ACA, "when did the checklist come out?"), (ACA_JA, "じゃあチェックリストが出たのはいつ？")],
)
def test_a_generic_name_is_read_as_the_earlier_bodys_own(earlier: str, question: str) -> None:
    # 'the checklist' alone is the AI Guidelines for Business's; after the ACA, it is the ACA's.
    assert _entities(question, earlier) == ["aca_copyright_checklist"]


def test_a_name_of_a_new_topic_is_not_read_as_the_earlier_subjects() -> None:
    assert _entities("copyright?", "Does Japan have an AI Act?") == ["copyright_training"]


def test_an_article_asked_of_stays_the_subject_of_what_points_at_it() -> None:
    earlier = "What is Article 16 of the AI Promotion Act?"
    assert earlier_subjects([earlier], default_reader()) == ["ai_promotion_act", "act_art16"]
    assert _entities("so can the government fine companies under it?", earlier)[:2] == [
        "ai_promotion_act",
        "act_art16",
    ]
    # A topic that only narrowed the question is no subject of 'it'.
    assert earlier_subjects([APPI], default_reader()) == ["appi"]


@pytest.mark.parametrize(
    ("earlier", "question"),
    [
        ("How does Japan's AI Act define AI?", "does that only cover generative AI?"),
        ("AI推進法ではAIをどう定義していますか", "生成AIだけが対象なの？"),
    ],
)
def test_a_pointer_naming_a_technology_narrows_the_earlier_subject(
    earlier: str, question: str
) -> None:
    assert _entities(question, earlier) == ["ai_promotion_act", "generative_ai"]


def test_a_self_contained_question_naming_a_technology_carries_nothing() -> None:
    assert "ai_promotion_act" not in _entities(
        "what about emotion recognition?", "What is the AI Basic Plan?"
    )


@pytest.mark.parametrize(
    ("question", "history"),
    [
        ("What does Article 16 of the AI Promotion Act require?", []),
        (
            "and what does Article 16 require of it?",
            ["What does the AI Promotion Act say about the AI Strategic Headquarters?"],
        ),
    ],
)
def test_an_article_asked_a_facet_it_has_no_fact_on_answers_with_what_it_provides(
    question: str, history: list[str]
) -> None:
    from agent.answer.select import by_entity_and_facet

    reader = default_reader()
    part = understand(question, reader, history=history).parts[0]
    lead = by_entity_and_facet(part, reader)[0]
    assert "act_art16" in lead.about, lead.id  # not the Act's other duties (Article 13's)
