"""Of several things a lookup names, the fact about the point asked leads, not a generic fact
that shares a broad name (agent/answer/select.py `_about_most`)."""

from __future__ import annotations

from agent.answer.reader import default_reader
from agent.answer.select import by_entity_and_facet
from agent.answer.understand import read_part


def test_the_fact_on_the_named_point_outranks_a_broad_alert() -> None:
    reader = default_reader()
    # Names personal data, cloud services, the APPI and third-party provision: the PPC's
    # generative-AI alert shares only the broad names (the APPI, personal data); the cloud fact
    # is about the cloud and provision, which no 'what' fact is about.
    part = read_part(
        "顧客データをクラウドサービスに保存するのは、個人情報保護法上の第三者提供になりますか",
        reader,
    )
    assert {"cloud_service", "third_party_provision"} <= set(part.entities)
    facts = by_entity_and_facet(part, reader)
    assert facts[0].id == "appi_cloud_storage_not_provision"


def test_broad_names_alone_do_not_pull_a_fact_ahead() -> None:
    # Every thing named has a 'what' fact about it: the facet's own facts still lead.
    reader = default_reader()
    part = read_part(
        "which government body is responsible for AI policy under the AI Promotion Act?", reader
    )
    assert by_entity_and_facet(part, reader)[0].id == "hq_what"


def test_the_regimes_penalty_fact_on_the_point_leads_over_an_added_facet() -> None:
    # 'Can they inspect us?' asks a penalty; the chatbot's own fact is on a facet the yes/no
    # added (it needs no licence) and shares fewer of the question's words than the Act's fact
    # that gives no power to inspect.
    reader = default_reader()
    part = read_part(
        "Can the government inspect our premises because of the AI chatbot we run?", reader
    )
    facts = by_entity_and_facet(part, reader)
    assert facts[0].id == "act_no_orders"
    assert "chatbot_no_approval" in [f.id for f in facts]
