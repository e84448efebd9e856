"""use_case_hints.yaml: words in a question mapped to partial use-case profile values."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from core.profile import UseCaseProfile
from core.regex_program import Program, compiled, program
from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.schema import compiles

HINTS_FILE = DATA_DIR / "use_case_hints.yaml"  # the packaged one (RuleBase.data_file)
# `{people}` in a pattern names a word list; regex counts ('{0,2}') hold no letters.
_WORD_LIST = re.compile(r"\{([a-z_]+)\}")
# A regex escape ('\b', '\w', '\s') is no word of the vocabulary.
_ESCAPE = re.compile(r"\\[a-zA-Z]")
# How deep word lists may name one another.
_NESTING = 4


class Hint(BaseModel):
    """Words in a question → partial profile values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    pattern: str
    reads: str = Field(description="How the answer names what it read, e.g. 'finance sector'.")
    reads_ja: str | None = Field(default=None, description="`reads` in Japanese ('、' between).")
    sets: dict[str, Any] = Field(min_length=1)
    unless: str | None = None
    use_case: bool = True
    """False for context words that alone do not make a question about a use case."""
    needs_actor: bool = False
    """True: applies only where someone speaks for their own organisation (`actors`)."""
    places: bool = False
    """True: names whom the use concerns (people whose data it holds), so leave asked with no
    one named ("is it legal to read employees' emails?") is about a use, not a topic."""
    names: list[str] = Field(default_factory=list)
    """Rule-base entities the hint's words name without their names ("recognise shoplifters by
    their faces" names facial recognition): the use-case answer's facts cover them too."""
    yields_to: list[str] = Field(default_factory=list)
    """Hints whose reading overrides this one's when both apply: residents read as the public an
    AI is offered to (`consumers`) are not that when the AI ranks or films them."""

    _check_pattern = field_validator("pattern", "unless")(lambda v: v if v is None else compiles(v))

    @field_validator("sets")
    @classmethod
    def _known_fields(cls, sets: dict[str, Any]) -> dict[str, Any]:
        # The profile model (extra="forbid") names any unknown field or value outright.
        UseCaseProfile.model_validate(sets)
        if {"name", "description"} & sets.keys():
            raise ValueError("hints set profile facts, not the free-text name or description")
        return sets


class HintFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    words: dict[str, list[str]] = Field(default_factory=dict)
    """Word lists a pattern names as `{name}`: one list (the people data is held about, public
    bodies) serves every pattern that needs it."""
    asks: list[str] = Field(min_length=1)
    actors: list[str] = Field(default_factory=list)
    """Someone speaking for their own organisation ("we", "our clinic", 弊社)."""
    activities: list[str] = Field(default_factory=list)
    """Putting AI to work (an AI word, a product name, generating content)."""
    permission: list[str] = Field(default_factory=list)
    """Asking leave with no one named ("is it legal to …", 'しても問題ないですか')."""
    states_wish: list[str] = Field(default_factory=list)
    """A plan or wish of the asker's stated, nothing asked ("We want to use AI to …."): with
    an actor putting AI to work it asks what applies, as a question would (English; Japanese
    reads `ja_wish` with no `ja_question`)."""
    uses_tool: list[str] = Field(default_factory=list)
    """Putting an AI tool to use ("use ChatGPT", 'AIを使って'): leave asked for it is the
    asker's own use, the asker its unnamed actor."""
    ja_asks: list[str] = Field(default_factory=list)
    """Japanese words, in their dictionary form (SudachiPy's normalised form: 気を付ける →
    '気', '付ける'), that ask what applies or what to do when the sentence is a question."""
    ja_question: str = "(?!)"
    """A Japanese question: a question mark, a closing か, a question word."""
    ja_doing: list[str] = Field(default_factory=list)
    """Verbs of putting AI to work (dictionary form) that, stated politely in the active voice
    ('導入します', '組み込んでいます'), describe the speaker's own use."""
    ja_polite: list[str] = Field(default_factory=list)
    """The polite ending that closes such a statement (ます)."""
    ja_verb_endings: list[str] = Field(default_factory=list)
    """The word right after such a verb (導入 為る, 使う て); not after a noun (設置義務)."""
    ja_passive: list[str] = Field(default_factory=list)
    """Passive endings: 'AIは医療で使われています' states a general fact, not the speaker's use."""
    ja_wish: list[str] = Field(default_factory=list)
    """Words (dictionary form) of a wish or plan that make the speaker the actor ('導入したい':
    たい, '導入する予定': 予定)."""
    ja_suppose: list[str] = Field(default_factory=list)
    """Words right after such a verb that suppose the speaker's use ('分析する場合の注意点':
    場合)."""
    ja_intend: list[str] = Field(default_factory=list)
    """Verbs of intending (考える, 思う) that, after such a verb and と, state the speaker's plan
    ('使おうと考えています'; the volitional ending drops out of the dictionary form)."""
    ja_automation: list[str] = Field(default_factory=list)
    """Words (dictionary form) of a machine working by itself (自動, 無人): followed by a task,
    or heading a compound of one (自動判定, 自動運転), they put automation to work, AI word or none
    ('不良品を自動で見つけるカメラ')."""
    ja_automation_links: list[str] = Field(default_factory=list)
    """Words that may stand between such a word and its task ('自動 で 見付ける', '自動的 だ')."""
    ja_machines: list[str] = Field(default_factory=list)
    """Machines (dictionary form) named by a task before them ('識別するカメラ')."""
    ja_machine_work: list[str] = Field(default_factory=list)
    """Tasks (dictionary form) a machine does by itself: finding, judging, answering, driving;
    besides `ja_doing`."""
    hints: list[Hint] = Field(min_length=1)
    # Each expanded pattern compiled as a question is read: validating the file compiles them
    # all, and reading questions reuses them (compiling them twice was a cold start's cost).
    _regexes: dict[str, re.Pattern[str]] = PrivateAttr(default_factory=dict)
    # The same as programs (core.regex_program), which the validated cache keeps: a process that
    # reads the file from it turns them into patterns in milliseconds, not ~0.2 s of re.compile.
    _programs: dict[str, Program] = PrivateAttr(default_factory=dict)

    _check_lists = field_validator("asks", "actors", "activities", "permission", "uses_tool")(
        lambda v: [compiles(p) for p in v]
    )
    _check_question = field_validator("ja_question")(compiles)

    def expand(self, pattern: str) -> str:
        """`pattern` with each `{name}` replaced by its word list as one group; a list may
        name another ({ai_at_work} holds {machines}), so lists are expanded in turn."""

        def group(match: re.Match[str]) -> str:
            if match.group(1) not in self.words:
                raise ValueError(f"no word list {{{match.group(1)}}} under words:")
            return "(?:" + "|".join(self.words[match.group(1)]) + ")"

        for _ in range(_NESTING):
            expanded = _WORD_LIST.sub(group, pattern)
            if expanded == pattern:
                return expanded
            pattern = expanded
        raise ValueError(f"word lists nest deeper than {_NESTING} levels (or name themselves)")

    def patterns(self) -> list[str]:
        """Every pattern of the file, its word lists expanded."""
        own = [p for h in self.hints for p in (h.pattern, h.unless) if p is not None]
        lists = (*self.asks, *self.actors, *self.activities, *self.permission, *self.uses_tool)
        lists = (*lists, *self.states_wish)
        return [self.expand(p) for p in (*lists, *own)]

    def vocabulary(self) -> list[str]:
        """The patterns as plain words (a regex escape such as '\\b' or '\\w' is no word): what
        a speller reads so that the words a use case is read by are never 'corrected'."""
        return [_ESCAPE.sub(" ", p) for p in self.patterns()]

    def regex(self, pattern: str) -> re.Pattern[str]:
        """`pattern`, its word lists expanded, compiled as questions are read (any case)."""
        expanded = self.expand(pattern)
        if expanded not in self._regexes:
            known = self._programs.get(expanded)
            self._regexes[expanded] = (
                compiled(known) if known else re.compile(expanded, re.IGNORECASE)
            )
        return self._regexes[expanded]

    def __getstate__(self) -> dict[Any, Any]:
        # Pickled with its programs, not its patterns (a pattern pickles as re.compile again).
        state = super().__getstate__()
        state["__pydantic_private__"] = {**state["__pydantic_private__"], "_regexes": {}}
        return state

    @model_validator(mode="after")
    def _yielded_hints_exist(self) -> HintFile:
        ids = {h.id for h in self.hints}
        for hint in self.hints:
            unknown = sorted(set(hint.yields_to) - ids)
            if unknown:
                raise ValueError(f"hint {hint.id!r} yields to unknown hints {unknown}")
        return self

    @model_validator(mode="after")
    def _lists_named_exist(self) -> HintFile:
        for pattern in self.patterns():  # raises on an unknown list
            try:
                self._programs[pattern] = program(pattern, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from exc
            self._regexes[pattern] = compiled(self._programs[pattern])
        return self


@derived
def hints() -> HintFile:
    """The hint file of the rule base in use, read and validated once (the speller and the
    use-case reader both read it) through RuleBase.document, the one loader of the wording
    files: validated again only when it or the code validating it changed since a process last
    did (validated_cache)."""
    return load_rule_base().document(HINTS_FILE.name, HintFile)
