"""phrasebook.yaml: the words that decide facets, yes/no, parts and leads, and the templates
answers are worded in; agent/answer/phrasebook.py compiles it, kb check validates it with these
models."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from knowledge.schema.base import Cues, Strict, compiles
from knowledge.schema.facts import EntityKind, Facet


class FacetCue(Cues):
    facet: Facet


class FacetLemmas(Strict):
    """Japanese words, in SudachiPy's dictionary form, that ask a facet whatever their ending
    ('捕まりますか', '罰せられる'): read when no cue fires. With `with_`, one of those must stand
    beside them too ('厳しい' compares only beside 'より', 'どっち' or 比べる)."""

    facet: Facet
    lemmas: list[str] = Field(min_length=1)
    with_: list[str] = Field(default_factory=list, alias="with")


class FacetWords(Strict):
    """A facet's everyday words and phrases ('teeth', 'go after' for penalty): evidence for the
    facet when no cue fires, weighed with the facts (agent/answer/facet_rank.py)."""

    facet: Facet
    words: list[str] = Field(min_length=1)


class Templates(Strict):
    premise: str
    premise_statement: str
    premise_claim: str
    premise_agreed: str
    not_covered: str
    not_covered_nearby: str
    no_facts: str
    use_case_read: str
    use_case_sector_not_covered: str
    use_case_roles: str
    use_case_also: str
    also_check: str
    use_case_watch: str
    watch_line: str
    part_heading: str
    date_line: str
    date_not_recorded: str
    dates_recorded: str
    issuer_line: str
    identifier_line: str
    article_lead: str = Field(
        default="{section} of the {name}: ",
        description="Opens the answer to 'which article…?' when the fact does not name it.",
    )
    offline_notice: str
    first_actions: str
    use_case_closing: str
    use_case_closing_tui: str
    model_unavailable: str
    opening_refused: str


class Phrasebook(Strict):
    facet_cues: list[FacetCue]
    facet_words: list[FacetWords] = Field(default_factory=list)
    yes_no: str
    splitter: str
    follow_up: str
    pointers_ja: str = Field(
        default="(?!)",
        description="A Japanese demonstrative opening a turn ('それって…'): it points back.",
    )
    pointer_noun: str = Field(
        default="(?!)",
        description="A pointer with its noun ('そのガイドライン'), in named groups noun, noun_en.",
    )
    existence: str
    negation: str
    denial: str
    sanction: str = Field(default="(?!)", description="Words of a sanction (penalty, 罰則).")
    omission: str = Field(
        default="(?!)", description="Words of not doing a thing, read near a sanction word."
    )
    duty: str = Field(
        description="Words that make a statement a duty ('must', 'required', '義務')."
    )
    addressee: str = Field(
        description="Who a duty or scope question is asked of ('…require of businesses'): "
        "the named group 'who'."
    )
    instruction: str = Field(description="An order to the assistant about what to say.")
    request: str = Field(
        default="(?!)",
        description="A request that wraps a question ('Tell me when…', 'Can you tell me who…').",
    )
    preface: str = Field(
        default="(?!)",
        description="Words opening a turn that ask nothing ('ok', 'thanks', 'different question').",
    )
    who_acts: str = Field(
        description="Verbs a who-question asks that the issuer does not answer ('who approves')."
    )
    bare_use: list[str] = Field(
        default_factory=list,
        description="Profile fields any mention of AI sets ('our AI system'): a reading that "
        "sets no other describes no use of its own.",
    )
    audience: list[str] = Field(
        default_factory=list,
        description="Role ids a duty question naming no one is asked for, in order.",
    )
    event_words: list[list[str]] = Field(
        min_length=1, description="Groups of word starts that name the same dated event."
    )
    event_phrases: str = Field(
        default="(?!)",
        description="Phrases whose words would name another event ('come into force' is no "
        "'came out'): read as their last word alone.",
    )
    question_words_ja: str = Field(
        default="(?!)", description="Japanese question words: the facet cue holding one wins."
    )
    event_words_ja: list[list[str]] = Field(
        default_factory=list, description="The same, as Japanese words or word pieces."
    )
    role_words: list[list[str]] = Field(
        default_factory=list,
        description="Groups of word starts (English) or words (Japanese) naming one role in a "
        "body: its chair, its members, its secretariat.",
    )
    joiners_ja: str = Field(
        default="(?!)", description="Words joining two Japanese asks in one phrase ('と', 'や')."
    )
    connectives_ja: str = Field(
        default="(?!)", description="Words opening a further Japanese ask ('それと', 'あと')."
    )
    demonstrative: str = Field(
        default="(?!)",
        description="A word pointing at the thing just asked about ('that', 'those', 'それ'), "
        "as against 'it' for the subject asked of.",
    )
    list_item: str = Field(
        default="(?!)",
        description="Where an enumerated or bulleted ask begins ('1) …', '- …', '②…'): each "
        "item is a part of its own.",
    )
    facet_lemmas_ja: list[FacetLemmas] = Field(
        default_factory=list, description="Japanese dictionary forms asking each facet."
    )
    latest: str
    how_many: str = Field(
        default="(?!)", description="A question asking how many ('いくつ', 'from how many')."
    )
    count: str = Field(
        default="(?!)", description="A count in a fact's sentence: no date, article or version."
    )
    event_choice: str = Field(
        default="(?!)",
        description="A choice between dated states ('in force or still a bill?'): the newest "
        "event the question names answers it.",
    )
    which_article: str = Field(
        default="(?!)",
        description="A question asking which article or provision says a thing ('which article "
        "requires…', '何条'): the fact citing one article of the Act answers it.",
    )
    provision_name: str = Field(
        default="(?!)",
        description="An English name that begins with its provision ('Article 30-4 of the "
        "Copyright Act'): it takes no 'the' in a sentence.",
    )
    how_many_articles: str = Field(
        default="(?!)",
        description="A question asking how a text is divided ('how many articles', '何章'): the "
        "fact citing the most of its parts answers it.",
    )
    contents: str = Field(
        default="(?!)",
        description="Words naming what a text says: its principles, ideas, elements, approach.",
    )
    kind_nouns: dict[EntityKind, str] = Field(
        default_factory=dict,
        description="Per kind of entity, the words asking for the kind as a class ('which "
        "roles', 'どんな役割'): the facts naming several of its members answer it.",
    )
    confirmation: str = Field(
        default="(?!)", description="A statement put up to be confirmed ('…, right?', 'よね')."
    )
    alternative: str = Field(
        default="(?!)",
        description="A choice between two answers ('binding or voluntary?', '…か、それとも…か'): "
        "asked which, so no yes or no answers it.",
    )
    coordinated: str = Field(
        default="(?!)",
        description="What stands between two names asked about side by side ('and', 'と').",
    )
    document_nouns: list[str] = Field(
        default_factory=list,
        description="Kinds of document a body issues ('alert', 'ガイドライン'), lower case.",
    )
    describes_use: str
    body_says: str = Field(description="Words asking what a body said or issued.")
    elliptical: str = Field(description="Openings of a follow-up that re-asks the last question.")
    one_ja: str = Field(
        description="A Japanese 'the X's one' ('デジタル庁のは？'): the document body X issued."
    )
    shifts_subject: str = Field(
        description="Openings of a part that turns to a subject of its own."
    )
    condition: str = Field(
        default="(?!)",
        description="A condition clause ('if we don't comply'): a negation inside it does not "
        "negate the question.",
    )
    narrowing: str = Field(
        default="(?!)",
        description="Words that narrow the last question to a field ('what about for "
        "hospitals?', '病院の場合は？') rather than turn to it as a topic.",
    )
    verb_ellipsis: str = Field(
        default="(?!)",
        description="A turn ending on an auxiliary whose verb it leaves out ('do private "
        "companies have to as well?'): it asks the last question again of what it names.",
    )
    given: str = Field(description="A claim stated as given, in named groups.")
    function_words: str = Field(min_length=1, description="Space-separated words.")
    common_words: str = Field(min_length=1, description="Words too common to show relevance.")
    legal_force_words: str = Field(min_length=1, description="Word starts that make a claim.")
    templates: Templates
    templates_ja: Templates
    answers_ja: dict[str, str] = Field(description="A fact's direct answer, in Japanese.")
    hedged_answers: dict[str, str] = Field(
        default_factory=dict,
        description="A direct answer that says nothing alone ('It depends.') and the opening it "
        "takes instead, in one sentence with the fact that says on what it depends.",
    )
    converse_answers: dict[str, str] = Field(
        default_factory=dict,
        description="A direct answer and its converse ('Yes.': 'No.'), each way: a 'does not' "
        "fact's answer to 'does it ban…?' turned to answer 'is it legal to…?'.",
    )
    asked_verb_ja: str = Field(
        default="(?!)",
        description="The verb a Japanese yes/no question asks whether one can do "
        "('命令できるの？'), in the group `verb`: the answer's yes or no echoes it.",
    )
    echoed_answers_ja: dict[str, str] = Field(
        default_factory=dict,
        description="A Japanese yes or no and the opening that echoes the verb asked "
        "('いいえ。': 'いいえ、{verb}はできません。').",
    )
    yes_no_words: dict[str, Literal["yes", "no"]] = Field(
        min_length=2,
        description="The yes or no an answer opens with, in either language, lower case "
        "('はい': yes).",
    )
    spellings_ja: dict[str, str] = Field(
        default_factory=dict, description="A Latin word and its Japanese spelling ('ai': 人工知能)."
    )
    short_forms: dict[str, list[str]] = Field(
        default_factory=dict,
        description="An English long form and how names write it short ('generative ai': gen ai).",
    )
    abbreviations_ja: dict[str, str] = Field(
        default_factory=dict,
        description="Latin abbreviations Japanese writers put beside Japanese words ('事業者GL').",
    )

    @field_validator("converse_answers")
    @classmethod
    def _converse_both_ways(cls, value: dict[str, str]) -> dict[str, str]:
        for answer, converse in value.items():
            if value.get(converse) != answer:
                raise ValueError(f"'{converse}' (the converse of '{answer}') must turn back")
        return value

    @field_validator("kind_nouns")
    @classmethod
    def _kind_nouns_compile(cls, value: dict[EntityKind, str]) -> dict[EntityKind, str]:
        for pattern in value.values():
            compiles(pattern)
        return value

    _check = field_validator(
        "yes_no",
        "splitter",
        "follow_up",
        "pointers_ja",
        "pointer_noun",
        "existence",
        "negation",
        "denial",
        "duty",
        "sanction",
        "omission",
        "addressee",
        "instruction",
        "request",
        "preface",
        "who_acts",
        "describes_use",
        "latest",
        "event_choice",
        "how_many",
        "count",
        "which_article",
        "provision_name",
        "event_phrases",
        "how_many_articles",
        "contents",
        "coordinated",
        "confirmation",
        "alternative",
        "body_says",
        "elliptical",
        "one_ja",
        "shifts_subject",
        "verb_ellipsis",
        "narrowing",
        "condition",
        "given",
        "joiners_ja",
        "connectives_ja",
        "list_item",
        "demonstrative",
    )(compiles)
