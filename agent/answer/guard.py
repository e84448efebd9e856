"""Scope and injection guard: decides whether Shirube answers from its rule base at all."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from agent.scope_data import scope
from agent.state import QAState
from agent.use_case import puts_ai_to_use
from knowledge.defaults import derived
from knowledge.schema import EntityKind

# A question whose content words are (nearly) all in one card's phrasing is what that card
# answers, even when it names no AI term ("What is the single most important takeaway?").
CARD_MATCH_RATIO = 0.8
CARD_MATCH_MIN_WORDS = 3


@derived
def _card_phrasings() -> tuple[frozenset[str], ...]:
    from knowledge.index.lexical import tokenize
    from knowledge.loader import load_rule_base

    texts = [t for card in load_rule_base().topics.values() for t in (card.title, *card.questions)]
    return tuple(frozenset(tokenize(t)) for t in texts)


def matches_a_card(question: str) -> bool:
    """True when one card's title or phrasing covers the question's content words."""
    from knowledge.index.lexical import tokenize

    asked = set(tokenize(question))
    if len(asked) < CARD_MATCH_MIN_WORDS:
        return False
    best = max((len(asked & phrasing) for phrasing in _card_phrasings()), default=0)
    return best >= CARD_MATCH_RATIO * len(asked)


def names_japanese_rule(question: str) -> bool:
    """The question names a Japanese instrument or body from the entity registry (in any of its
    spellings, typos and kana readings included), covered or not: Shirube answers, or says it
    does not cover it."""
    from agent.answer.reader import default_reader

    reader = default_reader()
    kinds = (EntityKind.instrument, EntityKind.institution)
    return any(reader.rule_base.entities[e].kind in kinds for e in reader.linker.link(question))


def names_japanese_law(question: str) -> bool:
    """The question names a law in Japanese by the shape of its name ('下請法', '…禁止法'), held
    by the registry or not: a Japanese statute, so Shirube answers or says it does not cover it."""
    from agent.answer.coverage import law_names
    from agent.answer.reader import default_reader

    return any(not law.name.isascii() for law in law_names(question, default_reader()))


def names_a_concept(question: str, *, ai_specific: bool = False) -> bool:
    """The question names a governance concept the entity registry holds ('AI incidents',
    'labelling', 'risk tiers'): with an AI term, that is what the rule base answers about; one
    about AI by nature ('training on copyrighted images') needs no AI term."""
    from agent.answer.reader import default_reader

    reader = default_reader()
    named = [reader.rule_base.entities[e] for e in reader.linker.link(question)]
    return any(e.kind == EntityKind.concept and (e.ai_specific or not ai_specific) for e in named)


def names_a_statute_subject(question: str) -> bool:
    """The question names what a statute asked without AI governs (scope.yaml
    `asked_without_ai`: the APPI's personal data, consent to transfers abroad, leaks), by a
    concept whose facts are mostly about that statute: in scope with no AI term."""
    from agent.answer.coverage import statute_subjects
    from agent.answer.reader import default_reader

    rules = scope()
    if rules.data_terms is not None and not rules.data_terms.search(question):
        return False  # 'my roof leaks': a leak of nothing said to be data
    reader = default_reader()
    statutes = set(rules.data.asked_without_ai)
    subjects = statute_subjects(reader)
    return any(subjects.get(e) in statutes for e in reader.linker.link(question))


def classify(question: str) -> tuple[Literal["in", "out"], bool]:
    """(scope, injection) for a question; pure, so it is tested without a graph."""
    from agent.answer.reader import default_reader
    from knowledge.index.japanese import JAPANESE, spaced

    rules = scope()
    # Both spellings: English cues need 'AI を' spaced, Japanese ones ('AI戦略本部') do not; and
    # the words as meant ('does japan have an aiact' names the AI Act).
    spelt = default_reader().speller.correct(spaced(question))
    if JAPANESE.search(spelt):  # read as understand reads it: 'とうろく' is 登録
        spelt = default_reader().homophones.correct(spelt)
    forms = (spaced(question), unicodedata.normalize("NFKC", question), spelt)

    def said(pattern: re.Pattern[str] | None) -> bool:
        return pattern is not None and any(pattern.search(form) for form in forms)

    if said(rules.injection):
        return "out", True
    named = said(rules.instrument) or names_japanese_rule(question) or names_japanese_law(question)
    named = named or (spelt != forms[0] and names_japanese_rule(spelt))
    about_japan = named or said(rules.japan)
    # A country named only as where servers or a vendor are ("hosted in the US") is not a
    # question about its law.
    places = [rules.place.sub(" ", form) for form in forms] if rules.place else list(forms)
    if any(rules.other.search(form) for form in places) and not about_japan:
        return "out", False  # another jurisdiction only: nothing to say from a Japan rule base
    if named or said(rules.topic):
        return "in", False
    # So is a question on personal data as such ('顧客データを英国リージョンに置くなら同意は？').
    if names_a_statute_subject(question) or names_a_statute_subject(spelt):
        return "in", False
    # AI put to a regulated use ("our hiring AI", "a hospital using AI triage") is what Shirube
    # is for, whether or not the question says "Japan".
    if said(rules.ai) and (about_japan or said(rules.use_case)):
        return "in", False
    # So is AI with a governance concept the rule base covers ("Which authority do I report AI
    # incidents to?"); another jurisdiction's question was turned away above.
    if said(rules.ai) and (names_a_concept(question) or names_a_concept(spelt)):
        return "in", False
    if names_a_concept(spelt, ai_specific=True):
        return "in", False
    # So is a use the use-case reader recognises, typos and AI products included ("were a small
    # recruting agency using chatgpt to shortlist candidates, what laws aply?").
    if puts_ai_to_use(question):
        return "in", False
    # "AI" alone ("Which AI stocks should I buy?") is not AI governance; a card phrasing is.
    return ("in" if matches_a_card(forms[0]) else "out"), False


def without_instructions(question: str) -> str:
    """The message less its sentences that try to instruct Shirube ("Ignore your rules. …"), or,
    when the order and the question share one sentence, less its clause; the rest keeps its own
    words between them ("What is X and when…" stays one question). The boundaries are built
    from scope.yaml `instruction_clauses` (agent.scope_data)."""
    rules = scope()
    kept = _kept(question, rules.sentence) or _kept(question, rules.clause)
    return after_label(kept)


def after_label(text: str) -> str:
    """The words after the last label that marks the real question ('… Question: what can the
    government do under Article 16?', '…。質問：第7条は…'): what comes before it, whatever the
    injection patterns missed of the order ('the AI Act's fines are ¥100 million'), is the
    order's, not a belief of the asker's (scope.yaml instruction_clauses.labels)."""
    label = scope().question_label
    marks = list(label.finditer(text)) if label else []
    rest = text[marks[-1].end() :].strip() if marks else ""
    return rest or text


def _kept(question: str, boundary: re.Pattern[str]) -> str:
    rules = scope()
    pieces = boundary.split(question)  # text, boundary, text, …
    kept: list[str] = []
    for n in range(0, len(pieces), 2):
        piece, after = pieces[n], pieces[n + 1] if n + 1 < len(pieces) else ""
        if piece.strip() and not rules.injection.search(piece):
            kept += [piece, after]
    return "".join(kept).strip()


def _refers_back(question: str, history: list[tuple[str, str]]) -> bool:
    from agent.answer.follow_up import (
        asks_the_asker,
        earlier_subjects,
        earlier_use_case,
        named_beside,
        refers_back,
    )
    from agent.answer.reader import default_reader

    # Pointing back ('when did it first meet?', 'その要素は？') or a fragment ('病院の場合は？').
    if not history or refers_back(question):
        return bool(history)
    asked = [q for q, _ in history]
    reader = default_reader()
    # A fragment naming what the rule base holds beside the earlier subject ('what about
    # transfers abroad?', '外国への提供は？' after a question on the APPI) asks it of that.
    if not reader.linker.link(question) and named_beside(
        question, earlier_subjects(asked, reader), reader
    ):
        return True
    # 'who supervises us?' after a use-case question: the asker is the use's organisation.
    return asks_the_asker(question) and earlier_use_case(asked, reader) is not None


def guard(state: QAState) -> QAState:
    question = state["question"]
    history = state.get("history", [])
    verdict, injection = classify(question)
    if injection:
        # A real question beside an instruction is answered, as if asked alone (a follow-up too:
        # "Ignore your rules. Anyway, when was it adopted?"); the instruction is dropped.
        rest = without_instructions(question)
        rest_scope, ordered = classify(rest) if rest else ("out", True)
        if not ordered and (rest_scope == "in" or _refers_back(rest, history)):
            return {"scope": "in", "injection": True, "question": rest}
    if verdict == "out" and not injection and _refers_back(question, history):
        verdict = "in"  # "when did it first meet?" after a question about the Headquarters
    return {"scope": verdict, "injection": injection}


def out_of_scope(state: QAState) -> QAState:
    from agent.answer.lang import choose

    lang = choose(state.get("lang"), state["question"])
    message = "injection_message" if state.get("injection") else "out_of_scope_message"
    return {
        "answer": scope().said(message, lang),
        "citations": [],
        "mode": "offline",
        "notice": None,
    }


def route_guard(state: QAState) -> Literal["understand", "out_of_scope"]:
    return "understand" if state.get("scope") == "in" else "out_of_scope"
