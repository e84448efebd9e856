"""Numbered citations, one per instrument: sections cited from it are listed together."""

from __future__ import annotations

from collections.abc import Iterable

from agent.answer.numbering import FIRST
from agent.state import AnswerCitation
from knowledge.loader import RuleBase
from knowledge.schema import Citation
from knowledge.ui_labels import joined


class Citations:
    """Numbers instruments in the order an answer first cites them."""

    def __init__(self, rule_base: RuleBase, lang: str = "en") -> None:
        self.rule_base = rule_base
        self.lang = lang
        self._order: list[str] = []
        self._sections: dict[str, list[str]] = {}
        self._excerpts: dict[str, str] = {}

    def marks(self, cites: Iterable[Citation], excerpt: str) -> str:
        """'[1][2]' for these citations, adding any instrument not yet numbered."""
        numbers: list[int] = []
        for cite in cites:
            if cite.source not in self.rule_base.sources:
                continue
            if cite.source not in self._sections:
                self._order.append(cite.source)
                self._sections[cite.source] = []
                self._excerpts[cite.source] = excerpt
            sections = self._sections[cite.source]
            if cite.section and cite.section not in sections:
                sections.append(cite.section)
            number = self._order.index(cite.source) + FIRST
            if number not in numbers:
                numbers.append(number)
        return "".join(f"[{n}]" for n in sorted(numbers))

    @property
    def sources(self) -> list[str]:
        return list(self._order)

    def items(self) -> list[AnswerCitation]:
        return [
            AnswerCitation.from_source(
                self.rule_base.sources[sid],
                joined(self._sections[sid], self.lang) or None,
                self._excerpts[sid],
                self.lang,
            )
            for sid in self._order
        ]
