"""knowledge.defaults: the one place the rule base is built, swapped and forgotten."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import _lru_cache_wrapper

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


_PROJECT = ("core", "knowledge", "tools", "agent", "evals", "tui")

# Caches that a swapped rule base must leave alone: each is a pure function of its arguments or
# of a resource the rule base does not hold (the embedding model, the tokenizer, prompt files).
_NOT_FROM_THE_RULE_BASE = {
    "core.conditions.field_specs": "the profile model's fields",
    "core.regex_program.program": "a pure function of the pattern",
    "knowledge.index.embeddings.load_tokenizer": "the packaged embedding model",
    "knowledge.index.embeddings._session": "the packaged embedding model",
    "knowledge.index.embeddings._chroma_function_class": "a class built once",
    "knowledge.index.japanese._tokenizer": "SudachiPy's dictionary",
    "knowledge.index.japanese.words": "a pure function of the text",
    "knowledge.index.japanese.lemma_sequence": "a pure function of the text",
    "knowledge.index.japanese.lemmas": "a pure function of the text",
    "knowledge.index.search.query_vector": "the embedding of the text",
    "agent.answer.facet_rank.stems": "a pure function of the text",
    "agent.answer.select._stems": "a pure function of the text",
    "agent.answer.english.english_words": "pyspellchecker's word list",
    "agent.answer.shorthand._shorthand_pattern": "keyed on the words it is given",
    "agent.cli.main._full_app": "the command tree",
    "agent.graph.qa_graph": "the graph's shape; the rule base comes with each run",
    "agent.model._probe": "the model server",
    "agent.prompts.load": "the prompt files in prompts/",
    "agent.prompts.canary": "one random marker per process",
    "agent.prompts._stretches": "the prompt files in prompts/",
}


def _module_caches() -> dict[str, _lru_cache_wrapper[object]]:
    """Every functools cache defined at module level anywhere in the project, by dotted name."""
    found: dict[str, _lru_cache_wrapper[object]] = {}
    for package_name in _PROJECT:
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, f"{package_name}."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, _lru_cache_wrapper) and value.__module__ == module.__name__:
                    found[f"{module.__name__}.{name}"] = value
    return found


def test_every_cache_in_the_project_is_cleared_with_the_rule_base_or_declared_apart() -> None:
    caches = _module_caches()
    derived = set(map(id, defaults._derived))
    undeclared = [
        name
        for name, cached in caches.items()
        if id(cached) not in derived and name not in _NOT_FROM_THE_RULE_BASE
    ]
    assert undeclared == [], "use @derived for a cache built from the data, or declare it apart"
    assert [name for name in _NOT_FROM_THE_RULE_BASE if name not in caches] == []
    assert [name for name in _NOT_FROM_THE_RULE_BASE if id(caches[name]) in derived] == []


def _sample(annotation: object) -> object:
    """An argument of the annotated type for a @derived cache: a reader, word-list pickers
    (agent.answer.word_lists), regex flags, else a language."""
    from agent.answer.reader import Reader, default_reader

    samples: dict[object, object] = {
        "Reader": default_reader,
        Reader: default_reader,
        "Words": lambda: _no_words,
        "Lists": lambda: (("words", _no_words),),
        "int": lambda: 0,
    }
    return samples.get(annotation, lambda: "en")()


def _no_words(words: object) -> list[str]:
    return []


def test_swapping_the_rule_base_clears_every_cache_built_from_the_data() -> None:
    from agent.answer.guard import _card_phrasings

    _module_caches()  # every @derived cache registers when its module is imported
    for cached in defaults._derived:
        wanted = inspect.signature(cached.__wrapped__).parameters.values()
        arguments = {p.name: _sample(p.annotation) for p in wanted if p.default is p.empty}
        cached(**arguments)
    assert all(cached.cache_info().currsize for cached in defaults._derived)
    packaged = _card_phrasings()
    with defaults.use_rule_base(fixture_rule_base()):
        assert [c for c in defaults._derived if c.cache_info().currsize] == []
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
