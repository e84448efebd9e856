"""Personal-data questions in plain words reach the APPI's own rule: giving customer data to
another company is third-party provision, and 'どこかに報告' (report somewhere) asks a duty,
not who."""

from __future__ import annotations

from agent.answer.understand import understand
from knowledge.schema import Facet


def test_giving_customer_data_to_a_partner_is_third_party_provision() -> None:
    question = "can we give customer data to a partner company without asking the customers first?"
    assert "third_party_provision" in understand(question).parts[0].entities


def test_somewhere_to_report_asks_the_duty_not_who() -> None:
    part = understand("顧客データが漏えいしたら、どこかに報告しないといけない？").parts[0]
    assert "data_breach" in part.entities
    assert part.facet != Facet.who
    # 'どこに報告？' still asks where (who)
    assert understand("漏えいしたらどこに報告しますか？").parts[0].facet == Facet.who


def test_keeping_data_in_a_cloud_is_answered_by_the_cloud_exception(session_home: object) -> None:
    """Whether keeping data on a cloud is giving it to the provider: the PPC's cloud exception
    (a provider that does not handle the data is not given it) answers."""
    from agent.qa import ask

    answer = ask("クラウドに個人データを保存するのは第三者提供にあたりますか？", offline=True)
    assert answer.fact_ids[0] == "appi_cloud_storage_not_provision", answer.fact_ids


def test_consent_for_a_cloud_region_abroad_is_no_bare_yes(session_home: object) -> None:
    """Consent to keep data in a cloud region abroad: the cross-border rule, which names the
    EU and the UK as equivalent, leads; not a bare 'Yes'."""
    from agent.qa import ask

    for question in (
        "Do we need our customers' consent to store their personal data in a UK region of our "
        "cloud provider?",
        "顧客データを米国リージョンのクラウドに置くなら本人の同意はいる？",
    ):
        answer = ask(question, offline=True)
        assert answer.fact_ids[0] == "appi_art28_cross_border", answer.fact_ids
        assert not answer.answer.startswith(("Yes", "はい")), answer.answer
