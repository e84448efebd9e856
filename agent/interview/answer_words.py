"""knowledge/data/interview_words.yaml, validated: yes, no, 'not sure', 'none' and the commands
a person types in the interview, in English and Japanese (the model: knowledge/schema/interview.py,
which kb check validates the file with)."""

from __future__ import annotations

from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.schema.interview import AnswerWords

WORDS_FILE = DATA_DIR / "interview_words.yaml"  # the packaged one (RuleBase.data_file)


@derived
def answer_words() -> AnswerWords:
    return load_rule_base().document(WORDS_FILE.name, AnswerWords)
