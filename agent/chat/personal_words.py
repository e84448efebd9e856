"""knowledge/data/personal_answers.yaml, validated: the wording of personalised chat answers."""

from __future__ import annotations

from knowledge.defaults import derived
from knowledge.schema.chat import PersonalWords
from knowledge.yaml_files import DATA_DIR, read_yaml

WORDS_FILE = DATA_DIR / "personal_answers.yaml"


@derived
def personal_words() -> PersonalWords:
    return PersonalWords.model_validate(read_yaml(WORDS_FILE))
