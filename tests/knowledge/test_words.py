"""words.yaml: acronyms and terms of the trade that pyspellchecker lacks, validated."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from knowledge.words import WordList, own_words


def test_the_packaged_list_loads_in_lower_case() -> None:
    assert "saas" in own_words()
    assert all(w == w.lower() for w in own_words())


def test_a_word_with_capitals_or_spaces_is_refused() -> None:
    with pytest.raises(ValidationError, match="SaaS"):
        WordList.model_validate({"words": ["SaaS"]})
    with pytest.raises(ValidationError):
        WordList.model_validate({"words": ["b 2 b"]})
    with pytest.raises(ValidationError):
        WordList.model_validate({"words": ["llm"], "extra": 1})


def test_shorthand_is_read_from_the_list_and_checked() -> None:
    from knowledge.words import shorthand

    assert shorthand()["r"] == "are"
    with pytest.raises(ValidationError):
        WordList.model_validate({"words": ["llm"], "shorthand": {"R U": "are you"}})


MONTHS = {f"month{n}": [] for n in range(1, 13)}


def test_month_names_come_from_the_list_in_calendar_order() -> None:
    from knowledge.words import month_names, month_spellings

    assert month_names()[0] == "january" and month_names()[11] == "december"
    assert {"sept", "sep", "jan"} <= set(month_spellings())


def test_a_list_without_twelve_months_is_refused() -> None:
    WordList.model_validate({"words": ["llm"], "months": MONTHS})
    eleven = dict(list(MONTHS.items())[:11])
    with pytest.raises(ValidationError, match="11 months, not 12"):
        WordList.model_validate({"words": ["llm"], "months": eleven})
    with pytest.raises(ValidationError, match="Sept"):
        WordList.model_validate({"words": ["llm"], "months": {**MONTHS, "month9": ["Sept"]}})


def test_search_and_japanese_stop_words_come_from_the_list() -> None:
    from knowledge.index.lexical import tokenize
    from knowledge.words import empty_lemmas_ja, search_stopwords

    assert {"ai", "what"} <= search_stopwords() and "為る" in empty_lemmas_ja()
    assert tokenize("What are AI penalties") == ["penalty"]
