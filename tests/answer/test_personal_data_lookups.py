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
