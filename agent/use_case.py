"""Use-case hints: the words of a question ("our hiring AI ranks candidates, what applies?")
read into a partial profile with knowledge/data/use_case_hints.yaml; the answer engine then
answers it from the assessment tools (agent/answer/use_case.py).
"""

from __future__ import annotations

import re
import typing
from typing import Any

from pydantic import BaseModel

from agent.answer.spelling import Speller
from core.profile import UseCaseProfile
from knowledge.defaults import derived
from knowledge.hints import Hint, HintFile, hints

# The seam spaced() puts between Japanese and Latin letters ('生成AIで' → '生成 AI で'): English
# patterns need it, Japanese ones ('生成ai') are written without it.
_SEAM = re.compile(r"(?<=[^\x00-\x7f]) (?=[a-z])|(?<=[a-z]) (?=[^\x00-\x7f])", re.IGNORECASE)


class _Compiled(typing.NamedTuple):
    # Any one pattern found says it (each compiled once, as the hint file was validated).
    asks: tuple[re.Pattern[str], ...]
    actors: tuple[re.Pattern[str], ...]
    activities: tuple[re.Pattern[str], ...]
    permission: tuple[re.Pattern[str], ...]
    uses_tool: tuple[re.Pattern[str], ...]
    states_wish: tuple[re.Pattern[str], ...]
    hints: list[tuple[Hint, re.Pattern[str], re.Pattern[str] | None]]
    speller: Speller
    ja_asks: frozenset[str]
    ja_question: re.Pattern[str]
    ja_wish: frozenset[str]
    ja_doing: frozenset[str]
    ja_polite: frozenset[str]
    ja_verb_endings: frozenset[str]
    ja_passive: frozenset[str]
    ja_intend: frozenset[str]
    ja_suppose: frozenset[str]
    ja_automation: tuple[str, ...]
    ja_automation_links: frozenset[str]
    ja_machine_work: frozenset[str]
    ja_machines: frozenset[str]


def _vocabulary(data: HintFile) -> Speller:
    """The words the patterns are written in, to read a misspelt word as the one it misspells
    (the rapidfuzz speller the answer engine uses for the rule base's own words)."""
    return Speller(data.vocabulary())


@derived
def _compiled() -> _Compiled:
    data = hints()
    return _Compiled(
        asks=tuple(map(data.regex, data.asks)),
        actors=tuple(map(data.regex, data.actors)),
        activities=tuple(map(data.regex, data.activities)),
        permission=tuple(map(data.regex, data.permission)),
        uses_tool=tuple(map(data.regex, data.uses_tool)),
        states_wish=tuple(map(data.regex, data.states_wish)),
        hints=[
            (h, data.regex(h.pattern), data.regex(h.unless) if h.unless else None)
            for h in data.hints
        ],
        speller=_vocabulary(data),
        ja_asks=frozenset(data.ja_asks),
        ja_question=re.compile(data.ja_question),
        ja_wish=frozenset(data.ja_wish),
        ja_doing=frozenset(data.ja_doing),
        ja_polite=frozenset(data.ja_polite),
        ja_verb_endings=frozenset(data.ja_verb_endings),
        ja_intend=frozenset(data.ja_intend),
        ja_suppose=frozenset(data.ja_suppose),
        ja_passive=frozenset(data.ja_passive),
        ja_automation=tuple(data.ja_automation),
        ja_automation_links=frozenset(data.ja_automation_links),
        ja_machine_work=frozenset(data.ja_machine_work) | frozenset(data.ja_doing),
        ja_machines=frozenset(data.ja_machines),
    )


class _JapaneseShape(typing.NamedTuple):
    asks: bool
    wish: bool
    automation: bool = False
    question: bool = False


