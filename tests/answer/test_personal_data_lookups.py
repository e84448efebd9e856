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


def test_consent_to_keep_data_in_a_cloud_abroad_also_gives_the_cloud_exception(
    session_home: object,
) -> None:
    """Both the cloud exception (a provider that does not handle the data is not given it) and
    the cross-border consent rule answer it, neither with a bare 'Yes'."""
    from agent.qa import ask

    for question in (
        "Do we need our customers' consent to store their personal data in a UK region of our "
        "cloud provider?",
        "顧客データを米国リージョンのクラウドに置くなら本人の同意はいる？",
    ):
        answer = ask(question, offline=True)
        both = {"appi_art28_cross_border", "appi_cloud_storage_not_provision"}
        assert both == set(answer.fact_ids[:2]), answer.fact_ids
        assert not answer.answer.startswith(("Yes", "はい")), answer.answer
