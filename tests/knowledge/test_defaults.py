"""knowledge.defaults: the one place the rule base is built, swapped and forgotten."""

from __future__ import annotations

from knowledge import defaults
from knowledge.loader import load_rule_base
from tests.fixtures import fixture_rule_base


def test_the_rule_base_is_built_once_swapped_for_a_block_and_rebuilt_after_clear() -> None:
    first = load_rule_base()
    assert load_rule_base() is first
    with defaults.use_rule_base(fixture_rule_base()) as swapped:
        assert load_rule_base() is swapped
    assert load_rule_base() is first
    defaults.clear()
    again = load_rule_base()
    assert again is not first and again.corpus_hash == first.corpus_hash


def _loaders() -> list[object]:
    """Every cache built from the packaged data files (YAML loaders and what is compiled from
    them): a swapped rule base must not leave any of them behind."""
    from agent import scope_data, use_case
    from agent.answer import (
        coverage,
        facet_rank,
        force,
        guard,
        phrasebook,
        presupposition,
        use_case_lead,
    )
    from agent.chat import intents, personal_words
    from knowledge import official, plan_rules, questions, schema, ui_labels, watchlist, words
    from tools import assess, progress

    return [
        scope_data.scope,
        use_case._compiled,
        force.force_answers,
        guard._card_phrasings,
        phrasebook.phrasebook,
        presupposition._beliefs,
        use_case_lead._compiled,
        facet_rank._ignored,
        facet_rank._vocabulary,
        coverage._names,
        words.word_list,
        intents.chat_intents,
        personal_words.personal_words,
        official.load_official,
        plan_rules.owner_kinds,
        questions.load_questions,
        schema.load_labels,
        ui_labels.load_ui_labels,
        watchlist.load_watchlist,
        assess.caveats,
        progress.status_by_label,
    ]


def test_swapping_the_rule_base_clears_every_cache_built_from_the_data() -> None:
    from agent.answer.coverage import _names
    from agent.answer.guard import _card_phrasings
    from agent.answer.presupposition import _beliefs
    from agent.answer.reader import default_reader

    per_reader = (_beliefs, _names)  # built for a reader
    for loader in _loaders():
        if loader not in per_reader:
            loader()  # type: ignore[operator]
    for loader in per_reader:
        loader(default_reader())
    packaged = _card_phrasings()
    with defaults.use_rule_base(fixture_rule_base()):
        left = [f for f in _loaders() if f.cache_info().currsize]  # type: ignore[attr-defined]
        assert left == []
        # The scope guard's card phrasings are the fixture's topics, not the packaged ones.
        assert _card_phrasings() != packaged
    assert _card_phrasings() == packaged


def test_the_default_reader_reads_the_rule_base_in_use() -> None:
    from agent.answer.reader import default_reader

    packaged = default_reader()
    with defaults.use_rule_base(fixture_rule_base()) as swapped:
        assert default_reader()._english_base is swapped
        assert default_reader("ja")._english_base is swapped
    assert default_reader()._english_base is load_rule_base()
    assert packaged._english_base is load_rule_base()
