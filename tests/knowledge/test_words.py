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