def _japanese_shape(question: str, compiled: _Compiled) -> _JapaneseShape:
    """A Japanese question's ask and actor by its words, not its phrasing: a question with a word
    that asks what applies or what to do (any of its inflections: 注意すれば, 気をつける), and a
    wish of the speaker's (導入したい), read with SudachiPy; English text reads as neither."""
    from knowledge.index.japanese import JAPANESE, lemma_sequence

    if not JAPANESE.search(question):
        return _JapaneseShape(asks=False, wish=False)
    # Whole words: 冷たい is one word, so its たい is no wish.
    sequence = lemma_sequence(question)
    said = set(sequence)
    asks = bool(compiled.ja_question.search(question)) and bool(said & compiled.ja_asks)
    return _JapaneseShape(
        question=bool(compiled.ja_question.search(question)),
        asks=asks,
        wish=bool(said & compiled.ja_wish) or _states_doing(sequence, compiled),
        automation=_automates(sequence, compiled),
    )


def _names_machine(task: str, after: tuple[str, ...], compiled: _Compiled) -> bool:
    """A task said as a verb, then a machine ('識別 為る カメラ', '見付ける システム'); a noun
    compound ('監視カメラ', '防犯カメラ') names a kind of camera, not one doing a task."""
    if after[:1] == ("為る",):
        return after[1:2] != () and after[1] in compiled.ja_machines
    verb = "\u3040" <= task[-1] <= "\u309f"  # a verb's dictionary form ends in kana (見付ける)
    return verb and after[:1] != () and after[0] in compiled.ja_machines


# How many linking words may stand between 自動 and its task ('自動 的 だ 判定').
_LINK_WORDS = 2


def _automates(sequence: tuple[str, ...], compiled: _Compiled) -> bool:
    """A machine doing a task by itself: a word of automation then a task ('自動 で 見付ける'),
    or a compound headed by one ('自動判定', '自動運転'); or a machine named by its task
    ('識別 為る カメラ'). '自動車' and '自動的に適用' do no task."""
    work = compiled.ja_machine_work
    for n, word in enumerate(sequence):
        if word in work and _names_machine(word, sequence[n + 1 : n + 3], compiled):
            return True
        for head in compiled.ja_automation:
            if word == head:
                after = list(sequence[n + 1 : n + 2 + _LINK_WORDS])
                while after and after[0] in compiled.ja_automation_links:
                    after.pop(0)
                if after and after[0] in work:
                    return True
            elif word.startswith(head) and word[len(head) :] in work:
                return True
    return False


# How many words after a verb its polite ending may come ('組み込ん で い ます').
_ENDING_WORDS = 4


def _states_doing(sequence: tuple[str, ...], compiled: _Compiled) -> bool:
    """A verb of putting AI to work closed politely in the active voice ('導入します',
    '使っています'), or followed by と and a verb of intending ('使おうと考えています'): the speaker
    states their own use or plan."""
    for n, word in enumerate(sequence):
        if word not in compiled.ja_doing:
            continue
        ending = sequence[n + 1 : n + 1 + _ENDING_WORDS]
        plan = [w for w in ending if w != "為る"][:2]  # 導入 (為る) と 考える
        if len(plan) == 2 and plan[0] == "と" and plan[1] in compiled.ja_intend:
            return True
        if plan and plan[0] in compiled.ja_suppose:  # 分析 (為る) 場合
            return True
        if not ending or ending[0] not in compiled.ja_verb_endings:
            continue  # a noun ('設置義務'), not a verb
        if set(ending) & compiled.ja_polite and not set(ending) & compiled.ja_passive:
            return True
    return False


class Reading(BaseModel):
    """What a question says about its use case: the partial profile and the hints behind it."""

    profile: UseCaseProfile
    hints: list[Hint]
    asks: bool
    actor: bool = False
    """Someone speaks for their own organisation ("we", "our clinic", 弊社)."""
    activity: bool = False
    """The question puts AI to work (an AI word, a product, generating content)."""
    permission: bool = False
    """It asks leave with no one named ("is it legal to …", 'しても問題ないですか')."""

    @property
    def placed(self) -> bool:
        """The question places the use: a sector, a public body, a decision about people, or
        people whose data it holds."""
        p = self.profile
        placed = bool(p.sectors) or p.organisation != "company" or p.decisions_about_people
        return placed or any(h.places for h in self.hints)

    @property
    def own_use(self) -> bool:
        """The asker's own use: an actor, or leave asked for a use the question places, not a
        general question on a topic."""
        return self.actor or (self.permission and self.placed)

    @property
    def is_use_case(self) -> bool:
        """An ask about a use: named by a use-case hint (a sector, a decision about people…),
        or by its shape alone, an actor putting AI to work."""
        described = any(h.use_case for h in self.hints) or (
            (self.actor or self.permission) and self.activity
        )
        return self.asks and described

    @property
    def reads(self) -> list[str]:
        return self.reads_in("en")

    def reads_in(self, lang: str) -> list[str]:
        """What was read, in `lang` (a hint with no Japanese text is named in English)."""
        texts = [(h.reads_ja or h.reads) if lang == "ja" else h.reads for h in self.hints]
        parts = [p.strip() for text in texts for p in text.replace("、", ",").split(",")]
        return list(dict.fromkeys(parts))


