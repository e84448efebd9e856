"""The facet a question asks when no cue fires: its everyday facet words weighed with the facts
about what it names (agent/answer/facet_rank.py)."""

from __future__ import annotations

from agent.answer.facet_rank import facet_scores, ranked_facet, stem, vocabulary_hits
from agent.answer.reader import default_reader
from agent.answer.select import by_entity_and_facet
from agent.answer.understand import read_part
from knowledge.schema import Facet


def test_stems_drop_endings_but_keep_words_apart() -> None:
    assert stem("sits") == stem("sit")
    assert stem("following") == stem("follow")
    assert stem("handles") == stem("handle") == stem("handled")
    assert stem("companies") == stem("company")
    assert stem("legally") == stem("legal")
    # Whole words, not their first letters: a complaint is not compliance, official no office.
    assert stem("complaints") != stem("comply")
    assert stem("official") != stem("office")
    assert stem("regulation") != stem("regulator")
    assert stem("comply") == "comply"  # 'ly' stays where too little would be left


def test_a_facet_word_in_a_name_the_question_gives_is_not_read() -> None:
    assert (
        vocabulary_hits("Is the Digital Agency guideline only about generative AI?")[Facet.who] == 1
    )
    names = frozenset({"digital", "agency"})
    assert vocabulary_hits("Is the Digital Agency guideline only about it?", names)[Facet.who] == 0


def test_everyday_words_rank_the_facet_no_cue_names() -> None:
    reader = default_reader()
    assert ranked_facet("Does japan's AI law have any teeth?", ["ai_promotion_act"], reader) == (
        Facet.penalty
    )
    assert ranked_facet("How recent is the AI Promotion Act?", ["ai_promotion_act"], reader) == (
        Facet.when
    )
    # 'watchdog' asks who; 'handles' is the word the PPC's fact shares.
    question = "Which watchdog handles personal information complaints in Japan?"
    assert ranked_facet(question, ["personal_data"], reader) == Facet.who


def test_shared_words_alone_leave_a_what_question_what() -> None:
    # Duty facts share 'consent' and 'training', but the question uses no duty word: the what
    # lookup already answers it from facts on any facet.
    reader = default_reader()
    scores = facet_scores("APPI consent for training", ["appi"], reader)
    assert scores[Facet.duty] == 0
    assert ranked_facet("APPI consent for training", ["appi"], reader) == Facet.what


def test_a_fact_sharing_the_question_words_adds_to_its_facet() -> None:
    reader = default_reader()
    question = "Where does the AI Safety Institute sit in the Japanese government?"
    assert facet_scores(question, ["aisi"], reader)[Facet.who] >= 2
    assert ranked_facet(question, ["aisi"], reader) == Facet.who


def test_read_part_ranks_the_facet_when_no_cue_fires() -> None:
    reader = default_reader()
    part = read_part("what's the downside of ignoring the Article 13 guideline?", reader)
    assert part.facet == Facet.penalty
    assert "art13g_no_penalty" in [f.id for f in by_entity_and_facet(part, reader)]
    # A cue that fires still decides.
    assert read_part("When was the Article 13 guideline adopted?", reader).facet == Facet.when


def test_a_what_question_finds_the_fact_holding_its_words_as_lemmas() -> None:
    # 'rest on' is the fact's 'rests on': five-letter word starts ('rest', 'rests') miss it.
    reader = default_reader()
    part = read_part("How many principles does the AI Basic Plan rest on?", reader)
    assert by_entity_and_facet(part, reader)[0].id == "plan_three_principles"


def test_what_happens_to_one_who_skips_it_asks_the_penalty() -> None:
    reader = default_reader()
    question = "what would actually happen to a startup that skipped the METI AI guidelines?"
    assert read_part(question, reader).facet == Facet.penalty


def test_facts_sharing_only_the_name_do_not_follow_the_lead() -> None:
    reader = default_reader()
    part = read_part("what directions does the AI Basic Plan set?", reader)
    assert [f.id for f in by_entity_and_facet(part, reader)] == ["plan_four_directions"]
    # Asking nothing beyond the name, the facts about it follow.
    assert len(by_entity_and_facet(read_part("What is the AI Basic Plan?", reader), reader)) > 1


def test_the_facet_is_read_in_the_question_not_in_the_context_before_it() -> None:
    # 'wants' in the context is no duty asked; the question asks where projects go.
    reader = default_reader()
    question = "A ministry wants a generative AI drafting tool. where do higher-risk projects go?"
    assert read_part(question, reader).facet == Facet.what


def test_how_strict_a_text_is_asks_its_legal_force() -> None:
    reader = default_reader()
    assert read_part("how strict is japan's AI law?", reader).facet == Facet.legal_force


def test_an_event_word_asks_a_date_only_of_a_thing_that_has_dates() -> None:
    reader = default_reader()
    # Releasing a model is something done to it, not a dated event of a law or body.
    for question in (
        "Does Japan have rules on releasing open-weight models?",
        "does japan regulate the release of open-source AI models?",
    ):
        assert ranked_facet(question, ["open_weights"], reader) != Facet.when, question
    assert ranked_facet("Is the AI Basic Plan's release recent?", ["ai_basic_plan"], reader) == (
        Facet.when
    )
