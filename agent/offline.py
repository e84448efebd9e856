"""The offline composer: a cited Markdown answer built only from the rule base's cards.

Used whenever no model answers. The first sentence answers the question asked (Yes./No. for a
yes/no question), then the key facts relevant to it; every paragraph carries numbered citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from agent.scope_data import scope
from agent.state import AnswerCitation, QAState
from knowledge.loader import RuleBase, load_rule_base
from knowledge.schema import Citation, TopicCard

OFFLINE_NOTICE = "Offline mode: answer composed from Shirube's rule base (no model)."
NO_ANSWER = "Shirube's rule base has nothing that answers this question, so it will not guess."
MAX_ITEMS = 3
NEAR_TIE = 0.97  # fused scores this close to the best count as a tie
FACTS_PER_ITEM = 3
EXCERPT_CHARS = 240
WORD = re.compile(r"[a-z0-9]+")
# Words too common to say whether a fact is relevant to the question.
STOP = set(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "and",
        "or",
        "is",
        "are",
        "does",
        "do",
        "what",
        "which",
        "who",
        "how",
        "when",
        "for",
        "with",
        "by",
        "it",
    ]
)


@dataclass
class Item:
    """One card (or passage) the answer draws on."""

    text: str
    facts: list[str]
    citations: list[Citation]
    yes_no: str | None = None
    part: str = ""
    markers: list[int] = field(default_factory=list)


def _words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in STOP}


def _is_yes_no(part: str) -> bool:
    return bool(scope().yes_no.search(part.strip()))


def _card_item(card: TopicCard, part: str) -> Item:
    return Item(card.answer, list(card.key_facts), list(card.citations), card.yes_no, part)


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
    asked = _words(part)

    def overlap(p: Any) -> int:
        card = rb.topics[p.ref_id]
        return max(len(asked & _words(q)) for q in [card.title, *card.questions])

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


def _lead(item: Item) -> str:
    """The card's answer, opened with its direct yes/no phrase when a yes/no question asked."""
    text = item.text.strip()
    if item.yes_no is None:
        return text
    opening = item.yes_no.rstrip(".").lower()
    if not _is_yes_no(item.part):
        # "How does X compare …?" is not answered by "No.": drop the card's yes/no opening.
        if text.lower().startswith(opening):
            rest = text[len(opening) :].lstrip(" .,:;")
            return rest[:1].upper() + rest[1:]
        return text
    if text.lower().startswith(opening) or re.match(r"(yes|no)\b", text, re.IGNORECASE):
        return text
    return f"{item.yes_no} {text}"


def _relevant_facts(item: Item, question: str) -> list[str]:
    asked = _words(question)
    ranked = sorted(item.facts, key=lambda f: -len(_words(f) & asked))  # stable for ties
    return [f for f in ranked[:FACTS_PER_ITEM] if f.strip() and f not in item.text]


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rstrip() + "…"


def compose(
    question: str, parts: list[str], part_passages: list[list[Any]]
) -> tuple[str, list[AnswerCitation]]:
    """Markdown answer and its numbered citations, from the retrieved passages."""
    rb = load_rule_base()
    items = pick_items(parts, part_passages, rb)
    if not items:
        return NO_ANSWER, []
    citations: list[AnswerCitation] = []
    index: dict[tuple[str, str | None], int] = {}
    for item in items:
        for cite in item.citations:
            key = (cite.source, cite.section)
            if key not in index and cite.source in rb.sources:
                src = rb.sources[cite.source]
                citations.append(
                    AnswerCitation(
                        id=src.id,
                        title=src.title_en,
                        section=cite.section,
                        url=src.url,
                        legal_force=src.legal_force.value,
                        excerpt=_excerpt(item.text),
                    )
                )
                index[key] = len(citations)
            if key in index and index[key] not in item.markers:
                item.markers.append(index[key])
    blocks: list[str] = []
    for item in items:
        marks = " ".join(f"[{n}]" for n in item.markers)
        blocks.append(f"{_lead(item)} {marks}".strip())
    facts = [f for item in items for f in _relevant_facts(item, question)]
    if facts:
        blocks.append("**Key facts**\n\n" + "\n".join(f"- {f}" for f in facts))
    return "\n\n".join(blocks), citations


def offline_answer(state: QAState) -> QAState:
    text, citations = compose(
        state["question"], state.get("parts", []), state.get("part_passages", [])
    )
    notice = OFFLINE_NOTICE
    if state.get("model_error"):
        notice = f"{OFFLINE_NOTICE} Model unavailable: {state['model_error']}."
    elif state.get("problems"):
        notice = f"{OFFLINE_NOTICE} The model's answer failed verification and was replaced."
    return {"answer": text, "citations": citations, "mode": "offline", "notice": notice}
