"""The interview's result summary in Japanese: role and layer names from the rule base, and the
'to confirm' lines built from the question bank (issue 18)."""

from __future__ import annotations

from agent.interview.result import result_view
from core.profile import UseCaseProfile
from knowledge.loader import load_rule_base
from tools.assess import assess


def test_the_summary_names_roles_and_layers_in_japanese() -> None:
    profile = UseCaseProfile(
        name="x",
        description="y",
        offers_to_others=True,
        personal_data_beyond_output=True,
        personal_data="personal",
        unsure=["personal_data_beyond_output"],
    )
    assessment = assess(profile)
    english, japanese = result_view(assessment, "en"), result_view(assessment, "ja")

    rule_base = load_rule_base()
    assert japanese.roles == [rule_base.roles[r.id].name_ja for r in assessment.roles]
    assert "AI提供者" in japanese.roles and "AI provider" in english.roles
    assert japanese.layers == [rule_base.triggers[t.id].title_ja for t in assessment.triggers]
    assert (japanese.actions, japanese.before_launch) == (english.actions, english.before_launch)
    dropped = assessment.to_confirm[0]
    assert japanese.to_confirm == [
        f"出力以外での個人データの利用（学習など）（「はい」と仮定）。「いいえ」の場合、外れる規律は"
        f"{len(dropped.dropped_layers)}件、対応事項は{len(dropped.dropped_actions)}件です。"
    ]
    assert english.to_confirm[0].startswith("Personal data used beyond the output")
