"""reading_words.yaml: closed classes of English and Japanese words (question words, pointers,
the asker, words of law, sentence endings) that the answer engine reads questions by;
agent/answer/word_lists.py compiles each list into the pattern that reads it, kb check validates
the file with this model."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from knowledge.schema.base import Strict

# A word or a short phrase as typed, lower case ('which one').
Word = Annotated[str, StringConstraints(pattern=r"^[a-z]+(?: [a-z]+)*$")]
Words = Annotated[list[Word], Field(min_length=1)]
# A Japanese word or ending as written, no space and no Latin letter ('ですが', '何').
WordJa = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x7f\s]+$")]
WordsJa = Annotated[list[WordJa], Field(min_length=1)]


class ReadingWords(Strict):
    question_words: Words = Field(description="Words that make a part a question.")
    whether_words: Words = Field(description="Words opening an embedded yes/no question.")
    bare_question_words: Words = Field(description="Question words that are a part alone.")
    facet_question_words: Words = Field(
        description="Question words opening a follow-up that asks a facet of the last subject."
    )
    asker_words: Words = Field(description="Words naming the asker's own organisation.")
    pointer_words: Words = Field(description="Words pointing back at what went before.")
    addressee_asker_words: Words = Field(
        description="The asker named as whom a rule applies to ('apply to us'): a business."
    )
    opening_question_words: Words = Field(
        description="Question words a misspelt first word is read as, a verb after it."
    )
    auxiliary_words: Words = Field(
        description="Verbs that follow a question word opening a question ('wen did …')."
    )
    determiners: Words = Field(description="Words inside a name that change nothing it names.")
    not_modifiers: Words = Field(
        description="Words before 'one' that modify no noun: 'the same one' names no subject."
    )
    therefore_words: Words = Field(
        description="Words opening the asked sentence when what goes before is given ('so')."
    )
    therefore_words_ja: WordsJa = Field(description="`therefore_words` in Japanese.")
    reason_endings: Words = Field(
        description="Words closing a sentence that gives the reason for the question after it."
    )
    reason_endings_ja: WordsJa = Field(description="`reason_endings` in Japanese ('ので').")
    amount_words: Words = Field(
        description="Words asking how much of a thing there is ('how much are the fines'), so "
        "taking it as there."
    )
    kind_words: Words = Field(
        description="Question words asking which of a kind, before its noun: 'what fines does "
        "it hand out?' takes fines as there."
    )
    amount_words_ja: WordsJa = Field(description="`amount_words` in Japanese ('いくら').")
    law_words: Words = Field(description="Words naming law in general ('rules', 'government').")
    law_stems: Words = Field(description="Word starts naming law with any ending ('statut').")
    law_words_ja: WordsJa = Field(description="`law_words` in Japanese ('法令', '当局').")
    legal_point_words: Words = Field(
        description="Predicates that ask one point of law of a use ('report it', 'protected by "
        "copyright'): a question asking one is looked up, not read as a use case."
    )
    legal_point_stems: Words = Field(
        description="Word starts of `legal_point_words` with any ending ('inspect', 'infring')."
    )
    scene_endings_ja: WordsJa = Field(
        description="Endings of a Japanese clause that sets the scene before the question."
    )
    question_endings_ja: WordsJa = Field(
        description="Endings of a Japanese sentence that asks ('とは', 'でしょう')."
    )
    asking_words_ja: WordsJa = Field(
        description="Japanese question words that ask in the te-form joining a second ask."
    )
    letter_names_ja: dict[
        Annotated[str, StringConstraints(pattern=r"^[a-z]$")],
        Annotated[
            list[Annotated[str, StringConstraints(pattern=r"^[ァ-ヶー]+$")]], Field(min_length=1)
        ],
    ] = Field(
        default_factory=dict,
        description="Each Latin letter's names in katakana: an abbreviation spelt out in kana.",
    )
    meant_as_typed_ja: WordsJa = Field(
        default_factory=list,
        description="Words users type that the rule base's texts never use, never read as slips.",
    )
