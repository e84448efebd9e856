"""Entity linking: exact aliases, longest first, and typos through rapidfuzz."""

from __future__ import annotations

from agent.answer.linker import Linker
from knowledge.schema import Entity, EntityKind


def _linker() -> Linker:
    return Linker(
        [
            Entity(
                id="caio",
                kind=EntityKind.concept,
                name="Chief AI Officer",
                aliases=["caio", "chief ai officer"],
            ),
            Entity(
                id="ai_promotion_act",
                kind=EntityKind.instrument,
                name="AI Promotion Act",
                name_ja="AI推進法",
                aliases=["ai act", "japan's ai act"],
                source="ai_promotion_act",
            ),
            Entity(
                id="eu_ai_act",
                kind=EntityKind.jurisdiction,
                name="EU AI Act",
                aliases=["eu ai act"],
            ),
            Entity(
                id="facial_recognition",
                kind=EntityKind.technology,
                name="facial recognition",
                aliases=["face recognition"],
            ),
        ],
        ["a", "the", "is", "there", "do", "need"],
    )


def test_the_longest_alias_wins_and_order_follows_the_question() -> None:
    linked = _linker().link("Is Japan's AI Act like the EU AI Act?")
    assert linked == ["ai_promotion_act", "eu_ai_act"]


def test_typos_link_through_fuzzy_matching() -> None:
    assert _linker().link("do privte companies need a cheif ai oficer") == ["caio"]
    assert _linker().link("does the act ban facial recogniton") == ["facial_recognition"]


def test_japanese_names_link_without_word_boundaries() -> None:
    assert _linker().link("AI推進法に罰則はありますか") == ["ai_promotion_act"]


def test_ordinary_words_link_to_nothing() -> None:
    assert _linker().link("what should we cook for dinner tonight") == []


def test_a_fuzzy_phrase_never_joins_function_words() -> None:
    assert _linker().link("is there a face law") == []


def test_another_english_word_is_no_typo_of_a_name() -> None:
    from agent.answer.reader import default_reader

    linker = default_reader().linker
    # 'force companies' is close to 'foreign companies' but is two real words.
    assert "overseas_operator" not in linker.link("does the Act force companies to do anything?")
    # The same word inflected still links ('regulated' for 'regulation').
    assert "japan_ai_regime" in linker.link("Is AI regulated in Japan?")


def test_a_determiner_inside_a_name_changes_nothing_it_names() -> None:
    linker = Linker(
        [
            Entity(
                id="transparency",
                kind=EntityKind.concept,
                name="transparency",
                aliases=["tell candidates", "ai act of the eu"],
            ),
            Entity(id="employment", kind=EntityKind.sector, name="hiring", aliases=["candidates"]),
        ]
    )
    assert linker.link("do we have to tell the candidates about it?") == ["transparency"]
    assert linker.link("must we tell our candidates") == ["transparency"]
    assert linker.link("what does the ai act of the eu say") == ["transparency"]
    assert linker.link("the candidates") == ["employment"]


def test_a_long_form_inside_a_name_is_also_matched_short() -> None:
    guideline = Entity(
        id="da_genai_guideline",
        kind=EntityKind.instrument,
        name="Digital Agency generative AI guideline",
        aliases=["digital agency's generative ai guideline"],
    )
    linker = Linker([guideline], short_forms={"generative ai": ["gen ai", "genai"]})
    assert linker.link("Must firms obey the Digital Agency's gen AI guideline?") == [
        "da_genai_guideline"
    ]
    assert linker.link("the digital agency's genai guideline") == ["da_genai_guideline"]
    assert Linker([guideline]).link("the Digital Agency's gen AI guideline") == []
