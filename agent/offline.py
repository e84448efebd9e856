"""The offline composer: a cited Markdown answer built only from the rule base's cards.

Used whenever no model answers. The first sentence answers the question asked (Yes./No. for a
yes/no question), then the key facts relevant to it; every paragraph carries numbered citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from agent.intents import (
    INTENT_BONUS,
    asked_intents,
    distinctive,
    expand_terms,
    fact_score,
    gives,
    intent_words,
    stems,
)
from agent.scope_data import scope
from agent.state import AnswerCitation, QAState
from knowledge.loader import RuleBase, load_rule_base
from knowledge.schema import Citation, TopicCard

OFFLINE_NOTICE = "Offline mode: answer composed from Shirube's rule base (no model)."
NO_ANSWER = "Shirube's rule base has nothing that answers this question, so it will not guess."
MAX_ITEMS = 3
NEAR_TIE = 0.97  # fused scores this close to the best count as a tie
FACTS_PER_ITEM = 3


@dataclass
class Item:
    """One card (or passage) the answer draws on."""

    text: str
    facts: list[str]
    citations: list[Citation]
    yes_no: str | None = None
    part: str = ""
    markers: list[int] = field(default_factory=list)
    card_id: str | None = None
    extra_fact: bool = False
    """True for a card drawn on only for one fact the question asks for (a date, a number)."""
    same_subject: bool = True
    """False when the card answers a question about another subject (see _yes_no_fits)."""
    answered: bool = False
    """True when a legal-force lead already said yes/no: the card's own opening is dropped."""


def _is_yes_no(part: str) -> bool:
    return bool(scope().yes_no.search(part.strip()))


YES_NO_MATCH = 0.5  # share of the question's words one of the card's phrasings must contain


def _yes_no_fits(card: TopicCard, part: str) -> bool:
    """A card's "Yes."/"No." answers its own question; reuse it only for much the same question.

    "Does the PPC alert bind companies?" may retrieve the card on whether the alert reaches
    public bodies, whose "Yes." would then be false.
    """
    asked = stems(expand_terms(part))
    if not asked:
        return True
    best = max(len(asked & stems(text)) for text in (card.title, *card.questions))
    return best / len(asked) >= YES_NO_MATCH


def _card_item(card: TopicCard, part: str) -> Item:
    return Item(
        card.answer,
        list(card.key_facts),
        list(card.citations),
        card.yes_no,
        part,
        card_id=card.id,
        same_subject=_yes_no_fits(card, part),
    )


def _passage_item(passage: Any, part: str) -> Item | None:
    if not passage.source_id:
        return None
    return Item(
        passage.text, [], [Citation(source=passage.source_id, section=passage.section)], None, part
    )


def _best_topic(part: str, passages: list[Any], rb: RuleBase, used: set[str]) -> Any | None:
    """The top topic passage, or a near-tie whose card's own questions match the part better.

    Fused scores of the top cards are often within a hair of each other; the card whose
    phrasings share most words with the question is then the better answer.
    """
    topics = [p for p in passages if p.kind == "topic" and p.ref_id in rb.topics]
    topics = [p for p in topics if p.ref_id not in used]
    if not topics:
        return None
    close = [p for p in topics if p.score >= topics[0].score * NEAR_TIE]
    # Another jurisdiction ("EU") is context for a Japan answer, never what decides the card.
    asked = {w for w in stems(part) if not scope().other.fullmatch(w)}
    intents = asked_intents(part)

    def overlap(p: Any) -> int:
        # Stemmed, so "penalties" meets "penalty"; a card holding the kind of fact asked for
        # (a date for "when") wins a tie against one that only shares words.
        card = rb.topics[p.ref_id]
        # A name in the title ("AISI", "Article 13") that few cards share counts twice.
        named = 2 * len(distinctive(asked & stems(card.title)))
        words = max(len(asked & stems(q)) for q in [card.title, *card.questions])
        held = intents and any(gives(f, intents) for f in card.key_facts)
        return words + named + (2 if held else 0)

    return max(close, key=overlap)  # max keeps the first (best-ranked) among equals


