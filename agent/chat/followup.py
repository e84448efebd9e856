"""Follow-up resolution: fill an elliptical or referring question in from the thread's topic.

Pure functions, the same with and without a model: "is it binding?" after an answer about the
AI Basic Plan becomes "is the AI Basic Plan binding?"; a self-contained question stays as it is.
"""

from __future__ import annotations

import re

from agent.answer.reader import Reader
from agent.chat.intents import chat_intents
from agent.chat.state import Topic
from agent.scope_data import scope
from knowledge.schema import EntityKind

# Strong pronouns refer back at any length; weaker words ("that", "the act") only in short
# questions, where they cannot be a relative clause of a self-contained question. The word
# lists are in knowledge/data/chat_intents.yaml.
SHORT_WORDS = 7


def _names_subject(question: str) -> bool:
    """True when the question names its own subject: an entity, Japan, or a use case of its own."""
    from agent.answer.reader import default_reader
    from agent.use_case import read_use_case
    from knowledge.schema import EntityKind

    rules = scope()
    if rules.instrument.search(question) or rules.japan.search(question):
        return True
    reader = default_reader()
    entities = reader.rule_base.entities
    # A role ("and for providers?") narrows the earlier subject; it is not a subject of its own.
    if any(entities[e].kind != EntityKind.role for e in reader.linker.link(question)):
        return True
    return any(hint.use_case for hint in read_use_case(question).hints)


def _in_scope_alone(question: str) -> bool:
    from agent.answer.guard import classify

    return classify(question)[0] == "in"


def _strip_opening(question: str) -> str:
    match = chat_intents().openings.search(question)
    if not match:
        return question
    rest = question[match.end() :].strip(" ,")
    return rest or question


def _substitute(question: str, subject: str) -> str:
    """Replace the first referring word with the subject ('its' becomes "the X's")."""

    words = chat_intents()

    def repl(match: re.Match[str]) -> str:
        word = match.group(1).lower()
        return f"{subject}'s" if word in words.possessives else subject

    return words.substitute.sub(repl, question, count=1)


def is_referring(question: str) -> bool:
    if _names_subject(question):
        return False
    if chat_intents().strong.search(question):
        return True
    short = len(question.split()) <= SHORT_WORDS
    return short and bool(chat_intents().referring.search(question))


def _engine_follows(text: str, earlier: list[str], topic: Topic) -> bool:
    """The answer engine reads this follow-up itself from the earlier questions: it asks the
    last question again ("and for developers?"), refers back to a use case ("and for a
    hospital?", "who enforces that?"), or is asked of more than the topic's instrument."""
    from agent.answer.follow_up import on_use_case
    from agent.answer.reader import default_reader
    from agent.answer.understand import reasks
    from knowledge.index.japanese import spaced

    if reasks(text):
        return True
    asked, before, reader = spaced(text), [spaced(q) for q in earlier], default_reader()
    return on_use_case(asked, before, reader) or _inherits_more(asked, before, reader, topic)


def _inherits_more(asked: str, earlier: list[str], reader: Reader, topic: Topic) -> bool:
    """The engine reads the follow-up as asked of what a rewrite naming the topic's instrument
    would lose: a body the topic is no instrument of ('which agency is it part of?' after a
    question on the AISI, whose answer cites its guide), an article ('can the government fine
    companies under it?' after one on Article 16), or what the words name beside the earlier
    subject ('what about transfers abroad?' after one on the APPI)."""
    from agent.answer.follow_up import named_beside, names_subject, part_of
    from agent.answer.understand import follow_up_subject

    inherited = follow_up_subject(asked, earlier, reader)
    if not inherited:
        return False
    if not reader.linker.link(asked) and named_beside(asked, inherited, reader):
        return True
    entities = reader.rule_base.entities
    subjects = [e for e in inherited if names_subject([e], reader)]
    if subjects and not any(entities[e].source in topic.sources for e in subjects):
        return True
    concepts = [e for e in inherited if entities[e].kind == EntityKind.concept]
    return any(part_of(c, subjects, reader) for c in concepts)


def resolve(question: str, topic: Topic | None, earlier: list[str] | None = None) -> str:
    """The question to answer: `question` itself, or rewritten with the topic's subject.
    `earlier` holds the thread's earlier questions as answered (default: the topic's)."""
    text = question.strip()
    if topic is None or not text:
        return text
    if _engine_follows(text, earlier if earlier is not None else [topic.question], topic):
        return text
    if is_referring(text):
        if len(text.split()) <= SHORT_WORDS and chat_intents().substitute.search(text):
            return _substitute(text, topic.subject)
        return f"{text.rstrip('?')} ({topic.subject})?"
    if chat_intents().openings.search(text):
        rest = _strip_opening(text).rstrip(" ?")
        about_audience = bool(chat_intents().audience.search(rest)) and not _names_subject(rest)
        if _in_scope_alone(rest) and not about_audience:
            return f"{rest}?"  # "what about copyright?": a new topic, answered on its own
        joiner = "" if chat_intents().preposition.match(rest) else "to "
        return f"What applies {joiner}{rest} under {topic.subject}?"
    return text
