"""knowledge/data/personal_answers.yaml, validated: the wording of personalised chat answers."""

from __future__ import annotations

from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.schema.chat import PersonalWords

WORDS_FILE = DATA_DIR / "personal_answers.yaml"  # the packaged one (RuleBase.data_file)


@derived
def personal_words() -> PersonalWords:
    return load_rule_base().document(WORDS_FILE.name, PersonalWords)