def pick_items(parts: list[str], part_passages: list[list[Any]], rb: RuleBase) -> list[Item]:
    """The best card for each part (then for the whole question), without repeats."""
    items: list[Item] = []
    used: set[str] = set()
    for index, passages in enumerate(part_passages):
        part = parts[index] if index < len(parts) else " ".join(parts)
        if index >= len(parts) and items:
            break  # the whole-question search only fills in when the parts found nothing
        topic = _best_topic(part, passages, rb, used)
        if topic is not None:
            used.add(topic.ref_id)
            items.append(_card_item(rb.topics[topic.ref_id], part))
        else:
            fresh = [p for p in passages if p.id not in used]
            item = _passage_item(fresh[0], part) if fresh else None
            if item is not None:
                used.add(fresh[0].id)
                items.append(item)
        if len(items) >= MAX_ITEMS:
            break
    return items


def _drop_opening(text: str, openings: tuple[str | None, ...]) -> str:
    for opening in filter(None, openings):
        word = opening.rstrip(".").lower()
        if text.lower().startswith(word):
            rest = text[len(word) :].lstrip(" .,:;")
            return rest[:1].upper() + rest[1:]
    return text


def _lead(item: Item) -> str:
    """The card's answer, opened with its direct yes/no phrase when a yes/no question asked."""
    text = item.text.strip()
    if not item.same_subject or item.answered:
        # A card drawn on for a question about something else: its own direct answer
        # ("Yes.", or a myth card's "Wrong.") answers a different question.
        return _drop_opening(text, (item.yes_no, "Wrong."))
    if item.yes_no is None:
        return text
    if not _is_yes_no(item.part):
        # "How does X compare …?" is not answered by "No.": drop the card's yes/no opening.
        return _drop_opening(text, (item.yes_no,))
    if text.lower().startswith(item.yes_no.rstrip(".").lower()) or re.match(
        r"(yes|no)\b", text, re.IGNORECASE
    ):
        return text
    # A myth card's "Wrong." corrects a statement; a question gets the plain "No."/"Yes.".
    return f"{item.yes_no} {_drop_opening(text, ('Wrong.',))}"


def _relevant_facts(item: Item, question: str) -> list[str]:
    if item.extra_fact:
        return item.facts
    asked, intents = stems(question), asked_intents(question)
    ranked = sorted(item.facts, key=lambda f: -fact_score(f, asked, intents))  # stable for ties
    return [f for f in ranked[:FACTS_PER_ITEM] if f.strip() and f not in item.text]


def _fact_card(
    question: str, items: list[Item], part_passages: list[list[Any]], rb: RuleBase
) -> Item | None:
    """A card holding the fact the question asks for (a date, a number, a body) when it gives
    it better than the chosen cards do: retrieved cards first, then any card sharing more words.
    """
    intents = asked_intents(question)
    if not intents:
        return None
    asked = stems(question)
    subject = asked - intent_words(question)
    # Sharing only the asked-for word ("binding") is not enough: the fact must be about the
    # question's subject too.
    floor = max(
        (fact_score(f, asked, intents) for item in items for f in item.facts if gives(f, intents)),
        default=INTENT_BONUS + 1,
    )
    used = {item.card_id for item in items}
    retrieved = [p.ref_id for ps in part_passages for p in ps if p.kind == "topic"]
    best: tuple[int, str, str] | None = None
    for card_id in dict.fromkeys([*retrieved, *rb.topics]):
        if card_id in used or card_id not in rb.topics:
            continue
        need = 1 if card_id in retrieved else 2  # an unretrieved card must share more words
        for fact in rb.topics[card_id].key_facts:
            shared = len(stems(fact) & subject)
            score = len(stems(fact) & asked) + INTENT_BONUS
            better = best is None or score > best[0]
            if shared >= need and score > floor and better and gives(fact, intents):
                best = (score, card_id, fact)
    if best is None:
        return None
    card, fact = rb.topics[best[1]], best[2]
    # Cite the section the fact names, else the instrument as a whole (not another section).
    named = [c for c in card.citations if c.section and c.section in fact]
    cite = named[:1] or [Citation(source=card.citations[0].source)]
    return Item(card.answer, [fact], cite, None, question, [], card.id, True)


