"""Facts, entities and premises: loading, cross-references and coverage of the packaged data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.check import check_rule_base
from knowledge.loader import DATA_DIR, Problem, RuleBaseError, load_rule_base, load_rule_base_from
from knowledge.schema import EntityKind
from tests.knowledge.kb_data import edit_entry, load, make_data_dir, write_yaml


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_data_dir(tmp_path)


def _only(problems: list[Problem]) -> tuple[str, str, str, str]:
    assert len(problems) == 1, [str(p) for p in problems]
    p = problems[0]
    return Path(p.file).name, p.entry, p.field, p.message


# --- loading --------------------------------------------------------------------------------


def test_loader_reads_facts_entities_and_premises(data: Path) -> None:
    rules = load_rule_base_from(data)
    assert rules.facts["act_bans_nothing"].refutes == ["ban", "prohibited_list"]
    assert rules.entities["ai_promotion_act"].source == "ai_promotion_act"
    assert "ban" in rules.premises


def test_loader_names_file_entry_and_field_of_a_bad_fact(data: Path) -> None:
    edit_entry(data / "facts" / "act.yaml", "act_bans_nothing", facet="whether")
    with pytest.raises(RuleBaseError) as caught:
        load_rule_base_from(data)
    (problem,) = caught.value.problems
    assert (Path(problem.file).name, problem.entry, problem.field) == (
        "act.yaml",
        "act_bans_nothing",
        "facet",
    )


def test_fact_ids_are_unique_across_fact_files(data: Path) -> None:
    write_yaml(data / "facts" / "other.yaml", load(data / "facts" / "act.yaml"))
    assert _only(check_rule_base(data))[1:3] == ("act_bans_nothing", "id")


def test_missing_entities_file_is_reported(data: Path) -> None:
    (data / "entities.yaml").unlink()
    messages = [str(p) for p in check_rule_base(data)]
    assert any("entities.yaml" in m and "file is missing" in m for m in messages)


# --- cross-references: one typo, one problem naming file, entry and field --------------------


def test_fact_about_an_unknown_entity(data: Path) -> None:
    edit_entry(data / "facts" / "act.yaml", "act_bans_nothing", about=["ai_promotion_akt"])
    assert _only(check_rule_base(data)) == (
        "act.yaml",
        "act_bans_nothing",
        "about",
        "refers to unknown id 'ai_promotion_akt' in entities.yaml",
    )


def test_fact_citing_an_unknown_source(data: Path) -> None:
    edit_entry(data / "facts" / "act.yaml", "act_bans_nothing", cites=[{"source": "eu_ai_akt"}])
    assert _only(check_rule_base(data))[:3] == ("act.yaml", "act_bans_nothing", "cites.0.source")


def test_fact_refuting_an_unknown_premise(data: Path) -> None:
    edit_entry(data / "facts" / "act.yaml", "act_bans_nothing", refutes=["bann"])
    assert _only(check_rule_base(data)) == (
        "act.yaml",
        "act_bans_nothing",
        "refutes",
        "refers to unknown id 'bann' in premises.yaml",
    )


def test_fact_retyping_a_source_date(data: Path) -> None:
    text = "The AI Promotion Act was promulgated on 4 June 2025."
    edit_entry(data / "facts" / "act.yaml", "act_bans_nothing", text=text)
    assert _only(check_rule_base(data))[:3] == ("act.yaml", "act_bans_nothing", "text")


def test_topic_card_listing_an_unknown_fact(data: Path) -> None:
    edit_entry(data / "topics" / "regime.yaml", "faq_ai_act", facts=["act_bans_nothin"])
    assert _only(check_rule_base(data)) == (
        "regime.yaml",
        "faq_ai_act",
        "facts",
        "refers to unknown fact 'act_bans_nothin' in facts/",
    )


def test_entity_with_an_unknown_source(data: Path) -> None:
    edit_entry(data / "entities.yaml", "penal_code", source="penal_cod")
    problems = check_rule_base(data)
    fields = {(Path(p.file).name, p.entry, p.field) for p in problems}
    assert ("entities.yaml", "penal_code", "source") in fields


def test_entity_nearby_an_unknown_entity(data: Path) -> None:
    edit_entry(data / "entities.yaml", "pmd_act", nearby=["helth"])
    assert _only(check_rule_base(data)) == (
        "entities.yaml",
        "pmd_act",
        "nearby",
        "refers to unknown id 'helth' in entities.yaml",
    )


def test_every_source_needs_its_instrument_entity(data: Path) -> None:
    entities = [e for e in load(data / "entities.yaml") if e["id"] != "copyright_act"]
    for entity in entities:  # nothing else may point at the removed entity
        entity["nearby"] = [n for n in entity.get("nearby", []) if n != "copyright_act"]
    write_yaml(data / "entities.yaml", entities)
    name, entry, _, message = _only(check_rule_base(data))
    assert (name, entry) == ("entities.yaml", "copyright_act")
    assert "no instrument entity" in message


def test_one_alias_for_two_entities(data: Path) -> None:
    entities = load(data / "entities.yaml")
    meti = next(e for e in entities if e["id"] == "meti")
    meti["aliases"].append("aigfb")
    write_yaml(data / "entities.yaml", entities)
    assert _only(check_rule_base(data)) == (
        "entities.yaml",
        "meti",
        "aliases",
        "'aigfb' also names entity 'aigfb'",
    )


def test_alias_must_be_lower_case(data: Path) -> None:
    edit_entry(data / "entities.yaml", "caio", aliases=["CAIO"])
    assert _only(check_rule_base(data))[:3] == ("entities.yaml", "caio", "aliases.0")


def test_premise_cue_must_compile(data: Path) -> None:
    edit_entry(data / "premises.yaml", "ban", cues=[r"\bban(ned"])
    name, entry, field, message = _only(check_rule_base(data))
    assert (name, entry, field) == ("premises.yaml", "ban", "cues.0")
    assert message.startswith("bad regex")


# --- the packaged data ------------------------------------------------------------------------


def test_packaged_fact_layer_is_clean() -> None:
    mine = {"entities.yaml", "premises.yaml"}
    problems = [
        str(p)
        for p in check_rule_base(DATA_DIR)
        if Path(p.file).name in mine or "/facts/" in p.file
    ]
    assert problems == []


def test_every_source_is_an_instrument_entity_of_the_same_id() -> None:
    rules = load_rule_base()
    for source_id in rules.sources:
        entity = rules.entities[source_id]
        assert (entity.kind, entity.source) == (EntityKind.instrument, source_id)


def test_every_institution_and_role_is_an_entity() -> None:
    rules = load_rule_base()
    for ids, kind in ((rules.institutions, EntityKind.institution), (rules.roles, EntityKind.role)):
        for entity_id in ids:
            assert rules.entities[entity_id].kind is kind, entity_id


def test_every_profile_sector_is_an_entity() -> None:
    from typing import get_args

    from core.profile import Sector

    rules = load_rule_base()
    for sector in get_args(Sector):
        assert rules.entities[sector].kind is EntityKind.sector


def test_uncovered_entities_point_somewhere_covered() -> None:
    rules = load_rule_base()
    for entity in rules.entities.values():
        if not entity.covered:
            assert entity.nearby, entity.id
            assert all(rules.entities[n].covered for n in entity.nearby), entity.id


@pytest.mark.parametrize(
    ("question", "premise"),
    [
        ("Does Japan's AI Act ban facial recognition?", "ban"),
        ("Is social scoring prohibited in Japan?", "ban"),
        ("Where do we register our high-risk AI system in Japan's AI database?", "registration"),
        ("Where do we register our high-risk AI system in Japan's AI database?", "risk_tier"),
        ("Do we need a licence to deploy a chatbot in Japan?", "licence"),
        ("How big are the fines under Japan's AI Act?", "ai_fines"),
        ("Can we be fined under Japanese AI rules?", "ai_fines"),
        ("Does the AI Promotion Act have penalties?", "ai_fines"),
        ("Which is the AI regulator in Japan?", "single_regulator"),
        ("do privte companies need a chief ai officer in japan", "caio_mandatory"),
        ("Must we label AI-generated images by law in Japan?", "labelling_mandatory"),
        ("Is Japan's AI Act a copy of the EU AI Act?", "eu_copy"),
        ("Japan has no AI regulation, right?", "no_regulation"),
        ("Since the AI guidelines are mandatory, what must we file?", "guidelines_binding"),
        ("We only use ChatGPT, so Japan's AI rules are not our problem, right?", "only_developers"),
        ("Foreign AI providers are exempt from Japan's rules, aren't they?", "foreign_exempt"),
        ("Japanese AI rules don't apply to overseas companies, right?", "foreign_exempt"),
        ("Which agency is Japan's AI regulator we must notify?", "single_regulator"),
        ("What's the equivalent maximum fine in Japan?", "ai_fines"),
        ("Can we reuse our EU AI Act compliance programme for Japan?", "eu_copy"),
        ("民間企業にもCAIOの設置義務はありますか？", "caio_mandatory"),
        ("日本にはAIを一元的に監督する規制当局がありますか？", "single_regulator"),
    ],
)
def test_premise_cues_catch_the_belief(question: str, premise: str) -> None:
    cues = load_rule_base().premises[premise].cues
    assert any(re.search(cue, question, re.IGNORECASE) for cue in cues)


@pytest.mark.parametrize(
    "question",
    [
        "Is it fine to paste customer names into a chatbot?",
        "What are Japan's rules on facial recognition?",
        "When was the AI Promotion Act promulgated?",
        "Who enforces the APPI?",
        "Does the APPI have penalties?",
    ],
)
def test_premise_cues_stay_quiet_on_the_topic_alone(question: str) -> None:
    rules = load_rule_base()
    fired = [
        p.id
        for p in rules.premises.values()
        if any(re.search(cue, question, re.IGNORECASE) for cue in p.cues)
    ]
    assert fired == []


# --- coverage of the packaged facts -----------------------------------------------------------


@pytest.mark.parametrize("subject", ["japan_ai_regime", "ai_promotion_act"])
def test_every_premise_is_refuted_for_the_regime_and_the_act(subject: str) -> None:
    rules = load_rule_base()
    unrefuted = [
        premise
        for premise in rules.premises
        if not any(premise in f.refutes and subject in f.about for f in rules.facts.values())
    ]
    assert unrefuted == []


def test_refuting_facts_answer_no_or_state_a_negative() -> None:
    # A fact that refutes a premise must not read as a "Yes" to it.
    rules = load_rule_base()
    assert [f.id for f in rules.facts.values() if f.refutes and f.answers == "Yes."] == [
        "japan_has_ai_act",
        "act_in_force",
        "appi_art171_extraterritorial",
        "existing_law_applies",
        "regime_is_regulated",
    ]  # each refutes only a belief that is a denial, where "Yes" is the correction
    for fact_id in ("japan_has_ai_act", "act_in_force", "existing_law_applies"):
        assert rules.facts[fact_id].refutes == ["no_regulation"]
    # 'The APPI also binds a business abroad…' answers "Japan's rules don't apply to us" (Art. 171).
    assert rules.facts["appi_art171_extraterritorial"].refutes == ["foreign_exempt"]


def test_fact_texts_stand_alone() -> None:
    # Composed answers quote facts out of order: no dangling pronoun or bare yes/no opening.
    rules = load_rule_base()
    dangling = re.compile(r"^(It|Its|They|Their|This|These|Yes|No)\b")
    assert [f.id for f in rules.facts.values() if dangling.match(f.text)] == []


def test_every_covered_entity_has_a_fact_and_uncovered_ones_none() -> None:
    rules = load_rule_base()
    about = {entity for fact in rules.facts.values() for entity in fact.about}
    covered = {e.id for e in rules.entities.values() if e.covered}
    # A sector whose own law the rule base lacks is named (to say so), with no facts of its own.
    unheld = {e.id for e in rules.entities.values() if not e.own_law_covered}
    assert sorted(covered - about - unheld) == []
    assert sorted(unheld & about) == []
    assert sorted(about - covered) == []


def test_fact_retyping_an_institution_date(data: Path) -> None:
    text = "The AI Strategic Headquarters first met on 12 September 2025."
    edit_entry(data / "facts" / "act.yaml", "act_bans_nothing", text=text)
    name, entry, field, message = _only(check_rule_base(data))
    assert (name, entry, field) == ("act.yaml", "act_bans_nothing", "text")
    assert "institution 'ai_strategic_hq'" in message


def test_every_topic_card_lists_its_facts() -> None:
    rules = load_rule_base()
    assert [t.id for t in rules.topics.values() if not t.facts] == []


def test_no_alias_starts_with_an_article() -> None:
    # The linker takes the leftmost alias: "the digital agency" would swallow "the Digital
    # Agency guideline" before the longer "digital agency guideline" could match.
    rules = load_rule_base()
    leading = [
        (e.id, a) for e in rules.entities.values() for a in e.aliases if a.startswith("the ")
    ]
    assert leading == []
