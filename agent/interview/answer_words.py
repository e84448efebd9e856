"""knowledge/data/interview_words.yaml, validated: yes, no, 'not sure', 'none' and the commands
a person types in the interview, in English and Japanese (the model: knowledge/schema/interview.py,
which kb check validates the file with)."""

from __future__ import annotations

from knowledge.defaults import derived
from knowledge.schema.interview import AnswerWords
from knowledge.yaml_files import DATA_DIR, read_yaml

WORDS_FILE = DATA_DIR / "interview_words.yaml"


@derived
def answer_words() -> AnswerWords:
    return AnswerWords.model_validate(read_yaml(WORDS_FILE))