def _with_legal_force_lead(question: str, parts: list[str], items: list[Item]) -> list[Item]:
    """Open with the named instrument's legal force when the question asks if it binds/fines."""
    from agent.legal_force import lead_intents, legal_force_lead

    asking = [p for p in parts or [question] if lead_intents(p)]
    first = items[0] if items and items[0].same_subject else None
    yes_no = any(_is_yes_no(p) for p in asking or [question])
    lead = legal_force_lead(question, yes_no, first.yes_no if first else None)
    if lead is None:
        return items
    for index, item in enumerate(items):
        # The card answering the binding question would otherwise repeat (or contradict) it.
        item.answered = index == 0 or item.part in asking
    cite = [Citation(source=lead.source)]
    return [Item(lead.text, [], cite, None, question, card_id=None), *items]


def compose(
    question: str, parts: list[str], part_passages: list[list[Any]]
) -> tuple[str, list[AnswerCitation]]:
    """Markdown answer and its numbered citations, from the retrieved passages."""
    rb = load_rule_base()
    items = pick_items(parts, part_passages, rb)
    if not items:
        return NO_ANSWER, []
    extra = _fact_card(question, items, part_passages, rb)
    if extra is not None:
        items.append(extra)
    items = _with_legal_force_lead(question, parts, items)
    citations: list[AnswerCitation] = []
    index: dict[tuple[str, str | None], int] = {}
    for item in items:
        for cite in item.citations:
            key = (cite.source, cite.section)
            if key not in index and cite.source in rb.sources:
                src = rb.sources[cite.source]
                citations.append(AnswerCitation.from_source(src, cite.section, item.text))
                index[key] = len(citations)
            if key in index and index[key] not in item.markers:
                item.markers.append(index[key])
    blocks: list[str] = []
    for item in items:
        if not item.extra_fact:
            marks = " ".join(f"[{n}]" for n in item.markers)
            blocks.append(f"{_lead(item)} {marks}".strip())
    facts = [
        f"{f} {' '.join(f'[{n}]' for n in item.markers)}" if item.extra_fact else f
        for item in items
        for f in _relevant_facts(item, question)
    ]
    if facts:
        blocks.append("**Key facts**\n\n" + "\n".join(f"- {f}" for f in facts))
    return "\n\n".join(blocks), citations


def offline_answer(state: QAState) -> QAState:
    # Late import: the use-case reader pulls in the assessment tools only when answering.
    from agent.use_case import TOOLS_CALLED, compose_use_case, read_use_case

    # Japanese terms gain their English rule-base words, so facts can be matched to them.
    question = expand_terms(state["question"])
    reading = read_use_case(state["question"])
    called: dict[str, list[str]] = {}
    if reading.is_use_case:
        # A described use case is answered by the assessment tools, not the nearest topic card.
        text, citations = compose_use_case(reading)
        called = {"tools_called": list(TOOLS_CALLED)}
    else:
        text, citations = compose(question, state.get("parts", []), state.get("part_passages", []))
    notice = OFFLINE_NOTICE
    if state.get("model_error"):
        notice = f"{OFFLINE_NOTICE} Model unavailable: {state['model_error']}."
    elif state.get("problems"):
        notice = f"{OFFLINE_NOTICE} The model's answer failed verification and was replaced."
    return {
        "answer": text,
        "citations": citations,
        "mode": "offline",
        "notice": notice,
        **called,  # otherwise the model's calls (before a fallback) stay on record
    }