def _merge(values: dict[str, Any], sets: dict[str, Any]) -> None:
    fields = UseCaseProfile.model_fields
    for name, value in sets.items():
        annotation = fields[name].annotation
        if isinstance(value, list):
            values[name] = list(dict.fromkeys([*values.get(name, []), *value]))
        elif typing.get_origin(annotation) is typing.Literal and name in values:
            # A single choice keeps the furthest value in the profile's order (sensitive wins).
            order = typing.get_args(annotation)
            values[name] = max(values[name], value, key=order.index)
        else:
            values[name] = value


def merged_profile(hints: list[Hint]) -> UseCaseProfile:
    """The partial profile `hints` read together (a follow-up carries them from turn to turn)."""
    values: dict[str, Any] = {}
    for hint in hints:
        _merge(values, hint.sets)
    return UseCaseProfile(**values)


def _corrected(speller: Speller, question: str) -> str:
    """Misspelt words read as the patterns' own ('recruting' → 'recruiting', 'aply' → 'apply').
    A word that extends a pattern word ('prioritise' after the stem 'prioriti') is no typo."""

    def word(match: re.Match[str]) -> str:
        typed = match.group(0)
        meant = speller.word(typed)
        return typed if typed.lower().startswith(meant.lower()) else meant

    return re.sub(r"[A-Za-z]+", word, question)


def read_use_case(question: str) -> Reading:
    from knowledge.index.japanese import JAPANESE, spaced

    compiled = _compiled()
    # 'ChatGPTに' has a word boundary, as 'ChatGPT to' does; the Japanese patterns are matched
    # on the text as typed too ('生成AIで' keeps '生成ai' whole).
    spelled = _corrected(compiled.speller, spaced(question))
    forms = (spelled, _SEAM.sub("", spelled))

    def said(*patterns: re.Pattern[str] | None) -> bool:
        return any(p is not None and p.search(form) for p in patterns for form in forms)

    japanese = _japanese_shape(question, compiled)
    permission = said(*compiled.permission)
    # Leave asked to put an AI tool to use ("is it legal to use ChatGPT at work?") is the
    # asker's own use: they are its actor though no 'we' is said.
    actor = said(*compiled.actors) or japanese.wish or (permission and said(*compiled.uses_tool))
    matched = [
        hint
        for hint, pattern, unless in compiled.hints
        if said(pattern) and not said(unless) and (actor or not hint.needs_actor)
    ]
    found = {hint.id for hint in matched}
    matched = [hint for hint in matched if not found & set(hint.yields_to)]
    values: dict[str, Any] = {}
    for hint in matched:
        _merge(values, hint.sets)
    # A plan stated with nothing asked ("We want to use AI to …", 'AIを導入予定です。') asks
    # what applies to it, as the question would.
    if JAPANESE.search(question):
        wish = japanese.wish and not japanese.question
    else:
        wish = said(*compiled.states_wish) and "?" not in question
    return Reading(
        profile=UseCaseProfile(**values),
        hints=matched,
        asks=said(*compiled.asks) or japanese.asks or wish,
        actor=actor,
        activity=said(*compiled.activities) or japanese.automation,
        permission=permission,
    )


def puts_ai_to_use(question: str) -> bool:
    """The question describes a use case that puts AI to work and asks what applies to it."""
    reading = read_use_case(question)
    return reading.is_use_case and reading.activity
