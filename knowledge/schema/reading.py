"""reading_words.yaml: closed classes of English words (question words, pointers, the asker)
that the answer engine reads questions by; agent/answer/word_lists.py compiles each list into
the pattern that reads it, kb check validates the file with this model."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from knowledge.schema.base import Strict

# A word or a short phrase as typed, lower case ('which one').
Word = Annotated[str, StringConstraints(pattern=r"^[a-z]+(?: [a-z]+)*$")]
Words = Annotated[list[Word], Field(min_length=1)]


class ReadingWords(Strict):
    question_words: Words = Field(description="Words that make a part a question.")
    whether_words: Words = Field(description="Words opening an embedded yes/no question.")
    bare_question_words: Words = Field(description="Question words that are a part alone.")
    facet_question_words: Words = Field(
        description="Question words opening a follow-up that asks a facet of the last subject."
    )
    asker_words: Words = Field(description="Words naming the asker's own organisation.")
    pointer_words: Words = Field(description="Words pointing back at what went before.")
    letter_names_ja: dict[
        Annotated[str, StringConstraints(pattern=r"^[a-z]$")],
        Annotated[
            list[Annotated[str, StringConstraints(pattern=r"^[ァ-ヶー]+$")]], Field(min_length=1)
        ],
    ] = Field(
        default_factory=dict,
        description="Each Latin letter's names in katakana: an abbreviation spelt out in kana.",
    )
